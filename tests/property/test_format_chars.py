"""Invisible format characters change no quote (issue 13): bidi marks, C1 controls, variation selectors.

Inserted next to the quotation marks and anywhere inside the words of a text,
they leave the quotes found (texts, speakers, cues, kinds, compared once those
characters are removed) unchanged, and every offset still slices the original.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import quotes

from .strategies import one_quote_sentence, planted

INVISIBLE = [
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u202a",  # LEFT-TO-RIGHT EMBEDDING
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u202c",  # POP DIRECTIONAL FORMATTING
    "\u2066",  # LEFT-TO-RIGHT ISOLATE
    "\u2069",  # POP DIRECTIONAL ISOLATE
    "\u061c",  # ARABIC LETTER MARK
    "\u2061",  # FUNCTION APPLICATION
    "\u200b",  # ZERO WIDTH SPACE
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE (BOM)
    "\u00ad",  # SOFT HYPHEN
    "\U000e0041",  # TAG LATIN CAPITAL LETTER A
    "\x80",
    "\x85",
    "\x9f",
    "\ufe00",  # VARIATION SELECTOR-1
    "\ufe0e",  # VARIATION SELECTOR-15
    "\ufe0f",  # VARIATION SELECTOR-16
]
GONE = regex.compile(r"[\p{Cf}\x80-\x9f\ufe00-\ufe0f]")
MARKS = regex.compile(r"[\"'\u201c\u201d\u2018\u2019\u300c\u300d]")


def _seen(text: str) -> list[tuple[object, ...]]:
    """What a reader sees of the quotes of ``text``, after checking every offset slices it."""
    out: list[tuple[object, ...]] = []
    for q in quotes.extract(text):
        assert text[q.start : q.end] == q.text
        sp = q.speaker
        if sp is not None:
            assert text[sp.start : sp.end] == sp.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        for mark in (q.open_mark, q.close_mark):
            assert mark is None or MARKS.fullmatch(text[mark])
        out.append(
            (
                q.kind,
                GONE.sub("", q.text),
                None if sp is None else GONE.sub("", sp.text),
                None if sp is None or sp.name is None else GONE.sub("", sp.name),
                None if q.cue is None else GONE.sub("", q.cue.text),
            )
        )
    return out


@st.composite
def sprinkled(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[str, str]:
    """``(text, text with invisible characters beside its marks and inside its words)``."""
    text = draw(texts)
    marks = [m.start() for m in MARKS.finditer(text)]
    spots = {p for m in marks for p in (m, m + 1) if draw(st.booleans())}
    words = [i for i in range(1, len(text)) if not text[i - 1].isspace() and not text[i].isspace()]
    if words:
        spots |= set(draw(st.lists(st.sampled_from(words), max_size=4)))
    out = text
    for pos in sorted(spots, reverse=True):
        out = out[:pos] + draw(st.text(st.sampled_from(INVISIBLE), min_size=1, max_size=2)) + out[pos:]
    return text, out


@given(sprinkled(one_quote_sentence()))
def test_invisible_characters_in_a_sentence_change_no_quote(case: tuple[str, str]) -> None:
    text, noisy = case
    assert _seen(noisy) == _seen(text)


@given(sprinkled(planted().map(lambda case: case[0])))
def test_invisible_characters_in_a_planted_text_change_no_quote(case: tuple[str, str]) -> None:
    text, noisy = case
    assert _seen(noisy) == _seen(text)
