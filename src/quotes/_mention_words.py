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
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs
import regex

from ._lexicon import Lexicon, Row

__all__ = [
    "MentionWords",
    "collective_rule",
    "is_collective",
    "kind_words",
    "mention_words",
    "org_like",
    "org_rule",
    "surname_row",
    "title_of",
    "title_rules",
    "typical_korean_name",
]


def _kind(lex: Lexicon, *kinds: str) -> frozenset[str]:
    return frozenset(w for k in kinds for w in lex.words.get(k, {}))


def _alternatives(words: Iterable[str]) -> str:
    alts = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in alts) or "(?!)"


HANGUL_WORD = regex.compile(r"^\p{Hangul}+$")
#: Last syllables of district and town names (서울 성동구, 경기 양평군): no name after an affiliation.
PLACE_ENDS = frozenset("구시군도읍면동리")
PAREN = regex.compile(r"\([^()]*\)")
LATIN_HEAD = regex.compile(r"^[A-Za-z0-9&.\-]+(?=\p{Hangul}+$)")
LATIN_LETTER = regex.compile(r"[A-Za-z]")
HANGUL_LETTER = regex.compile(r"\p{Hangul}")
ACRONYM = regex.compile(r"[A-Z0-9&.\-]{2,}")

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
    acting: tuple[str, ...]  # acting_suffix and title_honorific rows, longest first (직무대행 before 대행)
    agency: regex.Pattern[str]  # a word ending in an agency_suffix row (가온엔터테인먼트)
    agency_suffixes: frozenset[str]
    #: results of the pure word tests below (:func:`title_of`, :func:`org_rule`), per word
    memo: dict[tuple[str, str], str | None] = attrs.field(factory=dict, eq=False, repr=False)


#: The memo is emptied when it holds this many words (a corpus has an open vocabulary).
MEMO_LIMIT = 100_000
_UNSEEN: str = "\x00unseen"  # a memo miss (None is a remembered answer)


def _remember(mw: MentionWords, key: tuple[str, str], value: str | None) -> str | None:
    if len(mw.memo) >= MEMO_LIMIT:
        mw.memo.clear()
    mw.memo[key] = value
    return value


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
        acting=tuple(sorted(_kind(lex, "acting_suffix", "title_honorific"), key=len, reverse=True)),
        agency=regex.compile(
            rf"(?<!\S)[\p{{Hangul}}A-Za-z]+?(?:{_alternatives(_kind(lex, 'agency_suffix'))})"
            if _kind(lex, "agency_suffix")
            else "(?!)"
        ),
        agency_suffixes=_kind(lex, "agency_suffix"),
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


def collective_rule(word: str, lex: Lexicon) -> str | None:
    """The id of the row that makes ``word`` a collective (``업계``, ``…계``, ``…들``), if any."""
    row = lex.word_kind(word, "collective")
    if row is not None:
        return row.id
    suffix = next((s for s in mention_words(lex).collective_suffixes if word.endswith(s)), None)
    return None if suffix is None else lex.words["collective_suffix"][suffix].id


def is_collective(word: str, lex: Lexicon) -> bool:
    return collective_rule(word, lex) is not None


def surname_row(word: str, lex: Lexicon) -> Row | None:
    """The surname row a Korean name opens with (``남궁`` for a four-syllable name)."""
    if len(word) == 4 and lex.word_kind(word[:2], "surname"):
        return lex.word_kind(word[:2], "surname")
    return lex.word_kind(word[0], "surname")


def typical_korean_name(word: str, lex: Lexicon) -> bool:
    """Is every given-name syllable of ``word`` a common one (박지훈 yes, 하야시 no)?"""
    given = mention_words(lex).given_syllables
    return all(ch in given for ch in word[1:])


def join_ampersand(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(word, tag)`` pairs with ``A & B`` joined into one word (a firm's name: 박성호 & 파트너스)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pairs):
        if pairs[i][0] == "&" and out and i + 1 < len(pairs):
            out[-1] = (f"{out[-1][0]} & {pairs[i + 1][0]}", out[-1][1])
            i += 2
            continue
        out.append(pairs[i])
        i += 1
    return out


def org_rule(word: str, lex: Lexicon) -> str | None:
    """Why ``word`` names an organisation: a row id, ``""`` (Latin letters, an acronym, an ampersand:
    ``박성호 & 파트너스``) or ``None`` (it does not)."""
    mw = mention_words(lex)
    key = ("org", word)
    hit = mw.memo.get(key, _UNSEEN)
    return _remember(mw, key, _org_rule(word, lex)) if hit is _UNSEEN else hit


def _org_rule(word: str, lex: Lexicon) -> str | None:
    row = lex.word_kind(word, "organisation") or lex.word_kind(word, "country")
    if row is not None:
        return row.id
    if " & " in word:
        return ""
    if (LATIN_LETTER.search(word) and HANGUL_LETTER.search(word)) or ACRONYM.fullmatch(word):
        return ""
    suffixes = lex.words.get("org_suffix", {})
    if len(word) >= 2 and word in suffixes:
        return suffixes[word].id  # 연구소는, 통신은: the organisation named before, by its kind
    # a one-syllable suffix needs a stem of two (비서실, 국방부; not 진실, 현실, 사실)
    return next(
        (r.id for suf, r in suffixes.items() if word.endswith(suf) and len(word) > len(suf) + (len(suf) == 1)),
        None,
    )


def org_like(word: str, lex: Lexicon) -> bool:
    return org_rule(word, lex) is not None


def title_of(word: str, lex: Lexicon) -> str | None:
    """The lexicon title that ``word`` is or ends with (``예보국장`` -> ``국장``).

    An ordinal prefix is skipped (``제2차관``, ``1차관`` -> ``차관``); an acting
    title is its title (``감독대행``, ``위원장직무대행`` -> ``감독``, ``위원장``: an
    ``acting_suffix`` row), and so is a title with an honorific (``감독님``: a
    ``title_honorific`` row).

    >>> from quotes._lexicon import default_lexicon
    >>> title_of("제2차관", default_lexicon())
    '차관'
    >>> title_of("경제부시장", default_lexicon()), title_of("주식시장", default_lexicon())
    ('부시장', None)
    >>> title_of("감독대행", default_lexicon()), title_of("업무대행", default_lexicon())
    ('감독', None)
    """
    mw = mention_words(lex)
    key = ("title", word)
    hit = mw.memo.get(key, _UNSEEN)
    return _remember(mw, key, _title_of(word, lex, mw)) if hit is _UNSEEN else hit


def _title_of(word: str, lex: Lexicon, mw: MentionWords) -> str | None:
    base = mw.ordinal.sub("", PAREN.sub("", word))
    if base in lex.titles:
        return base
    latin = LATIN_HEAD.match(base)  # IT부문장: a Latin unit name glued to the title
    if latin is not None and base[latin.end() :] in lex.titles:
        return base[latin.end() :]
    if not HANGUL_WORD.match(base):
        return None
    acting = next((a for a in mw.acting if base.endswith(a) and base != a), None)
    if acting is not None:  # 감독대행 -> 감독; 감독님 (a title_honorific row) -> 감독
        return title_of(base[: -len(acting)], lex)
    orgs = kind_words(lex, "org_suffix")
    for k in range(1, len(base) - 1):
        suffix = base[k:]
        if any(len(suf) > len(suffix) and suf.endswith(suffix) and base.endswith(suf) for suf in orgs):
            return None  # 가온선대위: the organisation suffix 선대위 covers the title 대위
        if (
            suffix in lex.titles
            and suffix not in kind_words(lex, "no_suffix_title")
            and lex.titles[suffix].kind == "person"
        ):
            return suffix
        if suffix in kind_words(lex, "city_title") and k <= 3 and base[:k] not in kind_words(lex, "not_city"):
            return suffix  # 대전시장, 부산시장 (not 주식시장)
    return None


def title_rules(word: str, lex: Lexicon) -> tuple[str, ...]:
    """The id of the title row ``word`` is or ends with (none if it is not a title)."""
    base = title_of(word, lex)
    return () if base is None else (lex.titles[base].id,)


def not_the_name(ws: Sequence[str], lex: Lexicon) -> set[int]:
    """Indices of words of a mention that may look like a Korean name but are not its person's.

    A word right after a country names its body (리창 중국 국무원 총리, 중국 국무원 리창;
    not 북한 김여정, two words); a name right before an agency (``stand_in_agency`` rows:
    이다해 소속사 … 윤원 이사) is the agency's client, not the speaker.
    """
    body = {i for i in range(1, len(ws)) if len(ws) > 2 and lex.word_kind(ws[i - 1], "country")}
    agency = lex.words.get("stand_in_agency", {})
    return body | {i for i in range(len(ws) - 1) if ws[i + 1] in agency}
