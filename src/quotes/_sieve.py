"""The rules of the speaker sieve: one function per rule, and what they read.

Contract: each rule is a function ``(ChainView) -> Answer | None``: it looks at
one chain of quotes (quotes of a sentence joined by connectives) in its
document and either answers with a speaker phrase ``(sentence, start, end)``
(or a quote to inherit the speaker from), or returns ``None`` so that the next
rule of :data:`quotes._speakers.SIEVE` is tried.  A rule that looks at a
candidate and refuses it says why through :meth:`ChainView.reject` (recorded
only when a :class:`Trace` is asked for).  Rules read the document and the
lexicon; they never change either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._marks import QuotedSpan
from ._mentions import parse_mention, title_of
from ._phrases import (
    Candidate,
    additive_subjects,
    noun_phrase_left,
    person_like,
    phrase_strings,
    pointing_word,
    predicate_of,
    subject_candidates,
)
from ._remark_owner import genitive_before, words_up_to_the_mark
from ._speech import Found
from .records import Order, SpeakerKind

__all__ = [
    "EMBEDDED_SPEAKER",
    "PER_QUOTE_SPEAKER",
    "Answer",
    "ChainView",
    "Trace",
    "TraceStep",
    "clause_subject",
    "framed",
    "genitive_owner",
    "juxtaposed",
    "named_by_cue",
    "never_a_speaker",
    "next_sentence",
    "subject_after",
    "subject_before",
]

#: Rules by which a cue names the speaker of its own quote only (never shared along a chain).
PER_QUOTE_SPEAKER = frozenset(
    {"speaker.relative-head", "speaker.according-to", "speaker.noun-owner", "speaker.genitive"}
)

#: Speakers named inside the reporting clause of another speaker: they neither end that
#: clause's region nor continue to the next quote (``'…'는 뉴스위크의 보도에 대해 "…"고 밝혔다``).
EMBEDDED_SPEAKER = frozenset(
    {"speaker.relative-head", "speaker.noun-owner", "speaker.according-to", "speaker.genitive"}
)

#: Noun suffixes (XSN) that make abstract nouns, never speakers (비핵화).
ABSTRACT_SUFFIXES = frozenset({"\N{HANGUL SYLLABLE HWA}"})


@attrs.frozen(kw_only=True)
class Answer:
    """What a sieve rule answered: a phrase ``(sentence, start, end)``, or a quote to inherit from."""

    rule: str
    order: Order
    where: tuple[int, int, int] | None = None
    inherit: int | None = None  # index (into the stage's quotes) of the quote whose speaker is taken


@attrs.frozen(kw_only=True)
class TraceStep:
    """One step of the sieve for one chain: a rule answered, refused a candidate, or found nothing."""

    quote: int  # index of the chain's first quote
    sieve: str  # the sieve row's name
    rule: str | None  # the rule id recorded (None when nothing was chosen)
    outcome: str  # "chose", "rejected", "nothing"
    span: tuple[int, int] | None = None
    reason: str = ""


@attrs.define
class Trace:
    """Collects the sieve's steps when an explanation is asked for."""

    steps: list[TraceStep] = attrs.field(factory=list)
    #: ``(first, last)`` index of every chain, in order.
    chains: list[tuple[int, int]] = attrs.field(factory=list)
    #: Maps a cleaned-text span to the caller's string (set by the pipeline).
    to_original: Callable[[int, int], tuple[int, int]] | None = None


@attrs.frozen(kw_only=True)
class ChainView:
    """What a sieve rule may read: the chain, its sentence and the speakers chosen so far."""

    doc: Doc
    lex: Lexicon
    quotes: Sequence[Found]
    first: int  # index of the chain's first quote
    last: int  # index of the chain's last quote
    region_start: int  # where this chain's reporting clause may begin
    last_in_paragraph: dict[int, int]  # paragraph -> index of its last quote with a speaker
    said: Sequence[int] = ()  # indices of the quotes given a speaker so far, in order
    trace: Trace | None = None

    @property
    def chain(self) -> Sequence[Found]:
        return self.quotes[self.first : self.last + 1]

    @property
    def sentence(self) -> int:
        return self.quotes[self.first].sentence

    @property
    def paragraph(self) -> int:
        return self.doc.sentences[self.sentence].paragraph

    @property
    def opening(self) -> QuotedSpan:
        return self.quotes[self.first].span

    def reject(self, rule: str, span: tuple[int, int] | None, reason: str) -> None:
        """Record that ``rule`` looked at ``span`` and refused it (only when tracing)."""
        if self.trace is not None:
            step = TraceStep(quote=self.first, sieve=rule, rule=None, outcome="rejected", span=span, reason=reason)
            self.trace.steps.append(step)


def _order_of(where: tuple[int, int, int], view: ChainView) -> Order:
    if where[0] != view.sentence:
        return Order.ELSEWHERE
    return Order.SPEAKER_FIRST if where[1] < view.opening.open else Order.QUOTE_FIRST


def named_by_cue(view: ChainView) -> Answer | None:
    """A cue of the chain found the speaker itself (headline, caption, introduction …)."""
    for f in view.chain:
        where, rule = f.cue.speaker_span, f.cue.speaker_rule
        if where is not None and rule not in PER_QUOTE_SPEAKER:
            return Answer(rule=rule or "", order=_order_of(where, view), where=where)
    return None


def subject_before(view: ChainView) -> Answer | None:
    """The subject of the reporting clause among the candidates before the quote.

    A person-like topic first, then a person-like subject (``유영상 CEO가 AI는
    '…'라며``: the topic 'AI' belongs to the quoted clause), then a person-like
    phrase with an additive adverb (``관계자 역시 "…"``).  A candidate that is not
    a person, organisation or group is never the speaker (``성장은``, ``날씨는``),
    and a subject that an embedded clause closes before the quote
    (``정부가 발표한 데 대해 "…"``) is that clause's, not the speaker.  A quote that
    ends such a clause itself (``야당은 김 장관이 "…"라고 한 데 대해``) is said by the
    clause's subject (``speaker.clause-subject``), and so is one that ends a temporal
    clause (``장관은 한 기자가 "…"고 묻자``: ``speaker.temporal-clause``).
    """
    rule = "speaker.subject-before"
    cands = subject_candidates(view.doc, view.sentence, view.region_start, view.opening.open, view.lex)
    inner = clause_subject(cands, view.lex) if _framed(view) else None
    if inner is not None:  # 야당은 김 장관이 "…"라고 한 데 대해: the framed clause's subject said it
        where = (view.sentence, inner.start, inner.end)
        return Answer(rule="speaker.clause-subject", order=Order.SPEAKER_FIRST, where=where)
    open_subjects = [c for c in cands if c.role != "subject" or not (embedded(view, c) or _modifies(view, c))]
    own_clause: tuple[tuple[str, Callable[[], bool]], ...] = (
        ("speaker.reported-subject", lambda: _reported_again(view)),  # 대변인은 김 대통령이 "…"고 말했다고 전했다
        ("speaker.temporal-clause", lambda: temporal_cue(view.doc, view.lex, view.quotes[view.last])),  # 묻자
    )
    for own_rule, applies in own_clause:  # the subject of the quote's own clause said it, not the topic
        inner = clause_subject(open_subjects, view.lex) if applies() else None
        if inner is not None:
            return Answer(rule=own_rule, order=Order.SPEAKER_FIRST, where=(view.sentence, inner.start, inner.end))
    cands += _additive_subjects(view)
    pick = _pick_before(view, sorted(cands, key=lambda c: c.start), rule)
    if pick is None:
        return None
    return Answer(rule=rule, order=Order.SPEAKER_FIRST, where=(view.sentence, pick.start, pick.end))


def _pick_before(view: ChainView, cands: list[Candidate], rule: str) -> Candidate | None:
    never = view.lex.words.get("not_speaker", {})
    for c in [c for c in cands if " ".join(c.words) in never]:
        view.reject(rule, (c.start, c.end), "a reflexive or demonstrative pronoun, never the reporting subject")
    cands = [c for c in cands if " ".join(c.words) not in never]
    topics = [c for c in cands if c.role in ("topic", "collective")]
    for c in reversed(topics):
        if person_like(c, view.lex):
            return c
        view.reject(rule, (c.start, c.end), "topic, but not a person, organisation or group")
    for c in reversed(cands):
        if c.role != "subject":
            continue
        if " ".join(c.words) in view.lex.words.get("reflexive_pronoun", {}):
            view.reject(rule, (c.start, c.end), "a reflexive subject (자신이 맡은 역) points back to the topic")
        elif not person_like(c, view.lex):
            view.reject(rule, (c.start, c.end), "subject, but not a person, organisation or group")
        elif embedded(view, c):
            view.reject(rule, (c.start, c.end), "subject of an embedded clause closed before the quote")
        else:
            return c
    return _fallback_topic(view, topics, rule)


def _fallback_topic(view: ChainView, topics: list[Candidate], rule: str) -> Candidate | None:
    """The last topic when no candidate is person-like, unless it cannot be a mention.

    In news, a topic right before a reporting clause is nearly always its
    speaker, and many are institutions the lexicon does not list (``재판부는``,
    ``소방당국은``), so an unknown noun is kept.  A bound noun (``것은``), a numeral
    (``하나는``) or an abstract noun made by a nominaliser or ``-화``
    (``어려움은``, ``비핵화는``) never is a speaker.
    """
    if not topics:
        return None
    c = topics[-1]
    if c.words and c.words[0] in view.lex.words.get("anonymous_determiner", {}):
        view.reject(rule, (c.start, c.end), "a determiner and a noun that names no speaker (한 차례)")
        return None
    if never_a_speaker(view.doc, view.sentence, c.end):
        view.reject(rule, (c.start, c.end), "a bound, numeral or abstract noun, never a speaker")
        return None
    return c


def never_a_speaker(doc: Doc, sentence: int, end: int) -> bool:
    """Is the noun ending at ``end`` a bound noun, a numeral or an abstract noun (``점``, ``하나``, ``비핵화``)?"""
    head = next((w for w in doc.words(sentence) if w.start < end <= w.end), None)
    toks = [t for t in head.tokens if t.start < end and not t.tag.startswith(("J", "S"))] if head is not None else []
    if not toks:
        return True
    abstract = any(t.tag == "ETN" or (t.tag == "XSN" and t.form in ABSTRACT_SUFFIXES) for t in toks)
    return abstract or toks[-1].tag in ("NNB", "NR", "SN")


def clause_subject(cands: Sequence[Candidate], lex: Lexicon) -> Candidate | None:
    """The last person-like subject (이/가) after the last topic: the subject of the quote's own clause."""
    topic_end = max((c.end for c in cands if c.role in ("topic", "collective")), default=-1)
    inner = [c for c in cands if c.role == "subject" and c.start >= topic_end and person_like(c, lex)]
    return inner[-1] if inner else None


def temporal_cue(doc: Doc, lex: Lexicon, f: Found) -> bool:
    """Does quote ``f``'s reporting predicate end a temporal clause (``"…"고 묻자``, ``물으니``:
    a ``temporal_ending`` row), whose subject is not the subject of the sentence?"""
    cue = f.cue.cue
    if cue is None:
        return False
    words = doc.words_outside_quotes(f.sentence, f.span.open)  # never a word inside the next quote
    k = next((k for k, w in enumerate(words) if w.start < cue[1] <= w.end), None)
    nxt = doc.next_top(f.span) if doc.in_top_quote(f.span.open) is f.span else None
    stop = nxt.open if nxt is not None else doc.sentences[f.sentence].end
    for w in [w for w in words[k : k + 3] if w.end <= stop] if k is not None else ():  # 따져 묻자 (serial_ending)
        last = w.tokens[-1] if w.tokens else None
        if last is None or last.tag != "EC":
            return False
        if last.form in lex.words.get("temporal_ending", {}):
            return True
        if last.form not in lex.words.get("serial_ending", {}):
            return False
    return False


def _framed(view: ChainView) -> bool:
    return framed(view.doc, view.lex, view.quotes[view.last])


def _reported_again(view: ChainView) -> bool:
    """Is the chain's reporting predicate itself reported (``"…"고 말했다고 전했다``: it ends in a
    ``quotative_ending`` row of two syllables or more, 다고, 라고, 냐고), by the sentence's topic (no
    subject of its own after it: ``…고 약속했다고 회사 측이 전했다`` is reported by 회사 측)?"""
    cue = view.quotes[view.last].cue.cue
    endings = [e for e in view.lex.words.get("quotative_ending", {}) if len(e) >= 2]
    if cue is None or not view.doc.text[cue[0] : cue[1]].endswith(tuple(endings)):
        return False
    s_end = view.doc.sentences[view.sentence].end
    return not subject_candidates(view.doc, view.sentence, cue[1], s_end, view.lex)


def _modifies(view: ChainView, c: Candidate) -> bool:
    """Is subject ``c`` that of a relative clause before the quote (``박 장관이 참석한 회의에서``)?"""
    words = view.doc.words_outside_quotes(view.sentence, c.end, view.opening.open)
    return any((p := predicate_of(w, view.lex)) is not None and p[1] for w in words)


def framed(doc: Doc, lex: Lexicon, f: Found) -> bool:
    """Does quote ``f`` end a framing clause (``"…"라고 한 데 대해``, ``"…"고 말한 뒤``)?

    Its reporting predicate is adnominal and a ``frame_head`` word follows it.
    """
    span = f.span
    if span.close is None:
        return False
    heads = lex.words.get("frame_head", {})
    words = doc.words_outside_quotes(f.sentence, span.close + 1, doc.sentences[f.sentence].end)
    for w, nxt in list(zip(words, [*words[1:], None], strict=False))[:2]:
        pred = predicate_of(w)
        if pred is not None:
            return pred[1] and nxt is not None and nxt.text.rstrip(",") in heads
    return False


def embedded(view: ChainView, c: Candidate) -> bool:
    """Is subject ``c`` closed off by a framing clause before the quote?  (:func:`closes_a_frame`)"""
    return closes_a_frame(view.doc, view.lex, view.sentence, c.end, view.opening.open)


def closes_a_frame(doc: Doc, lex: Lexicon, sentence: int, a: int, b: int) -> bool:
    """Does a framing clause close in ``[a, b)`` of a sentence (outside quotes)?

    ``정부가 규제를 발표한 데 대해 "…"``, ``서진수가 처리한 것과 관련해 "…"``: an
    adnominal predicate followed by a framing head (``frame_head`` words: 데, 것과,
    뒤 …) or, within three words, by a frame closer (``…다는 평가에 대해``: ``frame_closer``
    words); ``기자가 묻자 "…"``: a temporal ending (``temporal_ending``).
    """
    heads = lex.words.get("frame_head", {})
    endings = lex.words.get("temporal_ending", {})
    closers = lex.words.get("frame_closer", {})
    words = [w for w in doc.words_outside_quotes(sentence, a, b) if w.end <= b]
    for k, (w, nxt) in enumerate(zip(words, [*words[1:], None], strict=False)):
        pred = predicate_of(w)
        if pred is None:
            continue
        if pred[1] and nxt is not None and nxt.text.rstrip(",") in heads:
            return True
        if pred[1] and any(x.text.rstrip(",") in closers for x in words[k + 1 : k + 4]):
            return True  # 승리가 … 될 것 같다는 평가에 대해 "…": the subject of the framed report
        last = w.tokens[-1] if w.tokens else None
        if last is not None and last.tag == "EC" and last.form in endings and not pred[1]:
            return True
    return False


def _additive_subjects(view: ChainView) -> list[Candidate]:
    """``관계자 역시 "…"``, ``정부 또한``: a bare noun phrase before an additive adverb, as a topic."""
    return additive_subjects(view.doc, view.sentence, view.region_start, view.opening.open, view.lex)


def _words_up_to_the_mark(view: ChainView) -> list[Word]:
    return words_up_to_the_mark(view.doc, view.sentence, view.opening)


def genitive_owner(view: ChainView) -> Answer | None:
    """``김 의원의 "…"``: the owner right before the quote."""
    rule = "speaker.genitive"
    owner = genitive_before(view.doc, view.sentence, view.opening, view.lex)
    if owner is None:
        return None
    start, end, person = owner
    if not person:
        view.reject(rule, (start, end), "genitive owner, but not a person, organisation or group")
        return None
    return Answer(rule=rule, order=Order.SPEAKER_FIRST, where=(view.sentence, start, end))


def juxtaposed(view: ChainView) -> Answer | None:
    """``이창용 한국은행 총재 "…"라며``: a titled name right before the mark, no particle."""
    rule = "speaker.juxtaposed"
    doc, lex = view.doc, view.lex
    words = _words_up_to_the_mark(view)
    if not words:
        return None
    last = words[-1]
    if not last.tokens or title_of(last.text, lex) is None:
        return None
    start, np_words = noun_phrase_left(doc, words, len(words) - 1, last.end, lex)
    parts = parse_mention(*phrase_strings(doc, np_words, last.end), lex)
    if parts.kind != SpeakerKind.PERSON or not (parts.name or parts.surname):
        view.reject(rule, (start, last.end), "a title before the mark, but no name with it")
        return None
    return Answer(rule=rule, order=Order.SPEAKER_FIRST, where=(view.sentence, start, last.end))


def subject_after(view: ChainView) -> Answer | None:
    """``"…"라고 김 대표는 밝혔다``: the first subject between the quotes and the end of their clause."""
    doc = view.doc
    clause_end = max(f.cue.clause_end for f in view.chain)
    after_quote = doc.span_end(view.chain[-1].span)
    if clause_end <= after_quote:
        return None
    after = subject_candidates(doc, view.sentence, after_quote, clause_end, view.lex)
    if not after:
        return None
    return Answer(
        rule="speaker.subject-after", order=Order.QUOTE_FIRST, where=(view.sentence, after[0].start, after[0].end)
    )


def next_sentence(view: ChainView) -> Answer | None:
    """``"…." 그 뒤 기자들과 만난 김 대표가 이같이 밝혔다``: the next sentence points back.

    The chain ends its sentence, and the next sentence (same or next paragraph,
    no quote of its own) holds a pointing word (``이같이``, ``이렇게``, ``이처럼``:
    ``intro_demonstrative`` rows; ``이런 말을``: ``pointing_word`` rows) after a
    person-like subject or topic.
    """
    rule = "speaker.next-sentence"
    doc, lex = view.doc, view.lex
    last = view.chain[-1]
    k = last.sentence + 1
    if k >= len(doc.sentences) or doc.sentences[k].paragraph - doc.sentences[last.sentence].paragraph > 1:
        return None
    if doc.text[doc.span_end(last.span) : doc.sentences[last.sentence].end].strip(" .,"):
        return None  # the quote's own sentence goes on: its clause, not the next sentence, reports it
    sent = doc.sentences[k]
    if doc.holds_saying(sent.start, sent.end):  # (a quoted name, '가온폰'을 소개하며, is no quote of its own)
        return None
    pointers = {*lex.words.get("intro_demonstrative", {}), *lex.words.get("pointing_word", {})}
    pointer = pointing_word(doc.words(k), pointers)
    if pointer is None:
        return None
    for c in subject_candidates(doc, k, sent.start, pointer.start, lex):
        if person_like(c, lex):
            return Answer(rule=rule, order=Order.ELSEWHERE, where=(k, c.start, c.end))
        view.reject(rule, (c.start, c.end), "subject of the pointing sentence, but not person-like")
    return None
