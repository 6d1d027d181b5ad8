"""The cleaned view maps every span back to the original string."""

from __future__ import annotations

import unicodedata

import pytest

import quotes
from quotes._text import clean


@pytest.mark.parametrize(
    "raw",
    [
        "A&quot;B\u200bC",
        "가\u200b나\r\n다",
        "x&ldquo;말&rdquo;고",
        "&amp;&#8220;&#x201D;",
        "\ufeff김\u00ad대표",
        "\u00a0공백\u3000",
    ],
)
def test_every_clean_character_maps_back(raw: str) -> None:
    c = clean(raw)
    for i, ch in enumerate(c.text):
        a, b = c.span(i, i + 1)
        assert 0 <= a < b <= len(raw)
        piece = raw[a:b]
        assert ch in (piece, unicodedata.normalize("NFC", piece), " ", "\n") or piece.startswith("&")


def test_nfd_hangul_is_composed_for_the_analyser() -> None:
    raw = unicodedata.normalize("NFD", '김 대표는 "좋다"고 말했다.')
    c = clean(raw)
    assert c.text == '김 대표는 "좋다"고 말했다.'
    a, b = c.span(7, 9)
    assert unicodedata.normalize("NFC", raw[a:b]) == "좋다"
    (q,) = quotes.extract(raw)
    assert raw[q.start : q.end] == q.text and unicodedata.normalize("NFC", q.text) == "좋다"


def test_entity_quotes_are_found_with_offsets_into_the_original() -> None:
    raw = "김 대표는 &quot;내년에는 더 잘하겠다&quot;고 말했다."
    (q,) = quotes.extract(raw)
    assert raw[q.start : q.end] == q.text == "내년에는 더 잘하겠다"
    assert raw[q.open_mark : q.open_mark + 6] == "&quot;"


def test_unchanged_text_has_no_map() -> None:
    assert clean("그냥 문장이다.").segments == ()


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('<p>김민수 대표는 "좋다"고 말했다.</p>', "김민수 대표", "말했다"),
        ('<b>김민수</b> 대표는 "좋다"고 <i>말했다</i>.', "김민수</b> 대표", "말했다"),
        ('김민수 대표는<br/>"좋다"고 말했다.<!-- 광고 -->', "김민수 대표", "말했다"),
        ('<div class="art">김민수 대표는 &ldquo;좋다&rdquo;고 말했다.</div>', "김민수 대표", "말했다"),
    ],
)
def test_stray_html_tags_are_read_as_breaks_or_nothing(text: str, speaker: str, cue: str) -> None:
    (q,) = quotes.extract(text)
    assert q.speaker is not None and q.cue is not None
    assert (q.text, q.speaker.text, q.speaker.name, q.cue.text) == ("좋다", speaker, "김민수", cue)
    assert text[q.start : q.end] == q.text and text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_angle_brackets_that_are_not_tags_stay_text() -> None:
    c = clean("<사진=연합뉴스> 3 < 5 and a<b")
    assert c.text == "<사진=연합뉴스> 3 < 5 and a<b"
    c = clean("가<br>나<b>다</b>")
    assert c.text == "가\n나다"
    assert c.span(2, 3) == (5, 6) and c.span(3, 4) == (9, 10)
