"""Mentions: split a speaker phrase (its words as strings) into its parts.

Contract: :func:`parse_mention` takes the words of a noun phrase (surface
strings, with the analyser's tag of each word) and returns its
:class:`Parts`: name, title, affiliation and kind (person, organisation,
anonymous, collective, pronoun), using the lexicon's titles and word classes.
:func:`title_of`, :func:`is_korean_name` and :func:`org_like` classify single
words.  This stage sees strings only, never a document or the analyser, so
every rule here can be tested on plain lists of words.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._lexicon import Lexicon
from .records import SpeakerKind

__all__ = ["Parts", "is_korean_name", "org_like", "parse_mention", "speaker_like", "title_of"]

FORMER = frozenset({"전", "현", "前", "現", "故", "고"})

ANONYMOUS_DETERMINERS = frozenset({"한", "익명의"})

HANGUL_WORD = regex.compile(r"^\p{Hangul}+$")

ORDINAL = regex.compile(r"^제?\d{1,2}(?=\p{Hangul})")

ANONYMISED = regex.compile(r"^(?:[A-Z]|\p{Hangul}모|[A-Z]모|\p{Hangul})$")

ATTACHED_SUFFIX = regex.compile(r"^(?P<stem>.+?)(?P<suffix>씨|측)$")

PAREN = regex.compile(r"\([^()]*\)")

LATIN_GLOSS = regex.compile(r"\p{Hangul}\([A-Za-z][^()\s]*\)")

NOT_CITIES = frozenset(
    "주식 증권 노동 부동산 금융 외환 채권 국내 해외 세계 국제 전통 재래 수산 농수산 도매 소매 중고 자본 "
    "내수 수출 원자재 반도체 상품 현물 선물 코인 암호화폐 신흥 유통 정치 시".split()
)

# Titles that are also the tail of common non-title words (주식시장, 대학생).
NO_SUFFIX_TITLES = frozenset(
    {"시장", "학생", "주민", "상인", "회원", "군", "양", "씨", "이사", "검사", "수석", "주장", "위원"}
)

# Syllables common in Korean given names (a name made only of these is read as Korean).
GIVEN_NAME_SYLLABLES = frozenset(
    "가각간강건경계고곤관광교구국군권규균근금기길나남내노누다단달담대덕도동두득란래량련렬령로록룡류륜률름린림"
    "만명모목무문미민범법병보복봉부빈사산상새서석선설섭성세소솔송수숙순술승식신실심아안애양언업연열염엽영예오옥온완왕"
    "요용우욱운웅원월위유윤율융은을음의이익인일임자작장재전정제조종주준중지직진찬창채천철청초춘충치탁태택하학한해향허"
    "헌혁현형혜호홍화환황회효후훈휘희"
)

# Syllables found in transliterated foreign names but (almost) never in Korean given names.
FOREIGN_SYLLABLE = regex.compile(r"[르스트크프드즈츠브므느흐셰렌엘랭옛먼슈튼슨턴릭닉쉐샤쥬뤼뒤뮈퀴]")

LATIN_LETTER = regex.compile(r"[A-Za-z]")

HANGUL_LETTER = regex.compile(r"\p{Hangul}")

ACRONYM = regex.compile(r"[A-Z0-9&.\-]{2,}")


@attrs.frozen
class Parts:
    """A mention split into its parts (see :class:`quotes.Speaker`)."""

    name: str | None
    title: str | None
    affiliation: str | None
    kind: SpeakerKind
    surname: str | None = None  # set for a short reference like 장 의원


def is_collective(word: str, lex: Lexicon) -> bool:
    return bool(lex.word_kind(word, "collective")) or word.endswith(("계", "들"))


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
    if FOREIGN_SYLLABLE.search(word[1:]) or org_like(word, lex):
        return False
    return tag == "NNP" or len(word) == 3


def typical_korean_name(word: str) -> bool:
    """Is every given-name syllable of ``word`` a common one (박지훈 yes, 하야시 no)?"""
    return all(ch in GIVEN_NAME_SYLLABLES for ch in word[1:])


def org_like(word: str, lex: Lexicon) -> bool:
    if lex.word_kind(word, "organisation") or lex.word_kind(word, "country"):
        return True
    if LATIN_LETTER.search(word) and HANGUL_LETTER.search(word):
        return True
    if ACRONYM.fullmatch(word):
        return True
    return any(word.endswith(suf) and len(word) > len(suf) for suf in lex.words.get("org_suffix", {}))


def title_of(word: str, lex: Lexicon) -> str | None:
    """The lexicon title that ``word`` is or ends with (``예보국장`` -> ``국장``).

    An ordinal prefix is skipped (``제2차관``, ``1차관`` -> ``차관``).

    >>> from quotes._lexicon import default_lexicon
    >>> title_of("제2차관", default_lexicon())
    '차관'
    >>> title_of("경제부시장", default_lexicon()), title_of("주식시장", default_lexicon())
    ('부시장', None)
    """
    base = ORDINAL.sub("", PAREN.sub("", word))
    if base in lex.titles:
        return base
    if not HANGUL_WORD.match(base):
        return None
    for k in range(1, len(base) - 1):
        suffix = base[k:]
        if suffix in lex.titles and suffix not in NO_SUFFIX_TITLES and lex.titles[suffix].kind == "person":
            return suffix
        if suffix == "시장" and k <= 3 and base[:k] not in NOT_CITIES:
            return suffix  # 대전시장, 부산시장 (not 주식시장)
    return None


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


def head_title_is_anonymous(titles: Sequence[str], lex: Lexicon) -> bool:
    """Is the last title an anonymous head (관계자, 소식통)?"""
    if not titles:
        return False
    base = title_of(titles[-1], lex)
    return base is not None and lex.titles[base].kind == "anonymous"


def parse_mention(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> Parts:
    """Split a mention into name, title, affiliation and kind.

    >>> from quotes._lexicon import default_lexicon
    >>> p = parse_mention(["플뢰르", "펠르랭", "코렐리아캐피털", "대표"], ["NNP"] * 4, default_lexicon())
    >>> p.name, p.title, p.affiliation, p.kind.value
    ('플뢰르 펠르랭', '대표', '코렐리아캐피털', 'person')
    """
    pairs = _strip_parentheses(words, first_tags)
    # A word glossed with one Latin word (웬디스(Wendy's), 연방준비제도(Fed)) names an organisation
    # or a term; a person's name is glossed with several (레인(Markus Lein)).
    glossed = {PAREN.sub("", w) for w in words if LATIN_GLOSS.search(w) and PAREN.search(w)}
    ws = [w for w, _ in pairs]
    tags = [t for _, t in pairs]
    if len(ws) == 1 and lex.word_kind(ws[0], "pronoun"):
        return Parts(None, None, None, SpeakerKind.PRONOUN)
    anonymous_marker = len(ws) > 1 and ws[0] in ("한", "익명의", "모")
    if anonymous_marker:
        ws, tags = ws[1:], tags[1:]
    if (ws and ws[-1] == "측") or (ws and ATTACHED_SUFFIX.match(ws[-1]) and ws[-1].endswith("측")):
        stem = ws[:-1] if ws[-1] == "측" else [*ws[:-1], ws[-1][:-1]]
        return Parts(" ".join(stem) or None, None, None, SpeakerKind.ORGANISATION)
    if len(ws) == 1 and lex.word_kind(ws[0], "organisation"):
        return Parts(ws[0], None, None, SpeakerKind.ORGANISATION)  # 군, 신세계: listed organisations first
    titles: list[str] = []
    while ws and title_of(ws[-1], lex) and not (len(ws) == 1 and titles and lex.word_kind(ws[0], "surname")):
        titles.insert(0, ws.pop())
        tags.pop()
    if not titles and ws:
        m = ATTACHED_SUFFIX.match(ws[-1])
        if m and m.group("suffix") == "씨":
            titles = ["씨"]
            ws[-1] = m.group("stem")
    while len(ws) >= 2 and titles and ws[-1] in FORMER:  # 김 전 장관: 전 belongs to the title
        titles.insert(0, ws.pop())
        tags.pop()
    lead_title = None
    if len(ws) >= 2 and title_of(ws[0], lex) and not org_like(ws[0], lex):
        lead_title = ws.pop(0)
        tags.pop(0)
    title = " ".join(titles) or lead_title
    head_title = title_of(titles[-1], lex) if titles else None
    if head_title and lex.titles[head_title].kind == "anonymous":
        return Parts(None, title, " ".join(ws) or None, SpeakerKind.ANONYMOUS)
    if head_title_is_anonymous(titles, lex) and len(ws) == 1 and ws[0] in ("이", "해당", "그", "동"):
        return Parts(None, title, None, SpeakerKind.ANONYMOUS)  # 이 관계자: an anaphor, resolved to an entity
    if anonymous_marker and titles and not ws and words[0] == "한":
        # 한 의원: "an assembly member", or 한 (the surname) + title; coreference decides.
        return Parts(None, title, None, SpeakerKind.ANONYMOUS, surname="한")
    if anonymous_marker and (not ws or not titles or ws[0] in ANONYMOUS_DETERMINERS):
        return Parts(None, title, " ".join(ws) or None, SpeakerKind.ANONYMOUS)
    if not titles and not lead_title:
        joined = " ".join(ws)
        if not ws:
            return Parts(None, None, None, SpeakerKind.PERSON)
        head = ws[-1]
        if is_collective(head, lex) and not is_korean_name(head, lex, tags[-1] if tags else ""):
            return Parts(None, None, None, SpeakerKind.COLLECTIVE)
        if len(ws) == 1 and is_korean_name(head, lex, tags[-1] if tags else ""):
            return Parts(head, None, None, SpeakerKind.PERSON)
        if any(org_like(w, lex) for w in ws) or (tags and tags[-1] == "NNG"):
            return Parts(joined, None, None, SpeakerKind.ORGANISATION)
        return Parts(joined, None, None, SpeakerKind.PERSON)
    # A person with a title.
    if not ws:
        return Parts(None, title, None, SpeakerKind.PERSON)
    if len(ws) == 1:
        w = ws[0]
        if lex.word_kind(w, "surname") and len(w) == 2 and head_title != "씨":
            return Parts(None, title, None, SpeakerKind.PERSON, surname=w)  # 남궁 대표
        if ANONYMISED.match(w) and (len(w) == 1 or w.endswith("모")):
            if len(w) == 1 and lex.word_kind(w, "surname") and head_title != "씨":
                return Parts(None, title, None, SpeakerKind.PERSON, surname=w)
            return Parts(None, title, None, SpeakerKind.PERSON)
        if org_like(w, lex) or (tags and tags[0] == "NNG" and not is_korean_name(w, lex, tags[0])):
            return Parts(None, title, w, SpeakerKind.PERSON)
        return Parts(w, title, None, SpeakerKind.PERSON)
    names = [i for i, w in enumerate(ws) if is_korean_name(w, lex, tags[i] if i < len(tags) else "")]
    if names:
        k = max(
            names,
            key=lambda i: (
                typical_korean_name(ws[i]) or bool(lex.word_kind(ws[i][:2], "surname")),  # 남궁민
                len(ws[i]) == 3,
                i,
            ),
        )
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        if (
            nxt is not None
            and not typical_korean_name(ws[k])
            and not org_like(nxt, lex)
            and nxt not in glossed
            and not is_korean_name(nxt, lex)
        ):
            # 하야시 겐타, 제롬 파월: a foreign given name + family name
            aff = " ".join(ws[:k] + ws[k + 2 :]) or None
            return Parts(f"{ws[k]} {nxt}", title, aff, SpeakerKind.PERSON)
        aff = " ".join(w for i, w in enumerate(ws) if i != k) or None
        return Parts(ws[k], title, aff, SpeakerKind.PERSON)
    # Foreign names: the last run of words that are neither organisations nor common nouns,
    # cut to its first two words (given + family name; an unknown company may follow).
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(ws):
        j = i
        while j < len(ws) and not org_like(ws[j], lex) and ws[j] not in glossed and tags[j] != "NNG":
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    if not runs:
        return Parts(None, title, " ".join(ws), SpeakerKind.PERSON)
    a, b = runs[-1]
    b = min(b, a + 2)
    aff = " ".join(w for k, w in enumerate(ws) if not a <= k < b) or None
    return Parts(" ".join(ws[a:b]), title, aff, SpeakerKind.PERSON)


def speaker_like(words: Sequence[str], first_tags: Sequence[str], lex: Lexicon) -> bool:
    """Could the phrase ``words`` be a speaker (a person, organisation, group …)?"""
    parts = parse_mention(words, first_tags, lex)
    if parts.kind in (SpeakerKind.PRONOUN, SpeakerKind.ANONYMOUS, SpeakerKind.COLLECTIVE):
        return True
    if parts.title or parts.surname:
        return True
    if parts.kind == SpeakerKind.PERSON and parts.name:
        return True
    if "측" in words or words[-1].endswith("측") or any(org_like(PAREN.sub("", w), lex) for w in words):
        return True
    return bool(first_tags) and first_tags[-1] in ("NNP", "SL")
