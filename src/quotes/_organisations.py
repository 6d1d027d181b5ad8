"""Organisations: the full name a short form in the text stands for.

Contract: :func:`full_name` takes a one-word organisation name at an offset and
returns the full name written before it in the document, with its span and the
rule: the short form glossed in parentheses (``한국토지주택공사(LH)``:
``coref.org-alias``), a longer name holding its letters in order and starting with
the same one (``현대차`` after ``현대자동차``: ``coref.org-short``), or a longer name
ending with it (``중앙통신`` after ``조선중앙통신``: ``coref.org-tail``) -- only when one
such name is written, within :data:`ORG_WINDOW` characters.  A stand-in
(``소속사``, a ``stand_in_agency`` row) takes the one agency named before it
(``가온엔터테인먼트``: a word ending in an ``agency_suffix`` row; ``coref.org-stand-in``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ._document import Doc
from ._lexicon import Lexicon
from ._mention_words import mention_words
from ._mentions import Parts
from .records import SpeakerKind

__all__ = ["ORG_WINDOW", "full_name"]

ORG_WINDOW = 5000
GLOSS_TAIL = regex.compile(r"\(.*$")
LETTERS = regex.compile(r"[\p{Hangul}A-Za-z]+")
HAN_PREFIX = regex.compile(r"\p{Han}(?=\p{Hangul})")


class _WordStart:
    """Find the words that start with a given character (compiled once per character)."""

    def __init__(self) -> None:
        self._cache: dict[str, regex.Pattern[str]] = {}

    def finditer(self, text: str, first: str) -> Iterator[regex.Match[str]]:
        pat = self._cache.get(first)
        if pat is None:
            pat = self._cache[first] = regex.compile(r"(?<!\S)" + regex.escape(first) + r"\S*")
        return pat.finditer(text)


WORD_START = _WordStart()
ALIAS = regex.compile(r"(?P<full>\p{Hangul}[\p{Hangul}\w·]{2,30})\((?P<short>[\p{Hangul}A-Za-z&]{2,10})\)")


def full_name(doc: Doc, start: int, short: str | None, lex: Lexicon) -> tuple[str, int, int, str] | None:
    """The full name a short organisation name at ``start`` stands for: ``(name, start, end, rule)``."""
    if not short or " " in short:
        return None
    offset = max(0, start - ORG_WINDOW, doc.story_start(start))  # never from an earlier story
    before = doc.text[offset:start]  # a window keeps long input linear
    if short in lex.words.get("stand_in_agency", {}):
        return _stand_in(before, offset, lex)
    for m in ALIAS.finditer(before):
        if m.group("short") == short:
            return (m.group("full"), offset + m.start("full"), offset + m.end("full"), "coref.org-alias")
    found: dict[str, tuple[int, int]] = {}
    name_tail = mention_words(lex).name_tail  # 현대자동차는 -> 현대자동차
    for m in WORD_START.finditer(before, short[0]):
        word = name_tail.sub("", GLOSS_TAIL.sub("", m.group()))
        if len(word) > len(short) and _subsequence(short, word) and LETTERS.fullmatch(word):
            found.setdefault(word, (offset + m.start(), offset + m.start() + len(word)))
    if len(found) == 1:
        ((full, (a, b)),) = found.items()
        return (full, a, b, "coref.org-short")
    if found or (len(short) < 3 and short not in lex.words.get("org_suffix", {})):
        return None  # (통신 after 조선중앙통신: a two-syllable short form only when it is an organisation suffix)
    # 중앙통신 after 조선중앙통신: the short form is the tail of one name written before
    # (a hanja country glued in front is no part of the name: 中신화통신 -> 신화통신)
    for m in regex.finditer(r"(?<!\S)\S+?" + regex.escape(short), before):
        word, a = m.group(), m.start()
        if HAN_PREFIX.match(word):
            word, a = word[1:], a + 1
        if LETTERS.fullmatch(word) and len(word) > len(short):
            found.setdefault(word, (offset + a, offset + m.end()))
    if len(found) == 1:
        ((full, (a, b)),) = found.items()
        return (full, a, b, "coref.org-tail")
    return None


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def _stand_in(before: str, offset: int, lex: Lexicon) -> tuple[str, int, int, str] | None:
    """``소속사 측`` -> the one agency named before it (a word ending in an ``agency_suffix`` row)."""
    mw = mention_words(lex)
    found: dict[str, tuple[int, int]] = {}
    for m in mw.agency.finditer(before):
        word = mw.name_tail.sub("", m.group())
        if word not in mw.agency_suffixes:
            found.setdefault(word, (offset + m.start(), offset + m.start() + len(word)))
    if len(found) != 1:
        return None
    ((full, (a, b)),) = found.items()
    return (full, a, b, "coref.org-stand-in")


def org_short(text: str, parts: Parts, lex: Lexicon) -> str | None:
    """The short name to look up: an organisation's name, or a collective that is an organisation
    suffix on its own (``노조는`` after ``가온자동차노조``)."""
    if parts.kind == SpeakerKind.ORGANISATION:
        return parts.name
    word = text.strip()
    return word if parts.kind == SpeakerKind.COLLECTIVE and word in lex.words.get("org_suffix", {}) else None
