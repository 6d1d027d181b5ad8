"""Stages `_cues` (attached), `_layout` (unattached) and `_speech` (classify, find_speech): rule ids."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotes._cues import CueMatch, Grammar, attached
from quotes._document import Doc
from quotes._speech import classify, find_speech

MakeDoc = Callable[[str], Doc]


def _decisions(doc: Doc, g: Grammar) -> list[CueMatch]:
    return [classify(doc, s, doc.sentence_of(s.open), g) for s in doc.top]


def _only(text: str, make_doc: MakeDoc, g: Grammar) -> CueMatch:
    (cm,) = _decisions(make_doc(text), g)
    return cm


# --- attached: the ending glued to the closing mark ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ('박지훈 대표는 "내년에는 흑자를 내겠다"고 말했다.', "말하다"),
        ('정민수 장관은 "규제를 풀겠다"고 강조했다.', "강조하다"),
        ('"경기가 곧 살아날 것"이라고 오세진 연구원은 전망했다.', "전망하다"),
    ],
)
def test_quotative_with_a_reporting_predicate(text: str, lemma: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.quotative"
    assert cm.cue is not None and cm.cue[2] == lemma


@pytest.mark.parametrize("text", ["이 마을은 '작은 파리'라고 불린다.", "그 식당은 '맛의 성지'라고 불렸다."])
def test_quotative_with_a_naming_verb_is_not_speech(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert not cm.speech
    assert cm.rules[0] == "cue.quotative" and cm.rules[-1] == "cue.naming"


@pytest.mark.parametrize("text", ["회사는 '소버린 AI'를 새 목표로 내걸었다.", "정부는 '탄소 중립'을 선언했다."])
def test_case_particle_is_not_speech(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    assert _only(text, make_doc, grammar) == CueMatch(speech=False, rules=("cue.case-particle",))


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ('한지민 의원은 "예산이 모자란다"면서 우려를 나타냈다.', "면서"),
        ('이창민 총재는 "금리를 올리겠다"라며 자리를 떴다.', "라며"),
    ],
)
def test_connective_links_to_the_next_quote(text: str, form: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.links_next and cm.rules[0] == "cue.connective"
    assert cm.cue is not None and cm.cue[2] == form


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ('김태호 의원의 "정부가 답해야 한다"는 발언이 논란이 됐다.', "발언"),
        ('박은영 대표의 "혁신이 답이다"라는 주장이 화제다.', "주장"),
    ],
)
def test_adnominal_speech_noun(text: str, noun: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.adnominal"
    assert cm.cue is not None and cm.cue[2] == noun


@pytest.mark.parametrize("text", ["'빨리빨리'라는 단어가 유행했다.", "'천천히'라는 간판이 걸렸다."])
def test_adnominal_without_a_speech_noun_is_not_speech(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert not cm.speech and cm.rules[0] == "cue.adnominal"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ('"우리는 포기하지 않는다"는 것이 윤서진 위원장의 설명이다.', "윤서진 위원장"),
        ('"시장은 아직 차갑다"는 게 한빛증권 관계자의 말이다.', "한빛증권 관계자"),
    ],
)
def test_noun_predicate_names_the_owner(text: str, owner: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc(text)
    (cm,) = _decisions(doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.noun-predicate"
    assert cm.speaker_rule == "speaker.noun-predicate" and cm.speaker_span is not None
    assert doc.text[cm.speaker_span[1] : cm.speaker_span[2]] == owner


def test_nothing_glued_returns_none(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('"좋은 아침이다" 김 대표는 웃었다.')
    assert attached(doc, doc.top[0], 0, grammar) is None


# --- layout: nothing glued, decided by position ----------------------------------------------------


@pytest.mark.parametrize(
    "text", ['"시장이 곧 회복된다" 오민석 연구원은 내다봤다.', '"올해는 다르다" 임하준 감독은 말했다.']
)
def test_bare_quote_first(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.bare-quote-first"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('조현우 서울시 부시장 "교통 대책을 내놓겠다"', "조현우 서울시 부시장"),
        ('정다은 장관 "예산을 늘린다"', "정다은 장관"),
    ],
)
def test_headline(text: str, speaker: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc(text)
    (cm,) = _decisions(doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.headline" and cm.speaker_rule == "speaker.headline"
    assert cm.speaker_span is not None and doc.text[cm.speaker_span[1] : cm.speaker_span[2]] == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [('<김하나 / 연구원> "데이터가 부족합니다."', "김하나"), ('[녹취: 박도윤 주민] "물이 끊겼어요."', "박도윤 주민")],
)
def test_caption(text: str, name: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc(text)
    (cm,) = _decisions(doc, grammar)
    assert cm.speech and cm.rules[-1] == "cue.caption" and cm.speaker_rule == "speaker.caption"
    assert cm.speaker_span is not None and doc.text[cm.speaker_span[1] : cm.speaker_span[2]] == name


@pytest.mark.parametrize(
    "text",
    ['송미래 장관은 이렇게 말했다. "우리는 준비가 돼 있다."', '한석규 회장은 다음과 같이 밝혔다: "투자를 늘리겠다."'],
)
def test_introduction_before(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.introduction" and cm.speaker_rule == "speaker.introduction"


@pytest.mark.parametrize(
    "text", ['"물가가 잡혀야 한다." 배수현 총재는 이렇게 말했다.', '"끝까지 가겠다." 문태식 위원장은 이같이 밝혔다.']
)
def test_introduction_after(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.rules[0] == "cue.introduction-after"


@pytest.mark.parametrize(
    "text", ['"경기가 나빠지고 있다." 김철수 한빛연구소 소장.', '"이제 시작일 뿐이다." 장도현 감독.']
)
def test_titled_name_after_the_quote(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cm = _only(text, make_doc, grammar)
    assert cm.speech and cm.rules == ("cue.juxtaposed-after",) and cm.speaker_rule == "speaker.juxtaposed"


@pytest.mark.parametrize(
    "text", ['박 원장은 회의를 열었다. "우리가 버티겠다."', '최 사장은 자리에서 일어났다. 그러면서 "함께 가자."']
)
def test_standalone_sentence_quote(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    cms = _decisions(make_doc(text), grammar)
    assert cms[-1].speech and cms[-1].rules[-1] == "cue.standalone"


@pytest.mark.parametrize("text", ["그는 '희망'과 '용기'를 말했다.", "오늘은 '바다' 그리고 '하늘' 이야기다."])
def test_word_in_marks_in_running_text_is_not_speech(text: str, make_doc: MakeDoc, grammar: Grammar) -> None:
    assert not any(cm.speech for cm in _decisions(make_doc(text), grammar))


def test_coordinated_quotes_take_the_next_decision(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('시민들은 "시장은 곧 회복된다", "걱정할 필요가 없다"면서 웃었다.')
    first = classify(doc, doc.top[0], 0, grammar)
    assert first.rules == ("cue.coordinated",) and first.coordinated
    found, rejected = find_speech(doc, grammar)
    assert len(found) == 2 and rejected == []
    assert found[0].rules[0] == "cue.coordinated" and found[0].cue.links_next


def test_etc_reaction(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc('"곧 좋아진다", "걱정 없다" 등의 반응이 나왔다.')
    found, _ = find_speech(doc, grammar)
    assert [f.rules[:2] for f in found] == [("cue.coordinated", "cue.adnominal"), ("cue.adnominal", "cue.etc")]


def test_find_speech_returns_speech_and_rejections_in_order(make_doc: MakeDoc, grammar: Grammar) -> None:
    doc = make_doc("그는 '혁신'을 외쳤다. 박 대표는 \"내일 다시 오겠다\"고 말했다.")
    found, rejected = find_speech(doc, grammar)
    assert [doc.text[f.span.content_start : f.span.content_end] for f in found] == ["내일 다시 오겠다"]
    assert [(doc.text[s.content_start : s.content_end], r) for s, r in rejected] == [("혁신", ("cue.case-particle",))]
    assert found[0].sentence == 1
