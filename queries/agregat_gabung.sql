-- agregat_gabung: gathers the per-file rollups (Parquet files in the cache folder) into table
-- `agregat`, sorted so that a page's query skips whole blocks (dimensi, then periode). The same
-- cell may come from several files (e.g. one period split by region): every query sums, so the
-- rows are stacked, not merged.
-- Parameters: $berkas  list of the rollup files.
-- Columns: as agregat_berkas.
CREATE OR REPLACE TABLE agregat AS
SELECT *
FROM read_parquet($berkas)
ORDER BY dimensi, periode, provinsi, instansi
