-- pilihan_filter: every combination of filter values present in the loaded data, for the
-- sidebar's cascading choices.
-- Parameters: none.
-- Columns: periode, jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja, n.
SELECT periode, jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja, sum(n)::BIGINT AS n
FROM agregat
WHERE dimensi = 'semua'
GROUP BY ALL
