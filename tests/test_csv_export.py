"""CSV/TSV output of ``quotes extract``, run as a user runs it (issue 13).

Cells a spreadsheet would run as formulas are neutralised (unless ``--raw-cells``),
Excel gets a byte order mark for ``-o *.csv``, carried fields and problems
have columns, and the rows are those of ``to_dataframe``.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotes

BOM = b"\xef\xbb\xbf"

RECORDS = [
    {"id": "-7", "url": "=u1", "n": 3, "text": '김 대표는 "=1+2는 3이다"고 말했다. 그는 "+가도 된다"고 덧붙였다.'},
    {"id": "b", "text": "인용 없는 문장이다."},
    {"id": "c", "text": '박 의원은 "끝나지 않은 말을 했다. 그리고 떠났다.'},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS) + "{broken\n", "utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run([sys.executable, "-m", "quotes", "extract", *args], capture_output=True, check=False)
    assert proc.returncode == 1, proc.stderr  # the broken line
    assert b"Traceback" not in proc.stderr
    return proc


def rows(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


@pytest.fixture(scope="module")
def to_csv_file(corpus: Path) -> bytes:
    out = corpus.with_name("out.csv")
    run(str(corpus), "--id-field", "id", "--format", "csv", "-o", str(out))
    return out.read_bytes()


def test_formula_cells_get_a_quote_before_them(to_csv_file: bytes) -> None:
    got = rows(to_csv_file)
    assert [r["text"] for r in got[:2]] == ["'=1+2는 3이다", "'+가도 된다"]
    assert got[0]["id"] == "'-7"
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in got for v in r.values())
    assert got[0]["start"] == "7"  # numbers are written as they are


def test_raw_cells_keeps_them_as_they_are(corpus: Path) -> None:
    got = rows(run(str(corpus), "--id-field", "id", "--format", "tsv", "--raw-cells").stdout, "\t")
    assert [r["text"] for r in got[:2]] == ["=1+2는 3이다", "+가도 된다"] and got[0]["id"] == "-7"
    text = RECORDS[0]["text"]
    assert isinstance(text, str) and text[int(got[0]["start"]) : int(got[0]["end"])] == got[0]["text"]


def test_a_csv_file_starts_with_a_byte_order_mark_for_excel(corpus: Path, to_csv_file: bytes) -> None:
    assert to_csv_file.startswith(BOM) and not to_csv_file.startswith(BOM * 2)
    assert not run(str(corpus), "--format", "csv").stdout.startswith(BOM)  # standard output: none by default
    assert run(str(corpus), "--format", "csv", "--bom").stdout.startswith(BOM)
    other = corpus.with_name("out.txt")
    run(str(corpus), "--format", "csv", "-o", str(other))
    assert not other.read_bytes().startswith(BOM)
    no_bom = corpus.with_name("plain.csv")
    run(str(corpus), "--format", "csv", "--no-bom", "-o", str(no_bom))
    assert no_bom.read_bytes().startswith(b"source,")
    assert not run(str(corpus), "--format", "jsonl", "--bom").stdout.startswith(BOM)  # CSV/TSV only


def test_carried_fields_and_problems_have_columns(to_csv_file: bytes) -> None:
    got = rows(to_csv_file)
    assert list(got[0])[-3:] == ["problems", "fields", "error"]
    assert json.loads(got[0]["fields"]) == {"url": "=u1", "n": 3} == json.loads(got[1]["fields"])
    assert got[0]["problems"] == "" and got[2]["fields"] == ""
    unclosed = next(r for r in got if r["id"] == "c")
    assert "unclosed_mark" in [p["code"] for p in json.loads(unclosed["problems"])]
    assert "invalid JSON" in got[-1]["error"]


def test_rows_are_those_of_to_dataframe(to_csv_file: bytes) -> None:
    pd = pytest.importorskip("pandas")
    analyses = [quotes.analyze(str(r["text"])) for r in RECORDS]
    df = quotes.to_dataframe(analyses, ids=[str(r["id"]) for r in RECORDS])
    got = rows(to_csv_file)[:-1]  # the broken line has no document
    assert len(got) == len(df)
    for row, frame in zip(got, df.itertuples(index=False), strict=True):
        assert row["id"].removeprefix("'") == frame.doc
        assert row["quote"] == ("" if pd.isna(frame.quote) else str(frame.quote))
        assert row["text"].removeprefix("'") == ("" if pd.isna(frame.text) else frame.text)
