"""Time quotes.to_html on one long line of many quotes (issue 13: it was quadratic in the spans of a line).

Usage: python bench/bench_html.py [CHARS ...]   (default: 40000 200000)

The records are built by hand (a speaker, a quote and a cue every 17
characters), so the figure is the renderer's time alone, without analysis.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from quotes.html import to_html
from quotes.records import Analysis

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_html_render import _one_long_line  # the same records the linearity test renders

#: Characters of one unit (speaker, quote, cue) of the generated line.
UNIT_CHARS = len('김 대표는 "좋다"고 말했다. ')


def one_line(chars: int) -> tuple[str, Analysis]:
    return _one_long_line(max(1, chars // UNIT_CHARS))


def main(argv: list[str]) -> None:
    for chars in [int(a) for a in argv] or [40_000, 200_000]:
        text, analysis = one_line(chars)
        t0 = time.perf_counter()
        page = to_html(text, analysis)
        dt = time.perf_counter() - t0
        print(f"{len(text):>8} chars, {len(analysis.quotes):>6} quotes: {dt:7.3f} s, {len(page):>10} bytes of HTML")


if __name__ == "__main__":
    main(sys.argv[1:])
