"""Stage `_marks`: pairing quotation marks into spans (plain strings, no analyser)."""

from __future__ import annotations

import pytest

from quotes._marks import Family, find_spans


def _contents(text: str) -> list[str]:
    spans, _ = find_spans(text)
    return [text[s.content_start : s.content_end] for s in spans]


@pytest.mark.parametrize(
    ("text", "content", "family"),
    [
        ('박 대표는 "좋은 날이다"고 말했다.', "좋은 날이다", Family.DOUBLE),
        ("그는 “비가 온다”며 웃었다.", "비가 온다", Family.DOUBLE),
        ("그 가게는 '동네 사랑방'으로 불린다.", "동네 사랑방", Family.SINGLE),
        ("「바람의 노래」를 읽었다.", "바람의 노래", Family.CORNER),
        ("『작은 섬』이 출간됐다.", "작은 섬", Family.WHITE_CORNER),
    ],
)
def test_pairs_each_family(text: str, content: str, family: Family) -> None:
    spans, problems = find_spans(text)
    assert [(text[s.content_start : s.content_end], s.family, s.depth) for s in spans] == [(content, family, 0)]
    assert problems == []


def test_single_inside_double_is_nested() -> None:
    text = "그는 “모두가 ‘괜찮다’고 했다”고 전했다."
    spans, _ = find_spans(text)
    assert [(text[s.content_start : s.content_end], s.depth) for s in spans] == [
        ("모두가 ‘괜찮다’고 했다", 0),
        ("괜찮다", 1),
    ]


def test_two_quotes_in_one_sentence_pair_in_order() -> None:
    assert _contents('그는 "하나"라며 "둘"이라고 했다.') == ["하나", "둘"]


@pytest.mark.parametrize("text", ["McDonald's 매장이 늘었다.", "'90s 음악이 다시 뜬다."])
def test_apostrophe_is_not_a_mark(text: str) -> None:
    assert find_spans(text) == ([], [])


def test_reversed_curly_marks_are_read_by_context() -> None:
    text = "그는 ”좋다“고 말했다."
    spans, _ = find_spans(text)
    assert [(s.open, s.close) for s in spans] == [(3, 6)]


def test_unclosed_mark_runs_to_end_of_line_and_is_reported() -> None:
    text = '그는 "끝나지 않은 말\n다음 문단이다.'
    spans, problems = find_spans(text)
    assert len(spans) == 1
    assert spans[0].close is None
    assert text[spans[0].content_start : spans[0].content_end] == "끝나지 않은 말"
    assert problems == [(3, "unclosed_mark")]


def test_stray_closing_mark_is_reported() -> None:
    spans, problems = find_spans("좋다” 하고 그는 떠났다.")
    assert spans == []
    assert [code for _, code in problems] == ["stray_mark"]


def test_mismatched_families_on_one_line_pair_and_are_flagged() -> None:
    text = "그는 '이상한 표시\" 라고 했다."
    spans, problems = find_spans(text)
    assert [(s.content_start, s.close, s.mismatched) for s in spans] == [(4, 10, True)]
    assert (3, "mismatched_marks") in problems


def test_marks_do_not_pair_across_many_line_breaks() -> None:
    text = '"첫 줄\n\n\n\n한참 뒤"라고 했다.'
    spans, _ = find_spans(text)
    assert all(s.open != 0 or s.close is None for s in spans)
