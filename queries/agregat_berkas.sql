-- agregat_berkas: the rollup of one validated file (view `berkas`, canonical column names,
-- missing optional columns as NULL) for the filters every page uses.
-- Respondents whose (periode, responden_id) is in `kunci_prioritas` are skipped: their copy
-- in a file earlier in path order is the one that counts. Blank optional text becomes $kosong
-- after grouping (the merge in agregat_gabung.sql adds up groups that end with the same label).
-- Parameters: $kosong  label for a blank optional text value.
-- Columns: periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, dimensi, grup,
--   n (respondents), and per value prefix x (bp, ak, ko, ha, lo, ad, kl): n_x count of scores,
--   s_x sum, ss_x sum of squares, ka_x/kb_x/kc_x/kd_x respondents whose score (rounded to one
--   decimal) is in category A/B/C/D; n_idx/s_idx/ss_idx over each respondent's mean of the
--   values they answered; lv1..lv5 respondents per socio-emotional level.
--   dimensi is 'semua' and grup NULL on every row.
WITH r AS (
  SELECT
    periode::INTEGER AS periode,
    jenis_instansi::VARCHAR AS jenis_instansi,
    instansi::VARCHAR AS instansi,
    provinsi::VARCHAR AS provinsi,
    kabupaten_kota::VARCHAR AS kabupaten_kota,
    unit_kerja::VARCHAR AS unit_kerja,
    berorientasi_pelayanan::DOUBLE AS bp,
    akuntabel::DOUBLE AS ak,
    kompeten::DOUBLE AS ko,
    harmonis::DOUBLE AS ha,
    loyal::DOUBLE AS lo,
    adaptif::DOUBLE AS ad,
    kolaboratif::DOUBLE AS kl,
    (coalesce(berorientasi_pelayanan::DOUBLE, 0) + coalesce(akuntabel::DOUBLE, 0) + coalesce(kompeten::DOUBLE, 0) + coalesce(harmonis::DOUBLE, 0) + coalesce(loyal::DOUBLE, 0) + coalesce(adaptif::DOUBLE, 0) + coalesce(kolaboratif::DOUBLE, 0)) / nullif((berorientasi_pelayanan IS NOT NULL)::INTEGER + (akuntabel IS NOT NULL)::INTEGER + (kompeten IS NOT NULL)::INTEGER + (harmonis IS NOT NULL)::INTEGER + (loyal IS NOT NULL)::INTEGER + (adaptif IS NOT NULL)::INTEGER + (kolaboratif IS NOT NULL)::INTEGER, 0) AS idx,
    level_sosio_emosional::INTEGER AS lv
  FROM berkas AS b
  WHERE NOT EXISTS (
    SELECT 1 FROM kunci_prioritas AS k
    WHERE k.periode = b.periode AND k.responden_id = b.responden_id::VARCHAR
  )
)
SELECT
    periode,
    coalesce(nullif(trim(jenis_instansi), ''), $kosong) AS jenis_instansi,
    instansi,
    provinsi,
    coalesce(nullif(trim(kabupaten_kota), ''), $kosong) AS kabupaten_kota,
    coalesce(nullif(trim(unit_kerja), ''), $kosong) AS unit_kerja,
    'semua' AS dimensi,
    NULL::VARCHAR AS grup,
    count(*) AS n,
    count(bp) AS n_bp,
    sum(bp) AS s_bp,
    sum(bp * bp) AS ss_bp,
    count_if(round(bp, 1) >= 75) AS ka_bp,
    count_if(round(bp, 1) >= 50 AND round(bp, 1) < 75) AS kb_bp,
    count_if(round(bp, 1) >= 25 AND round(bp, 1) < 50) AS kc_bp,
    count_if(round(bp, 1) < 25) AS kd_bp,
    count(ak) AS n_ak,
    sum(ak) AS s_ak,
    sum(ak * ak) AS ss_ak,
    count_if(round(ak, 1) >= 75) AS ka_ak,
    count_if(round(ak, 1) >= 50 AND round(ak, 1) < 75) AS kb_ak,
    count_if(round(ak, 1) >= 25 AND round(ak, 1) < 50) AS kc_ak,
    count_if(round(ak, 1) < 25) AS kd_ak,
    count(ko) AS n_ko,
    sum(ko) AS s_ko,
    sum(ko * ko) AS ss_ko,
    count_if(round(ko, 1) >= 75) AS ka_ko,
    count_if(round(ko, 1) >= 50 AND round(ko, 1) < 75) AS kb_ko,
    count_if(round(ko, 1) >= 25 AND round(ko, 1) < 50) AS kc_ko,
    count_if(round(ko, 1) < 25) AS kd_ko,
    count(ha) AS n_ha,
    sum(ha) AS s_ha,
    sum(ha * ha) AS ss_ha,
    count_if(round(ha, 1) >= 75) AS ka_ha,
    count_if(round(ha, 1) >= 50 AND round(ha, 1) < 75) AS kb_ha,
    count_if(round(ha, 1) >= 25 AND round(ha, 1) < 50) AS kc_ha,
    count_if(round(ha, 1) < 25) AS kd_ha,
    count(lo) AS n_lo,
    sum(lo) AS s_lo,
    sum(lo * lo) AS ss_lo,
    count_if(round(lo, 1) >= 75) AS ka_lo,
    count_if(round(lo, 1) >= 50 AND round(lo, 1) < 75) AS kb_lo,
    count_if(round(lo, 1) >= 25 AND round(lo, 1) < 50) AS kc_lo,
    count_if(round(lo, 1) < 25) AS kd_lo,
    count(ad) AS n_ad,
    sum(ad) AS s_ad,
    sum(ad * ad) AS ss_ad,
    count_if(round(ad, 1) >= 75) AS ka_ad,
    count_if(round(ad, 1) >= 50 AND round(ad, 1) < 75) AS kb_ad,
    count_if(round(ad, 1) >= 25 AND round(ad, 1) < 50) AS kc_ad,
    count_if(round(ad, 1) < 25) AS kd_ad,
    count(kl) AS n_kl,
    sum(kl) AS s_kl,
    sum(kl * kl) AS ss_kl,
    count_if(round(kl, 1) >= 75) AS ka_kl,
    count_if(round(kl, 1) >= 50 AND round(kl, 1) < 75) AS kb_kl,
    count_if(round(kl, 1) >= 25 AND round(kl, 1) < 50) AS kc_kl,
    count_if(round(kl, 1) < 25) AS kd_kl,
    count(idx) AS n_idx,
    sum(idx) AS s_idx,
    sum(idx * idx) AS ss_idx,
    count_if(lv = 1) AS lv1,
    count_if(lv = 2) AS lv2,
    count_if(lv = 3) AS lv3,
    count_if(lv = 4) AS lv4,
    count_if(lv = 5) AS lv5
FROM r
GROUP BY periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja
