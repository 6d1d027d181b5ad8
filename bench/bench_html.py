"""Time quotes.to_html on one long line of many quotes (issue 13: it was quadratic in the spans of a line).

Usage: python bench/bench_html.py [CHARS ...]   (default: 40000 200000)

The records are built by hand (a speaker, a quote and a cue every 17
characters), so the figure is the renderer's time alone, without analysis.
"""

from __future__ import annotations

import sys
import time

from quotes.html import to_html
from quotes.records import Analysis, Cue, Quote, Speaker

UNIT = '김 대표는 "좋다"고 말했다. '


def one_line(chars: int) -> tuple[str, Analysis]:
    n = max(1, chars // len(UNIT))
    quotes = []
    for i in range(n):
        o = i * len(UNIT)
        quotes.append(
            Quote(
                text="좋다",
                start=o + 7,
                end=o + 9,
                open_mark=o + 6,
                close_mark=o + 9,
                speaker=Speaker(text="김 대표", start=o, end=o + 4, name=None),
                cue=Cue(text="말했다", start=o + 12, end=o + 15, lemma="말하다"),
            )
        )
    return UNIT * n, Analysis(quotes=tuple(quotes))


def main(argv: list[str]) -> None:
    for chars in [int(a) for a in argv] or [40_000, 200_000]:
        text, analysis = one_line(chars)
        t0 = time.perf_counter()
        page = to_html(text, analysis)
        dt = time.perf_counter() - t0
        print(f"{len(text):>8} chars, {len(analysis.quotes):>6} quotes: {dt:7.3f} s, {len(page):>10} bytes of HTML")


if __name__ == "__main__":
    main(sys.argv[1:])
