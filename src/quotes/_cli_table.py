"""The fixed-width quote table of ``quotes demo`` and ``quotes extract --format table``."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .records import Quote

__all__ = ["format_table"]


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit(s: str, width: int) -> str:
    s = " ".join(s.split())
    if _width(s) <= width:
        return s + " " * (width - _width(s))
    out = ""
    for ch in s:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…" + " " * (width - 1 - _width(out))


def format_table(quotes: Sequence[Quote], *, rules: bool = False) -> str:
    """A readable fixed-width table of quotes (wide Hangul counted as 2 columns)."""
    cols = [("#", 3), ("kind", 12), ("speaker", 22), ("name", 14), ("cue", 10), ("quote", 48)]
    if rules:
        cols.append(("rules", 40))
    lines = [" ".join(_fit(h, w) for h, w in cols).rstrip(), " ".join("-" * w for _, w in cols)]
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
        lines.append(" ".join(_fit(v, w) for v, (_, w) in zip(row, cols, strict=True)).rstrip())
    return "\n".join(lines)
