"""Split the cleaned text into paragraphs and sentences.

Contract: :func:`split` returns :class:`Sentence` records (``start``,
``end``, ``paragraph``) over the cleaned text, in order, trimmed of surrounding spaces.  A
sentence never ends inside a top-level quoted span (the spans are passed in);
it ends at a line break, or after ``. ? !`` when a space, a letter (crawled text
loses the space: ``지닌다.미스트랄AI는``) or the end follows.  A quote whose
content ends in ``. ? !`` and that is not glued to a particle also ends its
sentence (``"…했다." 김 대표의 말이다.`` is two sentences).  Decimal points
(``3.5``) and Latin abbreviations (``U.S.``) do not end sentences.

A "sentence" longer than :data:`MAX_SENTENCE_CHARS` (text without punctuation,
a run-on list) is cut into pieces at a comma or space outside top-level
quotes, so that the work per sentence is bounded and the whole pipeline stays
linear in the size of the input.  A top-level quote is only cut when it is
itself longer than :data:`MAX_QUOTE_CHARS`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from ._marks import QuotedSpan

__all__ = ["Sentence", "split"]


@attrs.frozen(kw_only=True)
class Sentence:
    """One sentence of the cleaned text: ``[start, end)`` and its paragraph number."""

    start: int
    end: int
    paragraph: int


#: Longest sentence analysed as one unit (characters); longer ones are cut.
MAX_SENTENCE_CHARS = 1500
#: Longest top-level quote kept inside one sentence piece.
MAX_QUOTE_CHARS = 5_000

BOUNDARY = regex.compile(
    r"""
      \n                                   # a line break always ends a sentence
    | (?<!(?:^|[^A-Za-z])[A-Z])            # not an initial as in U.S. or J.P.
      [.?!\u2026]+                         # terminal punctuation run
      [)\]]*                               # closing brackets glued to it
      (?=\s|$|[\p{Hangul}A-Za-z\[(<])      # then space, end or a new word
      (?<!\d\.(?=\d))                      # not a decimal point
    """,
    regex.VERBOSE,
)
QUOTE_FINAL = frozenset(".?!\u2026")
# The start of a line up to an ellipsis that leads a bullet item (``○…``, ``▲…``).
ITEM_LEAD_ONLY = regex.compile(r"[ \t]*[\p{So}\p{Sm}*\-\u00b7\u2022\u203b]+[ \t]*")
# A line ending in a particle or a non-final ending runs on into the next line
# (``…지역 국립대 교수가\n학생들의 …``); a headline or a finished sentence does not.
RUNS_ON = regex.compile(
    r"(?:에서|에게|으로|로|을|를|은|는|이|가|의|와|과|도|고|며|면서|면|해|게|하는|하고|된|한|던|인|에|께|서|지"
    r"|까지|부터|대해|관련|위해|및|등|또는|하며|라며|다며|다는|라는|지만|는데|니까|어서|아서|하던|있는|없는|적인|함께),?$"
)
# A quotative ending separated from its closing mark by one space (`”  며`).
PARTICLE_AFTER = regex.compile(r"[ \t](?:이?라|다)?(?:고|며|면서|는|란)(?=[\s,.]|$)")


def continues(text: str, pos: int) -> bool:
    """Does the line ending at ``pos`` run on into the next (print-style line breaks)?"""
    start = max(0, pos - 40)
    before = text[start:pos].rstrip()
    if not before or before.endswith(("\n",)):
        return False
    nxt = text[pos + 1 : pos + 3].lstrip("\n ")
    return bool(nxt) and not nxt.startswith(("[", "(", "<", "■", "▲", "◆", "-")) and bool(RUNS_ON.search(before))


def split(text: str, spans: Sequence[QuotedSpan]) -> list[Sentence]:
    """Split ``text`` into sentences, keeping top-level quotes whole.

    Paragraph numbers count blocks separated by one or more line breaks.

    >>> [(s.start, s.end, s.paragraph) for s in split("가. 나\\n다", [])]
    [(0, 2, 0), (3, 4, 0), (5, 6, 1)]
    """
    top = sorted((s for s in spans if s.depth == 0), key=lambda s: s.open)
    inner_starts = [s.open for s in top]
    inner_ends = [s.close if s.close is not None else s.content_end for s in top]
    cuts: list[int] = []
    for m in BOUNDARY.finditer(text):
        pos = m.start()
        if text[pos] == "\n" and continues(text, pos):
            continue
        k = bisect.bisect_right(inner_starts, pos) - 1
        if k >= 0 and inner_starts[k] < pos < inner_ends[k]:
            continue  # inside a quote
        if text[pos] != "\n" and ITEM_LEAD_ONLY.fullmatch(text, text.rfind("\n", 0, pos) + 1, pos):
            continue  # ``○…백악관에서``: the ellipsis of a bullet lead ends nothing
        cuts.append(m.end())
    for s in top:  # a quote ending in terminal punctuation and not glued to a particle
        if s.close is None or s.content_end <= s.content_start:
            continue
        if text[s.content_end - 1] in QUOTE_FINAL:
            after = s.close + 1
            if (after >= len(text) or text[after].isspace()) and not PARTICLE_AFTER.match(text, after):
                cuts.append(after)
    cuts.sort()
    out: list[Sentence] = []
    start = 0
    para = 0
    for cut in [*cuts, len(text)]:
        if cut < start:
            continue
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            if out and "\n" in text[out[-1].end : a]:
                para += 1
            pieces = _pieces(text, a, b, inner_starts, inner_ends)
            out.extend(Sentence(start=x, end=y, paragraph=para) for x, y in pieces)
        start = cut
    return out


def _pieces(text: str, a: int, b: int, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """Cut ``[a, b)`` into pieces of at most MAX_SENTENCE_CHARS (see module docs)."""
    out: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = _cut_point(text, a, a + MAX_SENTENCE_CHARS, starts, ends)
        if cut >= b:
            break
        end = cut
        while end > a and text[end - 1].isspace():
            end -= 1
        if end > a:
            out.append((a, end))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


def _inside(pos: int, starts: list[int], ends: list[int]) -> int:
    """Index of the top-level quote strictly enclosing ``pos``, or -1."""
    k = bisect.bisect_right(starts, pos) - 1
    return k if k >= 0 and starts[k] < pos < ends[k] + 1 else -1


def _cut_point(text: str, a: int, limit: int, starts: list[int], ends: list[int]) -> int:
    """A position after which to cut: the last comma, else space, outside quotes before ``limit``."""
    floor = a + MAX_SENTENCE_CHARS // 2
    for sep in (", ", " "):
        pos = text.rfind(sep, floor, limit)
        while pos >= floor:
            k = _inside(pos, starts, ends)
            if k < 0:
                return pos + len(sep)
            pos = text.rfind(sep, floor, starts[k])
    k = _inside(limit, starts, ends)
    if k >= 0 and ends[k] + 1 - starts[k] <= MAX_QUOTE_CHARS:
        pos = ends[k] + 1  # keep the quote whole: cut at the first space after it
        space = text.find(" ", pos, pos + MAX_SENTENCE_CHARS)
        return space + 1 if space >= 0 else pos + MAX_SENTENCE_CHARS
    return limit
