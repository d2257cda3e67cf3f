"""Mutation testing (issue 9): how many deliberate small bugs the unit tests catch, per module.

    python scripts/mutasi.py [modul ...] [--paralel N] [--diff] [--simpan DIR] [--tes FILE ...]

For each module (default: privasi statistik narasi kontrak format warna layanan)
mutmut runs in a temporary copy of the project with its own ``setup.cfg``: only that module is
mutated and only its fast unit tests run (tests/unit/test_<modul>.py and
tests/unit/test_mutasi_<modul>*.py, never the app or browser tiers), so nothing is written in
the work tree and one module takes minutes. A table follows: mutants, killed, survived (a
mutant no test reaches counts as survived), timeout, the score (killed + timeout over all
mutants), the score without the survivors judged equivalent (``SETARA`` below, each with its
reason), which is held against the module's target (90 % for privasi and statistik, 80 % for
the rest), and every survivor by name (``--diff``: with its change). Exit status 1 when a
module is below its target.

mutmut 3 mutates code inside functions only. A module of constants alone (warna) has no
function to mutate, so its literals are mutated here instead, one at a time (each string made
different, each number changed by one), with the same test files run against each.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
BAWAAN = ("privasi", "statistik", "narasi", "kontrak", "format", "warna", "layanan")
TARGET = {"privasi": 90.0, "statistik": 90.0}
TARGET_LAIN = 80.0

# Further test files of a module beyond test_<modul>.py and test_mutasi_<modul>*.py: fast unit
# tests that exercise it directly.
TES_TAMBAHAN: dict[str, tuple[str, ...]] = {
    "narasi": ("tests/unit/test_narasi*.py",),
    "privasi": ("tests/unit/test_privasi*.py",),
    "statistik": ("tests/unit/test_statistik*.py",),
    "kontrak": ("tests/unit/test_kontrak*.py", "tests/unit/test_kelompok.py", "tests/unit/test_validasi.py",
                "tests/unit/test_statistik.py", "tests/unit/test_narasi.py"),
}

# mutmut's exit codes per mutant (mutmut/stats.py, 3.8).
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          35: "suspicious", 36: "timeout", 37: "killed", 24: "timeout", -24: "timeout",
          152: "timeout", 255: "timeout", -11: "segfault", -9: "segfault", 2: "interrupted",
          None: "not checked"}

# Surviving mutants judged equivalent: no input can tell them from the original (or none the
# module can receive with pandas 3.1 / numpy 2.4). Matched on the change itself (function, a
# piece of the removed line, a piece of the added line), not on mutmut's numbering, so an
# entry still applies after the module changes elsewhere. Review them when the module changes.
# A line whose every mutant is equivalent for every input (not only the inputs the module
# receives) is marked ``# pragma: no mutate`` in the module instead, with its reason, so mutmut
# makes no mutant there and the raw score counts only mutants a test could kill; those lines
# are listed in the README. Mutants that are equivalent only for the inputs the module can
# receive, or that share their line with mutants the tests kill, stay here.
_WHERE = "np.where(varians < 0, 0.0, varians)"
SETARA: tuple[tuple[str, str, str, str | tuple[str, ...], str], ...] = (
    # kontrak
    ("kontrak", "_urut_alami", '(0, int(b), "")', '(0, int(b), "XXXX")',
     "a run of digits is only ever compared with another run of digits (the same third element) "
     "or with text, which the first element already orders"),
    ("kontrak", "_urut_alami", "else (1, 0, b)", ("else (2, 0, b)", "else (1, 1, b)"),
     "text still sorts after digits (2 > 0) and two texts still compare by their text"),
    ("kontrak", "baris", "strict=True", ("strict=None", "strict=False", "r, )", "*isi, )"),
     "every list comes from the same frame: the lengths are always equal"),
    ("kontrak", "label_kelompok", 'lang: str = "id"', ('"XXidXX"', '"ID"'),
     'every language but "en" shows the data\'s own text, as "id" does'),
    ("kontrak", "urutan_kelompok", "return (2, 0, ())", ("return (3, 0, ())", "return (2, 1, ())"),
     "the blank is still last (after 0 and 1) and equal to another blank"),
    ("kontrak", "urutan_kelompok", "return (1, 0, _urut_alami", "return (1, 1, _urut_alami",
     "unknown groups are compared only with each other by their second element: all 1 instead of 0"),
    # privasi
    ("privasi", "minimum", '"").strip()', '"XXXX").strip()',
     'the default "" and "XXXX" both fail int() and give MINIMUM_BAKU'),
    ("privasi", "_angka", '.to_numpy(dtype="float64")', ".to_numpy(dtype=None)",
     "a count array compares with the minimum the same as int64 or float64; pandas 3.1 turns "
     "the missing values of nullable and arrow counts into NaN floats either way"),
    ("privasi", "_angka", 'kind in "iuf"', 'kind in "XXiufXX"', "dtype kinds are one letter: 'X' never matches"),
    ("privasi", "_angka", 'kind in "iuf"', 'kind in "IUF"',
     "numeric counts then take the general pd.to_numeric route: the same float64 array"),
    ("privasi", "_kosongkan_seri", 'kind in "iuf"', 'kind in "XXiufXX"', "dtype kinds are one letter"),
    ("privasi", "_kosongkan_seri", 'kind in "iuf"', 'kind in "IUF"',
     "numbers then take the general numeric branch: float64 with NaN, the same values"),
    ("privasi", "_kosongkan_seri", 'kind in "bO"',
     ('or dtype.kind in "bO"', 'not in "bO"', '"XXbOXX"', '"bo"', '"BO"'),
     "object and bool columns reach the last branch instead, which gives the same object "
     "column with None (fast path only)"),
    ("privasi", "_kosongkan_seri", "copy=False)", ("copy=None)", "copy=True)", "dtype=object, )"),
     "copy flag only: the array is already a fresh copy"),
    ("privasi", "_kosongkan_seri", 'seri.astype("float64").where', "seri.astype(None).where",
     "astype(None) is float64"),
    ("privasi", "_susun", "copy=False)", ("copy=None)", "copy=True)", "dtype=object, )"),
     "copy flag only: the Series is built from a new array"),
    ("privasi", "_susun", 'kolom["tersembunyi"]', ('["XXtersembunyiXX"]', '["TERSEMBUNYI"]'), "the name is overwritten by position: "
     "hasil.columns is set from lebar.columns + the two new names two lines later"),
    ("privasi", "_susun", "pd.DataFrame(kolom, index=lebar.index, columns=list(kolom))",
     ("(kolom, index=None, columns=list(kolom))", "(kolom, index=lebar.index, columns=None)",
      "(kolom, columns=list(kolom))", "(kolom, index=lebar.index, )"),
     "the index also comes from the Series in kolom (alasan_sembunyi always carries "
     "lebar.index) and the columns from the dict's order"),
    ("privasi", "_susun", "dtype=lebar.columns.dtype))", ("dtype=None))", "))"),
     "Index.append infers str for string names whatever the appended index's dtype"),
    ("privasi", "terapkan", "if pelengkap is None else", "(pelengkap is None) and False",
     "np.asarray(None, dtype=bool) is a 0-d False that broadcasts like the zeros"),
    # format
    ("format", "desimal", "q = Decimal(1).scaleb(-digit)", "q = Decimal(2).scaleb(-digit)",
     "quantize takes only the exponent of q: 2e-1 rounds to one decimal like 1e-1"),
    ("format", "angka_csv", "q = Decimal(1).scaleb(-digit)", "q = Decimal(2).scaleb(-digit)",
     "quantize takes only the exponent of q"),
    ("format", "desimal", 'if digit else "#,##0"', "(digit) or True",
     'Babel reads "#,##0." (no fraction digits) as "#,##0"'),
    ("format", "bulat", 'format="#,##0"', ("format=None", "format_decimal(int(n), locale"),
     "the locale's default pattern (#,##0.###) shows a whole number the same way"),
    # statistik
    ("statistik", "_bagi", 'np.errstate(invalid="ignore", divide="ignore")', "",
     "no warning can arise: the divisor is positive or NaN"),
    ("statistik", "_moe", 'np.errstate(invalid="ignore", divide="ignore")', "",
     "no warning can arise: n >= 2 (else NaN), the variance is clipped at 0 before sqrt"),
    ("statistik", "_moe", _WHERE, "np.where(varians <= 0, 0.0, varians)", "0 replaced by 0"),
    ("statistik", "_kategori", "None if math.isnan(x) else", "(math.isnan(x)) and False",
     "kontrak.kategori(NaN) is None too"),
    ("statistik", "_matriks", 'bagian.to_numpy(dtype="float64", na_value=np.nan)',
     ("na_value=None)", 'to_numpy(dtype="float64", )'),
     "pandas 3.1 converts missing values to NaN for a float64 array itself (and object "
     "columns holding pd.NA fail either way)"),
    ("statistik", "_matriks", 'bagian.to_numpy(dtype="float64", na_value=np.nan)', "float64XX",
     "an unknown dtype raises TypeError, caught: the column-by-column fallback gives the same"),
    ("statistik", "_matriks", 'bagian.to_numpy(dtype="float64", na_value=np.nan)', "FLOAT64",
     "as above: caught, the fallback gives the same matrix"),
    ("statistik", "_matriks", "np.column_stack(", "",
     "the fallback is unreachable with pandas 3.1: whatever a column's astype(float64) "
     "accepts, the whole-frame to_numpy accepts too (tried: str, string, arrow, nullable, "
     "sparse, category, objects with None/NaN); objects with pd.NA fail in both"),
    ("statistik", "panjang", "np.array(kontrak.KUNCI_NILAI, dtype=object)",
     ("KUNCI_NILAI, dtype=None)", "KUNCI_NILAI, )"),
     "pandas 3.1 stores the value keys as str either way"),
    ("statistik", "panjang", ".reshape(-1)", ".reshape(-2)", "numpy reads any negative size as 'infer'"),
    ("statistik", "ringkas", "per_nilai[:, :, 3:7]", "per_nilai[:, :, 3:8]",
     "a value has 7 measures: slicing past the end gives the same 4"),
    ("statistik", "ringkas", "if jml_nilai else np.full(len(m), np.nan)",
     ("(jml_nilai) or True", "np.full(None, np.nan)", "np.full(len(m), None)", "np.full(np.nan)",
      "np.full(len(m), )"),
     "dead branch: jml_nilai is the constant 7"),
    ("statistik", "ringkas", 'n_lv[:, None].astype("float64")', "astype(None)", "astype(None) is float64"),
    ("statistik", "ringkas", "pd.DataFrame(kolom, index=jumlah.index)",
     ("pd.DataFrame(kolom, index=None)", "pd.DataFrame(kolom, )"),
     "the index also comes from the kategori Series, built with jumlah.index"),
    ("statistik", "selisih", "if beda > 0 else", "if beda >= 0 else",
     "beda 0 is always within the margin (>= 0) and never reaches this line"),
    ("statistik", "tandai_perubahan", 'float("nan")', 'float("NAN")', 'float("NAN") is NaN'),
    # layanan
    ("layanan", "_sel", 'elif kelompok != "grup":', ('!= "XXgrupXX":', '!= "GRUP":'),
     'the extra "grup" entry in the filters is dropped by pola.kunci_sel, which reads only the '
     "ORG columns (grouping by grup adds no filter either way)"),
    ("layanan", "keadaan_lengkap", "batas: float = 120", "batas: float = 121",
     "a wait one second longer: only a build slower than 120 s could tell, and no test is timed"),
    ("layanan", "n_seleksi", "if not u.empty else 0", "(not u.empty) or True",
     "an empty frame's n column sums to 0, the same as the else branch"),
    ("layanan", "opsi", "kontrak.FILTER.index(lain) < kontrak.FILTER.index(kolom)",
     "kontrak.FILTER.index(lain) <= kontrak.FILTER.index(kolom)",
     "two equal indexes in FILTER mean lain == kolom, which the first condition excludes"),
    ("layanan", "per_periode", "k.versi, k.demografi_lengkap, pilihan.tanpa_periode()",
     "k.versi, None, pilihan.tanpa_periode()",
     "per_periode asks only for filter cells ('semua'): the pattern decides them the same "
     "with or without its demographic layers (None only changes the cache key)"),
    ("layanan", "periode_sebelumnya", '(ada["n"] > 0)', '(ada["n"] >= 0)',
     "a row of the ukuran query is a group of at least one respondent: n is never 0"),
    ("layanan", "pola_privasi", 'os.environ.get(VARIABEL_LATAR, "1") != "0"',
     ('get(VARIABEL_LATAR, None) != "0"', 'get(VARIABEL_LATAR, ) != "0"',
      'get(VARIABEL_LATAR, "XX1XX") != "0"'),
     'with the variable unset, any default but "0" starts the background layers as "1" does'),
    ("layanan", "seleksi_terdekat", "range(1, len(terisi) + 1)", "range(1, len(terisi) + 2)",
     "combinations of more filters than are set yield nothing: the extra round does nothing"),
    ("layanan", "siapkan_pola", "sorted(daftar, reverse=True)",
     ("sorted(daftar, reverse=False)", "sorted(daftar, )"),
     "every period's layer is computed before the function returns, and a layer depends on "
     "its own period only: the order changes nothing a caller can see"),
    ("layanan", "_ukuran", '{"dimensi": dimensi', '{"DIMENSI": dimensi',
     "DuckDB's named parameters are case-insensitive: DIMENSI binds $dimensi (checked, DuckDB 2.0)"),
    ("layanan", "_per_periode", '_ringkas(basis, versi, lengkap, "periode"', '_ringkas(basis, versi, None, "periode"',
     "only filter cells ('semua') are asked: the pattern decides them the same with or without "
     "its demographic layers (None only changes the cache key)"),
    ("layanan", "_per_periode", '.merge(lebar, on="kelompok", how="left")',
     ('.merge(lebar, on=None, how="left")', '.merge(lebar, how="left")'),
     "the left frame's only column is kelompok: without on, merge joins on the common columns, kelompok"),
    ("layanan", "_periode_instansi", "strict=True):", ("strict=None)", "strict=False)", ".tolist(), ):"),
     "both lists come from the same frame: the lengths are always equal"),
    ("layanan", "_cakupan", 'if "n" in df:', ('if "XXnXX" in df:', 'if "N" in df:', 'if "n" not in df:'),
     "the filter then never applies, and it drops nothing: pilihan_filter's n sums rollup rows that "
     "each count at least one respondent (count(*) of a group), so every row has n >= 1"),
    ("layanan", "_cakupan", 'df = df[df["n"] > 0]', 'df = df[df["n"] >= 0]',
     "every row of pilihan_filter has n >= 1 (a sum of count(*) of groups): no row has n 0"),
    ("layanan", "_periode_instansi", 'df = df[df["n"] > 0] if "n" in df else df',
     ('df["n"] >= 0]', 'if "XXnXX" in df', 'if "N" in df', 'if "n" not in df', 'if ("n" in df) and False',
      'if ("n" in df) or True'),
     "pilihan_filter always has n, and every row has n >= 1 (a sum of count(*) of groups): the "
     "filter drops nothing, applied or not"),
    ("layanan", "_pola", "versi, minimum, lengkap)", "versi, minimum, None)",
     "the folder stays one per snapshot: Keadaan.versi already ends in '-dasar' without the "
     "demographic rollups, so the flag in the folder's key repeats it (None only renames the folder)"),
)


def setara(modul: str, nama: str, diff: str) -> str | None:
    """The reason a survivor is judged equivalent, or None."""
    fungsi = re.sub(r"__mutmut_\d+$", "", nama.rsplit(".", 1)[-1])
    fungsi = fungsi[2:] if fungsi.startswith("x_") else fungsi
    lepas = "\n".join(b[1:] for b in diff.splitlines() if b.startswith("-") and not b.startswith("---"))
    tambah = "\n".join(b[1:] for b in diff.splitlines() if b.startswith("+") and not b.startswith("+++"))
    for m, f, a, b, alasan in SETARA:
        if m == modul and f == fungsi and a in lepas and any(x in tambah for x in
                                                             ((b,) if isinstance(b, str) else b)):
            return alasan
    return None


@dataclass
class Hasil:
    modul: str
    status: dict[str, str] = field(default_factory=dict)  # mutant name -> status
    diff: dict[str, str] = field(default_factory=dict)  # survivor -> its change
    setara: dict[str, str] = field(default_factory=dict)  # survivor judged equivalent -> why
    detik: float = 0.0
    catatan: str = ""

    def hitung(self, *status: str) -> int:
        return sum(1 for s in self.status.values() if s in status)

    @property
    def total(self) -> int:
        return len(self.status) - self.hitung("skipped")

    @property
    def terbunuh(self) -> int:
        return self.hitung("killed")

    @property
    def semua_hidup(self) -> list[str]:
        return [k for k, s in self.status.items() if s in ("survived", "no tests")]

    @property
    def hidup(self) -> list[str]:
        """Survivors still to be killed (not judged equivalent)."""
        return [k for k in self.semua_hidup if k not in self.setara]

    @property
    def habis_waktu(self) -> int:
        return self.hitung("timeout")

    @property
    def lain(self) -> int:
        return self.total - self.terbunuh - len(self.semua_hidup) - self.habis_waktu

    @property
    def skor(self) -> float | None:
        """Killed (or timed out) over every mutant."""
        return None if not self.total else 100.0 * (self.terbunuh + self.habis_waktu) / self.total

    @property
    def skor_bersih(self) -> float | None:
        """Killed (or timed out) over the mutants not judged equivalent: held to the target."""
        n = self.total - len(self.setara)
        return None if n <= 0 else 100.0 * (self.terbunuh + self.habis_waktu) / n

    def nilai_setara(self) -> None:
        self.setara = {n: a for n in self.semua_hidup
                       if (a := setara(self.modul, n, self.diff.get(n, ""))) is not None}


def berkas_tes(modul: str) -> list[str]:
    """The unit test files run against ``modul``'s mutants (relative to the project)."""
    pola = (f"tests/unit/test_{modul}.py", f"tests/unit/test_mutasi_{modul}*.py",
            *TES_TAMBAHAN.get(modul, ()))
    berkas = sorted({str(p.relative_to(AKAR)) for g in pola for p in AKAR.glob(g)})
    if not berkas:
        raise SystemExit(f"tidak ada tes unit untuk {modul}: {', '.join(pola)}")
    return berkas


def salin_proyek(tujuan: Path) -> None:
    """The parts of the project the unit tests need, without caches or data; the copy's
    pyproject.toml loses any [tool.mutmut] table so the setup.cfg written next to it counts."""
    abaikan = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for folder in ("berakhlak", "queries"):
        if (AKAR / folder).is_dir():
            shutil.copytree(AKAR / folder, tujuan / folder, ignore=abaikan)
    (tujuan / "tests").mkdir()
    for nama in ("__init__.py", "conftest.py"):
        if (AKAR / "tests" / nama).exists():
            shutil.copy2(AKAR / "tests" / nama, tujuan / "tests" / nama)
    shutil.copytree(AKAR / "tests" / "unit", tujuan / "tests" / "unit", ignore=abaikan)
    teks = (AKAR / "pyproject.toml").read_text(encoding="utf-8")
    teks = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", teks)
    teks = re.sub(r"(?m)^(addopts\s*=.*)$", lambda m: _tanpa_xdist(m.group(1)), teks)
    (tujuan / "pyproject.toml").write_text(teks, encoding="utf-8")


def _tanpa_xdist(baris: str) -> str:
    """pytest's addopts without pytest-xdist's ``-n N`` / ``--dist X`` (and ``--durations``):
    mutmut records which tests reach which function in the pytest process itself, so tests
    run in xdist workers would leave every mutant "not checked"."""
    baris = re.sub(r"""(?<=[\s"'])(?:-n|--numprocesses|--dist)(?:\s+|=)[^\s"']+\s*""", "", baris)
    return re.sub(r"""(?<=[\s"'])--durations(?:\s+|=)\d+\s*""", "", baris)


def tulis_setup_cfg(tujuan: Path, modul: str, tes: list[str]) -> None:
    baris_tes = "".join(f"\n    {t}" for t in tes)
    (tujuan / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = berakhlak\n"
        f"only_mutate = berakhlak/{modul}.py\n"
        f"pytest_add_cli_args_test_selection ={baris_tes}\n"
        "also_copy = queries\n"
        "use_git_change_detection = false\n",
        encoding="utf-8")


def lingkungan() -> dict[str, str]:
    env = dict(os.environ)
    env["BERAKHLAK_POLA_LATAR"] = "0"
    env.pop("BERAKHLAK_MIN_RESPONDEN", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def jalankan_mutmut(modul: str, kerja: Path, paralel: int) -> Hasil:
    """mutmut in the copy ``kerja``: run, then read the verdicts from its meta file."""
    hasil = Hasil(modul)
    mutmut = Path(sys.executable).parent / "mutmut"
    log = kerja / "mutmut.log"
    mulai = time.monotonic()
    with open(log, "w") as keluar:
        proses = subprocess.run([str(mutmut), "run", "--max-children", str(paralel)], cwd=kerja,
                                env=lingkungan(), stdout=keluar, stderr=subprocess.STDOUT)
    hasil.detik = time.monotonic() - mulai
    meta = kerja / "mutants" / "berakhlak" / f"{modul}.py.meta"
    if not meta.exists():
        ekor = log.read_text(errors="replace")[-3000:]
        raise SystemExit(f"mutmut gagal untuk {modul} (kode {proses.returncode}); log {log}:\n{ekor}")
    kode = json.loads(meta.read_text())["exit_code_by_key"]
    hasil.status = {k: STATUS.get(v, "suspicious") for k, v in sorted(kode.items())}
    if hasil.semua_hidup:
        hasil.diff = diff_mutmut(kerja, modul, hasil.semua_hidup)
    hasil.nilai_setara()
    return hasil


# One process for every survivor's diff (``mutmut show`` per mutant starts mutmut each time).
_SKRIP_DIFF = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
nama, path = json.loads(sys.argv[1]), sys.argv[2]
print(json.dumps({n: get_diff_for_mutant(n, path=path) for n in nama}))
"""


def diff_mutmut(kerja: Path, modul: str, nama: list[str]) -> dict[str, str]:
    r = subprocess.run([sys.executable, "-c", _SKRIP_DIFF, json.dumps(nama), f"berakhlak/{modul}.py"],
                       cwd=kerja, env=lingkungan(), capture_output=True, text=True)
    if r.returncode != 0:
        return {n: f"(no diff: {r.stderr.strip().splitlines()[-1:]})" for n in nama}
    return {n: d.strip() for n, d in json.loads(r.stdout).items()}


# --- literals of a constants-only module ---------------------------------------------------


def _literal(sumber: str) -> list[tuple[int, int, int, int, str]]:
    """(line, col, end line, end col, replacement) for each string and number literal outside
    docstrings: a string gets 'XX' around its text, a number is raised by one."""
    pohon = ast.parse(sumber)
    docstring = set()
    for node in ast.walk(pohon):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                docstring.add(id(node.body[0].value))
    ganti = []
    for node in ast.walk(pohon):
        if not isinstance(node, ast.Constant) or id(node) in docstring:
            continue
        if isinstance(node.value, bool) or node.value is None:
            continue
        if isinstance(node.value, str):
            baru = repr("XX" + node.value + "XX")
        elif isinstance(node.value, (int, float)):
            baru = repr(node.value + 1)
        else:
            continue
        ganti.append((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, baru))
    return sorted(ganti)


def _ganti(sumber: str, a: int, ka: int, b: int, kb: int, baru: str) -> str:
    baris = sumber.splitlines(keepends=True)
    awal = sum(len(x) for x in baris[: a - 1]) + len(baris[a - 1].encode()[:ka].decode())
    akhir = sum(len(x) for x in baris[: b - 1]) + len(baris[b - 1].encode()[:kb].decode())
    return sumber[:awal] + baru + sumber[akhir:]


def _kode_anak(kerja: Path, tes: list[str], batas: int) -> int:
    """pytest on ``tes`` in a forked child (heavy libraries already imported by this process;
    the project's own modules imported afresh from ``kerja``), killed by SIGALRM after
    ``batas`` seconds. Returns pytest's exit code, or 36 (mutmut's timeout code)."""
    pid = os.fork()
    if pid == 0:  # child
        kode = 3
        try:
            signal.alarm(batas)
            os.chdir(kerja)
            for m in list(sys.modules):
                if m.split(".")[0] in ("berakhlak", "tests"):
                    del sys.modules[m]
            nol = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nol, 1)
            os.dup2(nol, 2)
            import pytest

            kode = int(pytest.main(["-x", "-q", "-p", "no:randomly", *tes]))
        finally:
            os._exit(kode)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return 36 if os.WTERMSIG(status) == signal.SIGALRM else -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def _siapkan_induk(kerja: Path) -> None:
    """Import the heavy third-party libraries once, before forking the test runs."""
    os.environ.update(lingkungan())
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != AKAR]
    sys.path.insert(0, str(kerja))
    for modul in ("numpy", "pandas", "pyarrow", "duckdb", "plotly.graph_objects", "plotly.express",
                  "babel.numbers", "pytest", "hypothesis"):
        try:
            __import__(modul)
        except ImportError:
            pass


def jalankan_literal(modul: str, kerja: Path, tes: list[str]) -> Hasil:
    """Mutate each literal of a module with no function bodies; run its tests against each."""
    hasil = Hasil(modul, catatan="literals (module has no functions for mutmut)")
    berkas = kerja / "berakhlak" / f"{modul}.py"
    asli = berkas.read_text(encoding="utf-8")
    _siapkan_induk(kerja)
    mulai = time.monotonic()
    if _kode_anak(kerja, tes, 600) != 0:
        raise SystemExit(f"tes {modul} gagal tanpa mutasi: {' '.join(tes)}")
    batas = max(30, int(20 * (time.monotonic() - mulai)))
    try:
        for i, (a, ka, b, kb, baru) in enumerate(_literal(asli), 1):
            lama = asli.splitlines()[a - 1].strip()
            berkas.write_text(_ganti(asli, a, ka, b, kb, baru), encoding="utf-8")
            nama = f"berakhlak.{modul}.literal__{i}"
            hasil.status[nama] = STATUS.get(_kode_anak(kerja, tes, batas), "suspicious")
            if hasil.status[nama] == "survived":
                hasil.diff[nama] = f"@@ line {a} @@\n-{lama}\n+{baru}"
    finally:
        berkas.write_text(asli, encoding="utf-8")
    hasil.detik = time.monotonic() - mulai
    hasil.nilai_setara()
    return hasil


def punya_fungsi(path: Path) -> bool:
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in ast.walk(pohon))


def uji_modul(modul: str, paralel: int, simpan: Path | None,
              tes: list[str] | None = None) -> Hasil:
    sumber = AKAR / "berakhlak" / f"{modul}.py"
    if not sumber.exists():
        raise SystemExit(f"tidak ada modul berakhlak/{modul}.py")
    tes = tes or berkas_tes(modul)
    if simpan:
        kerja = simpan / modul
        shutil.rmtree(kerja, ignore_errors=True)
        kerja.mkdir(parents=True)
    else:
        kerja = Path(tempfile.mkdtemp(prefix=f"mutasi-{modul}-"))
    try:
        salin_proyek(kerja)
        tulis_setup_cfg(kerja, modul, tes)
        print(f"[{modul}] {', '.join(tes)} ...", file=sys.stderr, flush=True)
        if punya_fungsi(sumber):
            return jalankan_mutmut(modul, kerja, paralel)
        return jalankan_literal(modul, kerja, tes)
    finally:
        if not simpan:
            shutil.rmtree(kerja, ignore_errors=True)


def tabel(semua: list[Hasil]) -> str:
    kepala = ("module", "mutants", "killed", "survived", "equivalent", "timeout", "other",
              "score %", "w/o equiv. %", "target %", "time s")
    baris = []
    for h in semua:
        skor = "n/a" if h.skor is None else f"{h.skor:.1f}"
        bersih = "n/a" if h.skor_bersih is None else f"{h.skor_bersih:.1f}"
        baris.append((h.modul, h.total, h.terbunuh, len(h.semua_hidup), len(h.setara),
                      h.habis_waktu, h.lain, skor, bersih,
                      f"{TARGET.get(h.modul, TARGET_LAIN):.0f}", f"{h.detik:.0f}"))
    lebar = [max(len(str(x)) for x in kol) for kol in zip(kepala, *baris, strict=True)]
    garis = ["  ".join(str(x).rjust(w) if i else str(x).ljust(w)
                       for i, (x, w) in enumerate(zip(r, lebar, strict=True)))
             for r in (kepala, *baris)]
    garis.insert(1, "  ".join("-" * w for w in lebar))
    return "\n".join(garis)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("modul", nargs="*", default=list(BAWAAN),
                   help=f"modules of berakhlak/ (default: {' '.join(BAWAAN)})")
    p.add_argument("--paralel", type=int, default=1, help="mutmut's --max-children (default 1)")
    p.add_argument("--diff", action="store_true",
                   help="show each survivor's change, and list the equivalent ones with reasons")
    p.add_argument("--simpan", type=Path, help="keep the working copies in this folder")
    p.add_argument("--tes", nargs="+", help="run these test files instead of the module's own")
    a = p.parse_args(argv)
    semua = [uji_modul(m, a.paralel, a.simpan, a.tes) for m in a.modul]
    print(tabel(semua))
    gagal = False
    for h in semua:
        if h.skor_bersih is not None and h.skor_bersih < TARGET.get(h.modul, TARGET_LAIN):
            gagal = True
        if h.hidup:
            print(f"\n{h.modul}: {len(h.hidup)} surviving, not judged equivalent"
                  + (f" ({h.catatan})" if h.catatan else ""))
            for nama in h.hidup:
                print(f"  {nama}")
                if a.diff and nama in h.diff:
                    print("    " + h.diff[nama].replace("\n", "\n    "))
        if h.setara:
            print(f"\n{h.modul}: {len(h.setara)} surviving, judged equivalent (SETARA in {Path(__file__).name})")
            for nama, alasan in h.setara.items():
                print(f"  {nama}: {alasan}")
                if a.diff and nama in h.diff:
                    print("    " + h.diff[nama].replace("\n", "\n    "))
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
