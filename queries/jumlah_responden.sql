-- jumlah_responden: respondents in the merged rollup (each counted once).
-- Parameters: none.
-- Columns: n.
SELECT coalesce(sum(n), 0)::BIGINT AS n
FROM agregat
WHERE dimensi = 'semua'
