"""The quote table of ``quotes demo`` and ``quotes extract --format table``, as wide as the terminal.

Contract: :func:`format_table` lays the quotes out in columns (``#``, kind,
speaker, name, cue, quote, and the rule ids with ``rules=True``) that fit in
``width`` terminal columns: by default the terminal's width
(:func:`shutil.get_terminal_size`: the ``COLUMNS`` variable, else the terminal,
else 80). Widths are display widths as a terminal draws them (``wcwidth``): a
Hangul syllable or CJK character is two columns whether written precomposed or
as conjoining jamo (NFD), a zero-width space, a joiner or a combining mark
none. White space runs become one space and control characters are dropped,
so that a cell never moves the cursor. A cell longer than its column ends in
``…``. Columns shrink to fit: the rule ids, then the quote down to half the
line, then speaker, name, kind and cue, then the quote again; only a terminal
narrower than about 50 columns gets longer lines.

>>> from quotes.records import Quote
>>> print(format_table([Quote(text="가나다라마바사아자차", start=0, end=10)], width=40))
# kind   speaker name cue quote
- ------ ------- ---- --- --------------
1 direct -       -    -   가나다라마바…
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Sequence

from wcwidth import wcwidth

from .records import Quote

__all__ = ["display_width", "format_table"]

# (header, widest) of each column; the quote's widest is its longest text.
_COLUMNS = [("#", 4), ("kind", 12), ("speaker", 22), ("name", 14), ("cue", 10), ("quote", 0)]
_RULES = ("rules", 40)
# How columns shrink while the line is too long: each step cuts one column down to a floor
# (None: half the line), in this order; the quote keeps half the line until the others are narrow.
_SHRINK: tuple[tuple[str, int | None], ...] = (
    ("rules", 10),
    ("quote", None),
    ("speaker", 10),
    ("name", 6),
    ("kind", 8),
    ("cue", 6),
    ("quote", 12),
)


def _char_width(ch: str) -> int:
    w = wcwidth(ch)
    return max(w, 0)


def _clean(s: str) -> str:
    """One line: white space runs as one space, control characters dropped."""
    return "".join(ch for ch in " ".join(s.split()) if unicodedata.category(ch) != "Cc")


def display_width(s: str) -> int:
    """Columns a terminal takes to show ``s``.

    >>> display_width("김 대표"), display_width("김\\u200b대표"), display_width(unicodedata.normalize("NFD", "대표"))
    (7, 6, 4)
    """
    return sum(_char_width(ch) for ch in s)


def _fit(s: str, width: int) -> str:
    """``s`` padded or cut (ending in ``…``) to exactly ``width`` columns."""
    used = display_width(s)
    if used <= width:
        return s + " " * (width - used)
    out: list[str] = []
    used = 0
    for ch in s:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


def _widths(rows: list[list[str]], spec: list[tuple[str, int]], total: int) -> list[int]:
    """Each column's width: its content's, at most its widest, shrunk until the line fits in ``total``."""
    widths = []
    for n, (head, widest) in enumerate(spec):
        need = max([display_width(head), *(display_width(r[n]) for r in rows)])
        widths.append(need if widest == 0 else min(need, widest))
    names = [h for h, _ in spec]
    over = sum(widths) + len(widths) - 1 - total
    for name, floor in _SHRINK:
        if over <= 0:
            break
        if name not in names:
            continue
        n = names.index(name)
        cut = min(over, max(0, widths[n] - (total // 2 if floor is None else floor)))
        widths[n] -= cut
        over -= cut
    return widths


def format_table(quotes: Sequence[Quote], *, rules: bool = False, width: int | None = None) -> str:
    """The quotes as a table that fits in ``width`` columns (default: the terminal's)."""
    total = width if width is not None else shutil.get_terminal_size((80, 24)).columns
    spec = [*_COLUMNS, _RULES] if rules else list(_COLUMNS)
    rows = []
    for i, q in enumerate(quotes, 1):
        row = [
            str(i),
            q.kind.value,
            q.speaker.text if q.speaker else "-",
            (q.speaker.name or "-") if q.speaker else "-",
            q.cue.text if q.cue else "-",
            q.text,
        ]
        if rules:
            row.append(",".join(q.rules))
        rows.append([_clean(v) for v in row])
    widths = _widths(rows, spec, total)
    lines = [
        " ".join(_fit(h, w) for (h, _), w in zip(spec, widths, strict=True)).rstrip(),
        " ".join("-" * w for w in widths),
    ]
    lines.extend(" ".join(_fit(v, w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    return "\n".join(lines)
