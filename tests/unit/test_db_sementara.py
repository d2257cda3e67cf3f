"""DuckDB spills into the cache folder, never into the project's working directory (a cold
build of 16 million respondents in 2.500 files spilled 28 MB into ./.tmp before)."""

from __future__ import annotations

from berakhlak import katalog


def test_katalog_menumpahkan_ke_folder_cache(tmp_path):
    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    kat = katalog.Katalog(data, cache)
    try:
        folder = kat.basis._con.execute("SELECT current_setting('temp_directory')").fetchone()[0]
    finally:
        kat.basis.tutup()
    assert folder == str((cache / "duckdb-sementara").resolve())
    assert (cache / "duckdb-sementara").is_dir()

