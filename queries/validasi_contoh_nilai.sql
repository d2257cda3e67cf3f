-- validasi_contoh_nilai: example values of one score column that are NaN or outside 0-100,
-- in the file exposed as view `berkas`.
-- Identifier: {{kolom}} the score column.
-- Parameters: $contoh (how many examples).
-- Columns: nilai (DOUBLE, distinct, sorted; NaN sorts last).
SELECT DISTINCT {{kolom}}::DOUBLE AS nilai
FROM berkas
WHERE isnan({{kolom}}::DOUBLE) OR {{kolom}}::DOUBLE NOT BETWEEN 0 AND 100
ORDER BY nilai
LIMIT $contoh
