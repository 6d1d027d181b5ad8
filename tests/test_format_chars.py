"""Invisible format characters are read as nothing, like zero-width spaces (issue 13)."""

from __future__ import annotations

import pytest

import quotes
from quotes._text import clean

SENTENCE = '정 교수는 "우리 연구팀이 먼저 해냈다"고 설명했다.'
CONTENT = "우리 연구팀이 먼저 해냈다"


def _around_marks(ch: str) -> str:
    return SENTENCE.replace('"', f'{ch}"{ch}')


@pytest.mark.parametrize(
    "ch",
    ["\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\x80", "\x85", "\x9f", "\ufe0f", "\ufe0e", "\u061c"],
)
def test_a_format_character_beside_the_marks_keeps_the_quote(ch: str) -> None:
    text = _around_marks(ch)
    (q,) = quotes.extract(text)
    assert q.text == CONTENT and text[q.start : q.end] == q.text
    assert q.speaker is not None and q.speaker.text == "정 교수"
    assert q.cue is not None and q.cue.text == "설명했다"
    assert q.open_mark is not None and text[q.open_mark] == '"'
    assert q.close_mark is not None and text[q.close_mark] == '"'


def test_a_right_to_left_mark_stays_out_of_the_quote_text() -> None:
    text = SENTENCE.replace('다"', '다\u200f"')
    (q,) = quotes.extract(text)
    assert q.text == CONTENT and "\u200f" not in q.text


def test_an_override_stays_out_of_the_speaker() -> None:
    text = "\u202e" + SENTENCE.replace("교수는", "교수\u202e는")
    (q,) = quotes.extract(text)
    assert q.speaker is not None and q.speaker.text == "정 교수"
    assert q.speaker.title == "교수"


def test_an_override_inside_a_name_is_kept_in_the_slice_but_read_through() -> None:
    text = '한빛전자 이수\u202e아 대표는 "공장을 늘리겠다"고 밝혔다.'
    (q,) = quotes.extract(text)
    assert q.speaker is not None and text[q.speaker.start : q.speaker.end] == q.speaker.text
    assert q.speaker.text.replace("\u202e", "") == "한빛전자 이수아 대표"


@pytest.mark.parametrize("ch", ["\u200e", "\u202e", "\x85", "\ufe0f", "\U000e0041"])
def test_the_clean_view_drops_them_and_maps_back(ch: str) -> None:
    raw = f"가{ch}나{ch}"
    c = clean(raw)
    assert c.text == "가나"
    assert c.span(0, 1) == (0, 1)
    assert c.span(1, 2) == (1 + len(ch), 2 + len(ch))
    assert c.span(0, 2) == (0, 2 + len(ch))


def test_a_variation_selector_after_a_syllable_stays_out_of_the_quote() -> None:
    text = SENTENCE.replace('다"', '다\ufe0f"')
    (q,) = quotes.extract(text)
    assert q.text == CONTENT
