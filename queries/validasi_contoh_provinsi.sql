-- validasi_contoh_provinsi: province names (trimmed, non-blank) not in the official list,
-- most frequent first, in the file exposed as view `berkas`.
-- Parameters: $provinsi (list of official province names), $contoh (how many names).
-- Columns: provinsi (the unknown name), n (rows), n_nama (how many unknown names in all).
SELECT trim(provinsi) AS provinsi, count(*) AS n, count(*) OVER () AS n_nama
FROM berkas
WHERE trim(provinsi) <> '' AND NOT list_contains($provinsi, trim(provinsi))
GROUP BY 1
ORDER BY n DESC, provinsi
LIMIT $contoh
