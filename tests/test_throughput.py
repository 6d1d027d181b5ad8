"""The fast path equals the exhaustive reference; batch and parallel APIs (no timings here).

Speed is measured by ``bench/bench_throughput.py``, never asserted in tests.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

import quotes
from helpers import GOLDEN, load_cases
from quotes import Extractor
from quotes._morphology import Analyser
from quotes.config import ALL_KINDS

DEMO = (resources.files("quotes") / "data" / "demo_article.txt").read_text(encoding="utf-8")
GOLD_SETS = sorted(p.stem for p in Path(GOLDEN).glob("*.jsonl"))


@pytest.fixture(scope="module")
def reference(extractor: Extractor) -> Extractor:
    """The exhaustive mode, all kinds on, sharing the session's Kiwi."""
    return Extractor(exhaustive=True, kinds=ALL_KINDS, kiwi=extractor.kiwi)


@pytest.fixture(scope="module")
def fast(extractor: Extractor) -> Extractor:
    return Extractor(kinds=ALL_KINDS, kiwi=extractor.kiwi)


@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_fast_path_equals_exhaustive_mode_on_every_gold_set(
    gold_set: str, fast: Extractor, reference: Extractor
) -> None:
    texts = [case["text"] for case in load_cases(gold_set)]
    assert texts
    differing = [t[:60] for t in texts if fast.analyze(t) != reference.analyze(t)]
    assert differing == []


def test_fast_path_equals_exhaustive_mode_on_long_and_noisy_text(fast: Extractor, reference: Extractor) -> None:
    text = "\r\n".join([DEMO, "Curl error 28: timeout", DEMO.replace('"', "&quot;"), "\u201c끝나지 않은 인용"]) * 2
    assert fast.analyze(text) == reference.analyze(text)


#: A name the analyser reads as a verb (박용/하/는) when the quote after it loses its first words.
NAME_BEFORE_A_MASKED_QUOTE = [
    "이수진은 “요즘 관객은 배우보다 이야기를 먼저 본다는 생각이 든다”고 밝혔으며 "
    "박용하는 “새로운 무대에서 처음부터 다시 배우는 마음으로 연기하는 점이 비슷하다”고 설명했다.",
    "한지민은 “촬영장은 늘 긴장되지만 동료들 덕분에 버틸 수 있었던 것 같다”고 밝혔으며 "
    "박용하는 “하루하루 조금씩 나아지는 모습을 보여 드리는 점이 비슷하다”고 덧붙였다.",
    "김하나는 “음악은 결국 사람을 위로하는 일이라고 생각한다”고 말했으며 "
    "박용하는 “관객 앞에 서는 순간이 가장 두렵고도 설레는 점이 비슷하다”고 말했다.",
]


@pytest.mark.parametrize("text", NAME_BEFORE_A_MASKED_QUOTE)
def test_a_masked_quote_keeps_its_first_word_for_the_name_before_it(
    text: str, fast: Extractor, reference: Extractor
) -> None:
    found = fast.analyze(text)
    assert found == reference.analyze(text)
    assert [q.speaker.name if q.speaker else None for q in found.quotes][-1] == "박용하"


#: A temporal or serial verb right before the next quote: the words read must stay outside it.
VERB_BEFORE_A_QUOTE = [
    '김 대표는 기자들이 "왜 그랬냐"고 물어 "생각해 보니 내가 틀린 것 같다"고 답했다.',
    '박 장관은 한 기자가 "왜 그랬냐"고 말해 "들어 보니 정말 맞는 말이라고 생각한다"고 답했다.',
    '박 장관은 의원들이 "왜 늦었냐"고 따져 묻자 "그동안 사정이 여러 가지로 있었다"고 답했다.',
]


@pytest.mark.parametrize("text", VERB_BEFORE_A_QUOTE)
def test_the_temporal_clause_rule_reads_no_word_of_the_next_quote(
    text: str, fast: Extractor, reference: Extractor
) -> None:
    assert fast.analyze(text) == reference.analyze(text)


class _Counting(Analyser):
    """The real analyser, counting the characters it is given."""

    def __init__(self, kiwi: object) -> None:
        super().__init__(kiwi)  # type: ignore[arg-type]
        self.chars = 0

    def tokenize(self, text: str) -> tuple:  # type: ignore[type-arg]
        self.chars += len(text)
        return super().tokenize(text)


def test_fast_path_analyses_less_than_the_whole_text(extractor: Extractor) -> None:
    lead = ("반도체가", "자동차가", "선박이", "석유화학이", "철강이")
    before, after = (
        "".join(
            f"{y}년 {m}월 수출은 전년보다 {m}.2% 늘었다. {w} {y}년의 증가세를 이끌었다.\n\n"
            for m, w in enumerate(lead, 1)
        )
        for y in (2025, 2026)
    )
    long_quote = '정하늘 대표는 "우리는 내년 상반기까지 새 공장을 짓고 생산량을 두 배로 늘리겠다"고 말했다.\n\n'
    text = before + long_quote + after
    counts = {}
    for exhaustive in (False, True):
        ex = Extractor(exhaustive=exhaustive)
        ex._analyser = _Counting(extractor.kiwi)  # the real Kiwi behind a counter
        found = ex.extract(text)
        assert [(q.speaker.name if q.speaker else None, q.cue.text if q.cue else None) for q in found] == [
            ("정하늘", "말했다")
        ]
        counts[exhaustive] = ex._analyser.chars
    assert counts[True] >= len(text.replace("\n", "")) * 0.9
    # Only the speech sentence is analysed, and not the middle of its quote.
    assert counts[False] < len(long_quote) * 0.75


def test_analyze_many_streams_in_order(extractor: Extractor) -> None:
    texts = [DEMO, "", '한 관계자는 "검토 중"이라고 전했다.', "인용 없는 문장."]
    assert list(extractor.analyze_many(texts)) == [extractor.analyze(t) for t in texts]
    assert [len(q) for q in extractor.extract_many(iter(texts))] == [len(extractor.extract(t)) for t in texts]


def test_analyze_many_is_lazy(extractor: Extractor) -> None:
    taken: list[int] = []

    def source() -> Iterator[str]:
        for i in itertools.count():
            taken.append(i)
            yield f'{i}번째 기사에서 김 대표는 "좋다"고 말했다.'

    first = list(itertools.islice(extractor.extract_many(source()), 3))
    assert len(first) == 3
    assert len(taken) == 3


def test_two_worker_processes_give_the_same_results_in_order() -> None:
    cases = [case["text"] for case in load_cases("direct")[:40]] + [DEMO] * 3
    ex = Extractor()
    expected = [quotes.analyze(t) for t in cases]
    got = list(ex.analyze_many(iter(cases), workers=2, chunk_size=4))
    assert got == expected


def test_a_bad_text_raises_at_its_position_in_workers() -> None:
    out = Extractor().analyze_many(["가나다", 42, "라마바"], workers=2, chunk_size=1)  # type: ignore[list-item]
    assert next(out) == quotes.analyze("가나다")
    with pytest.raises(TypeError, match="needs a str"):
        next(out)


@pytest.mark.parametrize(
    ("bad", "error"), [(0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError), ("2", TypeError)]
)
def test_workers_and_chunk_size_are_checked(extractor: Extractor, bad: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="workers must be"):
        list(extractor.analyze_many(["가"], workers=bad))  # type: ignore[arg-type]
    with pytest.raises(error, match="chunk_size must be"):
        list(extractor.analyze_many(["가"], chunk_size=bad))  # type: ignore[arg-type]


def test_workers_need_an_extractor_built_from_a_config(extractor: Extractor) -> None:
    own = Extractor(kiwi=extractor.kiwi)
    with pytest.raises(ValueError, match="built from a Config"):
        list(own.analyze_many(["가"], workers=2))


class _CountingKiwi:
    """The real Kiwi, counting the strings it analyses."""

    def __init__(self, kiwi: object) -> None:
        self.kiwi = kiwi
        self.texts: list[str] = []

    def tokenize(self, text: str) -> object:
        self.texts.append(text)
        return self.kiwi.tokenize(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "line",
    [
        '한빛시 박서연 시장은 "다리 공사는 내년 봄에 끝난다"고 밝혔다.',
        "김도윤 감독은 경기 뒤 선수들이 끝까지 잘 버텼다며 웃었다.",
    ],
)
def test_a_line_repeated_in_a_document_is_analysed_once(line: str, extractor: Extractor) -> None:
    counting = _CountingKiwi(extractor.kiwi)
    ex = Extractor()
    ex._analyser = Analyser(counting)  # type: ignore[arg-type]
    text = f"{line}\n\n사진은 행사 모습.\n\n{line}"  # a crawled page that repeats its lead
    found = ex.analyze(text)
    assert found == extractor.analyze(text)
    assert len(found.quotes) == 2
    first = list(counting.texts)
    assert first and len(first) == len(set(first))  # the repeated line reached Kiwi once
    ex.analyze(text)  # nothing is kept from one document to the next
    assert counting.texts == first + first
