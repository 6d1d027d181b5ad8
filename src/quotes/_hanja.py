"""Hangul readings of hanja, for the analyser's view of hanja-mixed text.

Contract: :func:`read_hanja` returns a string of the same length as its
input in which every hanja character is replaced by its one-syllable Hangul
reading (``李會昌 總裁는`` -> ``이회창 총재는``), so that an offset into the
view is still an offset into the original.  Older news (and hanja-converter
copies of new news) write names, titles and Sino-Korean words in hanja; Kiwi
tags each such run as one foreign symbol (``SH``), so without a reading no
name, title or speech verb in it is recognised.  Read aloud, the text is
ordinary Korean and every rule of the package applies to it unchanged.

* The initial-sound rule (두음법칙) applies to the first character of a word,
  that is one not preceded by a Hangul syllable or another hanja:
  ``李`` -> ``이``, ``盧`` -> ``노``, but ``大統領`` -> ``대통령``.
* A surname read unlike the common word (``金`` 김, not 금; ``沈`` 심; the ``@`` rows
  of the table) is read as the surname when it opens a word of one or three
  hanja, the shapes of a family name alone (``金 대통령``, ``金의장``) and of a full name
  (``金大中``); ``金融`` stays 금융.
* A word of the lexicon written in hanja (``美 국무부``, ``與 대표``, ``前 장관``)
  is kept as written, for its row to match.
* A gloss (hanja in parentheses right after a word, ``김대중(金大中)``) is
  kept as written: the word before it already reads it, and the mention
  rules read glosses as hanja (``mention.hanja-gloss``).

The table (``data/hanja_readings.tsv``) comes from the public-domain (CC0)
Hanja-Hangul table; compatibility ideographs read as their unified form.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import regex

__all__ = ["has_hanja", "read_hanja"]

HAN = regex.compile(r"\p{Han}")
HAN_RUN = regex.compile(r"\p{Han}+")
WORD_CHAR = regex.compile(r"[\p{Hangul}\p{Han}]")
#: The initial-sound rule on the first consonant: ㄹ -> ㄴ before a, ae, o, oe, u, eu; ㄹ/ㄴ -> ㅇ before i, y-.
_Y_VOWELS = frozenset((2, 3, 6, 7, 12, 17, 20))  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


@cache
def _tables() -> tuple[dict[int, str], dict[str, str]]:
    """(reading of each character, surname reading of the characters read otherwise as a surname)."""
    text = (resources.files("quotes") / "data" / "hanja_readings.tsv").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    surnames: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        reading, chars = line.split("\t")
        for c in chars:
            if reading.startswith("@"):
                surnames[c] = reading[1:]
            else:
                table[ord(c)] = reading
    for cp in range(0xF900, 0xFB00):  # compatibility ideographs: read as the unified character
        unified = unicodedata.normalize("NFC", chr(cp))
        if ord(unified) != cp and ord(unified) in table:
            table[cp] = table[ord(unified)]
    return table, surnames


def _initial(syllable: str) -> str:
    """The initial-sound rule on one Hangul syllable (리 -> 이, 로 -> 노, 녀 -> 여)."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return syllable
    lead, vowel, tail = code // 588, (code // 28) % 21, code % 28
    if lead == 5:  # ㄹ
        lead = 11 if vowel in _Y_VOWELS else 2  # ㅇ before i/y-, else ㄴ
    elif lead == 2 and vowel in _Y_VOWELS:  # ㄴ before i/y-
        lead = 11
    return chr(0xAC00 + (lead * 21 + vowel) * 28 + tail)


def has_hanja(text: str) -> bool:
    """Whether ``text`` holds a hanja character."""
    return HAN.search(text) is not None


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not WORD_CHAR.match(text[i - 1])


def _gloss(text: str, i: int) -> bool:
    return i >= 2 and text[i - 1] == "(" and not text[i - 2].isspace()


def read_hanja(text: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with each hanja outside a gloss read in Hangul (same length).

    A run of hanja that is one of the words in ``keep`` stays as written: the
    lexicon's own hanja abbreviations (``美``, ``與``, ``前``), which its rows
    match as they are (read, ``韓`` would be the determiner 한).

    Public as :func:`quotes.hangul_reading`: put a name written in hanja
    (``Speaker.name`` is as written) beside its Hangul spelling.

    >>> read_hanja("李會昌 總裁는 金融 위기에 대해 김대중(金大中) 金 대통령")
    '이회창 총재는 금융 위기에 대해 김대중(金大中) 김 대통령'
    """
    if not has_hanja(text):
        return text
    table, surnames = _tables()
    out: list[str] = []
    pos = 0
    for m in HAN_RUN.finditer(text):
        s, e = m.span()
        if _gloss(text, s) or m.group() in keep:
            continue
        run = m.group()
        read = run.translate(table)
        if len(read) != len(run):  # a reading of several syllables would shift offsets: keep the run
            continue
        if _word_start(text, s):
            first = surnames.get(run[0]) if len(run) in (1, 3) else None
            read = (first or _initial(read[0])) + read[1:]
        out.append(text[pos:s])
        out.append(read)
        pos = e
    out.append(text[pos:])
    return "".join(out)
