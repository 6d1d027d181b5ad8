"""The public API: argument checking, empty input, sharing, configuration."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest
from kiwipiepy import Kiwi

import quotes
from quotes import Config, ConfigError, Extractor


@pytest.mark.parametrize("bad", [b"\xea\xb9\x80", None, 3, ["text"], bytearray(b"x")])
def test_wrong_types_raise_type_error_saying_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="needs a str"):
        quotes.extract(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a str"):
        quotes.analyze(bad)  # type: ignore[arg-type]


def test_bytes_message_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        quotes.extract(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", ["", " ", "\n\n", "\u200b"])
def test_empty_text_gives_nothing(empty: str) -> None:
    assert quotes.extract(empty) == []


def test_import_does_not_build_kiwi() -> None:
    ex = Extractor()
    assert not ex.analyser.loaded


def test_user_kiwi_is_used() -> None:
    kiwi = Kiwi(num_workers=1)
    kiwi.add_user_word("가온누리", "NNP")
    ex = Extractor(kiwi=kiwi)
    (q,) = ex.extract('가온누리 대표는 "함께 가겠다"고 말했다.')
    assert ex.analyser.kiwi is kiwi
    assert q.speaker is not None and q.speaker.name == "가온누리"
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(ex)


def test_extractor_pickles_as_its_configuration() -> None:
    ex = Extractor(Config(include_unclosed=False))
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.config == ex.config
    assert len(pickle.dumps(ex)) < 2000


def test_invalid_configuration_raises_config_error() -> None:
    with pytest.raises(ConfigError):
        Extractor(max_chars=0)
    with pytest.raises(ConfigError, match="unknown option"):
        Extractor(colour="red")
    with pytest.raises(ConfigError):
        Extractor(config="strict")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        Config(exhaustive="yes")  # type: ignore[arg-type]


def test_max_chars_is_a_clear_error_not_a_silent_cut() -> None:
    ex = Extractor(max_chars=10)
    with pytest.raises(ValueError, match="max_chars=10"):
        ex.extract("가" * 11)


def test_exhaustive_mode_gives_the_same_result(extractor: Extractor) -> None:
    text = (Path(quotes.__file__).parent / "data" / "demo_article.txt").read_text(encoding="utf-8")
    assert Extractor(exhaustive=True).analyze(text) == extractor.analyze(text)


def test_shared_extractor_is_thread_safe_and_deterministic(extractor: Extractor) -> None:
    text = (Path(quotes.__file__).parent / "data" / "demo_article.txt").read_text(encoding="utf-8")
    expected = extractor.analyze(text)
    results: list[object] = []

    def work() -> None:
        for _ in range(3):
            results.append(extractor.analyze(text))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 24 and all(r == expected for r in results)


def test_unclosed_quote_is_reported_as_a_problem_not_raised() -> None:
    a = quotes.analyze('김 대표는 "끝까지 가겠다\n다음 문단이다.')
    assert a.problems[0].code == quotes.ProblemCode.UNCLOSED_MARK
    (q,) = a.quotes
    assert q.close_mark is None and q.text == "끝까지 가겠다"


def test_include_unclosed_false_drops_open_quotes() -> None:
    assert Extractor(include_unclosed=False).extract('김 대표는 "끝까지 가겠다') == []


def test_no_speaker_is_a_problem() -> None:
    a = quotes.analyze('"정말 대단한 하루였다."')
    assert a.quotes and a.quotes[0].speaker is None
    assert quotes.ProblemCode.NO_SPEAKER in {p.code for p in a.problems}


def test_large_text_works() -> None:
    unit = '김 대표는 "내년에는 더 잘하겠다"고 말했다. 시장은 조용했다.\n'
    text = unit * 3000  # about 120 k characters
    found = quotes.extract(text)
    assert len(found) == 3000
    assert all(text[q.start : q.end] == q.text for q in found)
