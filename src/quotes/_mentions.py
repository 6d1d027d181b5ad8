"""Mentions: split a speaker phrase (its words as strings) into its parts.

Contract: :func:`parse_mention` takes the words of a noun phrase (surface
strings, with the analyser's tag of each word) and returns its
:class:`Parts`: name, title, affiliation and kind (person, organisation,
anonymous, collective, pronoun), using the lexicon's titles and word classes,
and the ids of the lexicon rows that decided them (:attr:`Parts.rules`).
:func:`title_of`, :func:`is_korean_name` and :func:`org_like` classify single
words.  This stage sees strings only, never a document or the analyser, so
every rule here can be tested on plain lists of words.  The word lists it reads
are rows of ``mention_words.tsv`` and ``words.tsv`` (:mod:`quotes._mention_words`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

from ._foreign_names import first_name_before, foreign_name_and_title
from ._joint import split_joint
from ._lexicon import Lexicon, Row
from ._mention_words import (
    HANGUL_WORD,
    LATIN_LETTER,
    PAREN,
    PLACE_ENDS,
    MentionWords,
    collective_rule,
    is_collective,
    join_ampersand,
    kind_words,
    mention_words,
    not_the_name,
    org_like,
    org_rule,
    surname_row,
    title_of,
    title_rules,
    typical_korean_name,
)
from .records import SpeakerKind

__all__ = [
    "HANGUL_WORD",
    "PAREN",
    "Parts",
    "is_collective",
    "is_korean_name",
    "is_speaker",
    "org_like",
    "parse_mention",
    "speaker_like",
    "title_of",
    "typical_korean_name",
]

LATIN_GLOSS = regex.compile(r"\p{Hangul}\([A-Za-z][^()\s]*\)")
HANJA_GLOSS = regex.compile(r"^(?P<word>\p{Hangul}+)\((?P<gloss>\p{Han}+)\)")


@attrs.frozen(kw_only=True)
class Parts:
    """A mention split into its parts (see :class:`quotes.Speaker`); ``rules``: the ids of the
    lexicon rows that decided the kind and the parts (a title, an organisation suffix …)."""

    name: str | None
    title: str | None
    affiliation: str | None
    kind: SpeakerKind
    surname: str | None = None  # set for a short reference like 장 의원
    rules: tuple[str, ...] = ()


def _id(row: Row | None) -> tuple[str, ...]:
    return (row.id,) if row is not None else ()


def is_korean_name(word: str, lex: Lexicon, tag: str = "", *, titled: bool = False) -> bool:
    """Does ``word`` look like a Korean personal name (surname + given name)?

    A three-syllable word that is not a proper noun (``NNP``) needs common
    given-name syllables and must not be a known common noun (어려움 is not).
    Before a title (``titled``), a proper noun of that shape is a name even when
    it ends like an organisation (박병원 회장, 김종부 감독: 원, 부).
    """
    if not HANGUL_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    if any(lex.word_kind(word, k) for k in ("organisation", "collective", "country", "stop", "pronoun")):
        return False
    if word in lex.titles or word in lex.speech_nouns:
        return False
    if not (lex.word_kind(word[0], "surname") or (len(word) == 4 and lex.word_kind(word[:2], "surname"))):
        return False
    if mention_words(lex).foreign.search(word[1:]):
        return False
    if org_like(word, lex) and not (titled and tag == "NNP" and len(word) == 3 and typical_korean_name(word, lex)):
        return False
    return tag == "NNP" or (len(word) == 3 and typical_korean_name(word, lex))


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
    hanja: dict[str, str]  # word -> its hanja gloss (아이보시 고이치(相星孝一): 고이치 -> 相星孝一)
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
    pairs = join_ampersand(_strip_parentheses(words, first_tags))  # 박성호 & 파트너스: one firm name
    # A word glossed with one Latin word (웬디스(Wendy's), 연방준비제도(Fed)) names an organisation
    # or a term; a person's name is glossed with several (레인(Markus Lein)).
    glossed = {PAREN.sub("", w) for w in words if LATIN_GLOSS.search(w) and PAREN.search(w)}
    hanja = {g.group("word"): g.group("gloss") for g in map(HANJA_GLOSS.match, words) if g is not None}
    return _Mention(lex, mention_words(lex), words, [w for w, _ in pairs], [t for _, t in pairs], glossed, hanja)


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
    if ws and titles and ws[-1] + titles[0] in lex.titles and not is_korean_name(ws[-1], lex, tags[-1]):
        titles[0] = ws.pop() + " " + titles[0]  # 국가 주석: a listed title written in two words
        tags.pop()
        ids[0] = (*ids[0], "mention.spaced-title")
    _split_glued_name(m, ids)
    if not titles and ws:
        found = m.mw.attached.match(ws[-1])
        if found and found.group("suffix") in kind_words(lex, "honorific") and tags[-1] != "NNG":  # not 날씨, 솜씨
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


def _split_glued_name(m: _Mention, ids: list[tuple[str, ...]]) -> None:
    """김재영의원, 김대중총재, 김대통령, 김경웅통일원대변인: a name or a surname glued to the title is split off."""
    if not m.titles or m.titles[0] in m.lex.titles:
        return
    word = m.titles[0]
    base = title_of(word, m.lex)
    if base is None or not word.endswith(base):
        return
    stem = word[: -len(base)]
    last = m.ws[-1] if m.ws else ""
    if m.lex.word_kind(last, "surname") or (len(last) == 3 and is_korean_name(last, m.lex, m.tags[-1], titled=True)):
        return  # 김 부부장: a name before it already; the word is one title
    if not m.ws and m.lex.word_kind(stem, "surname") and stem not in kind_words(m.lex, "former"):
        pass  # 김대통령: a short reference (the surname row is added when it is read)
    elif is_korean_name(stem[:3], m.lex) and (
        len(stem) == 3 or (len(stem) >= 5 and not m.ws and typical_korean_name(stem[:3], m.lex))
    ):
        ids[0] = (*ids[0], "mention.glued-title")  # 김재영의원; 김경웅통일원대변인: the name, its body, the title
    else:
        return
    m.titles[0] = base
    m.ws.extend(glued := [stem[:3], stem[3:]] if len(stem) >= 5 else [stem])
    m.tags.extend(["NNP"] * len(glued))


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
    if (
        len(ws) >= 2
        and tag == "NNP"
        and len(head) == 3
        and head[-1] not in PLACE_ENDS
        and is_korean_name(head, lex, tag)
    ):
        # 삼성 윤재호, 한빛대 김하늘: an affiliation, then a Korean name
        return m.done(head, " ".join(ws[:-1]), SpeakerKind.PERSON, rules=("mention.affiliation-name",))
    orgs = [r for r in (org_rule(w, lex) for w in ws) if r is not None]
    if orgs or tag == "NNG":  # (소속사 가온엔터테인먼트: the stand-in word before the name is no part of it)
        lead = 1 if len(ws) > 1 and ws[0] in kind_words(lex, "stand_in_agency") and org_like(head, lex) else 0
        return m.done(" ".join(ws[lead:]), None, SpeakerKind.ORGANISATION, rules=[r for r in orgs[:1] if r])
    return m.done(" ".join(ws), None, SpeakerKind.PERSON)


def _title_alone(m: _Mention) -> Parts | None:
    """대표는: a title and nothing else."""
    return m.done(None, None, SpeakerKind.PERSON) if not m.ws else None


def _one_word_and_title(m: _Mention) -> Parts | None:
    """One word before the title: a surname (장 의원), 김모 (also after words: 기사 박모씨), an affiliation, a name."""
    lex, w = m.lex, m.ws[-1] if m.ws else ""
    anon = _id(lex.word_kind(w[1:], "anonymised_suffix"))
    if len(m.ws) > 1 and len(w) == 2 and m.mw.anonymised.match(w):
        return m.done(None, " ".join(m.ws[:-1]), SpeakerKind.PERSON, rules=anon)
    if len(m.ws) != 1:
        return None
    honorific = m.head_title in kind_words(lex, "honorific")
    surname = lex.word_kind(w, "surname")
    if surname is not None and len(w) == 2 and not honorific:
        return m.done(None, None, SpeakerKind.PERSON, surname=w, rules=(surname.id,))  # 남궁 대표
    if m.mw.anonymised.match(w):
        if len(w) == 1 and surname is not None:  # 장 의원, and 김씨 after 김하늘씨
            return m.done(None, None, SpeakerKind.PERSON, surname=w, rules=(surname.id,))
        return m.done(None, None, SpeakerKind.PERSON, rules=anon)
    if is_korean_name(w, lex, m.tags[0], titled=True):
        return m.done(w, None, SpeakerKind.PERSON)  # 박병원 회장
    org = org_rule(w, lex)
    if org is not None or (m.tags[0] == "NNG" and not is_korean_name(w, lex, m.tags[0])):
        return m.done(None, w, SpeakerKind.PERSON, rules=[org] if org else [])
    return m.done(w, None, SpeakerKind.PERSON)


def _surname_last(m: _Mention) -> Parts | None:
    """국무회의 발언 중 문 대통령: a surname right before the title is a short reference."""
    row = m.lex.word_kind(m.ws[-1], "surname") if len(m.ws) >= 2 else None
    if row is None or m.head_title in kind_words(m.lex, "honorific"):
        return None
    return m.done(None, " ".join(m.ws[:-1]), SpeakerKind.PERSON, surname=m.ws[-1], rules=(row.id,))


def _korean_name_and_title(m: _Mention) -> Parts | None:
    """Several words before the title, one a Korean name (or a foreign given + family name)."""
    lex, ws, tags = m.lex, m.ws, m.tags
    body, tag = not_the_name(ws, lex), [tags[i] if i < len(tags) else "" for i in range(len(ws))]  # 중국 국무원
    names = [i for i, w in enumerate(ws) if i not in body and is_korean_name(w, lex, tag[i], titled=True)]
    if not names:
        return None
    honorific = m.head_title in kind_words(lex, "honorific")
    k = (
        names[-1]
        if honorific and names[-1] == len(ws) - 1
        else max(  # 이용자 김하늘씨: 씨 follows the name
            names,
            key=lambda i: (
                typical_korean_name(ws[i], lex) or bool(lex.word_kind(ws[i][:2], "surname")),  # 남궁민
                len(ws[i]) == 3,
                not org_like(ws[i], lex),  # 박성민, not 한빛대
                i < len(tags) and tags[i] == "NNP",  # 이경재, not the common noun 변호인
                -i,
            ),
        )
    )
    gloss = m.hanja.get(ws[k])
    if gloss is not None and len(gloss) != len(ws[k]) and k > 0 and not org_like(ws[k - 1], lex):
        # 아이보시 고이치(相星孝一): a Korean name is glossed syllable for syllable; this one is foreign
        aff = " ".join(ws[: k - 1] + ws[k + 1 :]) or None
        return m.done(f"{ws[k - 1]} {ws[k]}", aff, SpeakerKind.PERSON, rules=("mention.hanja-gloss",))
    nxt = ws[k + 1] if k + 1 < len(ws) else None
    if (
        nxt is not None
        and not typical_korean_name(ws[k], lex)
        and len(nxt) <= 4
        and not org_like(nxt, lex)
        and nxt not in m.glossed
        and not is_korean_name(nxt, lex)
    ):
        # 하야시 겐타, 제롬 파월: a foreign given name + family name (세라 허커비 샌더스: and a first name)
        a = k - 1 if first_name_before(m, k) else k
        return m.done(" ".join(ws[a : k + 2]), " ".join(ws[:a] + ws[k + 2 :]) or None, SpeakerKind.PERSON)
    aff = " ".join(w for i, w in enumerate(ws) if i != k) or None
    return m.done(ws[k], aff, SpeakerKind.PERSON, rules=_id(surname_row(ws[k], lex)))


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
    _surname_last,
    _korean_name_and_title,
    foreign_name_and_title,
)


def parse_mention(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> Parts:
    """Split a mention into name, title, affiliation and kind.

    >>> from quotes._lexicon import default_lexicon
    >>> p = parse_mention(["플뢰르", "펠르랭", "코렐리아캐피털", "대표"], ["NNP"] * 4, default_lexicon())
    >>> p.name, p.title, p.affiliation, p.kind.value
    ('플뢰르 펠르랭', '대표', '코렐리아캐피털', 'person')
    """
    joint = split_joint(words, lambda w: is_korean_name(w, lex))  # 윤지호·한서진 사장: the first person's
    m = _start(joint[0] if joint else words, first_tags, lex)
    for step in STEPS:
        parts = step(m)
        if parts is not None:
            return parts
    raise AssertionError("the last step always decides")  # pragma: no cover


def is_speaker(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> bool:
    """Could the phrase ``words`` be a speaker?  Only if its parts say so.

    A title or a surname, a pronoun, a collective, an anonymous determiner with a noun that is no counter
    (한 관계자, 한 언론매체; not 한 차례: ``counter_noun`` rows), a name (Korean, proper noun, foreign
    syllables), a side noun (측) or an organisation; a common noun alone (것, 어려움, 날씨) is not,
    nor is no word at all.
    """
    if not words:
        return False
    parts = parse_mention(words, first_tags, lex)
    if parts.kind in (SpeakerKind.PRONOUN, SpeakerKind.COLLECTIVE):
        return True
    if parts.title or parts.surname:
        return True
    if parts.kind == SpeakerKind.ANONYMOUS:  # 한 매체, 한 남성; not 한 차례 or 한 가지 (counter_noun rows)
        head = words[-1] if words else ""
        counters = kind_words(lex, "counter_noun")
        return bool(first_tags) and first_tags[-1] not in ("NNB", "NR", "SN") and head not in counters
    if parts.kind == SpeakerKind.PERSON and parts.name and _name_evidence(parts.name, first_tags, lex):
        return True
    sides = mention_words(lex).sides
    if (
        any(w in sides for w in words)
        or words[-1].endswith(sides)
        or any(org_like(PAREN.sub("", w), lex) for w in words)
    ):
        return True
    return bool(first_tags) and first_tags[-1] in ("NNP", "SL")


def _name_evidence(name: str, tags: Sequence[str], lex: Lexicon) -> bool:
    last = name.rsplit(maxsplit=1)[-1]
    return (
        is_korean_name(last, lex, tags[-1] if tags else "")
        or any(t in ("NNP", "SL") for t in tags)
        or bool(mention_words(lex).foreign.search(name))
        or bool(LATIN_LETTER.search(name))
    )


speaker_like = is_speaker  # the earlier name
