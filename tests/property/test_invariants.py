"""Invariants that hold for every input (hypothesis)."""

from __future__ import annotations

import itertools
import threading
import unicodedata

import regex
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes import Analysis, Extractor

from .strategies import CUES, UNRELATED, noisy, one_quote_sentence, planted

# A second, independent extractor (its own Kiwi), built once.
_REFERENCE = Extractor()
ANY_TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from("\"“”‘’'「」『』\n\r\u200b&;"), max_size=300)
SURROGATES = st.text(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.sampled_from('가나"다'), max_size=40
)


def _check_spans(text: str, a: Analysis) -> None:
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
            if q.speaker.antecedent is not None:
                ante = q.speaker.antecedent
                assert text[ante.start : ante.end] == ante.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        assert q.sentence_start <= q.start and q.end <= q.sentence_end + 1
    for n in a.not_speech:
        assert text[n.start : n.end] == n.text
    for p in a.problems:
        assert 0 <= p.start <= p.end <= len(text)


@given(ANY_TEXT)
def test_never_raises_and_spans_slice_back(text: str) -> None:
    _check_spans(text, quotes.analyze(text))


@given(SURROGATES)
def test_lone_surrogates_are_fine(text: str) -> None:
    _check_spans(text, quotes.analyze(text))


@given(noisy())
def test_noisy_news_spans_slice_back(text: str) -> None:
    _check_spans(text, quotes.analyze(text))


@given(planted())
def test_planted_quotes_are_found_with_their_speaker(case: tuple[str, list[tuple[str, str]]]) -> None:
    text, expected = case
    found = quotes.extract(text)
    got = [(q.text, q.speaker.name if q.speaker else None) for q in found]
    assert got == expected


@given(noisy())
def test_quotes_never_cross_and_come_in_order(text: str) -> None:
    found = quotes.extract(text)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@given(planted(), st.sampled_from(["날씨가 맑았다.\n\n", "Curl error: timeout\n", "\n\n\n"]))
def test_a_prefix_shifts_every_span(case: tuple[str, list[tuple[str, str]]], prefix: str) -> None:
    text, _ = case
    base = quotes.extract(text)
    shifted = quotes.extract(prefix + text)
    n = len(prefix)
    assert [(q.start + n, q.end + n, q.text) for q in base] == [(q.start, q.end, q.text) for q in shifted]
    assert [q.speaker.start + n if q.speaker else None for q in base] == [
        q.speaker.start if q.speaker else None for q in shifted
    ]


@given(
    planted(),
    st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(["\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad"])),
        max_size=5,
    ),
)
def test_invisible_characters_and_nfd_change_no_content(
    case: tuple[str, list[tuple[str, str]]], inserts: list[tuple[int, str]]
) -> None:
    text, _ = case
    base = [(q.text, q.speaker.name if q.speaker else None) for q in quotes.extract(text)]
    noisy_text = text
    for raw_pos, ch in inserts:
        pos = raw_pos % (len(noisy_text) + 1)
        noisy_text = noisy_text[:pos] + ch + noisy_text[pos:]
    for variant in (noisy_text, unicodedata.normalize("NFD", text)):
        found = quotes.extract(variant)
        for q in found:
            assert variant[q.start : q.end] == q.text
        cleaned = [
            (
                "".join(
                    ch for ch in unicodedata.normalize("NFC", q.text) if ch not in "\u200b\u200c\u2060\ufeff\u00ad"
                ),
                q.speaker.name if q.speaker else None,
            )
            for q in found
        ]
        assert cleaned == base


@given(noisy())
def test_records_round_trip_through_dicts(text: str) -> None:
    a = quotes.analyze(text)
    assert Analysis.from_dict(a.to_dict()) == a


@given(st.lists(noisy(), min_size=1, max_size=4))
def test_deterministic_and_identical_from_eight_threads(texts: list[str]) -> None:
    shared = quotes.default_extractor()
    expected = [_REFERENCE.analyze(t) for t in texts]
    results: dict[int, list[Analysis]] = {}

    def work(k: int) -> None:
        results[k] = [shared.analyze(t) for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())


def _reading(q: quotes.Quote, shift: int) -> tuple[object, ...]:
    sp = q.speaker
    return (q.start - shift, q.text, q.cue.text if q.cue else None, sp.text if sp else None, sp.name if sp else None)


@given(one_quote_sentence(), st.sampled_from(UNRELATED), st.booleans())
def test_an_unrelated_sentence_on_the_same_line_changes_nothing(sentence: str, other: str, before: bool) -> None:
    """A sentence with no possible speaker, before or after a quote on its line, changes no record."""
    alone = quotes.extract(sentence)
    text = f"{other} {sentence}" if before else f"{sentence} {other}"
    shift = len(other) + 1 if before else 0
    assert [_reading(q, 0) for q in alone] == [_reading(q, shift) for q in quotes.extract(text)]


_GLUABLE = "|".join(CUES)


@given(planted())
def test_a_lost_space_between_the_ending_and_its_verb_changes_nothing(case: tuple[str, list[tuple[str, str]]]) -> None:
    """Crawled news loses spaces: ``"…"고 말했다`` written ``"…"고말했다`` gives the same quotes and speakers."""
    text, expected = case
    glued = regex.sub(rf"((?:이라고|라고|고)) (?=(?:{_GLUABLE})\.)", r"\1", text)
    found = quotes.extract(glued)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in found] == expected
