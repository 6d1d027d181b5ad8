"""Entities: ids, the speaker's link to its entity, names split into family and given name."""

from __future__ import annotations

import quotes
from quotes import Analysis, SpeakerKind
from quotes._entities import split_name
from quotes._lexicon import default_lexicon

LEX = default_lexicon()


def test_each_speaker_points_to_the_entity_that_lists_its_quote() -> None:
    a = quotes.analyze(
        '한도윤 가온시 시장은 "다리를 새로 놓겠다"고 말했다. 서은채 시의원은 "예산부터 따져야 한다"고 반박했다. '
        '한 시장은 "내년 봄에 착공한다"고 덧붙였다.'
    )
    assert [q.speaker.entity for q in a.quotes if q.speaker] == [0, 1, 0]
    for i, q in enumerate(a.quotes):
        assert q.speaker is not None and q.speaker.entity is not None
        ent = a.entities[q.speaker.entity]
        assert ent.id == q.speaker.entity and i in ent.quotes
    assert [e.name for e in a.entities] == ["한도윤", "서은채"]


def test_an_entity_holds_family_and_given_name_titles_and_organisation() -> None:
    a = quotes.analyze('고민재 한빛FC 감독은 "수비부터 다지겠다"고 말했다.\n고 감독대행은 "선수들을 믿는다"고 말했다.')
    (ent,) = a.entities
    assert (ent.family_name, ent.given_name) == ("고", "민재")
    assert ent.titles == ("감독", "감독대행")
    assert ent.organisation == "한빛FC"
    assert ent.kind == SpeakerKind.PERSON


def test_names_split_by_their_shape() -> None:
    person = SpeakerKind.PERSON
    assert split_name("남궁민수", person, LEX) == ("남궁", "민수")
    assert split_name("남궁민", person, LEX) == ("남", "궁민")  # three syllables: a one-syllable surname
    assert split_name("엘레나 로시", person, LEX) == ("로시", "엘레나")
    assert split_name("아이보시 고이치", person, LEX, family_first=True) == ("아이보시", "고이치")
    assert split_name("가온전자", SpeakerKind.ORGANISATION, LEX) == (None, None)
    assert split_name(None, person, LEX) == (None, None)
    assert split_name("하야", person, LEX) == ("하", "야")


def test_an_anonymous_anaphor_does_not_join_a_source_of_an_earlier_story() -> None:
    text = '한 업계 관계자는 "값이 오를 것"이라고 말했다.\n윤서진 기자\n\n이 관계자는 "물량이 모자란다"고 말했다.'
    a = quotes.analyze(text)
    assert len(a.entities) == 2
    one_story = quotes.analyze(text.replace("윤서진 기자\n\n", ""))
    assert len(one_story.entities) == 1


def test_entity_links_survive_a_round_trip_and_explain_gives_the_same_records() -> None:
    text = '이해진 네이버 GIO는 "좋다"고 했다. 그는 "늦지 않았다"고 말했다.'
    a = quotes.analyze(text)
    assert Analysis.from_dict(a.to_dict()) == a
    assert tuple(e.quote for e in quotes.explain(text)) == a.quotes
