-- kunci_hash: every respondent key (periode, responden_id) of view `berkas` (one or several
-- files, told apart by `filename`) with its 64-bit hash. Kept in the cache folder, one bundle
-- per query (each row marked with its file's result name), for the overlap check
-- (tumpang_periode.sql), which groups the hashes of all files of a period in one pass and
-- compares exact keys only where a hash is seen in more than one file.
-- Parameters: none.
-- Columns: filename, periode (INTEGER), responden_id (VARCHAR), h (UBIGINT).
SELECT
  filename,
  periode::INTEGER AS periode,
  responden_id::VARCHAR AS responden_id,
  hash(periode::INTEGER, responden_id::VARCHAR) AS h
FROM berkas
