"""Rows added for names and references (issue 11): each example read by the real analyser."""

from __future__ import annotations

import pytest

import quotes
from quotes._lexicon import REFERENCE_WORD_KINDS, Row, default_lexicon
from quotes._mention_words import mention_words

LEX = default_lexicon()
TITLES = [r for r in LEX.rows["titles"] if r.id.startswith("title-ref-")]


def test_reference_kinds_have_rows() -> None:
    kinds = {r.kind for r in LEX.rows["words"]}
    assert kinds >= REFERENCE_WORD_KINDS


@pytest.mark.parametrize("row", TITLES, ids=[r.id for r in TITLES])
def test_title_row_is_the_speakers_title(row: Row) -> None:
    (q,) = quotes.extract(row.example)
    assert q.speaker is not None and q.speaker.title is not None
    assert q.speaker.title.endswith(row.value) and row.id in q.speaker.rules


@pytest.mark.parametrize("word", ["윤가람", "김하늘", "박슬기"])
def test_modern_given_syllables_are_common(word: str) -> None:
    given = mention_words(LEX).given_syllables
    assert all(ch in given for ch in word[1:])
