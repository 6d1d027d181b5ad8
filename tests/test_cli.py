"""The command line, run in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GOLDEN
from quotes.cli import main


def test_demo_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "speaker" in out and "박지훈" in out and "말했다" in out


def test_evaluate_prints_figures_and_misses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GOLDEN / "demo.jsonl"), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "speaker accuracy" in out and "CUE direct" in out


def test_evaluate_require_fails_when_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.json"
    text = "그는 회사를 떠났다고 한다."  # hearsay, which the default extractor does not report
    record = {"kind": "indirect", "text": "회사를 떠났다", "start": 3, "end": 10, "speaker": None, "speaker_name": None}
    gold.write_text(json.dumps({"id": "x", "text": text, "quotes": [record]}, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", str(gold), "--require", "indirect_r>=0.99"]) == 1
    assert "short:" in capsys.readouterr().out
    assert main(["evaluate", str(GOLDEN / "demo.jsonl"), "--require", "nonsense>=1"]) == 2


def test_extract_jsonl_keeps_one_record_per_line_and_reports_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "body": "김 대표는 \\"좋다\\"고 말했다."}\n{broken\n{"id": 3, "body": 5}\n',
        encoding="utf-8",
    )
    assert main(["extract", str(src), "--text-field", "body"]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["id"] == 1 and lines[0]["quotes"][0]["text"] == "좋다"
    assert lines[1]["line"] == 2 and "invalid JSON" in lines[1]["error"]
    assert "not a string" in lines[2]["error"]
    assert "2 of 3" in captured.err


def test_python_m_quotes_runs() -> None:
    proc = subprocess.run([sys.executable, "-m", "quotes", "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("quotes ")
