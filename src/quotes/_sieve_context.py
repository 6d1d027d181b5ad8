"""Speaker sieve rules that read beyond the quote's own sentence.

Contract: like the rules of :mod:`quotes._sieve` (``(ChainView) -> Answer |
None``): the previous quote of the paragraph, the previous paragraph's speaker
(stepping over crawler residue) and a person-like topic or subject of the
sentences before.  None of them crosses a story boundary
(:mod:`quotes._stories`).
"""

from __future__ import annotations

import bisect

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._mentions import is_speaker
from ._phrases import Candidate, person_like, predicate_of, subject_candidates
from ._remark_owner import owned_by_genitive, words_up_to_the_mark
from ._sieve import (
    Answer,
    ChainView,
    clause_subject,
    embedded,
    never_a_speaker,
    temporal_cue,
)
from ._speech import Found
from .records import CueKind, Order

__all__ = [
    "after_a_question",
    "asked_by_no_one",
    "previous_paragraph",
    "previous_quote",
    "previous_sentence",
    "unowned_question",
]

#: Residue paragraphs (``관련 뉴스``) stepped over, and their most words.
RESIDUE_PARAGRAPHS = 2
RESIDUE_WORDS = 3
#: How far back ``speaker.previous-sentence`` looks, in sentences.
PREVIOUS_SENTENCES = 3


def unowned_question(view: ChainView) -> bool:
    """Is the chain one quote asked by no one the text names (:func:`asked_by_no_one`)?"""
    f = view.quotes[view.first]
    if view.first != view.last or not asked_by_no_one(view.doc, view.lex, f):
        return False
    cue = f.cue.cue
    assert cue is not None
    view.reject("speaker.unowned-question", (cue[0], cue[1]), "a question nobody named asked: no speaker")
    return True


def asked_by_no_one(doc: Doc, lex: Lexicon, f: Found) -> bool:
    """The content of a question noun (``question_noun`` words: ``"…"는 질문에``, ``"…"냐는
    질문이 나왔다``; or of a demand or a charge, ``answered_noun`` words: ``"…"는 요구에``)
    with no owner (``기자의 질문``: ``speaker.noun-owner``) and no subject of
    its own before it (``한 기자가 "…"라는 질문에``), the noun answered (``질문에``: an
    ``answered_particle`` row) or raised (``질문이 나왔다``: a subject particle).  The
    sentence's topic answers it (``speaker.after-question``); the previous quote's speaker
    did not ask it.  (``"…"는 질문을 던졌다``: the subject asked.)
    """
    cue = f.cue.cue
    if f.cue.kind != CueKind.ADNOMINAL or cue is None or f.cue.speaker_span is not None:
        return False
    charge = cue[2] in lex.words.get("answered_noun", {})  # (a demand or a charge: "…"라는 지적에)
    if not charge and cue[2] not in lex.words.get("question_noun", {}):
        return False
    word = next((w for w in doc.words(f.sentence) if w.start <= cue[0] < w.end), None)
    after = [t for t in word.tokens if t.start >= cue[1]] if word is not None else []
    answered = after[0].tag == "JKB" and after[0].form in lex.words.get("answered_particle", {}) if after else False
    if not (answered or (after and after[0].tag == "JKS")):
        return False  # 질의로 포문을 열었다, 질의에서 지적했다: the topic asked
    if charge and _taken_up(doc, lex, f.sentence, word):
        return False  # 야당은 "…"는 비판에 나섰다, "…"는 주장에 이어: the topic's own charge
    if owned_by_genitive(words_up_to_the_mark(doc, f.sentence, f.span)):
        return False  # 한 기자의 "…"는 질문: the owner before the mark asks (speaker.genitive)
    cands = subject_candidates(doc, f.sentence, doc.sentences[f.sentence].start, f.span.open, lex)
    return not any(c.role == "subject" and person_like(c, lex) for c in cands)


def _taken_up(doc: Doc, lex: Lexicon, sentence: int, word: Word | None) -> bool:
    """Is the noun's word followed by a predicate that is no topic frame (``비판에 나섰다``, ``주장에 이어``)?"""
    if word is None:
        return False
    nxt = next((w for w in doc.words_outside_quotes(sentence, word.end) if w.start >= word.end), None)
    if nxt is None or doc.has_top_quote(word.end, nxt.start):
        return False  # "…"는 요구에 "…"고 답했다: the quote after it answers
    text = nxt.text.rstrip(",")
    if text in lex.words.get("frame_closer", {}):
        return False  # 비판에 대해서는 "…": a frame, the charge answered
    return text in lex.words.get("opener", {}) or predicate_of(nxt, lex) is not None


def after_a_question(view: ChainView) -> Answer | None:
    """A quote right after a temporal clause that ends in a quote, or after a question nobody
    named asked (:func:`asked_by_no_one`), answers it.

    ``장관은 한 기자가 "…"고 묻자 "…"고 답했다``: the sentence's topic before the
    asker; with no topic (``이에 의원들이 "…"고 묻자 "…"고 답했다``), the speaker of
    the quote before the question, in this paragraph or the one before, rather
    than the asker, whom ``speaker.previous-quote`` would pass on.  With neither,
    the later rules decide (and may still pass the asker on).
    """
    prev = view.first - 1
    if prev < 0:
        return None
    doc, lex, q = view.doc, view.lex, view.quotes[prev]
    if q.sentence != view.sentence:
        return None
    unowned = asked_by_no_one(doc, lex, q)  # 대통령은 "…"냐는 질문에 "…"고 말했다
    if not unowned and not temporal_cue(doc, lex, q):
        return None
    cands = subject_candidates(doc, view.sentence, doc.sentences[view.sentence].start, q.span.open, lex)
    asker = None if unowned else clause_subject(cands, lex)
    limit = asker.start if asker is not None else q.span.open
    topics = [c for c in cands if c.role in ("topic", "collective") and c.end <= limit and person_like(c, lex)]
    if topics:
        where = (view.sentence, topics[-1].start, topics[-1].end)
        return Answer(rule="speaker.after-question", order=Order.SPEAKER_FIRST, where=where)
    k = next((k for k in reversed(view.said) if k < prev and view.quotes[k].span.open < limit), None)
    if k is None:
        return None
    before = view.quotes[k]
    if before.span.open < doc.story_start(view.opening.open) or (
        doc.sentences[before.sentence].paragraph < view.paragraph - 1
    ):
        return None
    return Answer(rule="speaker.after-question", order=Order.ELSEWHERE, inherit=k)


def previous_quote(view: ChainView) -> Answer | None:
    """The speaker of the last quote of this paragraph that has one.

    A sentence between them with a new subject of its own (``박 의원이 웃었다.``)
    ends the run: the quote is left to ``speaker.previous-sentence``.
    """
    prev = view.last_in_paragraph.get(view.paragraph)
    if prev is None:
        return None
    if _new_subject_between(view, view.quotes[prev].sentence + 1, view.sentence, "speaker.previous-quote"):
        return None
    return Answer(rule="speaker.previous-quote", order=Order.ELSEWHERE, inherit=prev)


def previous_paragraph(view: ChainView) -> Answer | None:
    """A quote opening its paragraph continues the speaker of the paragraph before.

    Paragraphs of a few words between (crawler residue such as ``관련 뉴스``) are
    stepped over; any other paragraph without a quote ends the run.
    """
    prev = _last_speaker_before(view)
    if prev is None or not (_opens_paragraph(view) or _only_adverbials_before(view)):
        return None
    if _new_subject_between(view, view.quotes[prev].sentence + 1, view.sentence, "speaker.previous-paragraph"):
        return None
    return Answer(rule="speaker.previous-paragraph", order=Order.ELSEWHERE, inherit=prev)


def _new_subject_between(view: ChainView, first: int, stop: int, rule: str) -> bool:
    """Does a sentence in ``[first, stop)`` without a quote bring a new subject (``박 의원이 웃었다.``)?"""
    for k in range(first, stop):
        new = _own_subject(view, k)
        if new is not None:
            view.reject(rule, (new.start, new.end), "a new subject since the previous quote")
            return True
    return False


def _own_subject(view: ChainView, k: int) -> Candidate | None:
    """The subject of sentence ``k`` holding no quote: a topic with evidence, else its first subject."""
    doc = view.doc
    s, e = doc.sentences[k].start, doc.sentences[k].end
    if doc.has_top_quote(s, e):
        return None
    found = subject_candidates(doc, k, s, e, view.lex)
    return next((c for c in found if c.role == "topic" and _evident(view, c)), None) or _first_subject(view, found)


def _last_speaker_before(view: ChainView) -> int | None:
    """The last quote with a speaker in the paragraph before, stepping over residue lines."""
    p = view.paragraph - 1
    floor = view.doc.story_start(view.opening.open)
    while p >= 0 and view.paragraph - p <= RESIDUE_PARAGRAPHS + 1:
        if _paragraph_start(view.doc, p) < floor:
            return None  # an earlier story's speaker never speaks in this one
        prev = view.last_in_paragraph.get(p)
        if prev is not None:
            return prev
        if not _residue(view.doc, p):
            return None
        p -= 1
    return None


def _paragraph_sentences(doc: Doc, paragraph: int) -> tuple[int, int]:
    """The sentence indexes ``[lo, hi)`` of ``paragraph`` (sentences are in paragraph order: bisection)."""
    lo = bisect.bisect_left(doc.sentences, paragraph, key=lambda s: s.paragraph)
    hi = bisect.bisect_right(doc.sentences, paragraph, lo=lo, key=lambda s: s.paragraph)
    return lo, hi


def _paragraph_start(doc: Doc, paragraph: int) -> int:
    """The offset of the first sentence of ``paragraph``."""
    lo = _paragraph_sentences(doc, paragraph)[0]
    return doc.sentences[lo].start if lo < len(doc.sentences) else len(doc.text)


def _residue(doc: Doc, paragraph: int) -> bool:
    """A paragraph of a few words and no quote (``관련 뉴스``, ``사진``): not a new topic."""
    lo, hi = _paragraph_sentences(doc, paragraph)
    start, end = doc.sentences[lo].start, doc.sentences[hi - 1].end
    text = doc.text[start:end]
    finished = text.rstrip()[-1:] in ".?!"  # 김 감독도 웃었다. is a sentence, not residue
    return len(text.split()) <= RESIDUE_WORDS and not finished and not doc.has_top_quote(start, end)


def _only_adverbials_before(view: ChainView) -> bool:
    """The chain's sentence opens its paragraph, and nothing before the quote is a subject.

    ``백악관에서 "…"며 "…"고 말했다``: time and place before the quote do not
    introduce a new speaker.
    """
    doc = view.doc
    si = view.sentence
    if si > 0 and doc.sentences[si - 1].paragraph == view.paragraph:
        return False
    start = doc.sentences[si].start
    if doc.has_top_quote(start, view.opening.open):
        return False
    cands = subject_candidates(doc, si, start, view.opening.open, view.lex)
    # 단 한 차례도: a counter phrase or a bound noun with a particle names no one
    cands = [c for c in cands if not _no_one(view, c)]
    # 박 선수가 처리한 것과 관련해 "…": a subject closed off by a framing clause is no new speaker, and
    # neither is a subject that names no person (누전이 원인이라는 주민 증언에 대해서도 "…")
    persons = [c for c in cands if person_like(c, view.lex)]
    return all(c.role == "subject" and embedded(view, c) for c in persons)


def _no_one(view: ChainView, c: Candidate) -> bool:
    """A phrase that can never name a speaker: a determiner and a counter (한 차례), a bound noun."""
    if c.words and c.words[0] in view.lex.words.get("anonymous_determiner", {}) and not person_like(c, view.lex):
        return True
    return never_a_speaker(view.doc, view.sentence, c.end)


def _opens_paragraph(view: ChainView) -> bool:
    """Is the chain's first quote the first thing on its line (after opener words)?

    Openers are the ``opener`` words of ``words.tsv`` and the connective
    particles of ``particles.tsv``, each whole.
    """
    doc = view.doc
    s_start = doc.sentences[view.sentence].start
    line_start = doc.text.rfind("\n", 0, s_start) + 1
    rest = doc.text[line_start : view.opening.open].strip(" \t")
    # Opener words (이어, 또), and a connective ending carried over a print-style line break (면서 "…").
    openers = sorted({*view.lex.words.get("opener", {}), *view.lex.connectives, ","}, key=len, reverse=True)
    while rest:
        opener = next((w for w in openers if rest.startswith(w)), None)
        if opener is None:
            return False
        rest = rest[len(opener) :].lstrip(" \t")
    return True


def previous_sentence(view: ChainView) -> Answer | None:
    """A person-like topic of one of the sentences just before, in the same paragraph.

    A quote opening its paragraph looks at the last sentence of the paragraph
    before (in its story, holding no quote): its person-like topic, else its
    first subject (``손 의원이 기자간담회를 열었다.`` / ``"…"고 말했다``).
    """
    rule = "speaker.previous-sentence"
    doc, si = view.doc, view.sentence
    k = si - 1
    while k >= 0 and doc.sentences[k].paragraph == view.paragraph and si - k <= PREVIOUS_SENTENCES:
        s, e = doc.sentences[k].start, doc.sentences[k].end
        found = subject_candidates(doc, k, s, e, view.lex)
        for c in (c for c in found if c.role == "topic"):
            if person_like(c, view.lex):
                return Answer(rule=rule, order=Order.ELSEWHERE, where=(k, c.start, c.end))
            view.reject(rule, (c.start, c.end), "topic of an earlier sentence, but not person-like")
        first = _first_subject(view, found) if k == si - 1 and not doc.has_top_quote(s, e) else None
        if first is not None:  # 김 대표가 간담회를 열었다. 이 자리에서 "…": the sentence just before
            return Answer(rule=rule, order=Order.ELSEWHERE, where=(k, first.start, first.end))
        k -= 1
    if k < 0 or k != si - 1 or doc.sentences[k].paragraph != view.paragraph - 1 or not _opens_paragraph(view):
        return None
    if doc.sentences[k].start < doc.story_start(view.opening.open):
        return None
    pick = _own_subject(view, k)
    if pick is None:
        return None
    return Answer(rule=rule, order=Order.ELSEWHERE, where=(k, pick.start, pick.end))


def _evident(view: ChainView, c: Candidate) -> bool:
    """Person-like with evidence (a title, a name, a listed body): 비가 내렸다 names no one."""
    return person_like(c, view.lex) and is_speaker(c.words, c.first_tags, view.lex)


def _first_subject(view: ChainView, found: list[Candidate]) -> Candidate | None:
    """The sentence's first candidate, when it is a subject (이/가) with evidence."""
    return found[0] if found and found[0].role == "subject" and _evident(view, found[0]) else None
