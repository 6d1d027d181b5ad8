"""Mentions: split a speaker phrase (its words as strings) into its parts.

Contract: :func:`parse_mention` takes the words of a noun phrase (surface
strings, with the analyser's tag of each word) and returns its
:class:`Parts`: name, title, affiliation and kind (person, organisation,
anonymous, collective, pronoun), using the lexicon's titles and word classes,
and the ids of the lexicon rows that decided them (:attr:`Parts.rules`).
:func:`title_of`, :func:`is_korean_name` and :func:`org_like` classify single
words.  This stage sees strings only, never a document or the analyser, so
every rule here can be tested on plain lists of words.

The word lists it reads are rows of ``mention_words.tsv`` and ``words.tsv``
(see :mod:`quotes._mention_words`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

from ._lexicon import Lexicon, Row
from ._mention_words import MentionWords, kind_words, mention_words
from .records import SpeakerKind

__all__ = [
    "Parts",
    "is_korean_name",
    "org_like",
    "parse_mention",
    "speaker_like",
    "title_of",
]

HANGUL_WORD = regex.compile(r"^\p{Hangul}+$")
PAREN = regex.compile(r"\([^()]*\)")
LATIN_GLOSS = regex.compile(r"\p{Hangul}\([A-Za-z][^()\s]*\)")
LATIN_LETTER = regex.compile(r"[A-Za-z]")
HANGUL_LETTER = regex.compile(r"\p{Hangul}")
ACRONYM = regex.compile(r"[A-Z0-9&.\-]{2,}")


@attrs.frozen(kw_only=True)
class Parts:
    """A mention split into its parts (see :class:`quotes.Speaker`).

    ``rules`` holds the ids of the lexicon rows that decided the kind and the
    parts (a title, an organisation suffix, an anonymous determiner …).
    """

    name: str | None
    title: str | None
    affiliation: str | None
    kind: SpeakerKind
    surname: str | None = None  # set for a short reference like 장 의원
    rules: tuple[str, ...] = ()


def _id(row: Row | None) -> tuple[str, ...]:
    return (row.id,) if row is not None else ()


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


def is_korean_name(word: str, lex: Lexicon, tag: str = "") -> bool:
    """Does ``word`` look like a Korean personal name (surname + given name)?"""
    if not HANGUL_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    if any(lex.word_kind(word, k) for k in ("organisation", "collective", "country", "stop", "pronoun")):
        return False
    if word in lex.titles or word in lex.speech_nouns:
        return False
    if not (lex.word_kind(word[0], "surname") or (len(word) == 4 and lex.word_kind(word[:2], "surname"))):
        return False
    if mention_words(lex).foreign.search(word[1:]) or org_like(word, lex):
        return False
    return tag == "NNP" or len(word) == 3


def typical_korean_name(word: str, lex: Lexicon) -> bool:
    """Is every given-name syllable of ``word`` a common one (박지훈 yes, 하야시 no)?"""
    given = mention_words(lex).given_syllables
    return all(ch in given for ch in word[1:])


def org_rule(word: str, lex: Lexicon) -> str | None:
    """Why ``word`` names an organisation: a row id, ``""`` (Latin letters, an acronym) or ``None`` (it does not)."""
    row = lex.word_kind(word, "organisation") or lex.word_kind(word, "country")
    if row is not None:
        return row.id
    if (LATIN_LETTER.search(word) and HANGUL_LETTER.search(word)) or ACRONYM.fullmatch(word):
        return ""
    suffixes = lex.words.get("org_suffix", {})
    return next((r.id for suf, r in suffixes.items() if word.endswith(suf) and len(word) > len(suf)), None)


def org_like(word: str, lex: Lexicon) -> bool:
    return org_rule(word, lex) is not None


def title_of(word: str, lex: Lexicon) -> str | None:
    """The lexicon title that ``word`` is or ends with (``예보국장`` -> ``국장``).

    An ordinal prefix is skipped (``제2차관``, ``1차관`` -> ``차관``).

    >>> from quotes._lexicon import default_lexicon
    >>> title_of("제2차관", default_lexicon())
    '차관'
    >>> title_of("경제부시장", default_lexicon()), title_of("주식시장", default_lexicon())
    ('부시장', None)
    """
    mw = mention_words(lex)
    base = mw.ordinal.sub("", PAREN.sub("", word))
    if base in lex.titles:
        return base
    if not HANGUL_WORD.match(base):
        return None
    for k in range(1, len(base) - 1):
        suffix = base[k:]
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


def _strip_parentheses(words: Sequence[str], tags: Sequence[str]) -> list[tuple[str, str]]:
    """Drop parenthesised asides, even when they span words (``B모씨(남 69세)``)."""
    out: list[tuple[str, str]] = []
    depth = 0
    for w, t in zip(words, tags, strict=False):
        kept = []
        for ch in w:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                kept.append(ch)
        if kept:
            out.append(("".join(kept), t))
    return out


@attrs.define
class _Mention:
    """A mention being split: the words not yet assigned, and what was decided so far."""

    lex: Lexicon
    mw: MentionWords
    words: Sequence[str]  # as given (with parentheses)
    ws: list[str]
    tags: list[str]
    glossed: set[str]
    rules: list[str] = attrs.field(factory=list)
    marker: str | None = None  # 한, 익명의, 모: an anonymous determiner that opened the mention
    titles: list[str] = attrs.field(factory=list)
    lead_title: str | None = None

    @property
    def title(self) -> str | None:
        return " ".join(self.titles) or self.lead_title

    @property
    def head_title(self) -> str | None:
        return title_of(self.titles[-1], self.lex) if self.titles else None

    def done(
        self,
        name: str | None,
        affiliation: str | None,
        kind: SpeakerKind,
        *,
        surname: str | None = None,
        rules: Iterable[str] = (),
    ) -> Parts:
        return Parts(
            name=name,
            title=self.title,
            affiliation=affiliation,
            kind=kind,
            surname=surname,
            rules=(*self.rules, *rules),
        )


def _start(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> _Mention:
    pairs = _strip_parentheses(words, first_tags)
    # A word glossed with one Latin word (웬디스(Wendy's), 연방준비제도(Fed)) names an organisation
    # or a term; a person's name is glossed with several (레인(Markus Lein)).
    glossed = {PAREN.sub("", w) for w in words if LATIN_GLOSS.search(w) and PAREN.search(w)}
    return _Mention(lex, mention_words(lex), words, [w for w, _ in pairs], [t for _, t in pairs], glossed)


def _pronoun(m: _Mention) -> Parts | None:
    """그, 그녀: a pronoun alone."""
    row = m.lex.word_kind(m.ws[0], "pronoun") if len(m.ws) == 1 else None
    return None if row is None else m.done(None, None, SpeakerKind.PRONOUN, rules=(row.id,))


def _take_marker(m: _Mention) -> None:
    """한 관계자, 익명의 관계자, 모 의원: set the anonymous determiner aside."""
    if len(m.ws) > 1 and m.ws[0] in m.mw.anonymous_markers:
        m.marker = m.ws[0]
        row = m.lex.word_kind(m.marker, "anonymous_determiner") or m.lex.word_kind(m.marker, "anonymous_prefix")
        m.rules.extend(_id(row))
        m.ws, m.tags = m.ws[1:], m.tags[1:]


def _side(m: _Mention) -> Parts | None:
    """가온 측, 가온측: an organisation (or a person's camp) by its side noun."""
    if not m.ws:
        return None
    last = m.ws[-1]
    if last in m.mw.sides:
        side, stem = last, m.ws[:-1]
    else:
        found = m.mw.attached.match(last)
        if found is None or found.group("suffix") not in m.mw.sides:
            return None
        side, stem = found.group("suffix"), [*m.ws[:-1], found.group("stem")]
    row = m.lex.words["side_noun"][side]
    return m.done(" ".join(stem) or None, None, SpeakerKind.ORGANISATION, rules=(row.id,))


def _listed_organisation(m: _Mention) -> Parts | None:
    """군, 신세계: a listed organisation alone (before titles: 군 is also a title)."""
    row = m.lex.word_kind(m.ws[0], "organisation") if len(m.ws) == 1 else None
    return None if row is None else m.done(m.ws[0], None, SpeakerKind.ORGANISATION, rules=(row.id,))


def _take_titles(m: _Mention) -> None:
    """Set the titles aside: trailing titles (with 전/현 before them), 김서윤씨, a leading title."""
    lex, ws, tags, titles = m.lex, m.ws, m.tags, m.titles
    ids: list[tuple[str, ...]] = []
    while ws and title_of(ws[-1], lex) and not (len(ws) == 1 and titles and lex.word_kind(ws[0], "surname")):
        titles.insert(0, ws.pop())
        tags.pop()
        ids.insert(0, title_rules(titles[0], lex))
    if not titles and ws:
        found = m.mw.attached.match(ws[-1])
        if found and found.group("suffix") in kind_words(lex, "honorific"):
            titles.append(found.group("suffix"))
            ws[-1] = found.group("stem")
            ids.append((*title_rules(titles[0], lex), lex.words["honorific"][titles[0]].id))
    while len(ws) >= 2 and titles and ws[-1] in kind_words(lex, "former"):  # 김 전 장관: 전 belongs to the title
        titles.insert(0, ws.pop())
        tags.pop()
        ids.insert(0, (lex.words["former"][titles[0]].id,))
    if len(ws) >= 2 and title_of(ws[0], lex) and not org_like(ws[0], lex):
        m.lead_title = ws.pop(0)
        tags.pop(0)
        m.rules.extend(title_rules(m.lead_title, lex))
    m.rules.extend(i for group in ids for i in group)


def _anonymous_title(m: _Mention) -> Parts | None:
    """업계 관계자: an anonymous head title; the words before it are the affiliation."""
    head = m.head_title
    if head is None or m.lex.titles[head].kind != "anonymous":
        return None
    return m.done(None, " ".join(m.ws) or None, SpeakerKind.ANONYMOUS)


def _surname_or_determiner(m: _Mention) -> Parts | None:
    """한 의원: "an assembly member", or 한 (the surname) + title; coreference decides."""
    if not (m.marker and m.titles and not m.ws and m.words[0] == m.marker):
        return None
    row = m.lex.word_kind(m.marker, "surname")
    if row is None:
        return None
    return m.done(None, None, SpeakerKind.ANONYMOUS, surname=m.marker, rules=(row.id,))


def _anonymous_marker(m: _Mention) -> Parts | None:
    """한 관계자, 익명의 업계 인사: a determiner makes the mention anonymous."""
    if not m.marker or (m.ws and m.titles and m.ws[0] not in kind_words(m.lex, "anonymous_determiner")):
        return None
    return m.done(None, " ".join(m.ws) or None, SpeakerKind.ANONYMOUS)


def _untitled(m: _Mention) -> Parts | None:
    """No title: a collective, a Korean name, an organisation or a bare name."""
    if m.titles or m.lead_title:
        return None
    lex, ws = m.lex, m.ws
    if not ws:
        return m.done(None, None, SpeakerKind.PERSON)
    head, tag = ws[-1], m.tags[-1]
    collective = collective_rule(head, lex)
    if collective is not None and not is_korean_name(head, lex, tag):
        return m.done(None, None, SpeakerKind.COLLECTIVE, rules=(collective,))
    if len(ws) == 1 and is_korean_name(head, lex, tag):
        return m.done(head, None, SpeakerKind.PERSON, rules=_id(surname_row(head, lex)))
    orgs = [r for r in (org_rule(w, lex) for w in ws) if r is not None]
    if orgs or tag == "NNG":
        return m.done(" ".join(ws), None, SpeakerKind.ORGANISATION, rules=[r for r in orgs[:1] if r])
    return m.done(" ".join(ws), None, SpeakerKind.PERSON)


def _title_alone(m: _Mention) -> Parts | None:
    """대표는: a title and nothing else."""
    return m.done(None, None, SpeakerKind.PERSON) if not m.ws else None


def _one_word_and_title(m: _Mention) -> Parts | None:
    """One word before the title: a surname (장 의원), 김모, an affiliation or a name."""
    if len(m.ws) != 1:
        return None
    lex, w = m.lex, m.ws[0]
    honorific = m.head_title in kind_words(lex, "honorific")
    surname = lex.word_kind(w, "surname")
    if surname is not None and len(w) == 2 and not honorific:
        return m.done(None, None, SpeakerKind.PERSON, surname=w, rules=(surname.id,))  # 남궁 대표
    if m.mw.anonymised.match(w):
        if len(w) == 1 and surname is not None and not honorific:
            return m.done(None, None, SpeakerKind.PERSON, surname=w, rules=(surname.id,))
        return m.done(None, None, SpeakerKind.PERSON, rules=_id(lex.word_kind(w[1:], "anonymised_suffix")))
    org = org_rule(w, lex)
    if org is not None or (m.tags[0] == "NNG" and not is_korean_name(w, lex, m.tags[0])):
        return m.done(None, w, SpeakerKind.PERSON, rules=[org] if org else [])
    return m.done(w, None, SpeakerKind.PERSON)


def _korean_name_and_title(m: _Mention) -> Parts | None:
    """Several words before the title, one a Korean name (or a foreign given + family name)."""
    lex, ws, tags = m.lex, m.ws, m.tags
    names = [i for i, w in enumerate(ws) if is_korean_name(w, lex, tags[i] if i < len(tags) else "")]
    if not names:
        return None
    k = max(
        names,
        key=lambda i: (
            typical_korean_name(ws[i], lex) or bool(lex.word_kind(ws[i][:2], "surname")),  # 남궁민
            len(ws[i]) == 3,
            i,
        ),
    )
    nxt = ws[k + 1] if k + 1 < len(ws) else None
    if (
        nxt is not None
        and not typical_korean_name(ws[k], lex)
        and not org_like(nxt, lex)
        and nxt not in m.glossed
        and not is_korean_name(nxt, lex)
    ):
        # 하야시 겐타, 제롬 파월: a foreign given name + family name
        return m.done(f"{ws[k]} {nxt}", " ".join(ws[:k] + ws[k + 2 :]) or None, SpeakerKind.PERSON)
    aff = " ".join(w for i, w in enumerate(ws) if i != k) or None
    return m.done(ws[k], aff, SpeakerKind.PERSON, rules=_id(surname_row(ws[k], lex)))


def _foreign_name_and_title(m: _Mention) -> Parts:
    """Foreign names: the last run of words that are neither organisations nor common nouns,
    cut to its first two words (given + family name; an unknown company may follow)."""
    lex, ws, tags = m.lex, m.ws, m.tags
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(ws):
        j = i
        while j < len(ws) and not org_like(ws[j], lex) and ws[j] not in m.glossed and tags[j] != "NNG":
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    if not runs:
        return m.done(None, " ".join(ws), SpeakerKind.PERSON)
    a, b = runs[-1]
    b = min(b, a + 2)
    aff = " ".join(w for k, w in enumerate(ws) if not a <= k < b) or None
    return m.done(" ".join(ws[a:b]), aff, SpeakerKind.PERSON)


#: The decisions of :func:`parse_mention`, tried in order; a step that returns ``None``
#: either does not apply or only sets words aside for the next steps.
STEPS = (
    _pronoun,
    _take_marker,
    _side,
    _listed_organisation,
    _take_titles,
    _anonymous_title,
    _surname_or_determiner,
    _anonymous_marker,
    _untitled,
    _title_alone,
    _one_word_and_title,
    _korean_name_and_title,
    _foreign_name_and_title,
)


def parse_mention(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> Parts:
    """Split a mention into name, title, affiliation and kind.

    >>> from quotes._lexicon import default_lexicon
    >>> p = parse_mention(["플뢰르", "펠르랭", "코렐리아캐피털", "대표"], ["NNP"] * 4, default_lexicon())
    >>> p.name, p.title, p.affiliation, p.kind.value
    ('플뢰르 펠르랭', '대표', '코렐리아캐피털', 'person')
    """
    m = _start(words, first_tags, lex)
    for step in STEPS:
        parts = step(m)
        if parts is not None:
            return parts
    raise AssertionError("the last step always decides")  # pragma: no cover


def speaker_like(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> bool:
    """Could the phrase ``words`` be a speaker (a person, organisation, group …)?"""
    parts = parse_mention(words, first_tags, lex)
    if parts.kind in (SpeakerKind.PRONOUN, SpeakerKind.ANONYMOUS, SpeakerKind.COLLECTIVE):
        return True
    if parts.title or parts.surname:
        return True
    if parts.kind == SpeakerKind.PERSON and parts.name:
        return True
    sides = mention_words(lex).sides
    if (
        any(w in sides for w in words)
        or words[-1].endswith(sides)
        or any(org_like(PAREN.sub("", w), lex) for w in words)
    ):
        return True
    return bool(first_tags) and first_tags[-1] in ("NNP", "SL")
