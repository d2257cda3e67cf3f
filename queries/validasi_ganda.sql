-- validasi_ganda: respondents appearing more than once (same periode and responden_id) in
-- each file exposed as view `berkas` (one or several files, told apart by `filename`).
-- Parameters: $contoh (how many example ids to return).
-- Columns: filename, n_id (number of ids appearing more than once), n_baris (rows they cover),
--   contoh (list of up to $contoh example ids, sorted). Files without duplicates have no row.
WITH g AS (
    SELECT filename, periode, responden_id::VARCHAR AS responden_id, count(*) AS n
    FROM berkas
    WHERE responden_id IS NOT NULL
    GROUP BY ALL
    HAVING count(*) > 1
)
SELECT
    filename,
    count(*) AS n_id,
    sum(n)::BIGINT AS n_baris,
    list_slice(list_sort(list_distinct(list(responden_id))), 1, $contoh) AS contoh
FROM g
GROUP BY filename
