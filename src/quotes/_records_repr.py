"""Short, readable reprs of the records and their HTML form for notebooks.

Contract: :func:`short_repr` gives one line of at most about 120 characters
that names a record's kind, span and main text, e.g.
``Quote(direct, 12:30, 'speaker' <- 'what was said...', cue='cue')`` (the arrow
is U+2190); long texts are cut with an ellipsis and control or invisible
characters are escaped, as ``repr`` of a ``str`` does.  :func:`html_repr` gives
an HTML table of every field, escaped.  Neither changes equality or hashing
(those stay the ``attrs`` ones); ``to_dict()`` still gives every field.
"""

from __future__ import annotations

import enum
import html
from typing import Any

import attrs

__all__ = ["html_repr", "short_repr"]

ARROW = "\N{LEFTWARDS ARROW}"
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
#: Characters kept of a quote's text, of any other text.
QUOTE_CHARS, TEXT_CHARS = 24, 20


def _cut(text: str | None, limit: int = TEXT_CHARS) -> str:
    """``repr`` of ``text`` cut to ``limit`` characters (``None`` stays ``None``)."""
    if text is None:
        return "None"
    return repr(text if len(text) <= limit else text[: limit - 1] + ELLIPSIS)


def _span(r: Any) -> str:
    return f"{r.start}:{r.end}"


def short_repr(r: Any) -> str:
    """One readable line for the record ``r`` (see the module docs)."""
    name = type(r).__name__
    build = _PARTS.get(name)
    inner = (
        build(r) if build is not None else ", ".join(f"{k}={v!r}" for k, v in attrs.asdict(r, recurse=False).items())
    )
    return f"{name}({inner})"


def _quote(q: Any) -> str:
    who = "None" if q.speaker is None else _cut(q.speaker.text)
    out = f"{q.kind.value}, {_span(q)}, {who} {ARROW} {_cut(q.text, QUOTE_CHARS)}"
    if q.cue is not None:
        out += f", cue={_cut(q.cue.text, 12)}"
    return out


def _speaker(s: Any) -> str:
    out = f"{s.kind.value}, {_span(s)}, {_cut(s.text)}"
    if s.name is not None and s.name != s.text:
        out += f", name={_cut(s.name, 12)}"
    return out


def _entity(e: Any) -> str:
    return f"{e.id}, {e.kind.value}, {_cut(e.name)}, mentions={len(e.mentions)}, quotes={list(e.quotes)[:8]}"


def _analysis(a: Any) -> str:
    return ", ".join(f"{f.name}={len(getattr(a, f.name))}" for f in attrs.fields(type(a)))


_PARTS: dict[str, Any] = {
    "Quote": _quote,
    "Speaker": _speaker,
    "Cue": lambda c: f"{c.kind.value}, {_span(c)}, {_cut(c.text, 12)}, lemma={_cut(c.lemma, 12)}",
    "Mention": lambda m: f"{_span(m)}, {_cut(m.text)}",
    "Problem": lambda p: f"{p.code.value}, {_span(p)}",
    "NotSpeech": lambda n: f"{_span(n)}, {_cut(n.text)}",
    "Entity": _entity,
    "Analysis": _analysis,
}


def _cell(value: Any) -> str:
    """A field's value as escaped HTML (nested records and lists by their short reprs)."""
    if attrs.has(type(value)):
        text = short_repr(value)
    elif isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return "<br>".join(html.escape(short_repr(v)) for v in value)
        text = ", ".join(str(v) for v in value) or "()"
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    else:
        text = "None" if value is None else str(value)
    return html.escape(text)


def html_repr(r: Any) -> str:
    """An HTML table of every field of the record ``r``, escaped (for Jupyter's ``_repr_html_``)."""
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(f.name)}</th><td style='text-align:left'>"
        f"{_cell(getattr(r, f.name))}</td></tr>"
        for f in attrs.fields(type(r))
    )
    return f"<table class='quotes-record'><caption>{html.escape(type(r).__name__)}</caption>{rows}</table>"
