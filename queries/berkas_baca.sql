-- berkas_baca: one or several Parquet extracts read as one relation, every column of the files
-- (matched by name; never columns from `periode=` folder names: validation reads those) plus
-- `berkas_asal_` (the path of each row's file, as given), so that
-- validation and rollups can check or summarise many files in one query, grouped by file.
-- berakhlak/db.py (Basis.tampilkan_berkas) selects the contract's columns from it by name.
-- Parameters: $berkas (list of paths), $gabung_nama (true when several files: columns are
--   matched by name and their types widened).
-- Columns: the files' columns, berkas_asal_ (VARCHAR).
SELECT *
FROM read_parquet($berkas, filename = 'berkas_asal_', union_by_name = $gabung_nama,
                  hive_partitioning = false)
