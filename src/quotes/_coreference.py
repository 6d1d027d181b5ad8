"""Resolve short speaker mentions to a name written earlier in the document.

Contract: :func:`resolve` takes the speaker mentions in document order and
returns, for each, the resolved name, the antecedent span and the rule id, or
nothing when the mention is already a name or cannot be resolved safely.
Candidates are every person mention with a name before the mention: earlier
speakers and any ``name + title`` phrase in an earlier sentence (a person is
often introduced in a sentence without a quote).

Rules (precision first: an ambiguous mention stays unresolved):

* ``coref.surname-title`` -- ``장 의원``, ``이 GIO``: the one earlier name with
  that surname (and the same title, when several names share the surname);
* ``coref.last-name`` -- ``포옛 감독``: an earlier full name ending in that word;
* ``coref.title`` -- ``대표는``: the one earlier name with that title;
* ``coref.pronoun`` -- ``그``, ``그녀``: the nearest earlier person mention in the
  same or the previous paragraph, if it has (or resolved to) a name.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._speakers import Parts, noun_phrase_left, parse_mention, subject_candidates, title_of, word_tag
from .records import SpeakerKind

__all__ = ["PersonMention", "person_mentions", "resolve"]


@attrs.frozen
class PersonMention:
    start: int
    end: int
    paragraph: int
    parts: Parts


class MentionIndex:
    """Person mentions found in sentences, computed once per sentence.

    A sentence is analysed only if it contains a title word; subjects of
    sentences (``이도현이``) are added on request, for pronouns.
    """

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        titles = sorted((t for t in lex.titles if len(t) > 1), key=len, reverse=True)
        self.title_re = regex.compile("|".join(regex.escape(t) for t in titles))
        self._titled: dict[int, list[PersonMention]] = {}
        self._subjects: dict[int, list[PersonMention]] = {}

    def in_sentence(self, i: int) -> list[PersonMention]:
        """``name + title`` mentions of sentence ``i``, outside quotes."""
        found = self._titled.get(i)
        if found is not None:
            return found
        s, e, para = self.doc.sentences[i]
        out: list[PersonMention] = []
        if self.title_re.search(self.doc.text, s, e):
            words = self.doc.words(i)
            for k, w in enumerate(words):
                if self.doc.in_top_quote(w.start) is not None:
                    continue
                jpos = next((t.start for t in w.tokens if t.tag.startswith("J")), w.end)
                base = self.doc.text[w.start : jpos].rstrip(".,")
                if not base or title_of(base, self.lex) is None:
                    continue
                end = w.start + len(base)
                out.extend(self._mention(words, k, end, para))
        self._titled[i] = out
        return out

    def subjects(self, i: int) -> list[PersonMention]:
        """Person subjects with a name in sentence ``i`` (``이도현이 …``)."""
        found = self._subjects.get(i)
        if found is not None:
            return found
        s, e, para = self.doc.sentences[i]
        out = []
        for c in subject_candidates(self.doc, i, s, e, self.lex):
            parts = parse_mention(c.words, c.first_tags, self.lex)
            if parts.kind == SpeakerKind.PERSON and parts.name:
                out.append(PersonMention(c.start, c.end, para, parts))
        self._subjects[i] = out
        return out

    def _mention(self, words: Sequence[Word], k: int, end: int, para: int) -> list[PersonMention]:
        start, np_words = noun_phrase_left(self.doc, words, k, end, self.lex)
        texts = [x.text for x in np_words]
        texts[-1] = self.doc.text[np_words[-1].start : end]
        tags = [word_tag(x) for x in np_words]
        parts = parse_mention(texts, tags, self.lex)
        if parts.kind == SpeakerKind.PERSON and (parts.name or parts.surname):
            return [PersonMention(start, end, para, parts)]
        return []


def person_mentions(doc: Doc, lex: Lexicon, before: int) -> list[PersonMention]:
    """Every person mention with a name or surname that ends before ``before``."""
    index = MentionIndex(doc, lex)
    last = doc.sentence_of(before)
    out: list[PersonMention] = []
    for i in range(last + 1):
        out.extend(m for m in index.in_sentence(i) if m.end <= before)
    return out


@attrs.frozen
class Resolution:
    name: str
    start: int
    end: int
    rule: str


def _names(cands: Sequence[PersonMention]) -> set[str]:
    return {c.parts.name for c in cands if c.parts.name}


def resolve(
    doc: Doc, lex: Lexicon, mentions: Sequence[PersonMention], forward: Sequence[bool] = ()
) -> list[Resolution | None]:
    """Resolve each mention in ``mentions`` (document order) against earlier ones.

    A mention flagged in ``forward`` (a headline speaker) may also take its name
    from the next two sentences (``coref.headline-forward``): headlines name
    people by surname before the body gives the full name.
    """
    index = MentionIndex(doc, lex)
    pool: list[PersonMention] = []
    resolved: dict[int, str] = {}  # start -> resolved name, for chained pronouns
    out: list[Resolution | None] = []
    sentence_done = -1
    for k_men, men in enumerate(mentions):
        si = doc.sentence_of(men.start)
        for i in range(sentence_done + 1, si + 1):
            pool.extend(index.in_sentence(i))
        sentence_done = max(sentence_done, si)
        earlier = [p for p in pool if p.end <= men.start]
        if men.parts.kind == SpeakerKind.PRONOUN:
            k = si
            while k >= 0 and men.paragraph - doc.sentences[k][2] <= 1:
                earlier.extend(p for p in index.subjects(k) if p.end <= men.start)
                k -= 1
        earlier = sorted({(p.start, p.end): p for p in earlier}.values(), key=lambda p: p.start)
        res = _resolve_one(men, earlier, resolved)
        if res is None and k_men < len(forward) and forward[k_men] and men.parts.kind != SpeakerKind.PRONOUN:
            later = [p for i in range(si + 1, min(si + 3, len(doc.sentences))) for p in index.in_sentence(i)]
            res = _resolve_one(men, later, resolved)
            if res is not None:
                res = attrs.evolve(res, rule="coref.headline-forward")
        out.append(res)
        if res is not None:
            resolved[men.start] = res.name
        if men.parts.kind in (SpeakerKind.PERSON, SpeakerKind.PRONOUN) and all(p.start != men.start for p in pool):
            pool.append(men)
    return out


def _resolve_one(men: PersonMention, earlier: list[PersonMention], resolved: dict[int, str]) -> Resolution | None:
    p = men.parts
    if p.kind == SpeakerKind.PRONOUN:
        if not earlier:
            return None
        near = [c for c in earlier if c.parts.kind == SpeakerKind.PERSON and men.paragraph - c.paragraph <= 1]
        if not near:
            return None
        last = near[-1]
        name = last.parts.name or resolved.get(last.start)
        if name is None and last.parts.surname:  # 박 대표 … 그는: resolve the antecedent first
            inner = _resolve_one(last, [c for c in earlier if c.end <= last.start], resolved)
            name = inner.name if inner else None
        return Resolution(name, last.start, last.end, "coref.pronoun") if name else None
    if p.kind != SpeakerKind.PERSON and not p.surname:
        return None
    if p.surname:
        cands = [c for c in earlier if c.parts.name and c.parts.name.startswith(p.surname) and " " not in c.parts.name]
        same_title = [c for c in cands if c.parts.title == p.title]
        pick = same_title if len(_names(same_title)) == 1 else cands
        if len(_names(pick)) == 1:
            c = pick[-1]
            return Resolution(c.parts.name or "", c.start, c.end, "coref.surname-title")
        return None
    if p.name and " " not in p.name:
        cands = [c for c in earlier if c.parts.name and " " in c.parts.name and c.parts.name.split()[-1] == p.name]
        if len(_names(cands)) == 1:
            c = cands[-1]
            return Resolution(c.parts.name or "", c.start, c.end, "coref.last-name")
        return None
    if not p.name and p.title and p.title != "씨":
        cands = [c for c in earlier if c.parts.name and c.parts.title == p.title]
        if len(_names(cands)) == 1:
            c = cands[-1]
            return Resolution(c.parts.name or "", c.start, c.end, "coref.title")
    return None
