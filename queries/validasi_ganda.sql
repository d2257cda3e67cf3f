-- validasi_ganda: respondents appearing more than once (same periode and responden_id) in
-- the file exposed as view `berkas`.
-- Parameters: $contoh (how many example ids to return).
-- Columns: n_id (number of ids appearing more than once), n_baris (rows they cover),
--   contoh (list of up to $contoh example ids, sorted).
WITH g AS (
    SELECT periode, responden_id::VARCHAR AS responden_id, count(*) AS n
    FROM berkas
    WHERE responden_id IS NOT NULL
    GROUP BY ALL
    HAVING count(*) > 1
)
SELECT
    (SELECT count(*) FROM g) AS n_id,
    (SELECT coalesce(sum(n), 0) FROM g)::BIGINT AS n_baris,
    (SELECT list(responden_id ORDER BY responden_id) FROM (
        SELECT DISTINCT responden_id FROM g ORDER BY responden_id LIMIT $contoh
    )) AS contoh
