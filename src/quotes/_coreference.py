"""Coreference: resolve short speaker mentions (grouping into entities: :mod:`quotes._entities`).

Contract: :func:`resolve` takes person mentions in document order (the speakers'
mentions, from :mod:`quotes._speaker_coref`) and returns for each its resolution:
the name, the antecedent span and the rule id, :data:`AMBIGUOUS` when several
earlier names fit, or ``None``.
Candidates are every person mention with a name before the mention: earlier
speakers and any ``name + title`` phrase in an earlier sentence (a person is
often introduced in a sentence without a quote).
Rules (precision first: an ambiguous mention stays unresolved):

* ``coref.surname-title`` -- ``장 의원``, ``이 GIO``: the one earlier name with
  that surname (and the same title, when several names share the surname);
* ``coref.last-name`` -- ``포옛 감독``: an earlier full name ending in that word;
* ``coref.given-name`` -- ``연서는`` after ``김연서 선수``: the one earlier Korean
  name with that given name (two syllables; sports and entertainment writing);
* ``coref.title`` -- ``대표는``: the one earlier name with that title;
* ``coref.pronoun`` -- ``그``, ``그녀``: the nearest earlier person mention in the
  same or the previous paragraph, if it has (or resolved to) a name; further back
  (up to three paragraphs) only when one person alone is named there.  A head
  count (``200명이``) or an organisation (``통신은`` -> 가온통신) is no antecedent.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from ._document import Doc, Word
from ._joint import split_joint
from ._lexicon import Lexicon
from ._mention_words import kind_words, typical_korean_name
from ._mentions import Parts, is_korean_name, is_speaker, parse_mention, title_of
from ._morphology import Token
from ._organisations import full_name, org_short
from ._phrases import noun_phrase_left, phrase_strings, subject_candidates
from .records import SpeakerKind

__all__ = ["AMBIGUOUS", "PersonMention", "Pool", "resolve"]


@attrs.frozen(kw_only=True)
class PersonMention:
    start: int
    end: int
    paragraph: int
    parts: Parts
    #: "topic" (은/는), "owner" (포옛 감독의 분위기는), "subject" (이/가), "other" (…으로부터): a pronoun's, best first
    role: str = "topic"
    #: The quotes this mention's person spoke (their start and paragraph), inherited ones too.
    spoke: tuple[tuple[int, int], ...] = ()

    def latest_paragraph(self, before: int) -> int:
        """The paragraph of this mention, or of a later quote its person spoke before ``before``."""
        return max((p for pos, p in self.spoke if pos < before), default=self.paragraph)


class MentionIndex:
    """Person mentions found in sentences, computed once per sentence.

    A sentence is analysed only if it contains a title word; subjects of
    sentences (``이도현이``) are added on request, for pronouns.
    """

    def __init__(self, doc: Doc, lex: Lexicon, title_re: regex.Pattern[str]) -> None:
        self.doc = doc
        self.lex = lex
        self.title_re = title_re
        #: 씨 and its kind: a name + honorific introduces a person as a title does
        self.honorifics = tuple(kind_words(lex, "honorific"))
        self._titled: dict[int, list[PersonMention]] = {}
        self._subjects: dict[int, list[PersonMention]] = {}

    def in_sentence(self, i: int) -> list[PersonMention]:
        """``name + title`` mentions of sentence ``i``, outside quotes."""
        found = self._titled.get(i)
        if found is not None:
            return found
        sent = self.doc.sentences[i]
        s, e, para = sent.start, sent.end, sent.paragraph
        out: list[PersonMention] = []
        honorifics = self.honorifics
        if self.title_re.search(self.doc.text, s, e) or any(self.doc.text.find(h, s, e) >= 0 for h in honorifics):
            words = self.doc.words(i)
            for k in self.doc.outside_quotes(i):
                w = words[k]
                # the particle, or a copula the analyser read instead (부부장이: 부부장/NNG 이/VCP)
                j = next((t for t in w.tokens if t.tag.startswith("J") or (t.tag == "VCP" and t is w.tokens[-1])), None)
                base = self.doc.text[w.start : w.end if j is None else j.start].rstrip(".,")
                if not base or (
                    title_of(base, self.lex) is None
                    and not _named_honorific(base, honorifics)
                    and not self._named_after_title(words, k, base)
                ):
                    continue  # 김하늘씨 (a name + 씨), 배우 임서윤 (a title, then the name) introduce a person
                end = w.start + len(base)
                role = self._role(j, words[k + 1] if k + 1 < len(words) else None)
                out.extend(attrs.evolve(m, role=role) for m in self._mention(words, k, end, para))
        self._titled[i] = out
        return out

    def _named_after_title(self, words: Sequence[Word], k: int, base: str) -> bool:
        """``배우 임서윤이``: a Korean name right after a title word."""
        w = words[k]
        return bool(k > 0 and w.tokens and title_of(words[k - 1].text, self.lex) is not None) and is_korean_name(
            base, self.lex, w.tokens[0].tag
        )

    def _role(self, particle: Token | None, nxt: Word | None) -> str:
        topics = kind_words(self.lex, "topic_particle")
        if particle is None:
            return "other"
        if particle.tag == "JX" and particle.form in topics:
            return "topic"
        if particle.tag == "JKG" and nxt is not None and nxt.tokens and nxt.tokens[-1].form in topics:
            return "owner"  # 포옛 감독의 분위기는: after the person topics, before subjects
        return "subject" if particle.tag == "JKS" else "other"

    def subjects(self, i: int) -> list[PersonMention]:
        """Person subjects with a name in sentence ``i`` (``이도현이 …``)."""
        found = self._subjects.get(i)
        if found is not None:
            return found
        sent = self.doc.sentences[i]
        s, e, para = sent.start, sent.end, sent.paragraph
        out = []
        for c in subject_candidates(self.doc, i, s, e, self.lex):
            parts = parse_mention(c.words, c.first_tags, self.lex)
            head_count = parts.name and regex.search(r"\d", parts.name.split()[-1])  # 200명이: names no one
            if head_count or self.doc.one_common_noun(c.start, c.words):  # 지지율은: a noun, not a name
                continue
            if parts.kind == SpeakerKind.PERSON and parts.name and is_speaker(c.words, c.first_tags, self.lex):
                role = "topic" if c.role == "topic" else "subject"
                out.append(PersonMention(start=c.start, end=c.end, paragraph=para, parts=parts, role=role))
        self._subjects[i] = out
        return out

    def _mention(self, words: Sequence[Word], k: int, end: int, para: int) -> list[PersonMention]:
        start, np_words = noun_phrase_left(self.doc, words, k, end, self.lex)
        texts, tags = phrase_strings(self.doc, np_words, end)
        parts = parse_mention(texts, tags, self.lex)
        if parts.kind != SpeakerKind.PERSON or not (parts.name or parts.surname):
            return []
        out = [PersonMention(start=start, end=end, paragraph=para, parts=parts)]
        joint = split_joint(texts, lambda w: is_korean_name(w, self.lex))
        if joint is not None:  # 윤지호·한서진 사장: the second person too, with the same title
            b = np_words[joint[2]].start + joint[3]
            second = attrs.evolve(parts, name=joint[1])
            out.append(PersonMention(start=b, end=b + len(joint[1]), paragraph=para, parts=second))
        return out


#: How many paragraphs back a pronoun may look when one person alone is named there.
PRONOUN_PARAGRAPHS = 3
#: A Korean name written in Hangul syllables only.
HANGUL_NAME = regex.compile(r"\p{Hangul}+")


def _title_keys(title: str, lex: Lexicon | None) -> list[str]:
    """A title as written and its lexicon base (``외교부 1차관``, ``외교차관`` -> also ``차관``)."""
    base = title_of(title.rsplit(maxsplit=1)[-1], lex) if lex is not None and title.split() else None
    return [title] if base is None or base == title else [title, base]


def _named_honorific(base: str, honorifics: tuple[str, ...]) -> bool:
    """``박도현씨``: two or more syllables before an honorific (``날씨`` and ``솜씨`` fail in parsing)."""
    return any(base.endswith(h) and len(base) - len(h) >= 2 for h in honorifics)


@attrs.frozen(kw_only=True)
class Resolution:
    name: str
    start: int
    end: int
    rule: str


def _head(title: str | None) -> str | None:
    return title.split()[-1] if title else None


def _titles_agree(a: str | None, b: str | None) -> bool:
    """May one person hold both titles?  Unknown, equal, or one inside the other (감독 / 감독대행).

    ``김 부부장`` never resolves to ``김정은 국무위원장``: the titles differ.
    """
    if not a or not b:
        return True
    va, vb = _title_forms(a), _title_forms(b)
    return any(x in y or y in x for x in va for y in vb)


def _title_forms(title: str) -> list[str]:
    """A title and its glosses: ``최고경영자(CEO)`` -> ``최고경영자``, ``CEO``."""
    joined = "".join(title.split())
    inner = regex.findall(r"\(([^()]+)\)", joined)
    base = regex.sub(r"\([^()]*\)", "", joined)
    return [f for f in (base, *inner) if f]


def _names(cands: Sequence[PersonMention]) -> set[str]:
    return {c.parts.name for c in cands if c.parts.name}


AMBIGUOUS = Resolution(name="", start=-1, end=-1, rule="coref.ambiguous")


class Pool:
    """Person mentions seen so far, indexed by surname, family name and title.

    Lookups cost the number of mentions sharing the key, not the length of the
    document, so resolution stays linear on long input.  Filling the pool from
    the document analyses every earlier sentence with a title word, so it is
    lazy: :meth:`index_upto` and :meth:`add` are queued in order and replayed
    (same order, same pool) on the first lookup, and a document whose mentions
    never look anything up never pays for it.
    """

    def __init__(
        self,
        text: str = "",
        index: Callable[[int], Iterable[PersonMention]] | None = None,
        lex: Lexicon | None = None,
    ) -> None:
        self._text = text
        self._lex = lex
        self._index = index
        self._queue: list[int | PersonMention] = []  # a sentence to index up to, or a mention to add
        self._indexed = -1
        self._seen: set[tuple[int, int]] = set()
        self._starts: list[int] = []
        self._persons: list[PersonMention] = []
        self._by_surname: dict[str, list[PersonMention]] = {}
        self._by_family: dict[str, list[PersonMention]] = {}
        self._by_title: dict[str, list[PersonMention]] = {}
        self._by_given: dict[str, list[PersonMention]] = {}

    def index_upto(self, sentence: int) -> None:
        """Add the mentions of every sentence up to ``sentence`` (on the next lookup)."""
        self._queue.append(sentence)

    def add(self, m: PersonMention) -> None:
        """Add ``m`` (after anything queued before it)."""
        if self._queue:
            self._queue.append(m)
        else:
            self._add(m)

    def titles_agree(self, c: PersonMention, title: str | None) -> bool:
        """May ``c`` hold ``title`` too?  Its own title agrees, or its mention writes it (``최고경영자(CEO)``)."""
        return _titles_agree(c.parts.title, title) or bool(title and title in self._text[c.start : c.end])

    def written_before(self, word: str, pos: int, floor: int = 0) -> bool:
        """Does ``word`` occur in the document between ``floor`` and ``pos``?  (Cheap: no analysis.)"""
        return self._text.find(word, floor, pos) >= 0

    def surname(self, key: str) -> list[PersonMention]:
        self._flush()
        return self._by_surname.get(key, [])

    def family(self, key: str) -> list[PersonMention]:
        self._flush()
        return self._by_family.get(key, [])

    def given(self, key: str) -> list[PersonMention]:
        """Korean full names whose given name (the last two syllables) is ``key``."""
        self._flush()
        return self._by_given.get(key, [])

    def title(self, key: str) -> list[PersonMention]:
        self._flush()
        return self._by_title.get(key, [])

    def _flush(self) -> None:
        for step in self._queue:
            if isinstance(step, int):
                assert self._index is not None
                for i in range(self._indexed + 1, step + 1):
                    for m in self._index(i):
                        self._add(m)
                self._indexed = max(self._indexed, step)
            else:
                self._add(step)
        self._queue.clear()

    def _add(self, m: PersonMention) -> None:
        key = (m.start, m.end)
        if key in self._seen:
            return
        self._seen.add(key)
        k = bisect.bisect_right(self._starts, m.start)
        self._starts.insert(k, m.start)
        self._persons.insert(k, m)
        name = m.parts.name
        if name and " " not in name:
            self._by_surname.setdefault(name[0], []).append(m)
            if len(name) == 4:
                self._by_surname.setdefault(name[:2], []).append(m)
            if len(name) in (3, 4) and HANGUL_NAME.fullmatch(name):
                self._by_given.setdefault(name[-2:], []).append(m)  # 김연서 -> 연서, 남궁민수 -> 민수
            if len(name) >= 3 and self._lex is not None and not typical_korean_name(name, self._lex):
                self._by_family.setdefault(name[:2], []).append(m)  # 마오닝 -> 마오 (Chinese order; not 김민수 -> 김민)
        if name and " " in name:
            parts = name.split()
            self._by_family.setdefault(parts[-1], []).append(m)
            if parts[0] != parts[-1]:  # 다카하시 겐지: family name first
                self._by_family.setdefault(parts[0], []).append(m)
        if name and m.parts.title:
            for title in _title_keys(m.parts.title, self._lex):
                self._by_title.setdefault(title, []).append(m)

    def before(self, pos: int, limit: int = 8) -> list[PersonMention]:
        """Up to ``limit`` person mentions ending before ``pos``, nearest last."""
        self._flush()
        k = bisect.bisect_left(self._starts, pos)
        out = [m for m in self._persons[max(0, k - limit) : k] if m.end <= pos]
        return sorted(out, key=lambda m: m.start)


def resolve(
    doc: Doc,
    lex: Lexicon,
    title_re: regex.Pattern[str],
    mentions: Sequence[PersonMention],
    forward: Sequence[bool] = (),
) -> list[Resolution | None]:
    """Resolve each mention in ``mentions`` (document order) against earlier ones.

    A mention flagged in ``forward`` (a headline speaker) may also take its name
    from the next two body sentences (``coref.headline-forward``): headlines name
    people by surname before the body gives the full name.
    """
    index = MentionIndex(doc, lex, title_re)
    pool = Pool(doc.text, index.in_sentence, lex)
    resolved: dict[int, str] = {}  # start -> resolved name, for chained pronouns
    out: list[Resolution | None] = []
    for k_men, men in enumerate(mentions):
        si = doc.sentence_of(men.start)
        pool.index_upto(si)
        if men.parts.kind == SpeakerKind.PRONOUN:
            k = si
            while k >= 0 and men.paragraph - doc.sentences[k].paragraph <= 1 and si - k < 12:
                for m in index.subjects(k):
                    pool.add(m)
                k -= 1
        res = _resolve_one(men, pool, resolved, lex, floor=doc.story_start(men.start))
        if res is None and men.parts.kind in (SpeakerKind.ORGANISATION, SpeakerKind.COLLECTIVE):
            found = full_name(doc, men.start, org_short(doc.text[men.start : men.end], men.parts, lex), lex)
            res = Resolution(name=found[0], start=found[1], end=found[2], rule=found[3]) if found else None
        if res is None and k_men < len(forward) and forward[k_men] and men.parts.kind != SpeakerKind.PRONOUN:
            later = Pool(lex=lex)
            for i in doc.body_sentences(si):
                for m in index.in_sentence(i):
                    later.add(m)
            res = _resolve_one(men, later, resolved, lex, ahead=True)
            if res is not None:
                res = attrs.evolve(res, rule="coref.headline-forward")
        out.append(res)
        if res is not None and res is not AMBIGUOUS:
            resolved[men.start] = res.name
        if men.parts.kind in (SpeakerKind.PERSON, SpeakerKind.PRONOUN) or men.start in resolved:
            pool.add(men)
    return out


def _resolve_one(
    men: PersonMention, pool: Pool, resolved: dict[int, str], lex: Lexicon, *, ahead: bool = False, floor: int = 0
) -> Resolution | None:
    """Resolve ``men`` against the pool: only mentions of its own story (from ``floor`` on) count."""
    p = men.parts

    def usable(cands: Sequence[PersonMention]) -> list[PersonMention]:
        return [c for c in cands if c.start >= floor and (ahead or c.end <= men.start)]

    if p.kind == SpeakerKind.PRONOUN:
        persons = [
            c
            for c in pool.before(men.start, limit=16)
            if (c.parts.kind == SpeakerKind.PERSON or c.start in resolved)  # 한 감독 -> 한정우
            and c.parts.kind != SpeakerKind.ORGANISATION  # (통신 -> 가온통신: no person)
            and c.role != "other"
            and c.start >= floor
        ]
        near = [c for c in persons if men.paragraph - c.latest_paragraph(men.start) <= 1]  # (or spoke since)
        if not near:
            # 김 대표는 … / 행사에는 200명이 참석했다. / 그는 "…": further back only when one
            # person is named in the window, so that no one else could be meant
            far = [c for c in persons if men.paragraph - c.paragraph <= PRONOUN_PARAGRAPHS]
            named = {resolved.get(c.start) or c.parts.name for c in far}
            near = far if len(named) == 1 and None not in named else []
        if not near:
            return None
        ranked = [c for c in near if c.role == "topic"] or [c for c in near if c.role == "owner"] or near
        last = ranked[-1]  # the latest person topic, not a name in an adverbial (…으로부터)
        name = resolved.get(last.start) or last.parts.name  # 벨리니 장관 -> 마르코 벨리니
        if name is None and last.parts.surname:  # 박 대표 … 그는: resolve the antecedent first
            inner = _resolve_one(last, pool, resolved, lex, floor=floor)
            name = inner.name if inner else None
        return Resolution(name=name, start=last.start, end=last.end, rule="coref.pronoun") if name else None
    given = _given_name(men, pool, usable, lex)
    if given is not None:
        return given
    if p.kind != SpeakerKind.PERSON and not p.surname:
        return None
    if p.surname:
        # 씨 goes with any title: 정하은 작가 ... 정씨
        title = None if p.title in kind_words(lex, "honorific") else p.title
        cands = [c for c in usable(pool.surname(p.surname)) if pool.titles_agree(c, title)]
        same_title = [c for c in cands if _head(c.parts.title) == _head(p.title)]
        pick = same_title if len(_names(same_title)) == 1 else cands
        if len(_names(pick)) == 1:
            c = pick[-1]
            return Resolution(name=c.parts.name or "", start=c.start, end=c.end, rule="coref.surname-title")
        if len(_names(pick)) > 1:
            return AMBIGUOUS
        return None
    if p.name and " " not in p.name:
        if not ahead and not pool.written_before(p.name, men.start, floor):
            return None  # only a longer name written earlier (펠르랭 after 플뢰르 펠르랭) could match
        cands = usable(pool.family(p.name))
        if len(_names(cands)) > 1:
            return AMBIGUOUS
        if len(_names(cands)) == 1:
            c = cands[-1]
            return Resolution(name=c.parts.name or "", start=c.start, end=c.end, rule="coref.last-name")
        return None
    if not p.name and p.title and p.title not in kind_words(lex, "honorific"):
        by_start = {c.start: c for key in _title_keys(p.title, lex) for c in pool.title(key)}
        cands = usable([by_start[k] for k in sorted(by_start)])
        if len(_names(cands)) == 1:
            c = cands[-1]
            return Resolution(name=c.parts.name or "", start=c.start, end=c.end, rule="coref.title")
    return None


def _given_name(
    men: PersonMention, pool: Pool, usable: Callable[[Sequence[PersonMention]], list[PersonMention]], lex: Lexicon
) -> Resolution | None:
    """``연서는``, ``서윤씨`` after ``김연서 선수`` (sports and entertainment writing): the given name alone,
    or with an honorific (``씨``).

    A bare word of two Hangul syllables (the analyser may have read it as a
    person or an unknown organisation) takes the one earlier Korean full name
    of its story with that given name; several such names: ambiguous.
    """
    p = men.parts
    bare = p.name is not None and len(p.name) == 2 and HANGUL_NAME.fullmatch(p.name) is not None
    unknown_noun = p.kind == SpeakerKind.ORGANISATION and not p.rules  # not a listed organisation (정부)
    titled = p.title is not None and p.title not in kind_words(lex, "honorific")
    if not bare or titled or p.surname or p.affiliation or not (p.kind == SpeakerKind.PERSON or unknown_noun):
        return None
    cands = [c for c in usable(pool.given(p.name or "")) if c.parts.kind == SpeakerKind.PERSON]
    names = _names(cands)
    if len(names) > 1:
        return AMBIGUOUS
    if not names:
        return None
    c = cands[-1]
    return Resolution(name=c.parts.name or "", start=c.start, end=c.end, rule="coref.given-name")
