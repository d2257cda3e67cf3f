-- kunci_berkas: the exact respondent keys of view `berkas`.
-- Parameters: none.
-- Columns: periode (INTEGER), responden_id (VARCHAR).
SELECT periode::INTEGER AS periode, responden_id::VARCHAR AS responden_id
FROM berkas
