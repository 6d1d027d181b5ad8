"""The layout word classes (``LAYOUT_WORD_KINDS`` of ``cue_words.tsv``), each row checked on its example.

``interview_line``: a word on the line announcing an interview set out as ``-질문`` / ``▶답``;
without that line the same items are no speech.

``collection_stop``: a credit word (``사진``, ``지음``, ``기자`` …) in the attribution after a
collection item makes it no speaker; the same line with a speaker in its place is a quote
(``cue.collection-after``), so each test can fail both ways.
"""

from __future__ import annotations

from typing import Any

import pytest

import quotes
from quotes._lexicon import LAYOUT_WORD_KINDS, Row, default_lexicon

LEX = default_lexicon()
ROWS = [r for r in LEX.rows["words"] if r.source.endswith("cue_words.tsv") and r.kind in LAYOUT_WORD_KINDS]
TESTED: set[str] = set()


def rows(kind: str) -> Any:
    TESTED.add(kind)
    return pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in ROWS if r.kind == kind])


def collection_quotes(text: str) -> list[quotes.Quote]:
    return [q for q in quotes.extract(text) if "cue.collection-after" in q.rules]


@rows("collection_stop")
def test_collection_stop_word_is_no_speaker(row: Row) -> None:
    assert row.id.startswith("cue-layout-")
    assert row.value in row.example.split("(")[-1]
    assert collection_quotes(row.example) == []
    speaker = row.example.replace(row.value, "대표")
    (q,) = collection_quotes(speaker)
    assert q.speaker is not None and "대표" in q.speaker.text


def test_every_layout_word_kind_is_tested() -> None:
    assert TESTED == LAYOUT_WORD_KINDS
    assert {r.kind for r in ROWS} == LAYOUT_WORD_KINDS


@rows("interview_line")
def test_interview_line_word_announces_questions_and_answers(row: Row) -> None:
    example = row.example.replace("\\n", "\n")
    assert row.value in example.split("\n")[0]
    found = quotes.extract(example)
    assert [r for q in found for r in q.rules if r.startswith("cue.transcript-")] == [
        "cue.transcript-question",
        "cue.transcript-answer",
    ]
    # without the announcing line, the dash and the triangle are only list marks
    assert quotes.extract(example.split("\n", 1)[1]) == []
