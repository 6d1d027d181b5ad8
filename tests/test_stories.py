"""Several articles in one text: where stories begin, and no speaker leaks between them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import quotes
from quotes._cues import Grammar
from quotes._lexicon import default_lexicon
from quotes._stories import story_starts

sys.path.insert(0, str(Path(__file__).parent / "data"))
from stories import ARTICLES, EXPECTED, long_document

GRAMMAR = Grammar(default_lexicon())


def starts(text: str) -> list[int]:
    return story_starts(text, GRAMMAR.byline, GRAMMAR.closing_byline)


def test_one_article_is_one_story_even_with_a_summary_before_its_byline() -> None:
    text = (
        '박서윤 시장이 "다리를 새로 놓겠다"고 말했다.\n'
        '박서윤 시장 "다리 새로 놓겠다"\n'
        "[한빛일보=윤서진 기자] 박 시장은 3일 기자회견을 열었다.\n"
    )
    assert starts(text) == [0]


def test_a_closing_byline_ends_a_story() -> None:
    first = '김 대표는 "좋다"고 말했다.\n윤서진 기자 sjyoon@hanbit.example\n'
    second = '이 감독은 "이긴다"고 말했다.\n'
    assert starts(first + "\n" + second) == [0, len(first) + 1]
    assert starts(first) == [0]  # nothing after it: no new story


def test_a_second_lead_byline_starts_a_story_with_its_headline() -> None:
    first = "[한빛일보=윤서진 기자] 시장이 바뀌었다.\n"
    headline = "새 시장 첫 출근\n\n"
    second = "[한빛일보=정하람 기자] 새 시장이 첫 출근을 했다.\n"
    assert starts(first + headline + second) == [0, len(first)]
    # a finished sentence before the byline is the previous story's, not a headline
    assert starts(first + "그는 웃었다.\n" + second) == [0, len(first) + len("그는 웃었다.\n")]


def test_the_headline_walk_stops_at_a_closing_byline_and_a_quoted_sentence() -> None:
    first = "[한빛일보=윤서진 기자] 시장이 바뀌었다.\n"
    quoted = '"새 시장은 잘할 것이다."\n'
    byline = "윤서진 기자\n"
    second = "새 시장 첫 출근\n[한빛일보=정하람 기자] 새 시장이 첫 출근을 했다.\n"
    # the quoted sentence ends with a full stop inside its marks: not a headline
    assert starts(first + quoted + second) == [0, len(first + quoted)]
    # the closing byline ends the first story; the headline after it opens the next
    assert starts(first + quoted + byline + second) == [0, len(first + quoted + byline)]


@pytest.mark.parametrize("k", range(len(ARTICLES)))
def test_each_article_alone(k: int) -> None:
    got = {q.text: (q.speaker.name if q.speaker else None) for q in quotes.extract(ARTICLES[k])}
    for text, name in EXPECTED[k].items():
        assert got.get(text, "missing") == name, text


def test_a_long_document_keeps_each_articles_speakers_apart() -> None:
    text, spans = long_document(300)
    assert text.count("\n") >= 300
    analysis = quotes.analyze(text)
    checked = 0
    for q in analysis.quotes:
        k = next(i for i, (a, b) in enumerate(spans) if a <= q.start < b)
        a, b = spans[k]
        expected = EXPECTED[k % len(ARTICLES)]
        if q.text in expected:
            assert (q.speaker.name if q.speaker else None) == expected[q.text], (k, q.text)
            checked += 1
        if q.speaker is not None:
            assert a <= q.speaker.start < b, (k, q.text)  # the speaker is written in this article
            if q.speaker.antecedent is not None:
                assert a <= q.speaker.antecedent.start < b, (k, q.text)
    assert checked == sum(len(EXPECTED[k % len(ARTICLES)]) for k in range(len(spans)))
