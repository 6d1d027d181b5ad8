"""Every row of ``mention_words.tsv`` carries an example; check each against the real analyser."""

from __future__ import annotations

import pytest

import quotes
from quotes._lexicon import Row, default_lexicon
from quotes._mentions import parse_mention, title_of

LEX = default_lexicon()
KINDS = sorted({r.kind for r in LEX.rows["words"] if r.source.endswith("mention_words.tsv")})


def rows(kind: str) -> list[Row]:
    return [r for r in LEX.rows["words"] if r.kind == kind and r.source.endswith("mention_words.tsv")]


def ids(rs: list[Row]) -> list[str]:
    return [r.id for r in rs]


def one(example: str) -> quotes.Quote:
    found = quotes.extract(example)
    assert len(found) >= 1, example
    return found[-1]


def speaker(example: str) -> quotes.Speaker:
    sp = one(example).speaker
    assert sp is not None
    return sp


def subject(example: str) -> list[str]:
    """The words of the example's subject, its topic particle (은/는) cut off."""
    words = example.split(' "', maxsplit=1)[0].split()
    words[-1] = words[-1][:-1]
    return words


def kind_rows(*kinds: str) -> list[Row]:
    return [r for k in kinds for r in rows(k)]


def test_every_kind_is_tested_and_listed() -> None:
    assert set(KINDS) == quotes._lexicon.MENTION_WORD_KINDS
    assert all(rows(k) for k in KINDS)


@pytest.mark.parametrize("row", rows("former"), ids=ids(rows("former")))
def test_former_belongs_to_the_title(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.title is not None and sp.title.startswith(row.value + " ")
    assert row.id in sp.rules


@pytest.mark.parametrize("row", rows("np_determiner"), ids=ids(rows("np_determiner")))
def test_np_determiner_opens_the_speaker_phrase(row: Row) -> None:
    assert speaker(row.example).text.startswith(row.value + " ")


ANONYMOUS = kind_rows("anonymous_determiner", "anonymous_prefix")


@pytest.mark.parametrize("row", ANONYMOUS, ids=ids(ANONYMOUS))
def test_anonymous_determiner_makes_the_mention_anonymous(row: Row) -> None:
    assert speaker(row.example).title is not None
    parts = parse_mention(subject(row.example), ["MM", "NNG"], LEX)
    assert parts.kind == quotes.SpeakerKind.ANONYMOUS
    assert row.id in parts.rules


@pytest.mark.parametrize("row", rows("anaphoric_determiner"), ids=ids(rows("anaphoric_determiner")))
def test_anaphoric_determiner_joins_the_earlier_anonymous_speaker(row: Row) -> None:
    analysis = quotes.Extractor().analyze(row.example)
    first, second = analysis.quotes
    assert first.speaker is not None and second.speaker is not None
    if second.speaker.text.startswith(row.value + " "):
        assert len(analysis.entities) == 1
    else:  # the analyser left the determiner out of the phrase (그 관계자): nothing to join by
        assert len(analysis.entities) == 2


@pytest.mark.parametrize("row", rows("ordinal_prefix"), ids=ids(rows("ordinal_prefix")))
def test_ordinal_prefix_is_skipped_before_a_title(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.title is not None and sp.title.startswith(row.value)
    base = title_of(sp.title, LEX)
    assert base is not None and base != sp.title and LEX.titles[base].id in sp.rules


@pytest.mark.parametrize("row", rows("acting_suffix"), ids=ids(rows("acting_suffix")))
def test_acting_title_is_read_as_its_title(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.title is not None and sp.title.endswith(row.value)
    base = title_of(sp.title, LEX)
    assert base is not None and base + row.value == sp.title and sp.name is not None


STAND_INS = kind_rows("stand_in_agency", "agency_suffix")


@pytest.mark.parametrize("row", STAND_INS, ids=ids(STAND_INS))
def test_a_stand_in_takes_the_one_agency_named_before(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.rules[-1] == "coref.org-stand-in" and sp.name is not None
    assert any(sp.name.endswith(r.value) for r in rows("agency_suffix"))
    assert row.value in sp.name or row.value in sp.text


RULED = kind_rows("anonymised_suffix", "honorific", "side_noun", "collective_suffix")


@pytest.mark.parametrize("row", RULED, ids=ids(RULED))
def test_row_decides_the_speaker_and_is_named_in_its_rules(row: Row) -> None:
    sp = speaker(row.example)
    assert row.id in sp.rules
    expected = {
        "anonymised_suffix": quotes.SpeakerKind.PERSON,
        "honorific": quotes.SpeakerKind.PERSON,
        "side_noun": quotes.SpeakerKind.ORGANISATION,
        "collective_suffix": quotes.SpeakerKind.COLLECTIVE,
    }[row.kind]
    assert sp.kind == expected


@pytest.mark.parametrize("row", rows("not_city"), ids=ids(rows("not_city")))
def test_not_a_city_before_sijang(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.text.startswith(row.value) and sp.title is None


@pytest.mark.parametrize("row", rows("city_title"), ids=ids(rows("city_title")))
def test_city_title_after_a_city_name(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.kind == quotes.SpeakerKind.PERSON and sp.title is not None and sp.title.endswith(row.value)


@pytest.mark.parametrize("row", rows("no_suffix_title"), ids=ids(rows("no_suffix_title")))
def test_no_suffix_title_is_not_read_at_the_end_of_a_word(row: Row) -> None:
    (word,) = subject(row.example)
    assert word.endswith(row.value) and word != row.value
    assert title_of(word, LEX) is None
    assert one(row.example).speaker is not None


@pytest.mark.parametrize("row", rows("given_syllable"), ids=ids(rows("given_syllable")))
def test_given_syllables_make_a_korean_name(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.name is not None and " " not in sp.name and all(ch in row.value for ch in sp.name[1:])
    assert sp.affiliation is not None


@pytest.mark.parametrize("row", rows("foreign_syllable"), ids=ids(rows("foreign_syllable")))
def test_foreign_syllable_makes_a_foreign_name(row: Row) -> None:
    sp = speaker(row.example)
    first = subject(row.example)[0]
    assert any(ch in row.value for ch in first[1:])
    assert sp.name is not None and sp.name.startswith(first + " ")


@pytest.mark.parametrize("row", rows("person_bound_noun"), ids=ids(rows("person_bound_noun")))
def test_person_bound_noun_ends_the_speaker(row: Row) -> None:
    assert speaker(row.example).text.endswith(" " + row.value)


@pytest.mark.parametrize("row", rows("not_noun_determiner"), ids=ids(rows("not_noun_determiner")))
def test_not_noun_determiner_is_never_the_name(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.name == "박지훈"
    assert sp.text == "박지훈 대표" or sp.affiliation == row.value


PARTICLES = kind_rows("topic_particle", "subject_particle", "honorific_particle", "locative_particle")


@pytest.mark.parametrize("row", PARTICLES, ids=ids(PARTICLES))
def test_particle_ends_the_subject(row: Row) -> None:
    sp = speaker(row.example)
    assert row.example[sp.end :].startswith(row.value)


@pytest.mark.parametrize("row", rows("name_tail"), ids=ids(rows("name_tail")))
def test_name_tail_is_cut_from_the_full_organisation_name(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.name == "누리전자공업"
    assert "coref.org-short" in sp.rules
    assert row.example.startswith(sp.name + row.value)


@pytest.mark.parametrize("row", rows("adverbial_ending"), ids=ids(rows("adverbial_ending")))
def test_adverb_from_an_adjective_is_not_the_predicate(row: Row) -> None:
    q = one(row.example)
    assert q.cue is not None and q.cue.lemma == "말하다"


@pytest.mark.parametrize("row", rows("auxiliary_connective"), ids=ids(rows("auxiliary_connective")))
def test_auxiliary_connective_joins_a_compound_predicate(row: Row) -> None:
    q = one(row.example)
    assert q.cue is not None and q.speaker is not None and q.speaker.text == "박지훈 대표"


# Speaker.rules names the rows that decided the mention, right after the sieve's rule.


def test_titled_speaker_names_the_title_row() -> None:
    (q,) = quotes.extract('박지훈 대표는 "준비는 끝났다"고 말했다.')
    assert q.speaker is not None
    assert q.speaker.rules[:2] == ("speaker.subject-before", LEX.titles["대표"].id)


def test_anonymous_speaker_names_the_determiner_and_the_title() -> None:
    (q,) = quotes.extract('한 관계자는 "아직 모른다"고 말했다.')
    assert q.speaker is not None
    det = LEX.words["anonymous_determiner"]["한"].id
    assert q.speaker.rules == ("speaker.subject-before", det, LEX.titles["관계자"].id)


def test_organisation_suffix_row_is_named() -> None:
    (q,) = quotes.extract('한빛전자는 "공장을 짓는다"고 밝혔다.')
    assert q.speaker is not None and q.speaker.kind == quotes.SpeakerKind.ORGANISATION
    assert LEX.words["org_suffix"]["전자"].id in q.speaker.rules


def test_listed_organisation_pronoun_collective_and_surname_rows_are_named() -> None:
    cases = {
        '정부는 "곧 발표한다"고 밝혔다.': LEX.words["organisation"]["정부"].id,
        '그는 "곧 발표한다"고 밝혔다.': LEX.words["pronoun"]["그"].id,
        '업계는 "곧 발표한다"고 밝혔다.': LEX.words["collective"]["업계"].id,
        '장 의원은 "곧 발표한다"고 밝혔다.': LEX.words["surname"]["장"].id,
    }
    for text, row_id in cases.items():
        (q,) = quotes.extract(text)
        assert q.speaker is not None and row_id in q.speaker.rules[1:], text


def test_row_ids_come_before_the_coreference_rule() -> None:
    found = quotes.extract('박지훈 대표는 "준비는 끝났다"고 말했다. 박 대표는 "곧 시작한다"고 덧붙였다.')
    sp = found[-1].speaker
    assert sp is not None and sp.name == "박지훈"
    assert sp.rules[-1] == "coref.surname-title"
    assert sp.rules[1:-1] == (LEX.titles["대표"].id, LEX.words["surname"]["박"].id)


@pytest.mark.parametrize("row", rows("counter_noun"), ids=ids(rows("counter_noun")))
def test_counter_noun_after_a_determiner_is_no_speaker(row: Row) -> None:
    (q,) = quotes.extract(row.example)
    assert q.speaker is None
    # a person noun in the same place speaks
    sp = speaker(row.example.replace("한 " + row.value + row.example.split(row.value, 1)[1][0], "한 남성은", 1))
    assert sp.text == "한 남성" and sp.kind == quotes.SpeakerKind.ANONYMOUS


@pytest.mark.parametrize("row", rows("title_honorific"), ids=ids(rows("title_honorific")))
def test_a_title_with_an_honorific_is_a_speaker(row: Row) -> None:
    sp = speaker(row.example)
    assert sp.title is not None and sp.title.endswith(row.value) and sp.name is None
    base = title_of(sp.title, LEX)
    assert base is not None and base + row.value == sp.title
    assert title_of(row.value, LEX) is None  # the honorific alone is no title


@pytest.mark.parametrize("row", rows("first_person"), ids=ids(rows("first_person")))
def test_first_person_inside_a_quote_is_the_outer_speaker(row: Row) -> None:
    found = quotes.extract(row.example)
    assert [q.text for q in found] == [row.example.split('"')[1]]  # the nested words are not a record of their own
    other = row.example.replace(row.value + "는", "김 부장은").replace(row.value + "희는", "김 부장은")
    nested = [q for q in quotes.extract(other) if "speech.nested" in q.rules]
    assert len(nested) == 1 and nested[0].speaker is not None and nested[0].speaker.text == "김 부장"


@pytest.mark.parametrize("row", rows("speech_document"), ids=ids(rows("speech_document")))
def test_the_owner_of_a_speech_document_speaks(row: Row) -> None:
    q = one(row.example)
    owner = row.example.split("의 ")[0]
    assert q.speaker is not None and q.speaker.text == owner
    assert row.value not in q.speaker.text
