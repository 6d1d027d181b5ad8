"""Pairing of quotation marks (unit tests of the marks stage)."""

from __future__ import annotations

import pytest

from quotes._marks import find_spans


def contents(text: str, depth: int | None = 0) -> list[str]:
    spans, _ = find_spans(text)
    return [text[s.content_start : s.content_end] for s in spans if depth is None or s.depth == depth]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('그는 "가"며 "나"고 했다', ["가", "나"]),
        ("그는 “가”며 ‘나’고 했다", ["가", "나"]),
        ("「가」고 했다", ["가"]),
        ("『가』는 책이다", ["가"]),
        ("＂가＂고 했다", ["가"]),
        ("그는 ”거꾸로?“에서 시작했다", ["거꾸로?"]),  # reversed curly marks, read by context
        ("그는 '섞인 표시.\"라며 웃었다", ["섞인 표시."]),  # mismatched '…"
        ("McDonald's 매장에서 '신메뉴'를 팔았다", ["신메뉴"]),
        ('"지원책 늘려야""예산은 그대로"김 대표가 말했다', ["지원책 늘려야", "예산은 그대로"]),  # "A""B": B opens
        ("“규제 풀어야”“세금은 낮춰야” 박 의원", ["규제 풀어야", "세금은 낮춰야"]),
        ('김 대표는 "좋다""고 말했다', ["좋다"]),  # a doubled closing mark before a particle opens nothing
        ("the '90s 감성의 '레트로'가 돌아왔다", ["레트로"]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_single_inside_double_is_nested() -> None:
    text = "그는 \"한국말에 '말이 많다'는 게 있다\"라며 웃었다"
    assert contents(text) == ["한국말에 '말이 많다'는 게 있다"]
    assert contents(text, depth=1) == ["말이 많다"]


def test_unclosed_mark_ends_at_its_paragraph() -> None:
    text = '김 대표는 "끝까지 가겠다\n둘째 문단에 "새 인용"이 있다.'
    spans, problems = find_spans(text)
    assert [text[s.content_start : s.content_end] for s in spans] == ["끝까지 가겠다", "새 인용"]
    assert "unclosed_mark" in {p[1] for p in problems}


def test_quote_over_a_line_break_closes_in_the_next_line() -> None:
    text = "상인들은 “첫 줄이다.\n둘째 줄이다”라며 웃었다."
    assert contents(text) == ["첫 줄이다.\n둘째 줄이다"]


def test_reopened_quote_on_each_paragraph() -> None:
    text = "“첫 문단의 말이다.\n“둘째 문단의 말이다”라고 말했다."
    assert contents(text) == ["첫 문단의 말이다.", "둘째 문단의 말이다"]


def test_stray_closing_mark_is_reported() -> None:
    _, problems = find_spans("끝났다” 그리고 시작")
    assert problems == [(3, "stray_mark")]


def test_stray_opening_mark_does_not_swallow_the_document() -> None:
    text = "“열린 표시\n" + "다음 문단. " * 50 + "\n“새 인용”이라고 말했다."
    spans, _ = find_spans(text)
    assert all(s.content_end - s.content_start < 20 for s in spans)
