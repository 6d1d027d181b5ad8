"""Stage `_phrases`: subject noun phrases, predicates and word tags over a real analysed Doc."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotes._document import Doc, Word
from quotes._lexicon import Lexicon
from quotes._phrases import noun_phrase_left, person_like, predicate_of, subject_candidates, word_tag

MakeDoc = Callable[[str], Doc]


def _subjects(doc: Doc, lex: Lexicon) -> list[tuple[str, str, str]]:
    s = doc.sentences[0]
    return [(doc.text[c.start : c.end], c.particle, c.role) for c in subject_candidates(doc, 0, s.start, s.end, lex)]


def _word(doc: Doc, text: str) -> Word:
    return next(w for w in doc.words(0) if w.text == text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("박지훈 한빛전자 대표는 신제품을 소개했다.", [("박지훈 한빛전자 대표", "는", "topic")]),
        ("정민수 장관이 회의를 열었다.", [("정민수 장관", "이", "subject")]),
        ("업계에서는 걱정이 크다.", [("업계", "에서는", "collective")]),
    ],
)
def test_subject_candidates_role_and_phrase(
    text: str, expected: list[tuple[str, str, str]], make_doc: MakeDoc, lex: Lexicon
) -> None:
    assert _subjects(make_doc(text), lex)[: len(expected)] == expected


def test_subject_candidates_skip_words_inside_quotes(make_doc: MakeDoc, lex: Lexicon) -> None:
    doc = make_doc('최서연 교수는 "학생들은 바쁘다"고 말했다.')
    assert [t for t, _, _ in _subjects(doc, lex)] == ["최서연 교수"]


def test_subject_candidates_in_order(make_doc: MakeDoc, lex: Lexicon) -> None:
    doc = make_doc("한지민 의원은 정부가 답을 내놓아야 한다고 말했다.")
    assert [t for t, _, _ in _subjects(doc, lex)] == ["한지민 의원", "정부"]


def test_bound_noun_is_not_a_subject(make_doc: MakeDoc, lex: Lexicon) -> None:
    doc = make_doc("그럴 수가 없다.")
    assert _subjects(doc, lex) == []


def test_noun_phrase_left_stops_at_a_non_nominal_word(make_doc: MakeDoc, lex: Lexicon) -> None:
    doc = make_doc("어제 회의에서 박지훈 한빛전자 대표가 웃었다.")
    words = doc.words(0)
    i = next(k for k, w in enumerate(words) if w.text == "대표가")
    start, np_words = noun_phrase_left(doc, words, i, words[i].end - 1, lex)
    assert doc.text[start : words[i].end - 1] == "박지훈 한빛전자 대표"
    assert [w.text for w in np_words] == ["박지훈", "한빛전자", "대표가"]


def test_noun_phrase_left_stops_after_an_anonymous_determiner(make_doc: MakeDoc, lex: Lexicon) -> None:
    doc = make_doc("정부 안팎의 한 관계자는 말을 아꼈다.")
    assert [t for t, _, _ in _subjects(doc, lex)] == ["한 관계자"]


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("그는 그렇게 말했다.", "말했다.", "말하다"),
        ("그는 속내를 털어놨다.", "털어놨다.", "털어놓다"),
        ("그는 결과를 재확인했다.", "재확인했다.", "재확인하다"),
        ("그는 고개를 끄덕였다.", "끄덕였다.", "끄덕이다"),
    ],
)
def test_predicate_of_gives_the_lemma(text: str, word: str, lemma: str, make_doc: MakeDoc) -> None:
    assert predicate_of(_word(make_doc(text), word)) == (lemma, False)


def test_predicate_of_adnominal_form(make_doc: MakeDoc) -> None:
    assert predicate_of(_word(make_doc("그가 말한 내용이다."), "말한")) == ("말하다", True)


@pytest.mark.parametrize(("text", "word"), [("정부 발표가 나왔다.", "정부"), ("그는 짧게 답했다.", "짧게")])
def test_predicate_of_refuses_nouns_and_adverbs(text: str, word: str, make_doc: MakeDoc) -> None:
    assert predicate_of(_word(make_doc(text), word)) is None


@pytest.mark.parametrize(
    ("text", "word", "tag"), [("정부는 말했다.", "정부는", "NNG"), ("서울은 맑다.", "서울은", "NNP")]
)
def test_word_tag_of_a_known_word(text: str, word: str, tag: str, make_doc: MakeDoc) -> None:
    doc = make_doc(text)
    w = _word(doc, word)
    assert word_tag(w, w.end - 1) == tag


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("박지훈 대표는 웃었다.", True),
        ("한빛전자는 답했다.", True),
        ("하늘은 맑았다.", False),
        ("가격은 올랐다.", False),
    ],
)
def test_person_like(text: str, expected: bool, make_doc: MakeDoc, lex: Lexicon) -> None:
    doc = make_doc(text)
    s = doc.sentences[0]
    (c,) = subject_candidates(doc, 0, s.start, s.end, lex)
    assert person_like(c, lex) is expected
