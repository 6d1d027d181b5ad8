"""Stage `_speakers`: each sieve rule on its own construction and a near miss; `attribute` and its trace."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotes._cues import Grammar
from quotes._document import Doc
from quotes._lexicon import Lexicon
from quotes._sieve import (
    Answer,
    ChainView,
    Trace,
    genitive_owner,
    juxtaposed,
    named_by_cue,
    subject_after,
    subject_before,
)
from quotes._sieve_context import previous_paragraph, previous_quote, previous_sentence
from quotes._speakers import SIEVE, attribute
from quotes._speech import find_speech
from quotes.records import Order

MakeDoc = Callable[[str], Doc]
Rule = Callable[[ChainView], Answer | None]


def _view(doc: Doc, g: Grammar, index: int = 0, last_in_paragraph: dict[int, int] | None = None) -> ChainView:
    found, _ = find_speech(doc, g)
    return ChainView(
        doc=doc,
        lex=g.lex,
        quotes=found,
        first=index,
        last=index,
        region_start=doc.sentences[found[index].sentence].start,
        last_in_paragraph=last_in_paragraph or {},
    )


def _answer_text(doc: Doc, answer: Answer | None) -> str | None:
    if answer is None or answer.where is None:
        return None
    return doc.text[answer.where[1] : answer.where[2]]


def _speakers(doc: Doc, g: Grammar) -> list[tuple[str | None, tuple[str, ...]]]:
    found, _ = find_speech(doc, g)
    return [
        (doc.text[a.speaker[0] : a.speaker[1]] if a.speaker else None, a.rules) for a in attribute(doc, found, g.lex)
    ]


@pytest.mark.parametrize(
    ("rule", "text", "speaker"),
    [
        (subject_before, '박지훈 대표는 "내년에는 흑자를 내겠다"고 말했다.', "박지훈 대표"),
        (subject_before, '한빛전자는 "공장을 새로 짓겠다"고 밝혔다.', "한빛전자"),
        (genitive_owner, '김태호 의원의 "정부가 답해야 한다"는 발언이 논란이 됐다.', "김태호 의원"),
        (genitive_owner, '박은영 대표의 "혁신이 답이다"라는 주장이 화제다.', "박은영 대표"),
        (juxtaposed, '이창민 한빛은행 총재 "금리를 올리겠다"라며 자리를 떴다.', "이창민 한빛은행 총재"),
        (juxtaposed, '오지현 감독 "선수들을 믿는다"며 웃었다.', "오지현 감독"),
        (subject_after, '"이번 계약은 큰 의미가 있다"고 최동욱 사장은 말했다.', "최동욱 사장"),
        (subject_after, '"경기가 곧 살아날 것"이라고 오세진 연구원은 전망했다.', "오세진 연구원"),
        (named_by_cue, '<김하나 / 연구원> "데이터가 부족합니다."', "김하나"),
        (named_by_cue, '"우리는 포기하지 않는다"는 것이 윤서진 위원장의 설명이다.', "윤서진 위원장"),
    ],
)
def test_rule_answers_on_its_construction(
    rule: Rule, text: str, speaker: str, make_doc: MakeDoc, grammar: Grammar
) -> None:
    doc = make_doc(text)
    assert _answer_text(doc, rule(_view(doc, grammar))) == speaker


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (subject_before, '"내년에는 흑자를 내겠다"고 말했다.'),
        (genitive_owner, '오늘의 "정부가 답해야 한다"는 발언이 논란이 됐다.'),
        (genitive_owner, '김태호 의원은 "정부가 답해야 한다"고 말했다.'),
        (juxtaposed, '한빛은행 총재 "금리를 올리겠다"라며 자리를 떴다.'),
        (juxtaposed, '박지훈 대표는 "금리를 올리겠다"라며 자리를 떴다.'),
        (subject_after, '박지훈 대표는 "좋은 계약이다"고 말했다.'),
        (named_by_cue, '박지훈 대표는 "좋은 계약이다"고 말했다.'),
    ],
)
def test_rule_refuses_a_near_miss(rule: Rule, text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc(text)
    assert rule(_view(doc, grammar)) is None


def test_subject_before_prefers_a_person_like_topic(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('정민호 대표는 가격은 "더 내려간다"고 말했다.')
    answer = subject_before(_view(doc, grammar))
    assert _answer_text(doc, answer) == "정민호 대표"
    assert answer is not None and answer.order == Order.SPEAKER_FIRST


def test_previous_quote_inherits_within_the_paragraph(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('장민호 감독은 "잘 싸웠다"고 말했다. "다음도 이기겠다"고 덧붙였다.')
    assert previous_quote(_view(doc, grammar, 1, {0: 0})) == Answer(
        rule="speaker.previous-quote", order=Order.ELSEWHERE, inherit=0
    )
    assert previous_quote(_view(doc, grammar, 1, {})) is None


def test_previous_paragraph_only_for_a_quote_opening_its_line(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('최윤아 사장은 "올해가 고비다"고 말했다.\n"버틸 힘은 충분하다"고 덧붙였다.')
    answer = previous_paragraph(_view(doc, grammar, 1, {0: 0}))
    assert answer is not None and answer.rule == "speaker.previous-paragraph" and answer.inherit == 0
    doc = make_doc('최윤아 사장은 "올해가 고비다"고 말했다.\n직원들은 "버틸 힘은 충분하다"고 말했다.')
    assert previous_paragraph(_view(doc, grammar, 1, {0: 0})) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('강서준 교수는 회의를 마쳤다. "결과를 기다려 보자"고 말했다.', "강서준 교수"),
        ('한도윤 감독은 취재진 앞에 섰다. 감독은 말을 아꼈다. "다음 경기가 중요하다"고 말했다.', "감독"),
    ],
)
def test_previous_sentence_topic(text: str, speaker: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc(text)
    answer = previous_sentence(_view(doc, grammar))
    assert _answer_text(doc, answer) == speaker
    assert answer is not None and answer.order == Order.ELSEWHERE


def test_previous_sentence_refuses_a_topic_that_is_not_a_person(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('가격은 계속 올랐다. "결과를 기다려 보자"고 말했다.')
    assert previous_sentence(_view(doc, grammar)) is None


def test_previous_sentence_reaches_the_last_sentence_of_the_paragraph_before(
    make_doc: MakeDoc, grammar: Grammar
) -> None:
    doc = make_doc('강서준 교수는 회의를 마쳤다.\n"결과를 기다려 보자"고 말했다.')
    answer = previous_sentence(_view(doc, grammar))
    assert answer is not None and answer.where is not None
    assert doc.text[answer.where[1] : answer.where[2]] == "강서준 교수"


def test_previous_sentence_takes_no_sentence_of_an_earlier_paragraph_but_the_last(
    make_doc: MakeDoc, grammar: Grammar
) -> None:
    doc = make_doc('강서준 교수는 회의를 마쳤다. 밖에는 비가 내렸다.\n"결과를 기다려 보자"고 말했다.')
    assert previous_sentence(_view(doc, grammar)) is None  # 비 is no speaker, 강서준 is too far back


def test_attribute_shares_one_speaker_along_a_connective_chain(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('김서연 교수는 "시장이 흔들린다"며 "대비가 필요하다"고 말했다.')
    assert _speakers(doc, grammar) == [("김서연 교수", ("speaker.subject-before",))] * 2


def test_attribute_falls_through_to_the_previous_quote(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('박서윤 원장은 "환자가 먼저"라며 "문을 열겠다"고 했다. "우리가 버티겠다."')
    assert _speakers(doc, grammar)[-1] == ("박서윤 원장", ("speaker.subject-before", "speaker.previous-quote"))


def test_attribute_with_a_trace_records_the_sieve_in_order(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('"이번 계약은 큰 의미가 있다"고 최동욱 사장은 말했다.')
    found, _ = find_speech(doc, grammar)
    trace = Trace()
    (a,) = attribute(doc, found, grammar.lex, trace)
    assert a.rules == ("speaker.subject-after",)
    steps = [(s.sieve, s.outcome) for s in trace.steps if s.outcome != "rejected"]
    names = [row.name for row in SIEVE]
    k = names.index("subject after the quote")
    assert steps == [(n, "nothing") for n in names[:k]] + [(names[k], "chose")]
    assert trace.steps[-1].rule == "speaker.subject-after"


def test_trace_records_a_rejected_candidate(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('가격은 계속 올랐다. "결과를 기다려 보자"고 말했다.')
    found, _ = find_speech(doc, grammar)
    trace = Trace()
    attribute(doc, found, grammar.lex, trace)
    assert any(s.outcome == "rejected" and s.sieve == "speaker.previous-sentence" for s in trace.steps)
    assert [s.outcome for s in trace.steps if s.outcome != "rejected"] == ["nothing"] * len(SIEVE)


def test_attribute_without_any_answer_is_empty(make_doc: MakeDoc, grammar: Grammar, lex: Lexicon) -> None:
    doc = make_doc('"결과를 기다려 보자"고 말했다.')
    found, _ = find_speech(doc, grammar)
    (a,) = attribute(doc, found, lex)
    assert (a.speaker, a.parts, a.order, a.rules) == (None, None, Order.NONE, ())
