"""The Python surface as a careful user meets it (issue 13): checks at construction, clear errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import quotes
from quotes import Config, ConfigError, Extractor, QuoteKind

SENTENCE = '윤 위원장은 "예산안을 다시 짜겠다"고 말했다.'


class FakeKiwi:
    """Not a Kiwi, but it has what the extractor calls."""

    def tokenize(self, text: object) -> list[object]:
        return []


# --- Config and Extractor construction ---------------------------------------------


@pytest.mark.parametrize("build", [lambda: Config(colour=1), lambda: Config(1)])  # type: ignore[call-arg,misc]
def test_an_unknown_or_positional_config_argument_is_a_config_error(build: object) -> None:
    with pytest.raises(ConfigError, match=r"unknown option|keyword arguments only"):
        build()  # type: ignore[operator]


def test_the_unknown_option_message_lists_the_options() -> None:
    with pytest.raises(ConfigError, match=r"colour.*max_chars"):
        Config(colour="red")  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match="unknown option"):
        Extractor(colour="red")


@pytest.mark.parametrize("kinds", [[], (), frozenset(), set()])
def test_empty_kinds_is_a_config_error(kinds: object) -> None:
    with pytest.raises(ConfigError, match="kinds is empty"):
        Config(kinds=kinds)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="kinds is empty"):
        Extractor(kinds=kinds)


def test_one_kind_is_still_fine() -> None:
    assert Config(kinds="direct").kinds == {QuoteKind.DIRECT}


def test_lexicons_none_means_no_user_lexicon_in_config_and_extractor() -> None:
    assert Config(lexicons=None).lexicons == ()  # type: ignore[arg-type]
    assert Extractor(lexicons=None).config == Config() == Extractor(Config(lexicons=None)).config  # type: ignore[arg-type]


@pytest.mark.parametrize("kiwi", ["x", 3, object(), b"kiwi"])
def test_a_kiwi_without_tokenize_is_refused_at_construction(kiwi: object) -> None:
    with pytest.raises(ConfigError, match=r"kiwi must be a kiwipiepy\.Kiwi"):
        Extractor(kiwi=kiwi)  # type: ignore[arg-type]


def test_an_object_with_tokenize_is_accepted_as_a_kiwi() -> None:
    ex = Extractor(kiwi=FakeKiwi())  # type: ignore[arg-type]
    assert ex.extract("") == []


def test_config_still_pickles_and_evolves() -> None:
    config = Config(max_chars=50, lexicons="x.tsv")
    assert pickle.loads(pickle.dumps(config)) == config
    assert config.lexicons == ("x.tsv",)


def test_a_bytes_lexicon_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="decode a bytes path"):
        Config(lexicons=b"mine.tsv")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="iterable of paths"):
        Config(lexicons=3)  # type: ignore[arg-type]


def test_default_extraction_is_unchanged() -> None:
    (q,) = quotes.extract(SENTENCE)
    assert q.text == "예산안을 다시 짜겠다"


# --- extract_many / analyze_many arguments ---------------------------------------------


@pytest.mark.parametrize("texts", ["abc", SENTENCE, b"abc", bytearray(b"abc")])
@pytest.mark.parametrize("method", ["extract_many", "analyze_many"])
def test_one_str_or_bytes_is_not_an_iterable_of_texts(extractor: Extractor, method: str, texts: object) -> None:
    with pytest.raises(TypeError, match=r"wrap a single text in a list"):
        getattr(extractor, method)(texts)  # raised when called, not at the first next()


@pytest.mark.parametrize("method", ["extract_many", "analyze_many"])
def test_a_non_iterable_is_a_type_error_at_the_call(extractor: Extractor, method: str) -> None:
    with pytest.raises(TypeError, match="iterable of str, not int"):
        getattr(extractor, method)(5)


def test_a_list_with_one_text_still_works(extractor: Extractor) -> None:
    (found,) = extractor.extract_many([SENTENCE])
    assert [q.text for q in found] == ["예산안을 다시 짜겠다"]
    assert [len(a.quotes) for a in extractor.analyze_many(iter([SENTENCE, ""]))] == [1, 0]


# --- short reprs and notebook HTML ---------------------------------------------------

LONG = '강 장관은 "우리는 ' + "이 문제를 끝까지 책임지고 " * 20 + '풀어 가겠다"고 말했다.'


def test_a_quote_repr_is_one_short_readable_line() -> None:
    (q,) = quotes.extract(LONG)
    text = repr(q)
    assert "\n" not in text and len(text) <= 120, text
    assert text.startswith("Quote(direct, ") and f"{q.start}:{q.end}" in text
    assert "'강 장관' \N{LEFTWARDS ARROW} '우리는 이 문제를" in text and "\N{HORIZONTAL ELLIPSIS}" in text
    assert text.endswith(", cue='말했다')")


def test_every_record_repr_is_short() -> None:
    a = quotes.analyze(LONG + '\n\n한 관계자는 "아직 모른다')
    records: list[object] = [a, *a.quotes, *a.problems, *a.entities, *a.not_speech]
    records += [q.speaker for q in a.quotes] + [q.cue for q in a.quotes if q.cue]
    for r in records:
        assert "\n" not in repr(r) and len(repr(r)) <= 120, repr(r)
        assert repr(r).startswith(type(r).__name__ + "(")
    n = (len(a.quotes), len(a.problems), len(a.not_speech), len(a.entities))
    assert repr(a) == "Analysis(quotes={}, problems={}, not_speech={}, entities={})".format(*n)


def test_invisible_characters_are_escaped_in_a_repr() -> None:
    q = quotes.Quote(text="가\u202e나\n", start=0, end=4)
    assert "\\u202e" in repr(q) and "\\n" in repr(q)


def test_repr_html_is_an_escaped_table() -> None:
    q = quotes.Quote(text="<script>alert(1)</script>", start=0, end=25, rules=("a&b",))
    out = q._repr_html_()
    assert out.startswith("<table") and "<script>" not in out
    assert "&lt;script&gt;" in out and "a&amp;b" in out
    a = quotes.analyze(SENTENCE)
    assert a._repr_html_().count("<tr>") == 4 and "Quote(direct" in a._repr_html_()


def test_equality_and_hash_are_unchanged() -> None:
    (q,) = quotes.extract(SENTENCE)
    twin = quotes.Quote.from_dict(q.to_dict())
    assert q == twin and hash(q) == hash(twin) and len({q, twin}) == 1
    assert q != twin.__class__(**{**q.to_dict(), "speaker": None, "cue": None})
