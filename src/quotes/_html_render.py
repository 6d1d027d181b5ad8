"""Draw spans over text as well-nested HTML elements, in one pass (for :mod:`quotes.html`).

Contract: :func:`render` takes the text, its paragraphs (lists of line spans
``[a, b)`` in text order, without the breaks) and the spans to draw, and returns
each paragraph's lines as HTML: the text escaped, each span an element.  Where
spans cross, an element is closed and reopened so the markup stays well formed;
at every position the open elements nest in the order ``(start, -end, rank)``
(outermost first; the quote before the speaker, not-speech, cue for the same
extent), the one given first winning a tie.  Only a span's first piece gets its
``first_open`` tag (the id and the badge).  A line closes every element at its
end and reopens at the next line those that go on.

The work is one sweep over the sorted span boundaries: ``O((n + c) log n)`` for
``n`` spans and ``c`` cuts, plus the size of the output (it was quadratic in the
spans of one line: a 40 k-character line took 18 s).

>>> spans = [_Span(0, 2, 0, "<b>", "</b>", "<b id=1>"), _Span(1, 3, 1, "<i>", "</i>", "<i>")]
>>> render("abcd", [[(0, 4)]], spans)
[['<b id=1>a<i>b</i></b><i>c</i>d']]
"""

from __future__ import annotations

import bisect
import heapq
import html
import itertools
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["render"]


class _Span(NamedTuple):
    start: int
    end: int
    rank: int  # nesting order among spans with the same extent: quote outermost
    open_tag: str
    close_tag: str
    first_open: str  # the opening tag for the first piece (with id and badge)


_Key = tuple[int, int, int, int]  # (start, -end, rank, index): the nesting order, unique per span


def _esc(value: str) -> str:
    return html.escape(value, quote=True)


def render(text: str, paragraphs: Sequence[Sequence[tuple[int, int]]], spans: Sequence[_Span]) -> list[list[str]]:
    """The HTML of every line of every paragraph (see the module docstring)."""
    keys: list[_Key] = [(s.start, -s.end, s.rank, i) for i, s in enumerate(spans) if s.start < s.end]
    by_start = sorted(keys)
    bounds = sorted({k[0] for k in keys} | {-k[1] for k in keys})
    opened = [False] * len(spans)
    active: list[_Key] = []  # the spans covering the current position, in nesting order
    ends: list[tuple[int, int]] = []  # heap of (end, index) of the active spans
    nxt = 0  # next span of by_start to come in
    out: list[list[str]] = []
    for lines in paragraphs:
        drawn: list[str] = []
        for a, b in lines:
            if a >= b:
                drawn.append("")
                continue
            parts: list[str] = []
            stack: list[_Key] = []  # the elements open in the markup, outermost first
            cuts = [a, *bounds[bisect.bisect_right(bounds, a) : bisect.bisect_left(bounds, b)], b]
            for x, y in itertools.pairwise(cuts):
                low: _Key | None = None  # the outermost span that came in or went out here
                while ends and ends[0][0] <= x:
                    _, i = heapq.heappop(ends)
                    key = _key(spans, i)
                    del active[bisect.bisect_left(active, key)]
                    low = key if low is None or key < low else low
                while nxt < len(by_start) and by_start[nxt][0] <= x:
                    key = by_start[nxt]
                    nxt += 1
                    if -key[1] <= x:  # over before this point (inside a line break): never drawn
                        continue
                    bisect.insort(active, key)
                    heapq.heappush(ends, (-key[1], key[3]))
                    low = key if low is None or key < low else low
                keep = len(stack) if low is None else bisect.bisect_left(stack, low)
                parts.extend(spans[k[3]].close_tag for k in reversed(stack[keep:]))
                for k in active[keep:]:
                    s = spans[k[3]]
                    parts.append(s.open_tag if opened[k[3]] else s.first_open)
                    opened[k[3]] = True
                del stack[keep:]
                stack.extend(active[keep:])
                parts.append(_esc(text[x:y]))
            parts.extend(spans[k[3]].close_tag for k in reversed(stack))
            drawn.append("".join(parts))
        out.append(drawn)
    return out


def _key(spans: Sequence[_Span], i: int) -> _Key:
    """The nesting key of ``spans[i]``."""
    s = spans[i]
    return (s.start, -s.end, s.rank, i)
