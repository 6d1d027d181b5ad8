"""Stage `_sentences`: sentence and paragraph boundaries over the cleaned text."""

from __future__ import annotations

import itertools

from quotes._marks import find_spans
from quotes._sentences import split


def _sentences(text: str) -> list[str]:
    spans, _ = find_spans(text)
    return [text[s.start : s.end] for s in split(text, spans)]


def test_splits_after_final_punctuation() -> None:
    assert _sentences("비가 왔다. 바람도 불었다! 괜찮을까?") == ["비가 왔다.", "바람도 불었다!", "괜찮을까?"]


def test_splits_when_the_space_after_the_period_is_lost() -> None:
    assert _sentences("회의가 끝났다.한빛전자는 새 공장을 짓는다.") == [
        "회의가 끝났다.",
        "한빛전자는 새 공장을 짓는다.",
    ]


def test_decimal_point_and_latin_initials_do_not_split() -> None:
    assert _sentences("성장률은 2.5%였다.") == ["성장률은 2.5%였다."]
    assert _sentences("U.S. 정부가 발표했다.") == ["U.S. 정부가 발표했다."]


def test_never_ends_inside_a_quote_glued_to_a_particle() -> None:
    text = '그는 "오늘은 쉰다. 내일 보자."라고 말했다. 다들 웃었다.'
    assert _sentences(text) == ['그는 "오늘은 쉰다. 내일 보자."라고 말했다.', "다들 웃었다."]


def test_a_quote_ending_in_a_period_ends_its_sentence() -> None:
    text = '"이제 시작이다." 김 대표의 말이다.'
    assert _sentences(text) == ['"이제 시작이다."', "김 대표의 말이다."]


def test_paragraphs_count_line_breaks() -> None:
    text = "첫 문장이다. 둘째 문장이다.\n새 문단이다.\n\n또 다른 문단이다."
    spans, _ = find_spans(text)
    assert [s.paragraph for s in split(text, spans)] == [0, 0, 1, 2]


def test_a_line_ending_in_a_particle_runs_on() -> None:
    text = "지역 국립대 교수가\n학생들의 의견을 들었다."
    assert _sentences(text) == [text]


def test_sentences_are_trimmed_and_ordered() -> None:
    text = "  앞에 공백.   뒤에도 공백.  "
    spans, _ = find_spans(text)
    out = split(text, spans)
    assert [text[s.start : s.end] for s in out] == ["앞에 공백.", "뒤에도 공백."]
    assert all(a.end <= b.start for a, b in itertools.pairwise(out))


def test_a_run_on_text_is_cut_into_bounded_pieces() -> None:
    text = ", ".join(["아주 긴 목록의 항목"] * 300)
    spans, _ = find_spans(text)
    out = split(text, spans)
    assert len(out) > 1
    assert all(s.end - s.start <= 1500 for s in out)
