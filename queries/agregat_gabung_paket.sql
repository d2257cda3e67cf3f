-- agregat_gabung_paket: gathers the per-file rollups into table `agregat`, sorted so that a
-- page's query skips whole blocks (dimensi, then periode). Rollups are stored in bundles: one
-- Parquet file per query that made them (many files at once), each row naming its file's
-- result in `kunci_cache`; only the rows of the results asked for are taken (a bundle may also
-- hold results of files since changed). The same cell may come from several files (e.g. one
-- period split by region): every query sums, so the rows are stacked, not merged.
-- Parameters: $berkas  list of the bundle files;
--             $kunci   list of the result names to take (kunci_cache values).
-- Columns: as agregat_berkas, without filename.
CREATE OR REPLACE TABLE agregat AS
SELECT * EXCLUDE (kunci_cache)
FROM read_parquet($berkas)
WHERE kunci_cache IN (SELECT unnest($kunci))
ORDER BY dimensi, periode, provinsi, instansi
