"""Stage `_mentions`: a mention's words (plain strings) split into name, title, affiliation, kind."""

from __future__ import annotations

import pytest

from quotes._lexicon import Lexicon
from quotes._mentions import is_korean_name, is_speaker, org_like, parse_mention, title_of
from quotes.records import SpeakerKind

PERSON, ORG, ANON = SpeakerKind.PERSON, SpeakerKind.ORGANISATION, SpeakerKind.ANONYMOUS


@pytest.mark.parametrize(
    ("words", "tags", "name", "title", "affiliation"),
    [
        (["박지훈", "한빛전자", "대표"], ["NNP", "NNP", "NNG"], "박지훈", "대표", "한빛전자"),
        (["정민수", "장관"], ["NNP", "NNG"], "정민수", "장관", None),
        (["서울시", "최현우", "부시장"], ["NNP", "NNP", "NNG"], "최현우", "부시장", "서울시"),
    ],
)
def test_korean_name_title_affiliation(
    words: list[str], tags: list[str], name: str, title: str, affiliation: str | None, lex: Lexicon
) -> None:
    p = parse_mention(words, tags, lex)
    assert (p.name, p.title, p.affiliation, p.kind) == (name, title, affiliation, PERSON)


@pytest.mark.parametrize(
    ("words", "surname", "title"),
    [(["김", "의원"], "김", "의원"), (["이", "GIO"], "이", "GIO"), (["남궁", "대표"], "남궁", "대표")],
)
def test_surname_and_title_is_a_short_reference(words: list[str], surname: str, title: str, lex: Lexicon) -> None:
    p = parse_mention(words, ["NNP", "NNG"], lex)
    assert (p.name, p.surname, p.title, p.kind) == (None, surname, title, PERSON)


def test_former_marker_belongs_to_the_title(lex: Lexicon) -> None:
    p = parse_mention(["김", "전", "장관"], ["NNP", "NNG", "NNG"], lex)
    assert (p.surname, p.title) == ("김", "전 장관")


@pytest.mark.parametrize(
    ("words", "tags", "name"),
    [
        (["마르코", "벨리니", "외교장관"], ["NNP", "NNP", "NNG"], "마르코 벨리니"),
        (["엘레나", "코스타", "사장"], ["NNP", "NNP", "NNG"], "엘레나 코스타"),
    ],
)
def test_foreign_given_and_family_name(words: list[str], tags: list[str], name: str, lex: Lexicon) -> None:
    p = parse_mention(words, tags, lex)
    assert (p.name, p.kind) == (name, PERSON)


@pytest.mark.parametrize(
    ("words", "title", "affiliation"),
    [(["한빛전자", "관계자"], "관계자", "한빛전자"), (["정부", "소식통"], "소식통", "정부")],
)
def test_anonymous_head_title(words: list[str], title: str, affiliation: str, lex: Lexicon) -> None:
    p = parse_mention(words, ["NNP", "NNG"], lex)
    assert (p.name, p.title, p.affiliation, p.kind) == (None, title, affiliation, ANON)


def test_anonymous_determiner(lex: Lexicon) -> None:
    p = parse_mention(["익명의", "교수"], ["NNG", "NNG"], lex)
    assert (p.name, p.kind) == (None, ANON)


def test_this_official_is_an_anonymous_anaphor(lex: Lexicon) -> None:
    p = parse_mention(["이", "관계자"], ["MM", "NNG"], lex)
    assert (p.name, p.title, p.kind) == (None, "관계자", ANON)


def test_han_plus_title_is_anonymous_with_a_possible_surname(lex: Lexicon) -> None:
    p = parse_mention(["한", "의원"], ["MM", "NNG"], lex)
    assert (p.kind, p.surname, p.title) == (ANON, "한", "의원")


@pytest.mark.parametrize("word", ["그", "그녀"])
def test_pronoun(word: str, lex: Lexicon) -> None:
    assert parse_mention([word], ["NP"], lex).kind == SpeakerKind.PRONOUN


@pytest.mark.parametrize(("words", "name"), [(["한빛전자", "측"], "한빛전자"), (["대한축구협회측"], "대한축구협회")])
def test_side_suffix_is_an_organisation(words: list[str], name: str, lex: Lexicon) -> None:
    p = parse_mention(words, ["NNP"] * len(words), lex)
    assert (p.name, p.kind) == (name, ORG)


@pytest.mark.parametrize(("word", "tag"), [("정부", "NNG"), ("한빛은행", "NNP")])
def test_organisation_without_title(word: str, tag: str, lex: Lexicon) -> None:
    p = parse_mention([word], [tag], lex)
    assert (p.name, p.kind) == (word, ORG)


@pytest.mark.parametrize("word", ["업계", "시민들"])
def test_collective(word: str, lex: Lexicon) -> None:
    assert parse_mention([word], ["NNG"], lex).kind == SpeakerKind.COLLECTIVE


def test_name_suffix_ssi(lex: Lexicon) -> None:
    p = parse_mention(["김모씨"], ["NNP"], lex)
    assert (p.title, p.kind) == ("씨", PERSON)


def test_parenthesised_aside_is_dropped(lex: Lexicon) -> None:
    p = parse_mention(["박지훈(45)", "대표"], ["NNP", "NNG"], lex)
    assert (p.name, p.title) == ("박지훈", "대표")


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("장관", "장관"),
        ("예보국장", "국장"),
        ("제2차관", "차관"),
        ("부산시장", "시장"),
        ("주식시장", None),
        ("대학생", None),
    ],
)
def test_title_of(word: str, title: str | None, lex: Lexicon) -> None:
    assert title_of(word, lex) == title


@pytest.mark.parametrize(("word", "expected"), [("박지훈", True), ("최서연", True), ("스미스", False), ("정부", False)])
def test_is_korean_name(word: str, expected: bool, lex: Lexicon) -> None:
    assert is_korean_name(word, lex) is expected


@pytest.mark.parametrize(
    ("word", "expected"), [("KB국민은행", True), ("OECD", True), ("한빛협회", True), ("바다", False)]
)
def test_org_like(word: str, expected: bool, lex: Lexicon) -> None:
    assert org_like(word, lex) is expected


@pytest.mark.parametrize(
    ("words", "tags", "name", "affiliation"),
    [
        (["한빛경영자협회", "박병원", "회장"], ["NNP", "NNP", "NNG"], "박병원", "한빛경영자협회"),
        (["김종부", "경남", "감독"], ["NNP", "NNP", "NNG"], "김종부", "경남"),
        (["조석래", "가온련", "회장"], ["NNP", "NNP", "NNG"], "조석래", "가온련"),
        (["윤가람", "하늘데이터", "대표"], ["NNP", "NNP", "NNG"], "윤가람", "하늘데이터"),
    ],
)
def test_the_name_is_read_before_the_title(
    words: list[str], tags: list[str], name: str, affiliation: str, lex: Lexicon
) -> None:
    p = parse_mention(words, tags, lex)
    assert (p.name, p.affiliation, p.kind) == (name, affiliation, PERSON)


@pytest.mark.parametrize(
    ("words", "name", "surname", "title"),
    [
        (["김재영의원"], "김재영", None, "의원"),
        (["국민회의", "김대중총재"], "김대중", None, "총재"),
        (["김대통령"], None, "김", "대통령"),
        (["김", "부부장"], None, "김", "부부장"),
    ],
)
def test_glued_title(words: list[str], name: str | None, surname: str | None, title: str, lex: Lexicon) -> None:
    p = parse_mention(words, ["MIX"] * len(words), lex)
    assert (p.name, p.surname, p.title) == (name, surname, title)


def test_an_organisation_suffix_covering_the_title_is_not_split(lex: Lexicon) -> None:
    assert title_of("가온선대위", lex) is None


def test_hanja_gloss_of_another_length_is_a_foreign_name(lex: Lexicon) -> None:
    p = parse_mention(["아이보시", "고이치(相星孝一)", "주한", "일본대사"], ["NNG", "NNP", "NNG", "MIX"], lex)
    assert (p.name, p.rules[-1]) == ("아이보시 고이치", "mention.hanja-gloss")
    p = parse_mention(["정승호(鄭承浩)", "의원"], ["NNP", "NNG"], lex)
    assert p.name == "정승호"


@pytest.mark.parametrize(
    ("words", "tags", "expected"),
    [
        (["날씨"], ["NNG"], False),
        (["솜씨"], ["NNG"], False),
        (["것"], ["NNB"], False),
        (["점"], ["NNG"], False),
        (["어려움"], ["MIX"], False),
        (["한", "차례"], ["MM", "NNB"], False),
        (["김씨"], ["MIX"], True),
        (["한", "매체"], ["MM", "NNG"], True),
        (["정부"], ["NNG"], True),
        (["트럼프"], ["NNP"], True),
    ],
)
def test_is_speaker_needs_evidence(words: list[str], tags: list[str], expected: bool, lex: Lexicon) -> None:
    assert is_speaker(words, tags, lex) is expected
