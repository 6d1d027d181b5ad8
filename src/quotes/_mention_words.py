"""The word classes that mentions and phrases read, gathered once per lexicon.

Contract: :func:`mention_words` returns the :class:`MentionWords` of a
lexicon: the unions of classes and the patterns built from the rows of
``mention_words.tsv`` (computed on first use and kept while the lexicon
lives); :func:`kind_words` gives one class as a mapping word -> row.  A
``given_syllable`` or ``foreign_syllable`` row lists many syllables in its
``word``; the class is the union of the syllables of its rows.  Used by
:mod:`quotes._mentions`, :mod:`quotes._phrases` and :mod:`quotes._coreference`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs
import regex

from ._lexicon import Lexicon, Row

__all__ = ["MentionWords", "kind_words", "mention_words"]


def _kind(lex: Lexicon, *kinds: str) -> frozenset[str]:
    return frozenset(w for k in kinds for w in lex.words.get(k, {}))


def _alternatives(words: Iterable[str]) -> str:
    alts = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in alts) or "(?!)"


_NO_WORDS: Mapping[str, Row] = MappingProxyType({})


def kind_words(lex: Lexicon, kind: str) -> Mapping[str, Row]:
    """The words of class ``kind`` (word -> row; empty if the class has no rows)."""
    return lex.words.get(kind, _NO_WORDS)


def _syllables(lex: Lexicon, kind: str) -> frozenset[str]:
    return frozenset(ch for word in lex.words.get(kind, {}) for ch in word)


@attrs.frozen
class MentionWords:
    """The word classes of ``mention_words.tsv``, gathered once per lexicon (see :func:`mention_words`)."""

    np_determiners: frozenset[str]  # former + np_determiner: may open a noun phrase
    anonymous_markers: frozenset[str]  # anonymous_determiner + anonymous_prefix
    anaphoric: tuple[str, ...]  # "이 ", "해당 " …: a mention opened by one of them
    sides: tuple[str, ...]
    given_syllables: frozenset[str]
    collective_suffixes: tuple[str, ...]
    foreign: regex.Pattern[str]
    ordinal: regex.Pattern[str]
    anonymised: regex.Pattern[str]
    attached: regex.Pattern[str]
    name_tail: regex.Pattern[str]


def _gather(lex: Lexicon) -> MentionWords:
    foreign = "".join(sorted(_syllables(lex, "foreign_syllable")))
    return MentionWords(
        np_determiners=_kind(lex, "former", "np_determiner"),
        anonymous_markers=_kind(lex, "anonymous_determiner", "anonymous_prefix"),
        anaphoric=tuple(sorted(w + " " for w in _kind(lex, "anaphoric_determiner"))),
        sides=tuple(sorted(_kind(lex, "side_noun"))),
        given_syllables=_syllables(lex, "given_syllable"),
        collective_suffixes=tuple(sorted(_kind(lex, "collective_suffix"))),
        foreign=regex.compile(f"[{regex.escape(foreign)}]" if foreign else "(?!)"),
        ordinal=regex.compile(rf"^(?:{_alternatives(_kind(lex, 'ordinal_prefix'))})?\d{{1,2}}(?=\p{{Hangul}})"),
        anonymised=regex.compile(rf"^(?:[A-Z]|\p{{Hangul}})(?:{_alternatives(_kind(lex, 'anonymised_suffix'))})?$"),
        attached=regex.compile(rf"^(?P<stem>.+?)(?P<suffix>{_alternatives(_kind(lex, 'honorific', 'side_noun'))})$"),
        name_tail=regex.compile(rf"(?:{_alternatives(_kind(lex, 'name_tail'))})$"),
    )


_GATHERED: dict[int, tuple[weakref.ref[Lexicon], MentionWords]] = {}


def mention_words(lex: Lexicon) -> MentionWords:
    """The mention word classes of ``lex`` (computed on first use, kept while ``lex`` lives)."""
    key = id(lex)
    hit = _GATHERED.get(key)
    if hit is not None and hit[0]() is lex:
        return hit[1]

    def forget(ref: weakref.ref[Lexicon]) -> None:
        if _GATHERED.get(key, (None,))[0] is ref:
            del _GATHERED[key]

    gathered = _gather(lex)
    _GATHERED[key] = (weakref.ref(lex, forget), gathered)
    return gathered
