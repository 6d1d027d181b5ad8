"""Every row of ``cue_words.tsv`` carries an example; check each against the real analyser.

Each word class gets one test that shows the row doing its job: the example
gives (or, for the words that stop a cue, does not give) the quote or the
reported clause the class is there for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import regex

import quotes
from quotes._cues import CLAUSE_HINTS, Grammar
from quotes._lexicon import CUE_WORD_KINDS, Row, default_lexicon
from quotes.config import ALL_KINDS

LEX = default_lexicon()
G = Grammar(LEX)
ALL = quotes.Extractor(kinds=ALL_KINDS)
CUE_ROWS = [r for r in LEX.rows["words"] if r.source.endswith("cue_words.tsv")]
TESTED: set[str] = set()


#: Rows this Kiwi never produces: it splits the fused ending (``이/VCP 라고/EC``,
#: ``려고/EC 는/JX``, ``라고/EC 하/VV ᆫ다고/EC``) and reads ``적지 않다`` as
#: ``적다``.  They are kept so that the stage reads what it always read (an
#: analyser or user dictionary that fuses them); the strict xfail turns into a
#: failure the day the analyser does produce them, so they get a real test then.
DORMANT = {
    ("quotative_ending", "란다고"),
    ("quotative_ending", "이라고"),
    ("quotative_ending", "려고는"),
    ("hearsay_verb", "적지않다"),
}


def rows(kind: str) -> Any:
    """Parametrize a test over the rows of ``kind`` (and note the kind as tested)."""
    TESTED.add(kind)
    dormant = pytest.mark.xfail(strict=True, reason="this analyser never produces the form")
    rs = [
        pytest.param(r, id=r.id, marks=[dormant] if (r.kind, r.value) in DORMANT else [])
        for r in CUE_ROWS
        if r.kind == kind
    ]
    return pytest.mark.parametrize("row", rs)


def text(row: Row) -> str:
    return row.example.replace("\\n", "\n")


def quotes_of(row: Row) -> list[quotes.Quote]:
    return quotes.extract(text(row))


def items(row: Row, kind: quotes.QuoteKind | None = None) -> list[quotes.Quote]:
    """The reported clauses (not direct quotes) of the example, with every kind on."""
    found = [q for q in ALL.extract(text(row)) if q.kind != quotes.QuoteKind.DIRECT]
    return [q for q in found if kind is None or q.kind == kind]


def tokens(row: Row, tag: str) -> list[str]:
    """The forms the analyser tags ``tag`` (by prefix) in the example."""
    return [t.form for t in quotes.default_extractor().kiwi.tokenize(text(row)) if t.tag.startswith(tag)]


def one(found: list[quotes.Quote], ok: Callable[[quotes.Quote], bool]) -> quotes.Quote:
    hits = [q for q in found if ok(q)]
    assert hits, found
    return hits[0]


# -- cues glued to a closing mark (_cues.py) ---------------------------------


@rows("light_verb")
def test_light_verb_after_a_clause_is_hearsay(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.quotative-hada" in q.rules)
    assert q.cue is not None and q.cue.lemma == row.value


@rows("after_nonfinal")
def test_after_nonfinal_keeps_the_predicate_as_the_cue(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.relative-clause" not in q.rules
    assert q.cue is not None and q.cue.lemma in LEX.predicates
    assert q.speaker is not None and q.speaker.text == "박 위원장"
    assert text(row)[q.cue.end :].split()[0].startswith(row.value)


@rows("double_only_noun")
def test_double_only_noun_after_single_marks_is_a_saying(row: Row) -> None:
    assert quotes_of(row) == []
    (q,) = quotes.extract(text(row).replace("'", '"'))
    assert q.cue is not None and q.cue.text == row.value


@rows("clause_only_noun")
def test_clause_only_noun_after_a_noun_phrase_is_a_label(row: Row) -> None:
    assert quotes_of(row) == []
    clause = regex.sub(r'"[^"]+"', '"모두 함께 가자"', text(row), count=1)
    (q,) = quotes.extract(clause)
    assert q.cue is not None and q.cue.text == row.value


@rows("conditional_ending")
def test_conditional_ending_after_a_clause_is_not_a_report(row: Row) -> None:
    assert row.value in tokens(row, "EC")
    assert ALL.extract(text(row)) == []


@rows("conditional_ending_quote")
def test_conditional_ending_after_a_quote_is_not_speech(row: Row) -> None:
    assert row.value in tokens(row, "EC")
    assert quotes_of(row) == []
    assert "cue.conditional" in quotes.analyze(text(row)).not_speech[0].rules


@rows("thing_subject")
def test_thing_subject_before_a_noun_predicate_reports_the_clause(row: Row) -> None:
    assert f" {row.value} " in text(row)
    q = one(items(row, quotes.QuoteKind.INDIRECT), lambda q: "indirect.noun-predicate" in q.rules)
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("thing_subject_quote")
def test_thing_subject_after_a_quote_gives_a_noun_predicate(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.noun-predicate" in q.rules
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("etc_word")
def test_etc_word_before_a_speech_noun_makes_the_quotes_speech(row: Row) -> None:
    found = quotes_of(row)
    assert len(found) == 2
    assert "cue.etc" in found[1].rules and "cue.coordinated" in found[0].rules
    assert f" {row.value} " in text(row)


@rows("final_ending")
def test_final_ending_makes_a_continuation_quote(row: Row) -> None:
    q = one(quotes_of(row), lambda q: "cue.standalone" in q.rules)
    assert q.text.endswith(row.value)


@rows("noun_predicate_tail")
def test_noun_predicate_tail_names_the_owner_as_speaker(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.noun-predicate" in q.rules
    assert q.speaker is not None and q.speaker.text == "박 위원장"
    assert q.cue is not None and text(row)[q.cue.start :].split()[0].rstrip(".").endswith(row.value)


@rows("utterance_verb")
def test_utterance_verb_makes_its_clause_subject_the_speaker(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "speaker.clause-noun-predicate" in q.rules
    assert q.speaker is not None and q.speaker.text.endswith(("선수", "씨", "시장", "의원"))
    # the same sentence with a verb of hearing instead names no one
    other = regex.sub(r"\S+ (말이다)", r"들은 \1", text(row))
    assert other != text(row)
    assert all("speaker.clause-noun-predicate" not in x.rules for x in quotes.extract(other))


# -- speech by position (_layout.py) -----------------------------------------


@rows("caption_label")
def test_caption_label_names_the_speaker(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.caption" in q.rules
    assert q.speaker is not None and q.speaker.text == "최은우 상인"
    assert text(row).startswith(f"[{row.value}:")


@rows("headline_end")
def test_headline_end_makes_the_line_a_sentence_not_a_headline(row: Row) -> None:
    assert text(row).endswith(row.value)
    assert quotes_of(row) == []
    (q,) = quotes.extract(text(row) + "\N{HORIZONTAL ELLIPSIS}")
    assert "cue.headline" in q.rules


@rows("headline_cue")
def test_headline_cue_is_the_cue_of_a_headline(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.headline" in q.rules
    assert q.cue is not None and q.cue.text == row.value
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("byline_title")
def test_byline_before_a_lead_quote_leaves_it_standing_alone(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.standalone" in q.rules
    assert f" {row.value}" in text(row)[: q.start]


@rows("continuation")
def test_continuation_word_lets_a_quote_stand_alone(row: Row) -> None:
    q = one(quotes_of(row), lambda q: "cue.standalone" in q.rules)
    assert text(row)[q.sentence_start :].startswith(f"{row.value} ")


@rows("intro_demonstrative")
def test_intro_demonstrative_introduces_the_quote_before(row: Row) -> None:
    (q,) = quotes_of(row)
    assert "cue.introduction-after" in q.rules
    assert q.speaker is not None and q.speaker.text == "박 위원장"
    assert f" {row.value} " in text(row)


# -- reported speech without marks (_indirect.py) ----------------------------


@rows("quotative_ending")
def test_quotative_ending_reports_the_clause(row: Row) -> None:
    assert row.value in tokens(row, "EC")
    q = one(items(row), lambda q: "indirect.quotative" in q.rules)
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("connective_ending")
def test_connective_ending_reports_the_clause(row: Row) -> None:
    assert row.value in tokens(row, "EC")
    q = one(items(row), lambda q: "indirect.connective" in q.rules)
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("adnominal_ending")
def test_adnominal_ending_reports_the_clause(row: Row) -> None:
    assert row.value in tokens(row, "ETM")
    q = one(items(row), lambda q: "indirect.adnominal" in q.rules)
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("hada_connective")
def test_hada_connective_is_a_contracted_quotative(row: Row) -> None:
    forms = [(t.form, t.tag) for t in quotes.default_extractor().kiwi.tokenize(text(row))]
    at = forms.index((row.value, "EC"))
    assert forms[at - 1][0] == G.light_verb[:-1] and forms[at - 2][0] in G.quotative_ec
    one(items(row), lambda q: "indirect.connective" in q.rules)


@rows("reporting_suffix")
def test_reporting_suffix_is_left_out_of_the_clause(row: Row) -> None:
    q = one(items(row), lambda q: q.kind == quotes.QuoteKind.INDIRECT)
    assert text(row)[q.end :].startswith(row.value + " ")


@rows("hearsay_hada")
def test_hearsay_hada_is_hearsay_even_with_a_subject(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.quotative-hada" in q.rules)
    assert q.cue is not None and q.cue.text.startswith(row.value)
    assert q.speaker is None


@rows("hearsay_noun")
def test_hearsay_noun_is_a_sourceless_report(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.hearsay-noun" in q.rules)
    assert q.cue is not None and q.cue.text == row.value


@rows("hearsay_verb")
def test_hearsay_verb_after_a_frame_noun_is_a_sourceless_report(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.hearsay-noun" in q.rules)
    assert q.cue is not None and q.cue.text not in G.hearsay_nouns
    after = text(row)[q.cue.end :]
    stems = "".join(t.form for t in quotes.default_extractor().kiwi.tokenize(after) if t.tag[0] in "NVX")
    assert row.value[:-1] in stems  # the verb's stem (제기되다 -> 제기/NNG 되/XSV)


@rows("hearsay_that")
def test_hearsay_that_verb_is_a_sourceless_report(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.hearsay-that" in q.rules)
    assert q.cue is not None and q.cue.lemma == row.value


@rows("hearsay_lead")
def test_hearsay_lead_opens_a_hearsay_that_frame(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.hearsay-that" in q.rules)
    assert q.cue is not None and text(row)[: q.cue.start].endswith(f" {row.value} ")


@rows("hearsay_hint")
def test_hearsay_hint_lets_the_sentence_be_read(row: Row) -> None:
    import regex

    assert not regex.search(CLAUSE_HINTS, text(row))  # the hint alone admits the sentence
    assert row.value in text(row)
    one(items(row, quotes.QuoteKind.HEARSAY), lambda q: "indirect.hearsay-that" in q.rules)


@rows("according_to")
def test_according_to_reports_the_rest_of_the_sentence(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.ACCORDING_TO), lambda q: True)
    assert q.cue is not None and q.cue.text == row.value
    assert q.speaker is not None


@rows("frame_noun")
def test_frame_noun_with_a_copula_reports_the_clause(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.INDIRECT), lambda q: "indirect.adnominal" in q.rules)
    assert q.cue is not None and q.cue.text == row.value
    assert q.speaker is not None and q.speaker.text == "박 위원장"


@rows("intro_adverb")
def test_intro_adverb_is_left_out_of_the_clause(row: Row) -> None:
    q = one(items(row, quotes.QuoteKind.INDIRECT), lambda q: True)
    assert f" {row.value} " in text(row)
    assert not q.text.startswith(row.value)


@rows("frame_noun_tail")
def test_frame_noun_tail_is_stripped_from_the_frame_noun(row: Row) -> None:
    q = one(items(row), lambda q: "indirect.adnominal" in q.rules)
    assert q.cue is not None and q.cue.text in G.frame_nouns
    assert f" {q.cue.text}{row.value}" in text(row)


def test_every_cue_word_kind_is_tested() -> None:
    assert TESTED == CUE_WORD_KINDS
    # The word classes of the issue-11 stage owners are tested in their own files.
    owned = quotes._lexicon.LAYOUT_WORD_KINDS | quotes._lexicon.ATTACHED_WORD_KINDS
    assert {r.kind for r in CUE_ROWS} - owned == CUE_WORD_KINDS


def test_derived_headline_cues_before_the_quote_hold_every_x_hada_stem() -> None:
    assert G.headline_cues <= G.headline_cues_before
    assert {"설명", "발표"} <= G.headline_cues_before - G.headline_cues
