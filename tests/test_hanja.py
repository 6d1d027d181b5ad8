"""Hanja are read in Hangul for the analyser; records keep them as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes._hanja import read_hanja
from quotes._text import clean


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("李會昌 總裁는", "이회창 총재는"),  # 두음법칙: 리 -> 이 at the start of a word
        ("盧대통령", "노대통령"),  # 로 -> 노
        ("柳 장관", "유 장관"),  # 류 -> 유
        ("大統領", "대통령"),  # 령 inside a word keeps its ㄹ
        ("金大中 金 대표 金의장", "김대중 김 대표 김의장"),  # 金 opening a name or alone: the surname
        ("金融 당국", "금융 당국"),  # 金 in a two-hanja word: the common reading
        ("沈 의원", "심 의원"),
        ("김대중(金大中) 대통령", "김대중(金大中) 대통령"),  # a gloss is kept for the mention rules
        ("韓國 (金大中)", "한국 (김대중)"),  # parentheses after a space: not a gloss
        ("\uf900", "기"),  # a compatibility ideograph reads as its unified form (豈, 어찌 기)
    ],
)
def test_readings(written: str, read: str) -> None:
    assert read_hanja(written) == read


@given(st.text(alphabet=st.sampled_from("李金大統領(會) 은는\n가a1\uf900\u4e00\u9fff\u3400"), max_size=40))
def test_reading_keeps_length_and_everything_but_hanja(text: str) -> None:
    out = read_hanja(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or "\u3400" <= a <= "\u9fff" or "\uf900" <= a <= "\ufaff"


def test_the_view_reads_hanja_and_offsets_stay_put() -> None:
    raw = "李會昌 總裁는 &quot;이기겠다&quot;고 말했다."
    c = clean(raw)
    assert c.text.startswith("이회창 총재는")
    assert raw[slice(*c.span(0, 3))] == "李會昌"


def test_names_titles_and_affiliations_are_reported_as_written() -> None:
    text = '朴泰俊 浦項製鐵 會長은 "설비 투자를 늘리겠다"고 말했다. 朴 會長은 "수출도 늘린다"고 덧붙였다.'
    first, second = quotes.extract(text)
    assert first.speaker is not None and second.speaker is not None
    assert (first.speaker.text, first.speaker.name, first.speaker.title) == ("朴泰俊 浦項製鐵 會長", "朴泰俊", "會長")
    assert first.speaker.affiliation == "浦項製鐵"
    assert (second.speaker.text, second.speaker.name) == ("朴 會長", "朴泰俊")
    assert text[first.start : first.end] == first.text == "설비 투자를 늘리겠다"
    assert quotes.hangul_reading(first.speaker.name) == "박태준"


def test_entity_of_a_hanja_name_splits_family_and_given_name() -> None:
    analysis = quotes.analyze('崔圭夏 大統領은 "질서를 지켜 달라"고 당부했다.')
    (entity,) = analysis.entities
    assert (entity.name, entity.family_name, entity.given_name) == ("崔圭夏", "崔", "圭夏")


def test_hanja_and_hangul_spellings_of_one_text_give_the_same_quotes() -> None:
    hanja = '鄭夢準 議員은 "월드컵 유치는 국민의 힘"이라고 말했다.'
    hangul = '정몽준 의원은 "월드컵 유치는 국민의 힘"이라고 말했다.'
    (a,), (b,) = quotes.extract(hanja), quotes.extract(hangul)
    assert (a.start, a.end, a.text, a.cue and a.cue.text) == (b.start, b.end, b.text, b.cue and b.cue.text)
    assert a.speaker is not None and b.speaker is not None
    assert quotes.hangul_reading(a.speaker.name or "") == b.speaker.name == "정몽준"


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        ('韓 외교장관은 "협의를 이어가겠다"고 말했다.', "韓 외교장관", "韓"),  # read, 韓 would be the determiner 한
        ('伊 총리는 "난민 대책을 내놓겠다"고 밝혔다.', "伊 총리", "伊"),  # read, 伊 would be the surname 이
    ],
)
def test_the_lexicons_hanja_words_stay_as_written(text: str, speaker: str, affiliation: str) -> None:
    (q,) = quotes.extract(text)
    assert q.speaker is not None
    assert (q.speaker.text, q.speaker.affiliation, q.speaker.name) == (speaker, affiliation, None)


def test_a_users_hanja_word_is_kept_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "words.tsv"
    extra.write_text('id\tword\tkind\texample\nmy-1\t濠\tcountry\t濠 총리는 "좋다"고 말했다.\n', encoding="utf-8")
    ex = quotes.Extractor(lexicons=[extra])
    (q,) = ex.extract('濠 총리는 "광물 수출을 늘리겠다"고 말했다.')
    assert q.speaker is not None and q.speaker.affiliation == "濠"
    (plain,) = quotes.extract('濠 총리는 "광물 수출을 늘리겠다"고 말했다.')
    assert plain.speaker is not None and plain.speaker.affiliation != "濠"
