"""Every row of every rule table carries an example; check each against the real analyser."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes
from quotes._lexicon import Row, default_lexicon, load_lexicon
from quotes._mentions import parse_mention
from quotes.errors import LexiconError

LEX = default_lexicon()


def rows(table: str, kind: str | None = None) -> list[Row]:
    return [r for r in LEX.rows[table] if kind is None or r.kind == kind]


def ids(rs: list[Row]) -> list[str]:
    return [r.id for r in rs]


SPEECH_PREDICATES = [r for r in rows("predicates") if r.kind != "naming"]


@pytest.mark.parametrize("row", SPEECH_PREDICATES, ids=ids(SPEECH_PREDICATES))
def test_predicate_example_is_speech_with_that_lemma(row: Row) -> None:
    found = quotes.extract(row.example)
    assert len(found) == 1, row.example
    assert found[0].cue is not None
    assert found[0].cue.lemma == row.value
    assert row.id in found[0].rules


@pytest.mark.parametrize("row", rows("predicates", "naming"), ids=ids(rows("predicates", "naming")))
def test_naming_predicate_example_is_not_speech(row: Row) -> None:
    assert quotes.extract(row.example) == []


@pytest.mark.parametrize("row", rows("titles"), ids=ids(rows("titles")))
def test_title_example_gives_that_title(row: Row) -> None:
    found = quotes.extract(row.example)
    assert len(found) == 1
    speaker = found[0].speaker
    assert speaker is not None
    assert speaker.title is not None and speaker.title.endswith(row.value)
    expected = quotes.SpeakerKind.ANONYMOUS if row.kind == "anonymous" else quotes.SpeakerKind.PERSON
    assert speaker.kind == expected


@pytest.mark.parametrize("row", rows("speech_nouns"), ids=ids(rows("speech_nouns")))
def test_speech_noun_example_is_adnominal_speech(row: Row) -> None:
    found = quotes.extract(row.example)
    assert len(found) == 1
    assert found[0].cue is not None and found[0].cue.text == row.value
    assert found[0].cue.kind == quotes.CueKind.ADNOMINAL


@pytest.mark.parametrize("row", rows("particles"), ids=ids(rows("particles")))
def test_particle_example_fires_that_particle(row: Row) -> None:
    found = quotes.extract(row.example)
    assert found and any(row.id in q.rules for q in found)
    assert all(q.speaker is not None and q.speaker.text == "김 대표" for q in found)


SPEAKER_KIND = {
    "pronoun": quotes.SpeakerKind.PRONOUN,
    "collective": quotes.SpeakerKind.COLLECTIVE,
    "organisation": quotes.SpeakerKind.ORGANISATION,
}
KINDED = [r for r in rows("words") if r.kind in SPEAKER_KIND]


@pytest.mark.parametrize("row", KINDED, ids=ids(KINDED))
def test_word_example_gives_that_speaker_kind(row: Row) -> None:
    found = quotes.extract(row.example)
    assert len(found) == 1
    assert found[0].speaker is not None
    assert found[0].speaker.text == row.value
    assert found[0].speaker.kind == SPEAKER_KIND[row.kind]


@pytest.mark.parametrize("row", rows("words", "stop"), ids=ids(rows("words", "stop")))
def test_stop_word_is_not_part_of_the_speaker(row: Row) -> None:
    (q,) = quotes.extract(row.example)
    assert q.speaker is not None and q.speaker.text == "김 대표"


@pytest.mark.parametrize("row", rows("words", "surname"), ids=ids(rows("words", "surname")))
def test_surname_before_title_is_a_short_reference(row: Row) -> None:
    parts = parse_mention([row.value, "대표"], ["NNP", "NNG"], LEX)
    assert parts.surname == row.value or (row.value == "한" and parts.surname == "한")
    assert row.example.startswith(row.value + " 대표")


@pytest.mark.parametrize("row", rows("words", "country"), ids=ids(rows("words", "country")))
def test_country_is_an_affiliation(row: Row) -> None:
    (q,) = quotes.extract(row.example)
    assert q.speaker is not None and q.speaker.affiliation == row.value and q.speaker.name is None


@pytest.mark.parametrize("row", rows("words", "org_suffix"), ids=ids(rows("words", "org_suffix")))
def test_org_suffix_makes_an_organisation(row: Row) -> None:
    (q,) = quotes.extract(row.example)
    assert q.speaker is not None
    assert q.speaker.kind == quotes.SpeakerKind.ORGANISATION


def test_ids_are_unique_across_tables() -> None:
    all_ids = [r.id for table in LEX.rows.values() for r in table]
    assert len(all_ids) == len(set(all_ids))


def test_broken_user_lexicon_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text('id\tlemma\tcategory\texample\nmy-001\t읊다\tpoetry\t그는 "…"고 읊었다.\n', encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([path])
    message = str(info.value)
    assert f"{path}:2:" in message
    assert "unknown kind 'poetry'" in message
    assert "^" in message.splitlines()[-1]
    assert info.value.line_no == 2


def test_user_lexicon_adds_a_predicate(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        'id\tlemma\tcategory\texample\nmy-001\t읊조리다\tneutral\t그는 "봄이 왔다"고 읊조렸다.\n', encoding="utf-8"
    )
    ex = quotes.Extractor(lexicons=[path])
    (q,) = ex.extract('김 시인은 "봄이 왔다"고 읊조렸다.')
    assert "my-001" in q.rules


@pytest.mark.parametrize("row", rows("words", "opener"), ids=ids(rows("words", "opener")))
def test_opener_word_lets_the_paragraph_continue_the_speaker(row: Row) -> None:
    _first, second = quotes.extract(row.example.replace("\\n", "\n"))
    assert second.speaker is not None and second.speaker.text == "김 대표"
    assert "speaker.previous-paragraph" in second.speaker.rules
    assert row.example.split("\\n")[1].startswith(row.value + " ")
