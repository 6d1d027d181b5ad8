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


def transcript_rules(text: str) -> list[str]:
    return [r for q in quotes.extract(text) for r in q.rules if r.startswith("cue.transcript-")]


@rows("interview_question_label")
def test_question_label_opens_a_question(row: Row) -> None:
    example = row.example.replace("\\n", "\n")
    assert f"\n{row.value}" in example
    assert transcript_rules(example) == ["cue.transcript-question", "cue.transcript-answer"]
    # one labelled pair without the announcing line is no interview
    assert transcript_rules(example.split("\n", 1)[1]) == []


@rows("interview_answer_label")
def test_answer_label_opens_the_interviewees_answer(row: Row) -> None:
    example = row.example.replace("\\n", "\n")
    assert f"\n{row.value}" in example
    answers = [q for q in quotes.extract(example) if "cue.transcript-answer" in q.rules]
    assert len(answers) == 1 and answers[0].speaker is not None
    assert answers[0].speaker.text in example.split("\n")[0]


@rows("question_ending")
def test_question_ending_lets_plain_lines_answer(row: Row) -> None:
    example = row.example.replace("\\n", "\n")
    first_question = example.split("\n")[2]
    assert first_question.rstrip(" .?").endswith(row.value)
    found = quotes.extract(example)
    assert [r for q in found for r in q.rules if r.startswith("cue.transcript-")] == [
        "cue.transcript-question",
        "cue.transcript-answer",
    ] * 2
    assert all(q.speaker is not None and q.speaker.name == "박진호" for q in found[1::2])
    # a statement in its place: the dash line is a list item, the lines after it no answers
    statement = example.replace(first_question, "-수출 실적이 좋았다.")
    assert transcript_rules(statement) == []


@rows("headline_versus")
def test_a_versus_word_between_two_headline_quotes_is_no_speakers_name(row: Row) -> None:
    first, second = quotes.extract(row.example)
    versus = row.example.index(f" {row.value} ")
    after = row.example[versus + len(row.value) + 2 :].split()[0]
    assert first.speaker is not None and first.speaker.start == 0
    assert second.speaker is not None and second.speaker.text == after


@pytest.mark.parametrize(
    "text",
    [
        "“시장이 답한다.”-출시 행사에서 말하며. 신제품 발표회",
        "“값은 그대로 간다.”-가격 정책을 설명하면서. 가온전자 본사 회의실",
    ],
)
def test_a_sayings_line_needs_a_titled_speaker_at_its_end(text: str) -> None:
    """``"…"-occasion며. NAME TITLE`` (cue.collection-after): a place or an event closing the line is no speaker."""
    tail = text.rsplit(". ", 1)[1]
    assert all(q.speaker is None or q.speaker.text != tail for q in quotes.extract(text))
    titled = text.replace(tail, "김하늘 가온전자 사장")
    (q,) = quotes.extract(titled)
    assert q.speaker is not None and q.speaker.name == "김하늘" and "cue.collection-after" in q.rules


@pytest.mark.parametrize("text", ['vs "다음엔 꼭 이긴다"', 'VS "하나" vs "둘" VS', '"첫째" VS\n"둘째"'])
def test_a_lone_versus_word_before_a_quote_neither_crashes_nor_speaks(text: str) -> None:
    assert all(q.speaker is None for q in quotes.extract(text))
