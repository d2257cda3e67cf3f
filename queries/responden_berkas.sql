-- responden_berkas: the respondents of one or several validated files (view `berkas`, canonical column
-- names, missing optional columns as NULL) as view `responden`, typed, with each respondent's
-- mean of the values they answered (idx). Respondents whose (periode, responden_id) is in
-- `kunci_prioritas` for the same file (`filename`) are left out: their copy in a file earlier in path order is the one
-- that counts. Both rollups (agregat_berkas*.sql) read this view.
-- Parameters: none.
-- Columns: filename, periode, jenis_instansi, instansi, provinsi, kabupaten_kota, unit_kerja, the six
--   demographic columns, bp, ak, ko, ha, lo, ad, kl (the seven scores), idx, lv (level).
CREATE OR REPLACE VIEW responden AS
SELECT
  filename,
  periode::INTEGER AS periode,
  jenis_instansi::VARCHAR AS jenis_instansi,
  instansi::VARCHAR AS instansi,
  provinsi::VARCHAR AS provinsi,
  kabupaten_kota::VARCHAR AS kabupaten_kota,
  unit_kerja::VARCHAR AS unit_kerja,
  jenis_kelamin::VARCHAR AS jenis_kelamin,
  kelompok_usia::VARCHAR AS kelompok_usia,
  jenis_jabatan::VARCHAR AS jenis_jabatan,
  golongan::VARCHAR AS golongan,
  masa_kerja::VARCHAR AS masa_kerja,
  status_kepegawaian::VARCHAR AS status_kepegawaian,
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
-- an anti join, not a correlated NOT EXISTS: that one was planned as a duplicate-eliminating
-- join over every row's key, two thirds of a rollup's time even with nothing to leave out
ANTI JOIN kunci_prioritas AS k
  ON k.filename = b.filename AND k.periode = b.periode AND k.responden_id = b.responden_id::VARCHAR
