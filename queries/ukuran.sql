-- ukuran: summed measures of a selection, grouped by one column.
-- Parameters: $dimensi ('semua' or a demographic column), one per filter
--   ($periode, $jenis_instansi, $provinsi, $kabupaten_kota, $instansi, $unit_kerja): NULL means no filter.
-- Identifier: {{kelompok}} the column to group by (periode, provinsi, kabupaten_kota, instansi,
--   jenis_instansi, unit_kerja or grup).
-- Columns: kelompok, then every measure of agregat_berkas summed (n, n_x, s_x, ss_x, ka_x..kd_x,
--   n_idx, s_idx, ss_idx, lv1..lv5).
SELECT
    {{kelompok}} AS kelompok,
    sum(n)::BIGINT AS n,
    sum(n_bp)::BIGINT AS n_bp,
    sum(s_bp)::DOUBLE AS s_bp,
    sum(ss_bp)::DOUBLE AS ss_bp,
    sum(ka_bp)::BIGINT AS ka_bp,
    sum(kb_bp)::BIGINT AS kb_bp,
    sum(kc_bp)::BIGINT AS kc_bp,
    sum(kd_bp)::BIGINT AS kd_bp,
    sum(n_ak)::BIGINT AS n_ak,
    sum(s_ak)::DOUBLE AS s_ak,
    sum(ss_ak)::DOUBLE AS ss_ak,
    sum(ka_ak)::BIGINT AS ka_ak,
    sum(kb_ak)::BIGINT AS kb_ak,
    sum(kc_ak)::BIGINT AS kc_ak,
    sum(kd_ak)::BIGINT AS kd_ak,
    sum(n_ko)::BIGINT AS n_ko,
    sum(s_ko)::DOUBLE AS s_ko,
    sum(ss_ko)::DOUBLE AS ss_ko,
    sum(ka_ko)::BIGINT AS ka_ko,
    sum(kb_ko)::BIGINT AS kb_ko,
    sum(kc_ko)::BIGINT AS kc_ko,
    sum(kd_ko)::BIGINT AS kd_ko,
    sum(n_ha)::BIGINT AS n_ha,
    sum(s_ha)::DOUBLE AS s_ha,
    sum(ss_ha)::DOUBLE AS ss_ha,
    sum(ka_ha)::BIGINT AS ka_ha,
    sum(kb_ha)::BIGINT AS kb_ha,
    sum(kc_ha)::BIGINT AS kc_ha,
    sum(kd_ha)::BIGINT AS kd_ha,
    sum(n_lo)::BIGINT AS n_lo,
    sum(s_lo)::DOUBLE AS s_lo,
    sum(ss_lo)::DOUBLE AS ss_lo,
    sum(ka_lo)::BIGINT AS ka_lo,
    sum(kb_lo)::BIGINT AS kb_lo,
    sum(kc_lo)::BIGINT AS kc_lo,
    sum(kd_lo)::BIGINT AS kd_lo,
    sum(n_ad)::BIGINT AS n_ad,
    sum(s_ad)::DOUBLE AS s_ad,
    sum(ss_ad)::DOUBLE AS ss_ad,
    sum(ka_ad)::BIGINT AS ka_ad,
    sum(kb_ad)::BIGINT AS kb_ad,
    sum(kc_ad)::BIGINT AS kc_ad,
    sum(kd_ad)::BIGINT AS kd_ad,
    sum(n_kl)::BIGINT AS n_kl,
    sum(s_kl)::DOUBLE AS s_kl,
    sum(ss_kl)::DOUBLE AS ss_kl,
    sum(ka_kl)::BIGINT AS ka_kl,
    sum(kb_kl)::BIGINT AS kb_kl,
    sum(kc_kl)::BIGINT AS kc_kl,
    sum(kd_kl)::BIGINT AS kd_kl,
    sum(n_idx)::BIGINT AS n_idx,
    sum(s_idx)::DOUBLE AS s_idx,
    sum(ss_idx)::DOUBLE AS ss_idx,
    sum(lv1)::BIGINT AS lv1,
    sum(lv2)::BIGINT AS lv2,
    sum(lv3)::BIGINT AS lv3,
    sum(lv4)::BIGINT AS lv4,
    sum(lv5)::BIGINT AS lv5
FROM agregat
WHERE dimensi = $dimensi
  AND ($periode IS NULL OR periode = $periode)
  AND ($jenis_instansi IS NULL OR jenis_instansi = $jenis_instansi)
  AND ($provinsi IS NULL OR provinsi = $provinsi)
  AND ($kabupaten_kota IS NULL OR kabupaten_kota = $kabupaten_kota)
  AND ($instansi IS NULL OR instansi = $instansi)
  AND ($unit_kerja IS NULL OR unit_kerja = $unit_kerja)
GROUP BY {{kelompok}}
ORDER BY kelompok
