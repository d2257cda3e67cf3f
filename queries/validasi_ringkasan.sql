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
    count(*) FILTER (WHERE NOT isnan(berorientasi_pelayanan::DOUBLE)) AS n_berorientasi_pelayanan,
    min(berorientasi_pelayanan::DOUBLE) FILTER (WHERE NOT isnan(berorientasi_pelayanan::DOUBLE)) AS min_berorientasi_pelayanan,
    max(berorientasi_pelayanan::DOUBLE) FILTER (WHERE NOT isnan(berorientasi_pelayanan::DOUBLE)) AS maks_berorientasi_pelayanan,
    count(*) FILTER (WHERE NOT isnan(akuntabel::DOUBLE)) AS n_akuntabel,
    min(akuntabel::DOUBLE) FILTER (WHERE NOT isnan(akuntabel::DOUBLE)) AS min_akuntabel,
    max(akuntabel::DOUBLE) FILTER (WHERE NOT isnan(akuntabel::DOUBLE)) AS maks_akuntabel,
    count(*) FILTER (WHERE NOT isnan(kompeten::DOUBLE)) AS n_kompeten,
    min(kompeten::DOUBLE) FILTER (WHERE NOT isnan(kompeten::DOUBLE)) AS min_kompeten,
    max(kompeten::DOUBLE) FILTER (WHERE NOT isnan(kompeten::DOUBLE)) AS maks_kompeten,
    count(*) FILTER (WHERE NOT isnan(harmonis::DOUBLE)) AS n_harmonis,
    min(harmonis::DOUBLE) FILTER (WHERE NOT isnan(harmonis::DOUBLE)) AS min_harmonis,
    max(harmonis::DOUBLE) FILTER (WHERE NOT isnan(harmonis::DOUBLE)) AS maks_harmonis,
    count(*) FILTER (WHERE NOT isnan(loyal::DOUBLE)) AS n_loyal,
    min(loyal::DOUBLE) FILTER (WHERE NOT isnan(loyal::DOUBLE)) AS min_loyal,
    max(loyal::DOUBLE) FILTER (WHERE NOT isnan(loyal::DOUBLE)) AS maks_loyal,
    count(*) FILTER (WHERE NOT isnan(adaptif::DOUBLE)) AS n_adaptif,
    min(adaptif::DOUBLE) FILTER (WHERE NOT isnan(adaptif::DOUBLE)) AS min_adaptif,
    max(adaptif::DOUBLE) FILTER (WHERE NOT isnan(adaptif::DOUBLE)) AS maks_adaptif,
    count(*) FILTER (WHERE NOT isnan(kolaboratif::DOUBLE)) AS n_kolaboratif,
    min(kolaboratif::DOUBLE) FILTER (WHERE NOT isnan(kolaboratif::DOUBLE)) AS min_kolaboratif,
    max(kolaboratif::DOUBLE) FILTER (WHERE NOT isnan(kolaboratif::DOUBLE)) AS maks_kolaboratif,
    count(*) FILTER (
        WHERE isnan(level_sosio_emosional::DOUBLE)
           OR level_sosio_emosional::DOUBLE NOT IN (1, 2, 3, 4, 5)
    ) AS luar_level
FROM berkas
GROUP BY filename
