"""Cues glued to a closing mark: the ending after a quote, and what it governs.

Contract: :func:`attached` reads the ending right after a top-level quote's
closing mark (the particle table, ``particles.tsv``) and returns a
:class:`CueMatch` -- speech or not, the cue's span and lemma, the rule ids that
fired and, when the cue itself names the speaker (``…고 한 X``, ``X의
말이다``), that speaker's phrase -- or ``None`` when nothing is glued to the
mark (then :mod:`quotes._layout` decides by position):

* quotative ``고/라고/이라고`` + a predicate: speech unless the predicate is a
  naming verb (``'…'라고 불린다``) -- rule ``cue.quotative``;
* connective ``며/라며/면서/라면서``: speech, and the speaker is shared with the
  next quote of the sentence -- ``cue.connective``;
* adnominal ``는/라는/이란`` + a speech noun (``입장``, ``발언``): speech --
  ``cue.adnominal``; + ``게/것이`` … ``X의 설명이다``: ``cue.noun-predicate``;
* a case particle or anything else glued to the mark (``'소버린 AI'를``): not
  speech.

:class:`Grammar` holds the tables compiled once per lexicon for every stage.
"""

from __future__ import annotations

import attrs
import regex

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._marks import Family, QuotedSpan
from ._phrases import noun_phrase_left, predicate_of, trim
from .records import CueKind

__all__ = ["CueMatch", "Grammar", "attached", "noun_predicate", "sentence_like", "speech_noun", "words_after"]

AFTER_NONFINAL = ("뒤", "후", "바", "다음", "직후", "데")

# Speech nouns that, after single marks, name a saying or a text rather than speech.
DOUBLE_ONLY_NOUNS = frozenset({"말", "내용", "글", "문자"})

CONDITIONAL = frozenset({"면", "으면", "다면", "라면", "려면", "으려면", "거든"})

SENTENCE_LIKE = regex.compile(r"(?:[.?!…~]|다|요|죠|까|니다|네|지|군|라|자|냐|나|오|소|세요|어|아|야)[.?!…~\s]*$")

NOUN_PREDICATE_TAIL = regex.compile(r"^(?:이다|입니다|이었다|였다|이었습니다|였습니다|이란다|이라고|다)[.…]*")


@attrs.frozen
class CueMatch:
    """What :func:`classify` found for one span (offsets in the cleaned text)."""

    speech: bool
    rules: tuple[str, ...] = ()
    kind: CueKind | None = None
    cue: tuple[int, int, str] | None = None  # start, end, lemma
    links_next: bool = False  # connective: the next quote of the sentence shares the speaker
    coordinated: bool = False  # no ending: takes the cue of the next quote
    clause_end: int = -1  # end of the reporting clause
    speaker_span: tuple[int, int, int] | None = None  # (sentence, start, end) fixed by the cue
    speaker_rule: str | None = None


class Grammar:
    """Compiled tables for cue detection and coreference (built once per lexicon)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        forms = sorted(lex.particles, key=len, reverse=True)
        self.particle = regex.compile(
            r"[ \t]?(?P<p>" + "|".join(regex.escape(f) for f in forms) + r")"
            r"(?=[\s,.…!?·)\]\"“”'‘’]|$)"
        )
        nouns = sorted(lex.speech_nouns, key=len, reverse=True)
        self.speech_noun = regex.compile("(?:" + "|".join(regex.escape(n) for n in nouns) + ")")
        titles = sorted((t for t in lex.titles if len(t) > 1), key=len, reverse=True)
        #: Any title of two or more characters (sentences worth indexing for coreference).
        self.title = regex.compile("|".join(regex.escape(t) for t in titles))


def words_after(doc: Doc, sentence: int, pos: int) -> list[Word]:
    return doc.words_outside_quotes(sentence, pos)


def attached(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """The decision of the ending glued to ``span``'s closing mark (``None``: nothing glued)."""
    assert span.close is not None
    after = span.close + 1
    m = g.particle.match(doc.text, after)
    if m is None:
        glued = after < len(doc.text) and not doc.text[after].isspace() and doc.text[after] not in ",.…!?·)]"
        return CueMatch(False, ("cue.case-particle",)) if glued else None
    form = m.group("p")
    row = g.lex.particles[form]
    pstart, pend = m.start("p"), m.end("p")
    if row.kind == "connective":
        return CueMatch(
            True, ("cue.connective", row.id), CueKind.CONNECTIVE, (pstart, pend, form), links_next=True, clause_end=pend
        )
    if row.kind == "quotative":
        return _quotative(doc, span, sentence, g, pstart, pend, row.id)
    return _adnominal(doc, span, sentence, g, pend, row.id)


def _quotative(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, pstart: int, pend: int, pid: str) -> CueMatch:
    words = words_after(doc, sentence, pend)
    for i, w in enumerate(words):
        pred = predicate_of(w)
        if pred is None:
            continue
        lemma, adnominal = pred
        nxt = words[i + 1] if i + 1 < len(words) else None
        row = g.lex.predicates.get(lemma)
        if adnominal:
            if nxt is not None and nxt.text.startswith(AFTER_NONFINAL) and row is not None:
                pass  # "…"고 말한 뒤: a non-final reporting predicate
            elif i == 0 and nxt is not None and (row is not None or lemma == "하다"):
                if row is not None and row.kind == "naming":
                    return CueMatch(False, ("cue.quotative", pid, row.id, "cue.naming"))
                np = _phrase_right(doc, sentence, words, i + 1, g)
                if np is not None:
                    s, e = trim(w)
                    return CueMatch(
                        True,
                        ("cue.quotative", pid, "cue.relative-clause"),
                        CueKind.PREDICATE,
                        (s, e, lemma),
                        clause_end=e,
                        speaker_span=(sentence, *np),
                        speaker_rule="speaker.relative-head",
                    )
                continue
            else:
                continue
        s, e = trim(w)
        rules = ["cue.quotative", pid]
        if any(t.tag == "EC" and t.form in CONDITIONAL for t in w.tokens):
            return CueMatch(False, (*rules, "cue.conditional"))  # "…"라고 말하면: a hypothetical
        if row is None:
            rules.append("cue.unlisted-predicate")
            prev = words[i - 1] if i > 0 else None
            if prev is not None and prev.tokens and prev.tokens[-1].tag in ("JKO", "JX") and prev.end + 1 >= w.start:
                s = prev.start  # an idiom: 분통을 터트렸다, 목소리를 높였다
        else:
            rules.append(row.id)
            if row.kind == "naming":
                return CueMatch(False, (*rules, "cue.naming"))
            if row.kind == "belief":
                rules.append("cue.belief")
        return CueMatch(True, tuple(rules), CueKind.PREDICATE, (s, e, lemma), clause_end=e)
    return CueMatch(
        True,
        ("cue.quotative", pid, "cue.no-predicate"),
        CueKind.CONNECTIVE,
        (pstart, pend, doc.text[pstart:pend]),
        clause_end=pend,
    )


def _phrase_right(doc: Doc, sentence: int, words: list[Word], i: int, g: Grammar) -> tuple[int, int] | None:
    """The noun phrase that starts at ``words[i]``, up to its particle."""
    for j in range(i, min(i + 5, len(words))):
        w = words[j]
        toks = w.tokens
        if not toks:
            return None
        jpos = next((t.start for t in toks if t.tag.startswith("J")), None)
        if jpos is not None and jpos > w.start:
            return words[i].start, jpos
        if any(t.tag.startswith(("E", "V")) for t in toks):
            return None
    return None


def _adnominal(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar, pend: int, pid: str) -> CueMatch:
    words = words_after(doc, sentence, pend)
    if not words or words[0].start > pend + 1:
        return CueMatch(False, ("cue.adnominal", pid, "cue.no-noun"))
    w0 = words[0]
    if w0.text in ("게", "것이", "것은", "건", "거"):
        found = noun_predicate(doc, sentence, words[1:], g)
        if found is not None:
            return found
        return CueMatch(False, ("cue.adnominal", pid, "cue.no-owner"))
    if w0.text in ("등", "등의") and len(words) > 1:  # "…"는 등의 비판
        w0 = words[1]
    noun = speech_noun(w0, g)
    if noun is None:
        return CueMatch(False, ("cue.adnominal", pid, "cue.not-speech-noun"))
    if noun in DOUBLE_ONLY_NOUNS and span.family == Family.SINGLE:
        return CueMatch(False, ("cue.adnominal", pid, "cue.saying"))  # '…'라는 말: a saying, a slogan
    row = g.lex.speech_nouns[noun]
    return CueMatch(
        True,
        ("cue.adnominal", pid, row.id),
        CueKind.ADNOMINAL,
        (w0.start, w0.start + len(noun), noun),
        clause_end=w0.start + len(noun),
    )


def speech_noun(word: Word, g: Grammar) -> str | None:
    """The speech noun ``word`` starts with, if the rest is only particles."""
    m = g.speech_noun.match(word.text)
    if m is None:
        return None
    end = word.start + m.end()
    rest = [t for t in word.tokens if t.start >= end]
    if any(not t.tag.startswith(("J", "S")) for t in rest):
        return None  # 글귀 is not 글 + particle
    if any(t.start < end < t.end for t in word.tokens):
        return None
    return m.group()


def noun_predicate(doc: Doc, sentence: int, words: list[Word], g: Grammar) -> CueMatch | None:
    """``X의 말이다`` among ``words``: the speech noun, and X as the speaker."""
    all_words = doc.words(sentence)
    for w in words:
        m = g.speech_noun.match(w.text)
        if m is None or not NOUN_PREDICATE_TAIL.match(w.text[m.end() :]):
            continue
        k = next(i for i, x in enumerate(all_words) if x.start == w.start)
        if k == 0:
            continue
        owner = all_words[k - 1]
        if not owner.text.endswith("의") or len(owner.text) < 2:
            continue
        start, _ = noun_phrase_left(doc, all_words, k - 1, owner.end - 1, g.lex)
        noun = m.group()
        return CueMatch(
            True,
            ("cue.noun-predicate", g.lex.speech_nouns[noun].id),
            CueKind.NOUN_PREDICATE,
            (w.start, w.start + len(noun) + 2 if w.text[len(noun) :].startswith("이다") else w.start + len(noun), noun),
            clause_end=trim(w)[1],
            speaker_span=(sentence, start, owner.end - 1),
            speaker_rule="speaker.noun-predicate",
        )
    return None


def sentence_like(doc: Doc, span: QuotedSpan) -> bool:
    content = doc.text[span.content_start : span.content_end].strip()
    return len(content.split()) >= 2 and bool(SENTENCE_LIKE.search(content))
