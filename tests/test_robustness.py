"""Hostile and crawled input: regressions from fuzzing, the long-input limits, blocks.

Times are never asserted here (see ``bench/bench_adversarial.py``); these tests
check that hostile input gives complete, well-placed records.
"""

from __future__ import annotations

import itertools
from importlib import resources

import pytest

import quotes
from quotes import ConfigError, Extractor
from quotes._marks import find_spans
from quotes._pipeline import blocks
from quotes._sentences import MAX_SENTENCE_CHARS, split

DEMO = (resources.files("quotes") / "data" / "demo_article.txt").read_text(encoding="utf-8")


def _slices_back(text: str, a: quotes.Analysis) -> None:
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text
    for p in a.problems:
        assert 0 <= p.start <= p.end <= len(text)


def test_fuzz_crash_lone_surrogate_before_a_combining_mark(extractor: Extractor) -> None:
    # atheris found it: \X took the surrogate into a "combining cluster" and Kiwi got it.
    text = '\udddd\u1ddd가 "좋다"고 말했다'
    a = extractor.analyze(text)
    assert [q.text for q in a.quotes] == ["좋다"]
    _slices_back(text, a)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 20_000,
        "\u201c" * 20_000,
        "\u201c\u2018\u300c\u300e" * 2_500 + "\u300f\u300d\u2019\u201d" * 2_500,
        "".join(DEMO.split())[:20_000],
        ('윤소라 장관은 "예산을 늘리겠다"고 밝혔고 ' * 800),
        (DEMO.replace("\n", "\r\n").replace('"', "&quot;") + "&nbsp;<br>\r\n") * 3,
    ],
    ids=["straight-quotes", "unclosed-curly", "nested-marks", "no-spaces", "one-sentence", "crlf-entities"],
)
def test_hostile_input_gives_well_placed_records(extractor: Extractor, text: str) -> None:
    _slices_back(text, extractor.analyze(text))


def test_one_long_sentence_keeps_every_quote(extractor: Extractor) -> None:
    text = '윤소라 장관은 "예산을 늘리겠다"고 밝혔고 ' * 300  # ~8,000 chars, no full stop
    found = extractor.extract(text)
    assert len(found) == 300
    assert all(q.speaker is not None and q.speaker.name == "윤소라" for q in found)


def test_long_sentences_are_cut_outside_quotes() -> None:
    text = '한 관계자는 "' + "가" * 3000 + '"라고 말했고 ' + "나다 " * 2000
    spans, _ = find_spans(text)
    pieces = [(s.start, s.end) for s in split(text, spans)]
    quote = spans[0]
    assert any(a <= quote.open and quote.close is not None and quote.close < b for a, b in pieces)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in pieces if b <= quote.open or a > quote.close)


def test_blocks_cut_at_blank_lines_and_cover_the_text() -> None:
    text = (DEMO + "\n\n") * 5
    cuts = blocks(text, 3000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(cuts))
    assert all(b - a <= 3000 for a, b in cuts)
    assert all(text[b - 2 : b] == "\n\n" for _, b in cuts[:-1])
    assert blocks("가" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert blocks("가" * 999 + "\r\n", 1000) == [(0, 999), (999, 1001)]


def test_a_long_text_in_blocks_gives_the_same_records() -> None:
    text = (DEMO + "\n\n") * 4
    whole = Extractor(block_chars=10**9).analyze(text)
    in_blocks = Extractor(block_chars=len(DEMO) + 10).analyze(text)
    assert in_blocks == whole
    _slices_back(text, in_blocks)


def test_block_chars_is_checked() -> None:
    with pytest.raises(ConfigError, match="block_chars"):
        Extractor(block_chars=10)


def test_max_chars_refuses_with_a_clear_error() -> None:
    with pytest.raises(ValueError, match="max_chars=100"):
        Extractor(max_chars=100).extract("가" * 101)
