"""Read a lexicon file's text and check what a row may hold (used by :mod:`quotes._lexicon`).

Contract: every way a table file can be wrong ends in a :class:`quotes.LexiconError`
that names the file, the line (``0`` when the file as a whole is at fault) and the
column, and says what to do; never a bare :class:`OSError` or
:class:`UnicodeDecodeError`.

* The file is read as bytes and decoded as strict UTF-8; a byte that is not
  UTF-8 is reported at its line and column.  One byte-order mark at the start
  is accepted and skipped (editors on Windows write it).
* Lines end at ``\\n`` only (a ``\\r`` before it is dropped): a form feed,
  ``\\x85`` or U+2028 inside a field is not a line break, so the line numbers
  are the ones an editor shows.  Such characters, and every other control
  (NUL included), invisible format character (zero-width, bidi marks, a BOM
  inside the file) and variation selector, are refused inside a row: a row is
  one line of tab-separated plain text.
* A predicate lemma is a dictionary form: it ends in the syllable DA (U+B2E4),
  and the syllable before it does not carry the final SSANGSIOS (U+11BB) of the
  past and future endings (``-eot-da``, ``-at-da``, ``-haet-da``, ``-get-da``
  ...), which Kiwi never gives as a lemma, so such a row would match nothing.
  The verb ``iss-da`` (to be, U+C788 U+B2E4) and its compounds are the one
  exception.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Collection
from pathlib import Path

import regex

from .errors import LexiconError

__all__ = ["check_chars", "decode", "header_hint", "lemma_problem", "lines", "read"]

#: What a field may not hold: C0 controls but the tab, DEL and the C1 controls, line and
#: paragraph separators, format characters (category Cf) and variation selectors.
BAD_CHAR = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}\ufe00-\ufe0f]")
#: The syllables a lemma check reads, written by code point (no Hangul literal in code).
DA = chr(0xB2E4)
ISS = chr(0xC788)
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
#: Index of the final consonant SSANGSIOS among the 28 finals of a syllable block.
FINAL_SSANGSIOS = 20


def read(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Return ``(name, text)`` of the lexicon file at ``path``.

    Raises:
        LexiconError: the file cannot be read or is not UTF-8.
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        where = name if os.path.isabs(name) else f"{name} (relative to {os.getcwd()})"
        raise LexiconError(name, 0, "", 0, f"no such file: {where}; check the path") from None
    except IsADirectoryError:
        raise LexiconError(name, 0, "", 0, "is a directory: pass the path of a .tsv file") from None
    except OSError as exc:
        raise LexiconError(name, 0, "", 0, f"cannot read the file ({exc.strerror}): check its permissions") from None
    return name, decode(data, name)


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` as strict UTF-8, without a leading byte-order mark.

    >>> decode(b"\\xef\\xbb\\xbfid", "x.tsv")
    'id'
    >>> decode(b"id\\nmy-001\\t\\xff", "x.tsv")
    Traceback (most recent call last):
    ...
    quotes.errors.LexiconError: x.tsv:2: not UTF-8 (byte 0xff): save the file as UTF-8 (e.g. iconv -f cp949 -t utf-8)
    ...
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = data.rfind(b"\n", 0, exc.start) + 1
        last = data.find(b"\n", exc.start)
        line = data[first : len(data) if last < 0 else last].decode("utf-8", "replace").rstrip("\r")
        column = len(data[first : exc.start].decode("utf-8", "replace"))
        reason = f"not UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8 (e.g. iconv -f cp949 -t utf-8)"
        raise LexiconError(source, data.count(b"\n", 0, exc.start) + 1, line, column, reason) from None
    return text.removeprefix("\ufeff")


def lines(text: str) -> list[str]:
    r"""Split ``text`` at ``\n`` only, dropping a ``\r`` before it and the empty tail.

    >>> lines("a\tb\r\nc\x0cd\n")
    ['a\tb', 'c\x0cd']
    """
    out = [line.removesuffix("\r") for line in text.split("\n")]
    if out and not out[-1]:
        out.pop()
    return out


def check_chars(source: str, line_no: int, line: str) -> None:
    """Refuse a control, separator or invisible character in ``line`` (see the module docs)."""
    m = BAD_CHAR.search(line)
    if m is None:
        return
    ch = m.group()
    name = unicodedata.name(ch, "a control character")
    raise LexiconError(
        source,
        line_no,
        line,
        m.start(),
        f"U+{ord(ch):04X} ({name}) inside a row: delete it; a row is one line of tab-separated plain text",
    )


def header_hint(header: str, headers: Collection[tuple[str, ...]]) -> str:
    """The message for an unknown ``header`` line, with a hint when it is nearly one of ``headers``.

    >>> header_hint("id word kind example", [("id", "word", "kind", "example")])[:64]
    'unknown header (separate the columns with tabs, not spaces); the'
    """
    known = "; ".join("\\t".join(h) for h in headers)
    words = tuple(header.lower().split())
    if words in headers and "\t" not in header.strip():
        hint = " (separate the columns with tabs, not spaces)"
    elif words in headers:
        hint = " (write the column names in lower case, one tab between them)"
    else:
        hint = ""
    return f"unknown header{hint}; the first line must be one of: {known}"


def lemma_problem(lemma: str) -> tuple[int, str] | None:
    """``(column in lemma, reason)`` when ``lemma`` is not a dictionary form, else ``None``.

    >>> lemma_problem(chr(0xB9D0) + chr(0xD558) + DA) is None
    True
    >>> lemma_problem(chr(0xB9D0) + chr(0xD558 + FINAL_SSANGSIOS) + DA)[0]
    1
    """
    if not lemma.endswith(DA):
        return len(lemma), f"a predicate lemma is a dictionary form ending in {DA}: write the verb's base form"
    before = lemma[-2:-1]
    if not before or before == ISS or not HANGUL_FIRST <= ord(before) <= HANGUL_LAST:
        return None
    if (ord(before) - HANGUL_FIRST) % 28 != FINAL_SSANGSIOS:
        return None
    return len(lemma) - 2, (
        f"{lemma!r} is conjugated ({lemma[-2:]} is a past or future ending), so it matches nothing: "
        f"write the dictionary form, the stem + {DA}"
    )
