-- kunci_hash: a 64-bit hash of every respondent key (periode, responden_id) of view `berkas`,
-- used only to find files that may share respondents (equal keys give equal hashes; the
-- counting itself uses the exact keys, see agregat_berkas.sql).
-- Parameters: none.
-- Columns: h (UBIGINT).
SELECT hash(periode::INTEGER, responden_id::VARCHAR) AS h
FROM berkas
