-- tumpang_periode: the respondents of one period that appear in more than one file, in one
-- pass over the key bundles (kunci_hash.sql; each row marked with its file's result name,
-- kunci_cache) of every loaded file holding that period, never file by file in pairs. Hashes
-- seen in more than one file are the candidates; only their exact keys are then grouped (equal
-- keys give equal hashes; two different keys sharing a hash are told apart here). A key is
-- unique within a file (validation rejects duplicates). `kunci` is read twice rather than kept
-- in memory: the first pass reads only the hashes. Rows of a bundle's other files (rejected,
-- held, or holding other periods) are left out by the join.
-- Parameters: $paket    the bundles holding those files' keys;
--             $kunci    the files' result names, in the path order of their data files (a
--                       file's position in this list is its number in `berkas` below, from 0);
--             $periode  the period.
-- Columns: periode (INTEGER), responden_id (VARCHAR), berkas (INTEGER[]: the numbers of every
--   file holding that respondent, ascending; the first file's copy is the one that counts).
WITH nomor AS (
  SELECT $kunci[i + 1] AS kunci_cache, i::INTEGER AS f
  FROM range(len($kunci)) AS t(i)
),
kunci AS NOT MATERIALIZED (
  SELECT nomor.f, k.periode, k.responden_id, k.h
  FROM read_parquet($paket) AS k
  JOIN nomor USING (kunci_cache)
  WHERE k.periode = $periode
),
calon AS (
  SELECT h
  FROM kunci
  GROUP BY h
  HAVING count(*) > 1
)
SELECT periode, responden_id, list(f ORDER BY f) AS berkas
FROM kunci
WHERE h IN (SELECT h FROM calon)
GROUP BY periode, responden_id
HAVING count(*) > 1
ORDER BY periode, responden_id
