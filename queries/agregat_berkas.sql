-- agregat_berkas: the rollup of one validated file, exposed as view `berkas` with
-- canonical column names (missing optional columns arrive as NULL).
-- Respondents whose (periode, responden_id) is in `kunci_prioritas` are skipped: their copy
-- in a file earlier in path order is the one that counts.
-- Parameters: $kosong  label for a blank optional text value.
-- Columns: periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, dimensi ('semua' or a demographic column), grup (its group, NULL for
--   'semua'), n (respondents), and per value prefix (bp, ak, ko, ha, lo, ad, kl):
--   n_x count of scores, s_x sum, ss_x sum of squares, ka_x/kb_x/kc_x/kd_x respondents whose
--   score (rounded to one decimal) is in category A/B/C/D; n_idx/s_idx/ss_idx over each
--   respondent's mean of the values they answered; lv1..lv5 respondents per socio-emotional level.
WITH r AS (
  SELECT
    periode::INTEGER AS periode,
    responden_id::VARCHAR AS responden_id,
    instansi::VARCHAR AS instansi,
    provinsi::VARCHAR AS provinsi,
    coalesce(nullif(trim(jenis_instansi::VARCHAR), ''), $kosong) AS jenis_instansi,
    coalesce(nullif(trim(kabupaten_kota::VARCHAR), ''), $kosong) AS kabupaten_kota,
    coalesce(nullif(trim(unit_kerja::VARCHAR), ''), $kosong) AS unit_kerja,
    coalesce(nullif(trim(jenis_kelamin::VARCHAR), ''), $kosong) AS jenis_kelamin,
    coalesce(nullif(trim(kelompok_usia::VARCHAR), ''), $kosong) AS kelompok_usia,
    coalesce(nullif(trim(jenis_jabatan::VARCHAR), ''), $kosong) AS jenis_jabatan,
    coalesce(nullif(trim(golongan::VARCHAR), ''), $kosong) AS golongan,
    coalesce(nullif(trim(masa_kerja::VARCHAR), ''), $kosong) AS masa_kerja,
    coalesce(nullif(trim(status_kepegawaian::VARCHAR), ''), $kosong) AS status_kepegawaian,
    berorientasi_pelayanan::DOUBLE AS bp,
    akuntabel::DOUBLE AS ak,
    kompeten::DOUBLE AS ko,
    harmonis::DOUBLE AS ha,
    loyal::DOUBLE AS lo,
    adaptif::DOUBLE AS ad,
    kolaboratif::DOUBLE AS kl,
    (coalesce(berorientasi_pelayanan::DOUBLE, 0) + coalesce(akuntabel::DOUBLE, 0) + coalesce(kompeten::DOUBLE, 0) + coalesce(harmonis::DOUBLE, 0) + coalesce(loyal::DOUBLE, 0) + coalesce(adaptif::DOUBLE, 0) + coalesce(kolaboratif::DOUBLE, 0)) / nullif((berorientasi_pelayanan IS NOT NULL)::INTEGER + (akuntabel IS NOT NULL)::INTEGER + (kompeten IS NOT NULL)::INTEGER + (harmonis IS NOT NULL)::INTEGER + (loyal IS NOT NULL)::INTEGER + (adaptif IS NOT NULL)::INTEGER + (kolaboratif IS NOT NULL)::INTEGER, 0) AS idx,
    level_sosio_emosional::INTEGER AS lv
  FROM berkas
  WHERE NOT EXISTS (
    SELECT 1 FROM kunci_prioritas AS k
    WHERE k.periode = berkas.periode AND k.responden_id = berkas.responden_id::VARCHAR
  )
)
SELECT
    periode,
    jenis_instansi,
    instansi,
    provinsi,
    kabupaten_kota,
    unit_kerja,
    CASE
        WHEN GROUPING(jenis_kelamin) = 0 THEN 'jenis_kelamin'
        WHEN GROUPING(kelompok_usia) = 0 THEN 'kelompok_usia'
        WHEN GROUPING(jenis_jabatan) = 0 THEN 'jenis_jabatan'
        WHEN GROUPING(golongan) = 0 THEN 'golongan'
        WHEN GROUPING(masa_kerja) = 0 THEN 'masa_kerja'
        WHEN GROUPING(status_kepegawaian) = 0 THEN 'status_kepegawaian'
        ELSE 'semua'
    END AS dimensi,
    CASE
        WHEN GROUPING(jenis_kelamin) = 0 THEN jenis_kelamin
        WHEN GROUPING(kelompok_usia) = 0 THEN kelompok_usia
        WHEN GROUPING(jenis_jabatan) = 0 THEN jenis_jabatan
        WHEN GROUPING(golongan) = 0 THEN golongan
        WHEN GROUPING(masa_kerja) = 0 THEN masa_kerja
        WHEN GROUPING(status_kepegawaian) = 0 THEN status_kepegawaian
    END AS grup,
    count(*) AS n,
    count(bp) AS n_bp,
    sum(bp) AS s_bp,
    sum(bp * bp) AS ss_bp,
    count(*) FILTER (WHERE round(bp, 1) >= 75) AS ka_bp,
    count(*) FILTER (WHERE round(bp, 1) >= 50 AND round(bp, 1) < 75) AS kb_bp,
    count(*) FILTER (WHERE round(bp, 1) >= 25 AND round(bp, 1) < 50) AS kc_bp,
    count(*) FILTER (WHERE round(bp, 1) < 25) AS kd_bp,
    count(ak) AS n_ak,
    sum(ak) AS s_ak,
    sum(ak * ak) AS ss_ak,
    count(*) FILTER (WHERE round(ak, 1) >= 75) AS ka_ak,
    count(*) FILTER (WHERE round(ak, 1) >= 50 AND round(ak, 1) < 75) AS kb_ak,
    count(*) FILTER (WHERE round(ak, 1) >= 25 AND round(ak, 1) < 50) AS kc_ak,
    count(*) FILTER (WHERE round(ak, 1) < 25) AS kd_ak,
    count(ko) AS n_ko,
    sum(ko) AS s_ko,
    sum(ko * ko) AS ss_ko,
    count(*) FILTER (WHERE round(ko, 1) >= 75) AS ka_ko,
    count(*) FILTER (WHERE round(ko, 1) >= 50 AND round(ko, 1) < 75) AS kb_ko,
    count(*) FILTER (WHERE round(ko, 1) >= 25 AND round(ko, 1) < 50) AS kc_ko,
    count(*) FILTER (WHERE round(ko, 1) < 25) AS kd_ko,
    count(ha) AS n_ha,
    sum(ha) AS s_ha,
    sum(ha * ha) AS ss_ha,
    count(*) FILTER (WHERE round(ha, 1) >= 75) AS ka_ha,
    count(*) FILTER (WHERE round(ha, 1) >= 50 AND round(ha, 1) < 75) AS kb_ha,
    count(*) FILTER (WHERE round(ha, 1) >= 25 AND round(ha, 1) < 50) AS kc_ha,
    count(*) FILTER (WHERE round(ha, 1) < 25) AS kd_ha,
    count(lo) AS n_lo,
    sum(lo) AS s_lo,
    sum(lo * lo) AS ss_lo,
    count(*) FILTER (WHERE round(lo, 1) >= 75) AS ka_lo,
    count(*) FILTER (WHERE round(lo, 1) >= 50 AND round(lo, 1) < 75) AS kb_lo,
    count(*) FILTER (WHERE round(lo, 1) >= 25 AND round(lo, 1) < 50) AS kc_lo,
    count(*) FILTER (WHERE round(lo, 1) < 25) AS kd_lo,
    count(ad) AS n_ad,
    sum(ad) AS s_ad,
    sum(ad * ad) AS ss_ad,
    count(*) FILTER (WHERE round(ad, 1) >= 75) AS ka_ad,
    count(*) FILTER (WHERE round(ad, 1) >= 50 AND round(ad, 1) < 75) AS kb_ad,
    count(*) FILTER (WHERE round(ad, 1) >= 25 AND round(ad, 1) < 50) AS kc_ad,
    count(*) FILTER (WHERE round(ad, 1) < 25) AS kd_ad,
    count(kl) AS n_kl,
    sum(kl) AS s_kl,
    sum(kl * kl) AS ss_kl,
    count(*) FILTER (WHERE round(kl, 1) >= 75) AS ka_kl,
    count(*) FILTER (WHERE round(kl, 1) >= 50 AND round(kl, 1) < 75) AS kb_kl,
    count(*) FILTER (WHERE round(kl, 1) >= 25 AND round(kl, 1) < 50) AS kc_kl,
    count(*) FILTER (WHERE round(kl, 1) < 25) AS kd_kl,
    count(idx) AS n_idx,
    sum(idx) AS s_idx,
    sum(idx * idx) AS ss_idx,
    count(*) FILTER (WHERE lv = 1) AS lv1,
    count(*) FILTER (WHERE lv = 2) AS lv2,
    count(*) FILTER (WHERE lv = 3) AS lv3,
    count(*) FILTER (WHERE lv = 4) AS lv4,
    count(*) FILTER (WHERE lv = 5) AS lv5
FROM r
GROUP BY GROUPING SETS (
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja),
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, jenis_kelamin),
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, kelompok_usia),
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, jenis_jabatan),
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, golongan),
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, masa_kerja),
    (periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, status_kepegawaian)
)
