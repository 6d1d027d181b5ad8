"""Find quotation marks and pair them into quoted spans.

Contract: :func:`find_spans` takes the cleaned text and returns every quoted
span (top-level and nested) in text order, plus the problems found.  It runs in
time linear in the text and never pairs across more than
:data:`MAX_LINE_BREAKS` line breaks (:data:`MAX_ITEM_LINE_BREAKS` in a collection
item), so a stray mark can at most run to the end of its paragraph.

How marks are read:

* Marks form *families*: double (the straight quotation mark, the left and
  right double quotation marks, the fullwidth quotation mark, the double prime (not after a digit) and the double
  low-9 mark), single (the apostrophe, the left and right single quotation
  marks, the fullwidth apostrophe and the backtick) and corner brackets
  (``「 」``, ``『 』``); :data:`FAMILY_OF` is the table.  Within a
  family, marks pair in sequence; across families, marks nest (single inside
  double).  A closing mark of one family may close an unclosed opening mark of
  another on the same line (``'…"``); the span is flagged as mismatched.
* Each straight or curly mark gets an orientation from its context (space or
  line start before and text after: opening; text before and a space,
  punctuation or particle after: closing); the glyph decides only when the
  context does not (reversed curly marks such as ``”…“`` are read by context).
* An apostrophe between Latin letters (``McDonald's``) or before a decade
  (``'90s``) is not a mark.
* An opening mark that is not closed on its line runs to the end of the line;
  it may run over up to :data:`MAX_LINE_BREAKS` line breaks only when the next
  mark of its family there is clearly a closing one.  Print-style wraps (a
  line of 12 characters or more broken inside a sentence, hard-wrapped older
  news) are not counted: a quote may run over any number of them.  A quote that
  opens a collection item (a bullet leads its line: ``▲ "…``) may run over up to
  :data:`MAX_ITEM_LINE_BREAKS` line breaks (a several-paragraph remark before its
  ``"(이름, 상황)``), unless a line in between starts another item or a mark.  A
  straight mark right before an opening parenthesis (``…겠나"(``, ``" (``) closes, and one right after
  a closing mark of its family and before a letter (``"…필요""관리…"``) opens.  A new opening mark while
  one is open ends the open one, except when two closing marks follow (a quote
  nested in a quote of the same family).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Sequence

import attrs
import regex

__all__ = ["MAX_LINE_BREAKS", "Family", "QuotedSpan", "find_spans"]

MAX_LINE_BREAKS = 2
#: A collection item's quote (``▲ "…``) may run over this many line breaks to its closing mark.
MAX_ITEM_LINE_BREAKS = 6
MAX_CROSS_LINE_CHARS = 3000
# How many unclosed spans per family a stray closing mark looks back over.
REPAIR_LOOKBACK = 64


class Family(enum.StrEnum):
    DOUBLE = "double"
    SINGLE = "single"
    CORNER = "corner"
    WHITE_CORNER = "white_corner"


FAMILY_OF: dict[str, Family] = {
    **dict.fromkeys(
        "\N{QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
        "\N{FULLWIDTH QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}\N{DOUBLE PRIME}",
        Family.DOUBLE,
    ),
    **dict.fromkeys(
        "\N{APOSTROPHE}\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
        "\N{FULLWIDTH APOSTROPHE}\N{GRAVE ACCENT}",
        Family.SINGLE,
    ),
    **dict.fromkeys("\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}", Family.CORNER),
    **dict.fromkeys("\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}", Family.WHITE_CORNER),
}
OPEN_GLYPHS = frozenset(
    "\N{LEFT DOUBLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}"
)
CLOSE_GLYPHS = frozenset(
    "\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
)
BRACKET_FAMILIES = frozenset({Family.CORNER, Family.WHITE_CORNER})

MARK = regex.compile(
    r"""
    [\"\u201c\u201d\uff02\u201e\u2033'\u2018\u2019\uff07`\u300c\u300d\u300e\u300f]  # any mark we pair
    """,
    regex.VERBOSE,
)
# Characters after which a mark reads as opening.
OPENER_BEFORE = regex.compile(r"[\s(\[{<\u3008\u300a:,;=/·\-\u2014\u2013]|\p{Ps}")
# Characters after which a mark reads as closing (besides letters = particles).
CLOSER_AFTER = regex.compile(r"[\s.,?!)\]}>:;\u2026\-\u2014\u2013·]|\p{Pe}|\p{Pf}")
LINE_BREAK = regex.compile(r"\n")
#: A wrapped line: at least 12 characters on it, ending in a word or a comma (no final punctuation).
#: An attribution opening right after a straight mark (``…겠나"(이름``, ``…싶다.\n" (이름``): the mark closes.
PAREN_NEXT = regex.compile(r"[ \t]?\(")
SOFT_BREAK_BEFORE = regex.compile(r"(?:^|(?<=\n))[^\n]{11,}[\p{Hangul}\p{Han},\N{MIDDLE DOT}][ \t]*\Z")
SOFT_BREAK_AFTER = regex.compile(r"[ \t]*[\p{Hangul}\p{Han}0-9]")
# Separators of headline parts after which a straight mark may open (``총리…"…"``).
HEADLINE_ELLIPSES = "\N{HORIZONTAL ELLIPSIS}\N{TWO DOT LEADER}"
LATIN = regex.compile(r"[A-Za-z]")
# A particle or ending glued after a mark: the mark closes (`”라며`, `“에서`, `"를`).
PARTICLE_NEXT = regex.compile(
    r"(?:(?:이?라|다|냐|자)?(?:고|며|면서|는|란|거나)|에서|에게|을|를|이|가|의|에|로|으로|와|과|도|은|까지|처럼|만|이다|였다)"
    r"(?=[\s,.…!?)]|$)"
)
DECADE = regex.compile(r"'\d\ds\b")
#: A bullet (and an ellipsis) opening a line (``▲"오늘은"``, ``○…"오늘은"``): the mark after them opens.
ITEM_BULLETS = (
    "\N{WHITE CIRCLE}\N{BLACK CIRCLE}\N{BLACK DIAMOND}\N{WHITE DIAMOND}\N{BLACK SQUARE}\N{BLACK UP-POINTING TRIANGLE}"
    "\N{WHITE UP-POINTING TRIANGLE}\N{BLACK RIGHT-POINTING TRIANGLE}\N{WHITE RIGHT-POINTING TRIANGLE}"
    "\N{BLACK DOWN-POINTING TRIANGLE}\N{WHITE DOWN-POINTING TRIANGLE}"
)
ITEM_LEAD = regex.compile("[ \t]*[" + ITEM_BULLETS + "][ \t]*(?:\N{HORIZONTAL ELLIPSIS}|[.]{2,3})?[ \t]*")


#: A mark of each family, or a line break: what :func:`_closes_later_on_line` looks for.
_NEXT_OF_FAMILY = {
    fam: regex.compile("[" + regex.escape("".join(c for c, f in FAMILY_OF.items() if f == fam)) + "\n]")
    for fam in set(FAMILY_OF.values())
}


class Orient(enum.IntEnum):
    OPEN = 1
    CLOSE = 2
    EITHER = 3


@attrs.frozen
class QuotedSpan:
    """A pair of marks (or an opening mark left open) and the content between.

    ``close`` is ``None`` when the quote was left open; the content then ends
    at ``content_end`` (the end of the paragraph, trailing spaces trimmed).
    ``depth`` is 0 for top-level spans and 1+ for spans nested inside another.
    """

    open: int
    close: int | None
    content_start: int
    content_end: int
    family: Family
    depth: int = 0
    mismatched: bool = False


@attrs.frozen
class _Mark:
    pos: int
    char: str
    family: Family
    orient: Orient


def _orient(text: str, pos: int) -> Orient:
    """Orientation of the mark at ``pos`` (see the module docstring)."""
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if (
        before in FAMILY_OF
        and FAMILY_OF[before] == FAMILY_OF[text[pos]]
        and pos >= 2
        and not text[pos - 2].isspace()
        and after.isalnum()
        and PARTICLE_NEXT.match(text, pos + 1) is None
        and _closes_later_on_line(text, pos)
    ):
        return Orient.OPEN  # ``"…필요""관리급여…"``: a quote right after a closed one opens
    if before in FAMILY_OF and FAMILY_OF[before] != FAMILY_OF[text[pos]]:
        # Glued to a mark of another family (an apostrophe before a double mark): read as that mark reads.
        neighbour = _orient_alone(text, pos - 1)
        if neighbour != Orient.EITHER:
            return neighbour
    return _orient_alone(text, pos)


def _closes_later_on_line(text: str, pos: int) -> bool:
    """Does a mark of the family of ``text[pos]`` follow on its line (so a quote opened there can close)?

    Reads only up to that mark or the line's end (no copy of the rest of the line).
    """
    m = _NEXT_OF_FAMILY[FAMILY_OF[text[pos]]].search(text, pos + 1)
    return m is not None and m.group() != "\n"


def _orient_alone(text: str, pos: int) -> Orient:
    ch = text[pos]
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    # Space (or an opening bracket) before and text after: opening.  Text before and a space or
    # punctuation after: closing.  Final punctuation before and a letter after (`다."라며`,
    # `말했다.“다음`): the glyph decides, a straight mark closes.  Letters on both sides (`는“와`,
    # `던졌다“며`, `대표는"좋다"고`) say nothing, whatever the glyph: the pairing order decides.
    if OPENER_BEFORE.match(before):
        if after == "(" and _glyph(ch) == Orient.EITHER:
            return Orient.EITHER  # a line ``"(김 의원, …)`` closes an open item; ``"(웃음) 좋다"`` opens
        return Orient.OPEN if not after.isspace() else _glyph(ch)
    if after.isspace() or CLOSER_AFTER.match(after):
        return Orient.CLOSE
    if after.isalnum() and not before.isalnum():
        if before in ITEM_BULLETS and (pos < 2 or text[pos - 2].isspace()):
            return Orient.OPEN  # ``(김 의원) ▲"…"``: a later item on the line
        line_start = text.rfind("\n", max(0, pos - 8), pos) + 1
        if (line_start or pos < 8) and ITEM_LEAD.fullmatch(text, line_start, pos):
            return Orient.OPEN  # ``○…"오늘은 …" = 김 의원``: a collection item
        glyph = _glyph(ch)
        if PARTICLE_NEXT.match(text, pos + 1):
            return Orient.CLOSE  # `?“에서`: a particle follows, whatever the glyph
        if glyph == Orient.EITHER and before in HEADLINE_ELLIPSES:
            return Orient.EITHER  # ``이 총리…"물가 잡겠다"``: a headline separator, the pairing decides
        if glyph == Orient.EITHER:
            return Orient.CLOSE  # ``다."내일``: a straight mark after punctuation closes
        return glyph
    return Orient.EITHER


def _glyph(ch: str) -> Orient:
    if ch in OPEN_GLYPHS:
        return Orient.OPEN
    if ch in CLOSE_GLYPHS:
        return Orient.CLOSE
    return Orient.EITHER


def _is_apostrophe(text: str, pos: int) -> bool:
    ch = text[pos]
    if ch == "\N{DOUBLE PRIME}":  # seconds or inches after a number (five feet ten inches), else a double mark
        return pos > 0 and text[pos - 1].isdigit()
    if ch not in "'\N{RIGHT SINGLE QUOTATION MARK}":
        return False
    before = text[pos - 1] if pos else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if LATIN.match(before) and LATIN.match(after):
        return True
    return ch == "'" and bool(DECADE.match(text, pos))


class _Lines:
    """Line-break positions, for 'how many line breaks between a and b'."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in LINE_BREAK.finditer(text)]
        self.hard = [m.start() for m in LINE_BREAK.finditer(text) if not _soft_break(text, m.start())]
        self.length = len(text)

    def count(self, a: int, b: int) -> int:
        return bisect.bisect_left(self.breaks, b) - bisect.bisect_right(self.breaks, a)

    def hard_count(self, a: int, b: int) -> int:
        """Line breaks between ``a`` and ``b`` that are not print-style wraps (:func:`_soft_break`)."""
        return bisect.bisect_left(self.hard, b) - bisect.bisect_right(self.hard, a)

    def line_start(self, pos: int) -> int:
        """Offset of the line break before ``pos`` (-1 on the first line)."""
        k = bisect.bisect_left(self.breaks, pos) - 1
        return self.breaks[k] if k >= 0 else -1

    def line_end(self, pos: int) -> int:
        k = bisect.bisect_right(self.breaks, pos)
        return self.breaks[k] if k < len(self.breaks) else self.length


def _soft_break(text: str, pos: int) -> bool:
    """A print-style wrap at ``pos``: a long line broken inside a sentence, the next line going on
    with a word (``…국민이 알도록 하는게 진짜\n    목적인데 …``)."""
    m = SOFT_BREAK_BEFORE.search(text, max(0, pos - 200), pos)
    return m is not None and SOFT_BREAK_AFTER.match(text, pos + 1) is not None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _pair_sequence(
    text: str, marks: Sequence[_Mark], lines: _Lines, depth: int, out: list[QuotedSpan], strays: list[_Mark]
) -> None:
    """Pair one family's marks in order (see the module docstring)."""
    opened: list[_Mark] = []  # at most two: a same-family nested quote
    i = 0
    n = len(marks)
    while i < n:
        m = marks[i]
        if not opened:
            if m.orient == Orient.CLOSE:
                strays.append(m)
            else:
                opened.append(m)
            i += 1
            continue
        o = opened[-1]
        breaks = lines.count(o.pos, m.pos)
        hard = lines.hard_count(o.pos, m.pos)
        closes_here = m.orient == Orient.CLOSE or (
            m.orient == Orient.EITHER
            and (m.char in CLOSE_GLYPHS or PAREN_NEXT.match(text, m.pos + 1) or PARTICLE_NEXT.match(text, m.pos + 1))
        )
        limit = MAX_ITEM_LINE_BREAKS if _item_runs_to(text, lines, o.pos, m.pos) else MAX_LINE_BREAKS
        if breaks and not (hard <= limit and closes_here and m.pos - o.pos <= MAX_CROSS_LINE_CHARS):
            _close_open(text, opened, lines.line_end(o.pos), depth, out)
            continue  # re-read m with nothing open
        if m.orient == Orient.OPEN:
            nxt = marks[i + 1 : i + 3]
            same_line = all(lines.count(m.pos, x.pos) == 0 for x in nxt)
            if len(opened) == 1 and len(nxt) == 2 and same_line and all(x.orient != Orient.OPEN for x in nxt):
                opened.append(m)  # nested quote of the same family
                i += 1
                continue
            _close_open(text, opened, m.pos, depth, out)
            continue
        opened.pop()
        cs, ce = o.pos + 1, m.pos
        out.append(QuotedSpan(o.pos, m.pos, cs, ce, o.family, depth + len(opened)))
        i += 1
    if opened:
        _close_open(text, opened, lines.line_end(opened[0].pos), depth, out)


def _item_runs_to(text: str, lines: _Lines, start: int, end: int) -> bool:
    """The mark at ``start`` opens a collection item (a bullet leads its line) and no later line
    up to ``end`` starts another item: its quote may run over blank lines to ``end``."""
    line_start = lines.line_start(start) + 1
    if not ITEM_LEAD.fullmatch(text, line_start, start):
        return False
    pos = lines.line_end(start)
    while pos < end:
        if ITEM_LEAD.match(text, pos + 1) or MARK.match(text, pos + 1):
            return False
        pos = lines.line_end(pos + 1)
    return True


def _close_open(text: str, opened: list[_Mark], limit: int, depth: int, out: list[QuotedSpan]) -> None:
    """End every open quote at ``limit`` as unclosed."""
    while opened:
        o = opened.pop()
        end = _trim_end(text, o.pos + 1, limit)
        if end > o.pos + 1:
            out.append(QuotedSpan(o.pos, None, o.pos + 1, end, o.family, depth + len(opened)))


def _pair_brackets(
    marks: Sequence[_Mark], lines: _Lines, depth: int, out: list[QuotedSpan], strays: list[_Mark]
) -> None:
    stack: list[_Mark] = []
    for m in marks:
        if m.char in OPEN_GLYPHS:
            stack.append(m)
        elif stack and lines.hard_count(stack[-1].pos, m.pos) <= MAX_LINE_BREAKS:
            o = stack.pop()
            out.append(QuotedSpan(o.pos, m.pos, o.pos + 1, m.pos, o.family, depth + len(stack)))
        else:
            strays.append(m)
    strays.extend(stack)


def find_spans(text: str) -> tuple[list[QuotedSpan], list[tuple[int, str]]]:
    """Pair the marks of ``text``.

    Returns:
        ``(spans, problems)``: spans sorted by opening position; problems as
        ``(position, code)`` with code ``"stray_mark"`` or ``"unclosed_mark"``.

    >>> spans, _ = find_spans("김 대표는 \\"좋다\\"고 말했다.")
    >>> [(s.content_start, s.content_end, s.close) for s in spans]
    [(7, 9, 9)]
    """
    lines = _Lines(text)
    by_family: dict[Family, list[_Mark]] = {}
    for m in MARK.finditer(text):
        pos = m.start()
        if _is_apostrophe(text, pos):
            continue
        fam = FAMILY_OF[m.group()]
        by_family.setdefault(fam, []).append(_Mark(pos, m.group(), fam, _orient(text, pos)))

    spans: list[QuotedSpan] = []
    strays: list[_Mark] = []
    _pair_sequence(text, by_family.get(Family.DOUBLE, []), lines, 0, spans, strays)
    # Single marks pair within each double-quoted interior and within the gaps.
    doubles = sorted((s for s in spans if s.depth == 0), key=lambda s: s.open)
    bounds = [(s.open, s.content_end if s.close is None else s.close) for s in doubles]
    starts = [b[0] for b in bounds]
    groups: dict[int, list[_Mark]] = {}
    for mark in by_family.get(Family.SINGLE, []):
        k = bisect.bisect_right(starts, mark.pos) - 1
        inside = k >= 0 and bounds[k][0] < mark.pos < bounds[k][1]
        key = 2 * k + 1 if inside else 2 * (k + 1)  # interior k, or gap after k
        groups.setdefault(key, []).append(mark)
    for key, marks in groups.items():
        _pair_sequence(text, marks, lines, 1 if key % 2 else 0, spans, strays)
    for fam in BRACKET_FAMILIES:
        _pair_brackets(by_family.get(fam, []), lines, 0, spans, strays)

    spans, strays = _repair_mismatched(text, spans, strays, lines)
    spans = _fix_depths(spans)
    problems = [(m.pos, "stray_mark") for m in strays]
    problems += [(s.open, "unclosed_mark") for s in spans if s.close is None]
    problems += [(s.open, "mismatched_marks") for s in spans if s.mismatched]
    problems.sort()
    return spans, problems


def _repair_mismatched(
    text: str, spans: list[QuotedSpan], strays: list[_Mark], lines: _Lines
) -> tuple[list[QuotedSpan], list[_Mark]]:
    """Let a stray closing mark close an unclosed quote of another family."""
    if not strays:
        return spans, strays
    unclosed: dict[Family, list[QuotedSpan]] = {}
    for s in spans:
        if s.close is None:
            unclosed.setdefault(s.family, []).append(s)
    if not unclosed:
        return spans, strays
    for group in unclosed.values():
        group.sort(key=lambda s: s.open)
    opens = {fam: [s.open for s in group] for fam, group in unclosed.items()}
    used: set[int] = set()
    repaired: list[QuotedSpan] = []
    keep: list[_Mark] = []
    for m in strays:
        if m.orient == Orient.OPEN:
            keep.append(m)
            continue
        best = _closest_unclosed(m, unclosed, opens, used, lines)
        if best is None:
            keep.append(m)
            continue
        used.add(best.open)
        repaired.append(QuotedSpan(best.open, m.pos, best.open + 1, m.pos, best.family, best.depth, True))
    if not used:
        return spans, keep
    return [s for s in spans if s.close is not None or s.open not in used] + repaired, keep


def _closest_unclosed(
    m: _Mark,
    unclosed: dict[Family, list[QuotedSpan]],
    opens: dict[Family, list[int]],
    used: set[int],
    lines: _Lines,
) -> QuotedSpan | None:
    """The latest unclosed span of another family that ``m`` can close (same line).

    Looks back at most :data:`REPAIR_LOOKBACK` spans per family, so that hostile
    input (thousands of unclosed marks) stays linear.
    """
    best: QuotedSpan | None = None
    line_start = lines.line_start(m.pos)
    for fam, group in unclosed.items():
        if fam == m.family:
            continue
        k = bisect.bisect_left(opens[fam], m.pos) - 1
        for s in group[max(0, k - REPAIR_LOOKBACK) : k + 1][::-1]:
            if best is not None and s.open <= best.open:
                break
            if s.open < line_start:
                break
            if s.open not in used and m.pos <= s.content_end + 1:
                best = s
                break
    return best


def _fix_depths(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """Recompute depths from containment (families nest in any order)."""
    spans.sort(key=lambda s: (s.open, -(s.close if s.close is not None else s.content_end)))
    out: list[QuotedSpan] = []
    stack: list[int] = []  # ends of enclosing spans
    for s in spans:
        end = s.close if s.close is not None else s.content_end
        while stack and stack[-1] <= s.open:
            stack.pop()
        out.append(attrs.evolve(s, depth=len(stack)))
        stack.append(end)
    return out
