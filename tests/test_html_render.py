"""The HTML renderer draws spans in one pass: same markup as the old per-cut renderer, linear work (issue 13).

The old renderer scanned every span at every cut of a line, so one long line
with many quotes took quadratic time (a 40 k-character line: 18 s).  These
tests keep that renderer as the reference for the markup and count the
comparisons the new one makes on span offsets; no test is timed
(``bench/bench_html.py`` measures the speed).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotes.html
from quotes._html_render import _Span, render
from quotes.html import fragment
from quotes.records import Analysis, Cue, Quote, Speaker


def old_render_line(text: str, a: int, b: int, spans: list[_Span], opened: set[int]) -> str:
    """The renderer before issue 13, verbatim: the reference for the markup."""
    inside = [s for s in spans if s.start < b and s.end > a]
    cuts = sorted({a, b} | {s.start for s in inside if a < s.start < b} | {s.end for s in inside if a < s.end < b})
    out: list[str] = []
    stack: list[_Span] = []
    for x, y in itertools.pairwise(cuts):
        active = sorted((s for s in inside if s.start <= x and s.end >= y), key=lambda s: (s.start, -s.end, s.rank))
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(s.close_tag for s in reversed(stack[keep:]))
        for s in active[keep:]:
            out.append(s.open_tag if id(s) in opened else s.first_open)
            opened.add(id(s))
        out.append(quotes.html._esc(text[x:y]))
        stack = active
    out.extend(s.close_tag for s in reversed(stack))
    return "".join(out)


def old_render(text: str, paragraphs: list[list[tuple[int, int]]], spans: list[_Span]) -> list[list[str]]:
    spans = [s for s in spans if s.start < s.end]
    opened: set[int] = set()
    return [[old_render_line(text, a, b, spans, opened) for a, b in lines] for lines in paragraphs]


@st.composite
def layouts(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int]]], list[_Span]]:
    text = draw(st.text(alphabet="가나<&\n ", min_size=0, max_size=30))
    paragraphs = quotes.html._paragraphs(text)
    n = len(text)
    spans = []
    for i in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        rank = draw(st.integers(0, 3))
        spans.append(_Span(start, end, rank, f"<e{i}>", f"</e{i}>", f"<e{i} first>"))
    return text, paragraphs, spans


@settings(max_examples=400, deadline=None, derandomize=True)
@given(layouts())
def test_same_markup_as_the_old_renderer(layout: tuple[str, list[list[tuple[int, int]]], list[_Span]]) -> None:
    text, paragraphs, spans = layout
    assert render(text, paragraphs, spans) == old_render(text, paragraphs, spans)


def test_same_markup_for_crossing_and_identical_spans() -> None:
    text = "가나다라마\n바사아자"
    spans = [
        _Span(0, 5, 0, "<q1>", "</q1>", "<q1 id>"),
        _Span(0, 5, 0, "<q2>", "</q2>", "<q2 id>"),  # the same extent and rank: the first given is outer
        _Span(3, 8, 2, "<s>", "</s>", "<s>"),  # runs over the line break
        _Span(4, 6, 1, "<n>", "</n>", "<n>"),  # ends inside the break's neighbour
        _Span(5, 6, 3, "<c>", "</c>", "<c>"),  # only the line break: never drawn
    ]
    paragraphs = quotes.html._paragraphs(text)
    assert render(text, paragraphs, spans) == old_render(text, paragraphs, spans)


class Counted(int):
    """An offset that counts the order comparisons made with it."""

    count = 0

    def _tick(self) -> None:
        Counted.count += 1

    def __lt__(self, other: object) -> bool:
        self._tick()
        return int(self) < other  # type: ignore[operator]

    def __le__(self, other: object) -> bool:
        self._tick()
        return int(self) <= other  # type: ignore[operator]

    def __gt__(self, other: object) -> bool:
        self._tick()
        return int(self) > other  # type: ignore[operator]

    def __ge__(self, other: object) -> bool:
        self._tick()
        return int(self) >= other  # type: ignore[operator]

    __hash__ = int.__hash__


def _one_long_line(n: int) -> tuple[str, Analysis]:
    """``n`` quotes with speaker and cue, all on one line."""
    unit = '김 대표는 "좋다"고 말했다. '
    text = unit * n
    qs = []
    for i in range(n):
        o = i * len(unit)
        qs.append(
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
    return text, Analysis(quotes=tuple(qs))


def _comparisons(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    text, analysis = _one_long_line(n)
    spans_of = quotes.html._spans

    def counted_spans(*args: object) -> list[_Span]:
        return [s._replace(start=Counted(s.start), end=Counted(s.end)) for s in spans_of(*args)]  # type: ignore[arg-type]

    monkeypatch.setattr(quotes.html, "_spans", counted_spans)
    Counted.count = 0
    fragment(text, analysis)
    return Counted.count


def test_work_grows_linearly_with_the_spans_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _comparisons(100, monkeypatch), _comparisons(400, monkeypatch)
    # four times the spans: about four times the comparisons (n log n), not sixteen (n squared)
    assert large < 6 * small, (small, large)
