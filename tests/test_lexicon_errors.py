"""Every way a user lexicon file can be wrong is a LexiconError with file, line, caret and a remedy (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes
from quotes._lexicon import default_lexicon, load_lexicon
from quotes._lexicon_files import lemma_problem
from quotes.errors import LexiconError

HEADER = "id\tlemma\tcategory\texample\n"
GOOD = 'my-001\t투덜거리다\tneutral\t그는 "또 늦었다"고 투덜거렸다.\n'
SENTENCE = '박 감독은 "오늘도 비가 온다"고 투덜거렸다.'


def write(tmp_path: Path, body: str, name: str = "mine.tsv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def error(paths: object) -> LexiconError:
    with pytest.raises(LexiconError) as info:
        load_lexicon(paths)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize("as_path", [str, Path])
def test_one_path_is_one_file_not_its_characters(tmp_path: Path, as_path: type) -> None:
    path = as_path(write(tmp_path, HEADER + GOOD))
    (q,) = quotes.Extractor(lexicons=path).extract(SENTENCE)
    assert "my-001" in q.rules
    assert quotes.Config(lexicons=path).lexicons == (path,)


def test_a_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    err = error(str(tmp_path / "nope.tsv"))
    assert err.line_no == 0 and "no such file" in str(err) and "nope.tsv" in str(err)
    with pytest.raises(LexiconError, match="is a directory"):
        quotes.Extractor(lexicons=str(tmp_path))


def test_a_file_not_in_utf8_names_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, HEADER + GOOD + 'my-002\t중얼거리다\tneutral\t그는 "추워"라고 중얼거렸다.\n', encoding="cp949"
    )
    err = error([path])
    assert err.line_no == 2 and "not UTF-8" in str(err) and "iconv" in str(err)
    assert err.__cause__ is None and not isinstance(err, UnicodeDecodeError)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff" + HEADER + GOOD)
    assert "투덜거리다" in load_lexicon([path]).predicates


def test_a_header_written_with_spaces_gets_a_hint(tmp_path: Path) -> None:
    err = error([write(tmp_path, "id lemma category example\n" + GOOD)])
    assert err.line_no == 1 and "tabs, not spaces" in str(err)


@pytest.mark.parametrize("odd", ["\u2028", "\x0c", "\x85", "\x00", "\x0b", "\u200f", "\ufe0f", "\r"])
def test_a_separator_or_control_inside_a_field_is_refused_on_its_own_line(tmp_path: Path, odd: str) -> None:
    second = 'my-002\t중얼거리다\tneutral\t그는 "춥다"' + odd + "고 중얼거렸다.\n"
    err = error([write(tmp_path, HEADER + GOOD + second + "my-003\t속삭이다\tneutral\t그는 속삭였다.\n")])
    assert err.line_no == 3, str(err)
    assert f"U+{ord(odd):04X}" in str(err) and "delete it" in str(err)
    assert err.line[err.column] == odd
    assert str(err).splitlines()[-1].strip() == "^"


def test_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path, (HEADER + GOOD).replace("\n", "\r\n"))
    assert load_lexicon([path]).predicates["투덜거리다"].example.endswith("투덜거렸다.")


def test_an_id_used_in_two_user_files_is_refused(tmp_path: Path) -> None:
    a = write(tmp_path, HEADER + GOOD, "a.tsv")
    b = write(tmp_path, HEADER + GOOD.replace("투덜거리다", "중얼거리다"), "b.tsv")
    err = error([a, b])
    assert err.path == str(b) and err.line_no == 2
    assert "duplicate id 'my-001'" in str(err) and f"{a} line 2" in str(err)


def test_an_id_of_a_bundled_row_is_refused(tmp_path: Path) -> None:
    bundled = default_lexicon().rows["predicates"][0]
    err = error([write(tmp_path, HEADER + GOOD.replace("my-001", bundled.id))])
    assert err.line_no == 2 and bundled.source in str(err) and "new id" in str(err)


def test_an_inflected_lemma_is_refused(tmp_path: Path) -> None:
    err = error([write(tmp_path, HEADER + GOOD.replace("투덜거리다", "투덜거렸다"))])
    assert err.line_no == 2 and "dictionary form" in str(err)
    assert err.line[err.column :].startswith("렸다")
    err = error([write(tmp_path, HEADER + GOOD.replace("투덜거리다", "투덜거림"))])
    assert "ending in 다" in str(err)


@pytest.mark.parametrize("lemma", ["말하다", "밝히다", "재미있다", "털어놓다", "다"])
def test_dictionary_forms_pass_the_lemma_check(lemma: str) -> None:
    assert lemma_problem(lemma) is None


@pytest.mark.parametrize("lemma", ["말했다", "밝혔다", "말하겠다", "강조했다", "말씀하셨다", "덧붙였다"])
def test_past_and_future_forms_fail_the_lemma_check(lemma: str) -> None:
    assert lemma_problem(lemma) is not None


def test_the_bundled_lemmas_are_dictionary_forms() -> None:
    assert all(lemma_problem(lemma) is None for lemma in default_lexicon().predicates)


def test_caret_counts_wide_characters_twice(tmp_path: Path) -> None:
    err = error([write(tmp_path, HEADER + 'my-001\t중얼거리다\tpoetry\t그는 "춥다"고 중얼거렸다.\n')])
    shown, caret = str(err).splitlines()[-2:]
    assert caret.index("^") == shown.index("poetry") + len("중얼거리다")  # 5 wide syllables before it
