"""The CLI's quote tables fit the terminal and align whatever the characters (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest
from wcwidth import wcswidth

from quotes._cli_table import format_table
from quotes.records import Quote, Speaker


def width(line: str) -> int:
    w = wcswidth(line)
    assert w >= 0, f"a control character in {line!r}"
    return int(w)


def demo(columns: int) -> list[str]:
    env = {**os.environ, "COLUMNS": str(columns)}
    proc = subprocess.run(
        [sys.executable, "-m", "quotes", "demo"], capture_output=True, text=True, env=env, check=True, timeout=300
    )
    return proc.stdout.splitlines()


@pytest.mark.parametrize("columns", [80, 100])
def test_demo_fits_the_terminal(columns: int) -> None:
    lines = demo(columns)
    table = [line for line in lines if line.startswith(("#", "--")) or line[:2].strip().isdigit()]
    assert len(table) > 10
    assert max(width(line) for line in lines) <= columns
    assert width(table[1]) == columns  # the rule line uses the room there is, no more


def _quote(speaker: str) -> Quote:
    return Quote(
        text="같은 인용문이다",
        start=0,
        end=8,
        speaker=Speaker(text=speaker, start=0, end=len(speaker), name=None),
    )


def test_invisible_and_decomposed_characters_keep_the_columns_aligned() -> None:
    speakers = ["김 대표", "김\u200b대표\u200b", unicodedata.normalize("NFD", "김 대표"), "김\u0301 대표"]
    table = format_table([_quote(s) for s in speakers], width=80).splitlines()
    rows = table[2:]
    # the same quote in the last column: aligned columns give rows of one display width
    assert len({width(r) for r in rows}) == 1, [(r, width(r)) for r in rows]
    assert all(r.endswith("같은 인용문이다") for r in rows)


def test_control_characters_and_line_breaks_never_reach_the_terminal() -> None:
    table = format_table([_quote("김\x1b[31m 대표\n\t씨")], width=80)
    assert "\x1b" not in table and "\t" not in table and len(table.splitlines()) == 3


@pytest.mark.parametrize("columns", [50, 64, 80, 132])
def test_a_long_quote_is_cut_to_the_width(columns: int) -> None:
    q = Quote(text="아주 긴 인용문이 이어진다 " * 20, start=0, end=300)
    lines = format_table([q, _quote("박모아로직 연구위원회 대표이사")], rules=True, width=columns).splitlines()
    assert max(width(line) for line in lines) <= columns
    assert "…" in lines[2]
