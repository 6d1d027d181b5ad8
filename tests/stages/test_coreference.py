"""Stage `_coreference`: short speaker references resolved against earlier mentions, or flagged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotes._cues import Grammar
from quotes._document import Doc
from quotes._speaker_coref import resolve_speakers
from quotes._speakers import Attribution, attribute
from quotes._speech import find_speech

MakeDoc = Callable[[str], Doc]


def _resolved(text: str, make_doc: MakeDoc, g: Grammar) -> tuple[Doc, list[Attribution]]:
    doc = make_doc(text)
    found, _ = find_speech(doc, g)
    return doc, resolve_speakers(doc, g.lex, g.title, attribute(doc, found, g.lex))


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        ('이정민 네오랩 GIO는 새 모델을 공개했다. 이 GIO는 "성능이 두 배가 됐다"고 말했다.', "이 GIO", "이정민"),
        ('이수진 한빛데이터 CTO가 발표했다. 이 CTO는 "속도가 빨라졌다"고 말했다.', "이 CTO", "이수진"),
        ('유하진 의원과 유태오 장관이 토론했다. 유 의원은 "법을 고치겠다"고 말했다.', "유 의원", "유하진"),
    ],
)
def test_surname_title_after_a_full_name(text: str, short: str, name: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    doc, (a,) = _resolved(text, make_doc, grammar)
    assert a.speaker is not None and doc.text[a.speaker[0] : a.speaker[1]] == short
    assert (a.resolved_name, a.ambiguous, a.rules[-1]) == (name, False, "coref.surname-title")
    assert a.antecedent is not None and doc.text[a.antecedent[0] : a.antecedent[1]].startswith(name)


@pytest.mark.parametrize(
    "text",
    [
        '김민준 대표와 김서진 대표가 만났다. 김 대표는 "협력하겠다"고 말했다.',
        '박하준 교수와 박서윤 교수가 논문을 냈다. 박 교수는 "후속 연구를 하겠다"고 말했다.',
    ],
)
def test_ambiguous_surname_title_is_flagged_not_resolved(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    _, (a,) = _resolved(text, make_doc, grammar)
    assert a.ambiguous and a.resolved_name is None and a.antecedent is None
    assert a.rules[-1] == "coref.ambiguous"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('최윤아 사장은 회의를 열었다. 그는 "모두 힘을 내자"고 말했다.', "최윤아"),
        ('장민호 감독은 인터뷰에 나섰다. 그는 "선수들이 잘 싸웠다"고 말했다.', "장민호"),
    ],
)
def test_pronoun_takes_the_nearest_named_person(text: str, name: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    _, (a,) = _resolved(text, make_doc, grammar)
    assert (a.resolved_name, a.rules[-1]) == (name, "coref.pronoun")


def test_family_name_after_a_foreign_full_name(make_doc: MakeDoc, grammar: Grammar) -> None:
    text = '마르코 벨리니 외교장관이 한국을 찾았다. 벨리니 장관은 "협력을 넓히겠다"고 말했다.'
    _, (a,) = _resolved(text, make_doc, grammar)
    assert (a.resolved_name, a.rules[-1]) == ("마르코 벨리니", "coref.last-name")


def test_organisation_alias_in_parentheses(make_doc: MakeDoc, grammar: Grammar) -> None:
    text = '한국토지주택공사(LH)가 새 계획을 내놨다. LH는 "공급을 늘리겠다"고 밝혔다.'
    _, (a,) = _resolved(text, make_doc, grammar)
    assert (a.resolved_name, a.rules[-1]) == ("한국토지주택공사", "coref.org-alias")


def test_full_name_needs_no_resolution(make_doc: MakeDoc, grammar: Grammar) -> None:
    _, (a,) = _resolved('박지훈 대표는 "좋은 계약이다"고 말했다.', make_doc, grammar)
    assert a.resolved_name is None and a.antecedent is None and not a.ambiguous
    assert a.rules == ("speaker.subject-before",)


def test_surname_without_an_earlier_name_stays_unresolved(make_doc: MakeDoc, grammar: Grammar) -> None:
    _, (a,) = _resolved('송 장관은 "예산을 늘리겠다"고 말했다.', make_doc, grammar)
    assert a.resolved_name is None and not a.ambiguous


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('박서연 대변인은 최도윤 장관으로부터 받은 보고를 설명했다. 그는 "추가 조치는 없다"고 말했다.', "박서연"),
        ('한도윤 감독은 이진호 선수의 부상을 전했다. 그는 "한 달이 걸린다"고 말했다.', "한도윤"),
    ],
)
def test_pronoun_takes_the_topic_not_a_name_in_an_adverbial(
    text: str, name: str, make_doc: MakeDoc, grammar: Grammar
) -> None:
    _, (a,) = _resolved(text, make_doc, grammar)
    assert (a.resolved_name, a.rules[-1]) == (name, "coref.pronoun")


def test_pronoun_takes_the_resolved_full_name(make_doc: MakeDoc, grammar: Grammar) -> None:
    text = '마르코 벨리니 외교장관이 왔다. 벨리니 장관은 "협력하겠다"고 말했다. 그는 "다시 오겠다"고 덧붙였다.'
    _, attributions = _resolved(text, make_doc, grammar)
    assert attributions[-1].resolved_name == "마르코 벨리니"


def test_surname_title_after_a_name_that_ends_like_an_organisation(make_doc: MakeDoc, grammar: Grammar) -> None:
    text = '가온의료재단 최병원 이사장은 병동을 열었다. 최 이사장은 "곁을 지키겠다"고 말했다.'
    _, (a,) = _resolved(text, make_doc, grammar)
    assert (a.resolved_name, a.rules[-1]) == ("최병원", "coref.surname-title")
