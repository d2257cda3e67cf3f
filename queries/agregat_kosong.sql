-- agregat_kosong: an empty `agregat` table (no file could be loaded), from the empty Arrow table
-- registered as `agregat_baru` with the rollup's columns.
-- Parameters: none.
-- Columns: as agregat_berkas.
CREATE OR REPLACE TABLE agregat AS
SELECT *
FROM agregat_baru
