"""The progress bar has a total and an ETA when the input size is known, and its clock starts after the model load."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotes import _cli_progress
from quotes._cli_progress import LOADING, Progress, count_records

LINES = [{"text": '김 대표는 "좋다"고 말했다.'}, {"text": "오늘 서울은 맑겠다."}, {"text": "가"}]


def _jsonl(path: Path) -> Path:
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in LINES[:2]) + "\n\n" + json.dumps(LINES[2]) + "\n", "utf-8"
    )
    return path


def test_the_bar_shows_the_total_and_the_model_load(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "a.jsonl")
    text = tmp_path / "b.txt"
    text.write_text("오늘 서울은 맑겠다.", encoding="utf-8")
    argv = [sys.executable, "-m", "quotes", "extract", str(corpus), str(text), "--progress", "-o", str(tmp_path / "o")]
    proc = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=300)
    frames = proc.stderr.replace("\r", "\n").splitlines()
    assert any(LOADING in f and "0/4" in f for f in frames), frames
    assert "4/4" in frames[-1] and LOADING not in frames[-1] and "<00:00" in frames[-1]


def test_standard_input_has_no_total(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "a.jsonl").read_text(encoding="utf-8")
    argv = [sys.executable, "-m", "quotes", "extract", "-", "--progress", "-o", str(tmp_path / "o")]
    proc = subprocess.run(argv, input=data, capture_output=True, text=True, check=True, timeout=300)
    last = proc.stderr.replace("\r", "\n").splitlines()[-1]
    assert "3doc" in last and "/" not in last.split("[")[0]


def test_count_records_as_the_reader_reads_them(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "a.jsonl")
    by_content = tmp_path / "a.data"
    by_content.write_bytes(b"\xef\xbb\xbf" + corpus.read_bytes())
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(gzip.compress(corpus.read_bytes()))
    text = tmp_path / "b.txt"
    text.write_text("첫 줄\n\n둘째 줄\n", encoding="utf-8")
    assert count_records([str(corpus)], None) == 3
    assert count_records([str(by_content)], None) == 3
    assert count_records([str(packed)], None) == 3
    assert count_records([str(text)], None) == 1
    assert count_records([str(corpus)], False) == 1  # --plain
    assert count_records([str(tmp_path / "missing.jsonl")], None) == 1  # one error record
    assert count_records([str(corpus), "-"], None) is None
    assert count_records([], None) is None


class FakeBar:
    def __init__(self, **kwargs: Any) -> None:
        self.calls: list[tuple[str, Any]] = [("new", kwargs["total"]), ("desc", kwargs["desc"])]

    def set_description_str(self, desc: str, refresh: bool = True) -> None:
        self.calls.append(("desc", desc))

    def reset(self, total: int | None = None) -> None:
        self.calls.append(("reset", total))

    def update(self, n: int) -> None:
        self.calls.append(("update", n))

    def close(self) -> None:
        self.calls.append(("close", None))


def test_the_clock_starts_at_the_first_result(monkeypatch: pytest.MonkeyPatch) -> None:
    import tqdm

    monkeypatch.setattr(tqdm, "tqdm", FakeBar)
    progress = Progress(5, True)
    for _ in range(3):
        progress.update()
    progress.close()
    assert progress.bar.calls == [
        ("new", 5),
        ("desc", LOADING),
        ("desc", ""),
        ("reset", 5),  # tqdm's reset restarts its clock: the model load is not the first document's time
        ("update", 1),
        ("update", 1),
        ("update", 1),
        ("close", None),
    ]
    assert _cli_progress.Progress(5, False).bar is None
