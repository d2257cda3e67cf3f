-- validasi_baca_csv: a CSV extract read whole, every column as text, for conversion to
-- Parquet (berakhlak/konversi.py). The separator, encoding and header are found from the
-- file's first bytes beforehand; nothing is sniffed, so no guess can change a value: a header
-- row, double quotes (doubled to escape), no comment lines, no columns from `periode=` folder
-- names (validation reads those), blank fields as NULL, a row with
-- another number of fields or an open quote is an error.
-- Parameters: $path (the file), $pemisah (';', ',' or a tab), $encoding ('utf-8', 'utf-16'
--   or 'latin-1'; Windows cp1252 files are first copied to UTF-8 in the cache), $kolom (STRUCT of positional column names k0, k1, ... -> 'VARCHAR').
-- Columns: k0, k1, ... (VARCHAR), one per header field, in file order.
SELECT *
FROM read_csv(
    $path,
    auto_detect = false,
    columns = $kolom,
    delim = $pemisah,
    encoding = $encoding,
    header = true,
    quote = '"',
    escape = '"',
    comment = '',
    nullstr = '',
    null_padding = false,
    ignore_errors = false,
    strict_mode = true,
    filename = false,
    hive_partitioning = false
)
