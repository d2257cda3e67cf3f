-- mentah_ukuran: the RAW reference for the figures of a selection, read straight from the
-- respondents' Parquet files (no rollup, no catalog). Used by the scale test
-- (tests/unit/test_skala.py) and the benchmark (scripts/benchmark.py) as an independent path.
-- Blank optional text becomes $kosong, as in the rollup, so filters and demographic groups
-- carry the same labels. Differences from the dashboard, on purpose: respondents present in
-- several files are counted in each (the generated sets have none), and every optional column
-- asked for must exist in at least one file.
-- Parameters: $berkas (VARCHAR[] of file paths; a `periode=YYYY/` folder supplies periode when
--   a file has no such column), $kosong (label for a blank optional text value), and one per
--   filter ($periode, $jenis_instansi, $provinsi, $kabupaten_kota, $instansi, $unit_kerja):
--   NULL means no filter.
-- Identifier: {{kelompok}} the column to group by (periode, provinsi, kabupaten_kota, instansi,
--   jenis_instansi, unit_kerja, or a demographic column such as golongan).
-- Columns: kelompok, n (respondents), the mean of each of the seven values
--   (berorientasi_pelayanan .. kolaboratif, NULL scores skipped), indeks (the plain mean of
--   the seven means).
WITH r AS (
  SELECT
    periode::INTEGER AS periode,
    coalesce(nullif(trim(jenis_instansi::VARCHAR), ''), $kosong) AS jenis_instansi,
    instansi::VARCHAR AS instansi,
    provinsi::VARCHAR AS provinsi,
    coalesce(nullif(trim(kabupaten_kota::VARCHAR), ''), $kosong) AS kabupaten_kota,
    coalesce(nullif(trim(unit_kerja::VARCHAR), ''), $kosong) AS unit_kerja,
    coalesce(nullif(trim(jenis_kelamin::VARCHAR), ''), $kosong) AS jenis_kelamin,
    coalesce(nullif(trim(kelompok_usia::VARCHAR), ''), $kosong) AS kelompok_usia,
    coalesce(nullif(trim(jenis_jabatan::VARCHAR), ''), $kosong) AS jenis_jabatan,
    coalesce(nullif(trim(golongan::VARCHAR), ''), $kosong) AS golongan,
    coalesce(nullif(trim(masa_kerja::VARCHAR), ''), $kosong) AS masa_kerja,
    coalesce(nullif(trim(status_kepegawaian::VARCHAR), ''), $kosong) AS status_kepegawaian,
    berorientasi_pelayanan::DOUBLE AS berorientasi_pelayanan,
    akuntabel::DOUBLE AS akuntabel,
    kompeten::DOUBLE AS kompeten,
    harmonis::DOUBLE AS harmonis,
    loyal::DOUBLE AS loyal,
    adaptif::DOUBLE AS adaptif,
    kolaboratif::DOUBLE AS kolaboratif
  FROM read_parquet($berkas, hive_partitioning = true, union_by_name = true)
),
g AS (
  SELECT
    {{kelompok}} AS kelompok,
    count(*) AS n,
    avg(berorientasi_pelayanan) AS berorientasi_pelayanan,
    avg(akuntabel) AS akuntabel,
    avg(kompeten) AS kompeten,
    avg(harmonis) AS harmonis,
    avg(loyal) AS loyal,
    avg(adaptif) AS adaptif,
    avg(kolaboratif) AS kolaboratif
  FROM r
  WHERE ($periode IS NULL OR periode = $periode)
    AND ($jenis_instansi IS NULL OR jenis_instansi = $jenis_instansi)
    AND ($provinsi IS NULL OR provinsi = $provinsi)
    AND ($kabupaten_kota IS NULL OR kabupaten_kota = $kabupaten_kota)
    AND ($instansi IS NULL OR instansi = $instansi)
    AND ($unit_kerja IS NULL OR unit_kerja = $unit_kerja)
  GROUP BY {{kelompok}}
)
SELECT
    kelompok,
    n,
    berorientasi_pelayanan,
    akuntabel,
    kompeten,
    harmonis,
    loyal,
    adaptif,
    kolaboratif,
    (berorientasi_pelayanan + akuntabel + kompeten + harmonis + loyal + adaptif + kolaboratif) / 7
        AS indeks
FROM g
ORDER BY kelompok
