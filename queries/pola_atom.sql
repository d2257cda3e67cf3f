-- pola_atom: the atoms the suppression pattern (berakhlak/pola.py) is computed over: every
-- combination of the filter columns in one period, or the same per group of one demographic
-- dimension.
-- Parameters: $periode, $dimensi ('semua' or a demographic column).
-- Columns: jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja, grup ('' on 'semua'
--   rows), n (respondents), lengkap (every value answered by someone in the atom).
SELECT
    jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja,
    coalesce(grup, '') AS grup,
    sum(n)::BIGINT AS n,
    least(sum(n_bp), sum(n_ak), sum(n_ko), sum(n_ha), sum(n_lo), sum(n_ad), sum(n_kl)) > 0 AS lengkap
FROM agregat
WHERE periode = $periode AND dimensi = $dimensi
GROUP BY ALL
HAVING sum(n) > 0
ORDER BY ALL
