"""The word classes the speaker sieve reads (SPEAKER_WORD_KINDS), each row's example on the real analyser."""

from __future__ import annotations

import pytest

import quotes
from quotes._lexicon import SPEAKER_WORD_KINDS, Row, default_lexicon

LEX = default_lexicon()


def rows(kind: str) -> list[Row]:
    return [r for r in LEX.rows["words"] if r.kind == kind]


TESTED: set[str] = set()


def kind_rows(kind: str) -> pytest.MarkDecorator:
    """Parametrize a test over the rows of ``kind`` and record that the kind is tested."""
    TESTED.add(kind)
    return pytest.mark.parametrize("row", rows(kind), ids=ids(rows(kind)))


def ids(rs: list[Row]) -> list[str]:
    return [r.id for r in rs]


def _text(row: Row) -> str:
    return row.example.replace("\\n", "\n")


@kind_rows("additive_adverb")
def test_the_phrase_before_an_additive_adverb_speaks(row: Row) -> None:
    (q,) = quotes.extract(_text(row))
    assert q.speaker is not None
    assert row.example[q.speaker.end :].startswith(" " + row.value)


@kind_rows("temporal_ending")
def test_the_subject_of_a_temporal_clause_does_not_speak(row: Row) -> None:
    text = _text(row)
    (q,) = quotes.extract(text)
    first_subject = text.split()[0]
    assert q.speaker is None or not first_subject.startswith(q.speaker.text)


@kind_rows("serial_ending")
def test_a_serial_verb_before_a_temporal_ending_keeps_the_question_with_its_asker(row: Row) -> None:
    text = _text(row)
    asked, answered = quotes.extract(text)
    assert asked.speaker is not None and asked.speaker.rules[0] == "speaker.temporal-clause"
    assert answered.speaker is not None and answered.speaker.start == 0  # the topic
    assert answered.speaker.rules[0] == "speaker.after-question"


@kind_rows("question_noun")
def test_a_question_nobody_named_asked_has_no_speaker(row: Row) -> None:
    text = _text(row)
    first, question, answer = quotes.extract(text)
    assert question.cue is not None and question.cue.text == row.value
    assert question.speaker is None
    assert first.speaker is not None and answer.speaker is not None
    assert answer.speaker.name == first.speaker.name and answer.speaker.text == first.speaker.text
    # with a subject of its own before it, the question is that subject's
    asked = text.replace("이어 ", "한 기자가 ")
    (_, question, _) = quotes.extract(asked)
    assert question.speaker is not None and question.speaker.text == "한 기자"


@kind_rows("answered_particle")
def test_a_question_answered_has_no_asker_but_one_that_opens_a_turn_has_the_topic(row: Row) -> None:
    text = _text(row)
    _, question, _ = quotes.extract(text)
    assert question.speaker is None and "speaker.unowned-question" in question.rules
    opened = '이 의원은 "예산이 충분하냐"는 질문으로 포문을 열었다.'  # 으로: the topic asks
    (q,) = quotes.extract(opened)
    assert q.speaker is not None and q.speaker.text == "이 의원"


@kind_rows("frame_head")
def test_the_subject_of_a_framing_clause_does_not_speak(row: Row) -> None:
    text = _text(row)
    (q,) = quotes.extract(text)
    assert q.speaker is not None and q.speaker.start > text.index(" " + row.value + " ")


@kind_rows("pointing_word")
def test_a_pointing_word_in_the_next_sentence_names_the_speaker(row: Row) -> None:
    (q,) = quotes.extract(_text(row))
    assert q.speaker is not None and q.speaker.rules[0] == "speaker.next-sentence"


@kind_rows("not_speaker")
def test_a_reflexive_or_demonstrative_pronoun_is_never_the_speaker(row: Row) -> None:
    (q,) = quotes.extract(_text(row))
    assert q.speaker is None or q.speaker.text != row.value


@kind_rows("reflexive_pronoun")
def test_a_reflexive_subject_leaves_the_speaker_to_the_topic(row: Row) -> None:
    text = _text(row)
    (q,) = quotes.extract(text)
    assert q.speaker is not None and q.speaker.start == 0 and q.speaker.name is not None
    if row.value in LEX.words.get("not_speaker", {}):
        return
    # as the topic it still speaks (자신은 "…"): only a reflexive subject is passed over
    (q,) = quotes.extract(row.value + '은 "다시 하겠다"고 말했다.')
    assert q.speaker is not None and q.speaker.text == row.value


def test_every_sieve_word_kind_is_tested() -> None:
    tested = TESTED
    assert tested == SPEAKER_WORD_KINDS
    assert all(rows(k) for k in tested)


@kind_rows("answered_noun")
def test_a_demand_or_charge_nobody_named_made_has_no_speaker_and_the_topic_answers(row: Row) -> None:
    text = _text(row)
    first, demand, answer = quotes.extract(text)
    assert demand.cue is not None and demand.cue.text == row.value
    assert demand.speaker is None and "speaker.unowned-question" in demand.rules
    assert first.speaker is not None and answer.speaker is not None
    assert answer.speaker.text == first.speaker.text
    # with its owner before the mark, the demand is the owner's
    owned = text.replace("이어 ", "이어 야당의 ")
    (_, demand, _) = quotes.extract(owned)
    assert demand.speaker is not None and demand.speaker.text == "야당"
