-- validasi_contoh_periode: example periods that are not a whole year within the allowed
-- range, in the file exposed as view `berkas`.
-- Parameters: $periode_min, $periode_maks (allowed years), $contoh (how many examples).
-- Columns: nilai (DOUBLE, distinct, sorted; NaN sorts last).
SELECT DISTINCT periode::DOUBLE AS nilai
FROM berkas
WHERE isnan(periode::DOUBLE) OR periode::DOUBLE <> round(periode::DOUBLE)
   OR periode < $periode_min OR periode > $periode_maks
ORDER BY nilai
LIMIT $contoh
