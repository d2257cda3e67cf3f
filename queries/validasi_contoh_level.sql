-- validasi_contoh_level: example socio-emotional levels that are not one of 1-5, in the file
-- exposed as view `berkas`.
-- Parameters: $contoh (how many examples).
-- Columns: nilai (DOUBLE, distinct, sorted; NaN sorts last).
SELECT DISTINCT level_sosio_emosional::DOUBLE AS nilai
FROM berkas
WHERE isnan(level_sosio_emosional::DOUBLE)
   OR level_sosio_emosional::DOUBLE NOT IN (1, 2, 3, 4, 5)
ORDER BY nilai
LIMIT $contoh
