"""The speaker stage: an ordered sieve that picks the speaker of each quote.

Contract: :func:`attribute` takes the speech quotes of a document (from
:mod:`quotes._speech` and :mod:`quotes._indirect`, in text order) and returns
one frozen :class:`Attribution` per quote: the speaker phrase (cleaned-text
offsets) split into its :class:`~quotes._mentions.Parts`, where it stands
(:class:`~quotes.Order`) and the rule ids that chose it.  Nothing is resolved
here: short references (``이 총재``, ``그``) are left to
:mod:`quotes._coreference`.

Quotes of one sentence joined by connectives (``"…"며 "…"고 말했다``) form a
*chain* and share one speaker.  A quote whose own cue names its speaker
(``…고 한 X``, ``X에 따르면``) keeps that speaker.  For the rest of the chain
the rules of :data:`SIEVE` are tried in order, in the spirit of the quote
attribution sieves of Stanford CoreNLP, until one answers:

==============================  ================================================
rule                            answers with
==============================  ================================================
named by the cue                the speaker a cue found itself (headline, caption,
                                introduction, ``X의 말이다``, a name after the quote)
``speaker.subject-before``      the subject of the reporting clause before the quote
``speaker.genitive``            the owner right before the quote (``김 의원의 "…"``)
``speaker.juxtaposed``          a titled name right before the mark (``김 대표 "…"``)
``speaker.subject-after``       the subject after the quote, within the clause
``speaker.previous-quote``      the speaker of the previous quote of the paragraph
``speaker.previous-paragraph``  the speaker of the previous paragraph's last quote
``speaker.previous-sentence``   a person-like topic of one of the 3 sentences before
==============================  ================================================

Adding a rule is adding one function ``(ChainView) -> Answer | None`` and one
row to :data:`SIEVE`.  With a :class:`Trace`, every rule records what it tried
and why it refused (``Extractor.explain``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._marks import QuotedSpan
from ._mentions import Parts, parse_mention, title_of
from ._phrases import Candidate, noun_phrase_left, person_like, subject_candidates, word_tag
from ._speech import Found
from .records import Order, SpeakerKind

__all__ = ["SIEVE", "Answer", "Attribution", "ChainView", "Sieve", "Trace", "TraceStep", "attribute"]

#: Rules by which a cue names the speaker of its own quote only (never shared along a chain).
PER_QUOTE_SPEAKER = frozenset({"speaker.relative-head", "speaker.according-to"})
#: How far back ``speaker.previous-sentence`` looks, in sentences.
PREVIOUS_SENTENCES = 3


@attrs.frozen(kw_only=True)
class Attribution:
    """The speaker chosen for one quote (cleaned-text offsets); empty when none was found."""

    speaker: tuple[int, int] | None = None
    parts: Parts | None = None
    order: Order = Order.NONE
    rules: tuple[str, ...] = ()
    antecedent: tuple[int, int] | None = None
    resolved_name: str | None = None
    ambiguous: bool = False


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
    '…'라며``: the topic 'AI' belongs to the quoted clause), then any topic.
    """
    rule = "speaker.subject-before"
    cands = subject_candidates(view.doc, view.sentence, view.region_start, view.opening.open, view.lex)
    pick = _pick_before(view, cands, rule)
    if pick is None:
        return None
    return Answer(rule=rule, order=Order.SPEAKER_FIRST, where=(view.sentence, pick.start, pick.end))


def _pick_before(view: ChainView, cands: list[Candidate], rule: str) -> Candidate | None:
    topics = [c for c in cands if c.role in ("topic", "collective")]
    for c in reversed(topics):
        if person_like(c, view.lex):
            return c
        view.reject(rule, (c.start, c.end), "topic, but not a person, organisation or group")
    for c in reversed(cands):
        if c.role == "subject" and person_like(c, view.lex):
            return c
    return topics[-1] if topics else None


def _words_up_to_the_mark(view: ChainView) -> list[Word]:
    """The words of the sentence before the chain's opening mark, if the last one touches it."""
    doc, span = view.doc, view.opening
    words = [w for w in doc.words_outside_quotes(view.sentence, 0, span.open) if w.end <= span.open]
    if not words or doc.text[words[-1].end : span.open].strip():
        return []
    return words


def genitive_owner(view: ChainView) -> Answer | None:
    """``김 의원의 "…"는 발언``: the owner right before the quote."""
    rule = "speaker.genitive"
    doc, lex = view.doc, view.lex
    words = _words_up_to_the_mark(view)
    if not words:
        return None
    last = words[-1]
    if not last.tokens or last.tokens[-1].tag != "JKG" or last.tokens[-1].start <= last.start:
        return None
    end = last.tokens[-1].start
    start, np_words = noun_phrase_left(doc, words, len(words) - 1, end, lex)
    texts = [x.text for x in np_words]
    texts[-1] = doc.text[np_words[-1].start : end]
    tags = tuple(word_tag(x) for x in np_words)
    if not person_like(
        Candidate(start=start, end=end, particle="의", role="genitive", words=tuple(texts), first_tags=tags), lex
    ):
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
    parts = parse_mention([x.text for x in np_words], [word_tag(x) for x in np_words], lex)
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


def previous_quote(view: ChainView) -> Answer | None:
    """The speaker of the last quote of this paragraph that has one."""
    prev = view.last_in_paragraph.get(view.paragraph)
    if prev is None:
        return None
    return Answer(rule="speaker.previous-quote", order=Order.ELSEWHERE, inherit=prev)


def previous_paragraph(view: ChainView) -> Answer | None:
    """A quote opening its paragraph continues the speaker of the paragraph before."""
    prev = view.last_in_paragraph.get(view.paragraph - 1)
    if prev is None or not _opens_paragraph(view):
        return None
    return Answer(rule="speaker.previous-paragraph", order=Order.ELSEWHERE, inherit=prev)


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
    """A person-like topic of one of the sentences just before, in the same paragraph."""
    rule = "speaker.previous-sentence"
    doc, si = view.doc, view.sentence
    k = si - 1
    while k >= 0 and doc.sentences[k].paragraph == view.paragraph and si - k <= PREVIOUS_SENTENCES:
        s, e = doc.sentences[k].start, doc.sentences[k].end
        cands = [c for c in subject_candidates(doc, k, s, e, view.lex) if c.role == "topic"]
        for c in cands:
            if person_like(c, view.lex):
                return Answer(rule=rule, order=Order.ELSEWHERE, where=(k, c.start, c.end))
            view.reject(rule, (c.start, c.end), "topic of an earlier sentence, but not person-like")
        k -= 1
    return None


@attrs.frozen
class Sieve:
    """One rule of the sieve: a label, the rule ids it records, the function."""

    name: str
    rules: tuple[str, ...]
    find: Callable[[ChainView], Answer | None]


#: The sieve, in the order its rules are tried (printed in the docs).
SIEVE: tuple[Sieve, ...] = (
    Sieve(
        "named by the cue",
        (
            "speaker.headline",
            "speaker.caption",
            "speaker.introduction",
            "speaker.noun-predicate",
            "speaker.juxtaposed",
        ),
        named_by_cue,
    ),
    Sieve("subject before the quote", ("speaker.subject-before",), subject_before),
    Sieve("genitive owner", ("speaker.genitive",), genitive_owner),
    Sieve("titled name before the mark", ("speaker.juxtaposed",), juxtaposed),
    Sieve("subject after the quote", ("speaker.subject-after",), subject_after),
    Sieve("previous quote of the paragraph", ("speaker.previous-quote",), previous_quote),
    Sieve("previous paragraph", ("speaker.previous-paragraph",), previous_paragraph),
    Sieve("topic of a sentence before", ("speaker.previous-sentence",), previous_sentence),
)


def _run_sieve(view: ChainView) -> Answer | None:
    for row in SIEVE:
        answer = row.find(view)
        if view.trace is not None:
            step = TraceStep(quote=view.first, sieve=row.name, rule=None, outcome="nothing")
            if answer is not None:
                span = (answer.where[1], answer.where[2]) if answer.where is not None else None
                step = attrs.evolve(step, rule=answer.rule, outcome="chose", span=span)
            view.trace.steps.append(step)
        if answer is not None:
            return answer
    return None


def _from_phrase(doc: Doc, where: tuple[int, int, int], rule: str, order: Order, lex: Lexicon) -> Attribution:
    _, a, b = where
    words = [w for w in doc.words(doc.sentence_of(a)) if w.end > a and w.start < b]
    texts = [doc.text[max(w.start, a) : min(w.end, b)] for w in words]
    tags = [word_tag(w, b) for w in words]
    return Attribution(speaker=(a, b), parts=parse_mention(texts, tags, lex), order=order, rules=(rule,))


def _chain_end(found: Sequence[Found], i: int) -> int:
    j = i
    while j + 1 < len(found) and found[j].sentence == found[j + 1].sentence and found[j].cue.links_next:
        j += 1
    return j


def attribute(doc: Doc, found: Sequence[Found], lex: Lexicon, trace: Trace | None = None) -> list[Attribution]:
    """The speaker of every quote in ``found`` (see the module docstring)."""
    out: list[Attribution] = [Attribution() for _ in found]
    last_in_paragraph: dict[int, int] = {}
    i = 0
    while i < len(found):
        j = _chain_end(found, i)
        si = found[i].sentence
        region_start = doc.sentences[si].start
        prev = found[i - 1] if i > 0 and found[i - 1].sentence == si else None
        if prev is not None and prev.cue.speaker_rule != "speaker.relative-head":
            region_start = max(doc.span_end(prev.span), prev.cue.clause_end)
        view = ChainView(
            doc=doc,
            lex=lex,
            quotes=found,
            first=i,
            last=j,
            region_start=region_start,
            last_in_paragraph=last_in_paragraph,
            trace=trace,
        )
        if trace is not None:
            trace.chains.append((i, j))
        answer = _run_sieve(view)
        for k in range(i, j + 1):
            out[k] = _one(doc, found[k], answer, out, lex)
        for k in range(i, j + 1):
            if out[k].speaker is not None:
                last_in_paragraph[view.paragraph] = k
        i = j + 1
    return out


def _one(doc: Doc, f: Found, answer: Answer | None, done: Sequence[Attribution], lex: Lexicon) -> Attribution:
    """The attribution of one quote of a chain, given the sieve's answer for the chain."""
    if f.no_speaker:
        return Attribution()
    own = f.cue.speaker_span
    if own is not None and f.cue.speaker_rule in PER_QUOTE_SPEAKER:
        order = Order.SPEAKER_FIRST if own[1] < f.span.open else Order.QUOTE_FIRST
        return _from_phrase(doc, own, f.cue.speaker_rule or "", order, lex)
    if answer is None:
        return Attribution()
    if answer.inherit is not None:
        prev = done[answer.inherit]
        return attrs.evolve(prev, order=answer.order, rules=(*prev.rules, answer.rule), ambiguous=False)
    assert answer.where is not None
    return _from_phrase(doc, answer.where, answer.rule, answer.order, lex)
