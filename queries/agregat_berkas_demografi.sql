-- agregat_berkas_demografi: the rollup of each validated file (view `berkas`) broken down by
-- each demographic column in turn, for the Demografi page (one scan, GROUPING SETS).
-- Reads view `responden` (responden_berkas.sql: typed, duplicates of earlier files left out).
-- Blank optional text becomes $kosong after grouping (pages sum, so groups that end with the
-- same label add up).
-- Parameters: $kosong  label for a blank value.
-- Columns: filename (the file: several files are rolled up in one query, then split),
--   periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, dimensi, grup,
--   n (respondents), and per value prefix x (bp, ak, ko, ha, lo, ad, kl): n_x count of scores,
--   s_x sum, ss_x sum of squares, ka_x/kb_x/kc_x/kd_x respondents whose score (rounded to one
--   decimal) is in category A/B/C/D; n_idx/s_idx/ss_idx over each respondent's mean of the
--   values they answered; lv1..lv5 respondents per socio-emotional level.
--   dimensi names the demographic column, grup its group; category counts (ka_x..kd_x)
--   are NULL: the breakdown pages do not use them, and leaving them out halves the work.
SELECT
    filename,
    periode,
    coalesce(nullif(trim(jenis_instansi), ''), $kosong) AS jenis_instansi,
    instansi,
    provinsi,
    coalesce(nullif(trim(kabupaten_kota), ''), $kosong) AS kabupaten_kota,
    coalesce(nullif(trim(unit_kerja), ''), $kosong) AS unit_kerja,
    CASE
        WHEN GROUPING(jenis_kelamin) = 0 THEN 'jenis_kelamin'
        WHEN GROUPING(kelompok_usia) = 0 THEN 'kelompok_usia'
        WHEN GROUPING(jenis_jabatan) = 0 THEN 'jenis_jabatan'
        WHEN GROUPING(golongan) = 0 THEN 'golongan'
        WHEN GROUPING(masa_kerja) = 0 THEN 'masa_kerja'
        WHEN GROUPING(status_kepegawaian) = 0 THEN 'status_kepegawaian'
    END AS dimensi,
    coalesce(nullif(trim(CASE
        WHEN GROUPING(jenis_kelamin) = 0 THEN jenis_kelamin
        WHEN GROUPING(kelompok_usia) = 0 THEN kelompok_usia
        WHEN GROUPING(jenis_jabatan) = 0 THEN jenis_jabatan
        WHEN GROUPING(golongan) = 0 THEN golongan
        WHEN GROUPING(masa_kerja) = 0 THEN masa_kerja
        WHEN GROUPING(status_kepegawaian) = 0 THEN status_kepegawaian
    END), ''), $kosong) AS grup,
    count(*) AS n,
    count(bp) AS n_bp,
    sum(bp) AS s_bp,
    sum(bp * bp) AS ss_bp,
    NULL::BIGINT AS ka_bp,
    NULL::BIGINT AS kb_bp,
    NULL::BIGINT AS kc_bp,
    NULL::BIGINT AS kd_bp,
    count(ak) AS n_ak,
    sum(ak) AS s_ak,
    sum(ak * ak) AS ss_ak,
    NULL::BIGINT AS ka_ak,
    NULL::BIGINT AS kb_ak,
    NULL::BIGINT AS kc_ak,
    NULL::BIGINT AS kd_ak,
    count(ko) AS n_ko,
    sum(ko) AS s_ko,
    sum(ko * ko) AS ss_ko,
    NULL::BIGINT AS ka_ko,
    NULL::BIGINT AS kb_ko,
    NULL::BIGINT AS kc_ko,
    NULL::BIGINT AS kd_ko,
    count(ha) AS n_ha,
    sum(ha) AS s_ha,
    sum(ha * ha) AS ss_ha,
    NULL::BIGINT AS ka_ha,
    NULL::BIGINT AS kb_ha,
    NULL::BIGINT AS kc_ha,
    NULL::BIGINT AS kd_ha,
    count(lo) AS n_lo,
    sum(lo) AS s_lo,
    sum(lo * lo) AS ss_lo,
    NULL::BIGINT AS ka_lo,
    NULL::BIGINT AS kb_lo,
    NULL::BIGINT AS kc_lo,
    NULL::BIGINT AS kd_lo,
    count(ad) AS n_ad,
    sum(ad) AS s_ad,
    sum(ad * ad) AS ss_ad,
    NULL::BIGINT AS ka_ad,
    NULL::BIGINT AS kb_ad,
    NULL::BIGINT AS kc_ad,
    NULL::BIGINT AS kd_ad,
    count(kl) AS n_kl,
    sum(kl) AS s_kl,
    sum(kl * kl) AS ss_kl,
    NULL::BIGINT AS ka_kl,
    NULL::BIGINT AS kb_kl,
    NULL::BIGINT AS kc_kl,
    NULL::BIGINT AS kd_kl,
    count(idx) AS n_idx,
    sum(idx) AS s_idx,
    sum(idx * idx) AS ss_idx,
    count_if(lv = 1) AS lv1,
    count_if(lv = 2) AS lv2,
    count_if(lv = 3) AS lv3,
    count_if(lv = 4) AS lv4,
    count_if(lv = 5) AS lv5
FROM responden
GROUP BY GROUPING SETS (
    (filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, jenis_kelamin),
    (filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, kelompok_usia),
    (filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, jenis_jabatan),
    (filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, golongan),
    (filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, masa_kerja),
    (filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, status_kepegawaian)
)
