-- pola_atom: the atoms the suppression pattern (berakhlak/pola.py) is computed over: every
-- combination of the filter columns in one period, or the same per group of one demographic
-- dimension.
-- Parameters: $periode, $dimensi ('semua' or a demographic column).
-- Columns: jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja, grup ('' on 'semua'
--   rows), n (respondents), lengkap (every value answered by someone in the atom), and per
--   measure the respondents who answered it: n_bp .. n_kl (the seven values), n_lv (a level).
SELECT
    jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja,
    coalesce(grup, '') AS grup,
    sum(n)::BIGINT AS n,
    least(sum(n_bp), sum(n_ak), sum(n_ko), sum(n_ha), sum(n_lo), sum(n_ad), sum(n_kl)) > 0 AS lengkap,
    sum(n_bp)::BIGINT AS n_bp, sum(n_ak)::BIGINT AS n_ak, sum(n_ko)::BIGINT AS n_ko,
    sum(n_ha)::BIGINT AS n_ha, sum(n_lo)::BIGINT AS n_lo, sum(n_ad)::BIGINT AS n_ad,
    sum(n_kl)::BIGINT AS n_kl,
    sum(coalesce(lv1, 0) + coalesce(lv2, 0) + coalesce(lv3, 0) + coalesce(lv4, 0) + coalesce(lv5, 0))::BIGINT AS n_lv
FROM agregat
WHERE periode = $periode AND dimensi = $dimensi
GROUP BY ALL
HAVING sum(n) > 0
ORDER BY ALL
