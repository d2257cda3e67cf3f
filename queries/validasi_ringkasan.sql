-- validasi_ringkasan: one scan of the file(s) exposed as view `berkas` (canonical column names;
-- a missing optional column arrives as NULL, a period from the folder as a constant), one row
-- per file (several files with the same columns are checked in one query).
-- Parameters: $provinsi (list of official province names), $periode_min, $periode_maks
--   (allowed years), $periode_folder (year named by a `periode=` folder, NULL if none).
-- Columns: filename (the file), baris (rows), n_instansi (distinct agencies), periode_ada (list of valid years),
--   periode_kosong / periode_tidak_sah (null / non-integer or out-of-range years),
--   periode_bentrok (rows whose year differs from the folder's),
--   kosong_responden_id / kosong_instansi / kosong_provinsi (null or blank after trimming),
--   provinsi_asing (non-blank names not in $provinsi),
--   luar_<value> for each of the seven values (NaN or outside 0-100),
--   luar_level (socio-emotional level not one of 1-5),
--   n_<value> / min_<value> / maks_<value> for each of the seven values (answered scores,
--   NaN left out: their count, lowest and highest; for the plausibility checks).
SELECT
    filename,
    count(*) AS baris,
    count(DISTINCT instansi) AS n_instansi,
    list(DISTINCT periode::INTEGER) FILTER (
        WHERE NOT isnan(periode::DOUBLE) AND periode::DOUBLE = round(periode::DOUBLE)
          AND periode BETWEEN $periode_min AND $periode_maks
    ) AS periode_ada,
    count(*) FILTER (WHERE periode IS NULL) AS periode_kosong,
    count(*) FILTER (
        WHERE isnan(periode::DOUBLE) OR periode::DOUBLE <> round(periode::DOUBLE)
           OR periode < $periode_min OR periode > $periode_maks
    ) AS periode_tidak_sah,
    count(*) FILTER (WHERE periode::DOUBLE <> $periode_folder) AS periode_bentrok,
    count(*) FILTER (WHERE coalesce(trim(responden_id::VARCHAR), '') = '') AS kosong_responden_id,
    count(*) FILTER (WHERE coalesce(trim(instansi), '') = '') AS kosong_instansi,
    count(*) FILTER (WHERE coalesce(trim(provinsi), '') = '') AS kosong_provinsi,
    count(*) FILTER (
        WHERE trim(provinsi) <> '' AND NOT list_contains($provinsi, trim(provinsi))
    ) AS provinsi_asing,
    count(*) FILTER (
        WHERE isnan(berorientasi_pelayanan::DOUBLE) OR berorientasi_pelayanan::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_berorientasi_pelayanan,
    count(*) FILTER (
        WHERE isnan(akuntabel::DOUBLE) OR akuntabel::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_akuntabel,
    count(*) FILTER (
        WHERE isnan(kompeten::DOUBLE) OR kompeten::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_kompeten,
    count(*) FILTER (
        WHERE isnan(harmonis::DOUBLE) OR harmonis::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_harmonis,
    count(*) FILTER (
        WHERE isnan(loyal::DOUBLE) OR loyal::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_loyal,
    count(*) FILTER (
        WHERE isnan(adaptif::DOUBLE) OR adaptif::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_adaptif,
    count(*) FILTER (
        WHERE isnan(kolaboratif::DOUBLE) OR kolaboratif::DOUBLE NOT BETWEEN 0 AND 100
    ) AS luar_kolaboratif,
    count(v_berorientasi_pelayanan) AS n_berorientasi_pelayanan,
    min(v_berorientasi_pelayanan) AS min_berorientasi_pelayanan,
    max(v_berorientasi_pelayanan) AS maks_berorientasi_pelayanan,
    count(v_akuntabel) AS n_akuntabel,
    min(v_akuntabel) AS min_akuntabel,
    max(v_akuntabel) AS maks_akuntabel,
    count(v_kompeten) AS n_kompeten,
    min(v_kompeten) AS min_kompeten,
    max(v_kompeten) AS maks_kompeten,
    count(v_harmonis) AS n_harmonis,
    min(v_harmonis) AS min_harmonis,
    max(v_harmonis) AS maks_harmonis,
    count(v_loyal) AS n_loyal,
    min(v_loyal) AS min_loyal,
    max(v_loyal) AS maks_loyal,
    count(v_adaptif) AS n_adaptif,
    min(v_adaptif) AS min_adaptif,
    max(v_adaptif) AS maks_adaptif,
    count(v_kolaboratif) AS n_kolaboratif,
    min(v_kolaboratif) AS min_kolaboratif,
    max(v_kolaboratif) AS maks_kolaboratif,
    count(*) FILTER (
        WHERE isnan(level_sosio_emosional::DOUBLE)
           OR level_sosio_emosional::DOUBLE NOT IN (1, 2, 3, 4, 5)
    ) AS luar_level
-- each value once as DOUBLE with NaN made NULL, so that plain count, min and max skip what a
-- FILTER (WHERE NOT isnan(..)) skipped, without 21 filters per row
FROM (
  SELECT
    *,
    CASE WHEN isnan(berorientasi_pelayanan::DOUBLE) THEN NULL ELSE berorientasi_pelayanan::DOUBLE END AS v_berorientasi_pelayanan,
    CASE WHEN isnan(akuntabel::DOUBLE) THEN NULL ELSE akuntabel::DOUBLE END AS v_akuntabel,
    CASE WHEN isnan(kompeten::DOUBLE) THEN NULL ELSE kompeten::DOUBLE END AS v_kompeten,
    CASE WHEN isnan(harmonis::DOUBLE) THEN NULL ELSE harmonis::DOUBLE END AS v_harmonis,
    CASE WHEN isnan(loyal::DOUBLE) THEN NULL ELSE loyal::DOUBLE END AS v_loyal,
    CASE WHEN isnan(adaptif::DOUBLE) THEN NULL ELSE adaptif::DOUBLE END AS v_adaptif,
    CASE WHEN isnan(kolaboratif::DOUBLE) THEN NULL ELSE kolaboratif::DOUBLE END AS v_kolaboratif
  FROM berkas
) AS berkas
GROUP BY filename
