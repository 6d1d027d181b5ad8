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
``speaker.clause-subject``      a relative-clause quote (``X가 "…"고 밝힌 것은``): X
``speaker.temporal-clause``     a quote ending ``X가 "…"고 묻자``: X, not the topic
``speaker.genitive``            the owner right before the quote (``김 의원의 "…"``)
``speaker.juxtaposed``          a titled name right before the mark (``김 대표 "…"``)
``speaker.subject-after``       the subject after the quote, within the clause
``speaker.next-sentence``       the subject of the next sentence pointing back (``이같이``)
``speaker.after-question``      the answer after ``X가 "…"고 묻자``: the topic, or who spoke before
``speaker.previous-quote``      the speaker of the previous quote of the paragraph
``speaker.previous-paragraph``  the speaker of the previous paragraph's last quote
``speaker.previous-sentence``   a person-like topic of one of the 3 sentences before
==============================  ================================================

After the sieve, ``speaker.lede-forward`` gives a story's opening bare quote (no
cue, no speaker) the speaker of the next quote whose own clause names one, within
two paragraphs: news leads often open with the words and name the speaker after.
Before that, ``speaker.lede-next-subject`` gives it the subject of the next sentence
when that sentence speaks of words said and holds no quote.

Adding a rule is adding one function ``(ChainView) -> Answer | None`` to
:mod:`quotes._sieve` and one row to :data:`SIEVE`.  With a :class:`Trace`,
every rule records what it tried and why it refused (``Extractor.explain``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ._document import Doc, Word
from ._lexicon import Lexicon
from ._marks import Family
from ._mentions import Parts, is_speaker, parse_mention
from ._phrases import person_like, predicate_of, subject_candidates, word_tag
from ._sieve import (
    EMBEDDED_SPEAKER,
    PER_QUOTE_SPEAKER,
    Answer,
    ChainView,
    Trace,
    TraceStep,
    clause_subject,
    framed,
    genitive_owner,
    juxtaposed,
    named_by_cue,
    never_a_speaker,
    next_sentence,
    subject_after,
    subject_before,
)
from ._sieve_context import after_a_question, previous_paragraph, previous_quote, previous_sentence, unowned_question
from ._speech import Found
from .records import Order, QuoteKind

__all__ = ["PER_QUOTE_SPEAKER", "SIEVE", "Attribution", "Sieve", "Trace", "attribute"]


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
            "speaker.headline-comma",
            "speaker.caption",
            "speaker.introduction",
            "speaker.noun-predicate",
            "speaker.clause-noun-predicate",
            "speaker.juxtaposed",
        ),
        named_by_cue,
    ),
    Sieve(
        "subject before the quote",
        ("speaker.subject-before", "speaker.clause-subject", "speaker.reported-subject"),
        subject_before,
    ),
    Sieve("genitive owner", ("speaker.genitive",), genitive_owner),
    Sieve("titled name before the mark", ("speaker.juxtaposed",), juxtaposed),
    Sieve("subject after the quote", ("speaker.subject-after",), subject_after),
    Sieve("next sentence pointing back", ("speaker.next-sentence",), next_sentence),
    Sieve("answer after a question", ("speaker.after-question",), after_a_question),
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


def _phrase(doc: Doc, where: tuple[int, int, int]) -> tuple[list[str], list[str]]:
    """The words of the phrase at ``where`` and the tags of their first morphemes."""
    _, a, b = where
    words = [w for w in doc.words(doc.sentence_of(a)) if w.end > a and w.start < b]
    return [doc.text[max(w.start, a) : min(w.end, b)] for w in words], [word_tag(w, b) for w in words]


def _from_phrase(doc: Doc, where: tuple[int, int, int], rule: str, order: Order, lex: Lexicon) -> Attribution:
    texts, tags = _phrase(doc, where)
    return Attribution(speaker=where[1:], parts=parse_mention(texts, tags, lex), order=order, rules=(rule,))


def _clause_subject(doc: Doc, f: Found, lex: Lexicon) -> tuple[int, int, int] | None:
    """The subject of a relative-clause quote's own clause (``청와대는 문 대통령이 "…"고 표현한 것은``)."""
    sent = doc.sentences[f.sentence]
    inner = clause_subject(subject_candidates(doc, f.sentence, sent.start, f.span.open, lex), lex)
    return (f.sentence, inner.start, inner.end) if inner is not None else None


def _chain_end(doc: Doc, lex: Lexicon, found: Sequence[Found], i: int) -> int:
    """The last quote of the chain opening at ``i``: quotes linked by a connective (``"…"며 "…"``),
    unless the connective's clause closes with its own predicate and a new person-like subject
    follows it (``"…"며 따졌고, 정 의원도 "…"``)."""
    j = i
    while j + 1 < len(found) and found[j].sentence == found[j + 1].sentence and found[j].cue.links_next:
        if _new_clause_between(doc, lex, found[j], found[j + 1]):
            break
        j += 1
    return j


def _new_clause_between(doc: Doc, lex: Lexicon, a: Found, b: Found) -> bool:
    start = doc.span_end(a.span)
    for c in subject_candidates(doc, a.sentence, start, b.span.open, lex):
        words = doc.words_outside_quotes(a.sentence, start, c.start)
        if person_like(c, lex) and any(predicate_of(w, lex) is not None for w in words[1:]):
            return True  # (the first word is the connective glued to the mark: 며)
    return False


def attribute(doc: Doc, found: Sequence[Found], lex: Lexicon, trace: Trace | None = None) -> list[Attribution]:
    """The speaker of every quote in ``found`` (see the module docstring)."""
    out: list[Attribution] = [Attribution() for _ in found]
    last_in_paragraph: dict[int, int] = {}
    said: list[int] = []
    i = 0
    while i < len(found):
        j = _chain_end(doc, lex, found, i)
        si = found[i].sentence
        region_start = doc.sentences[si].start
        prev = found[i - 1] if i > 0 and found[i - 1].sentence == si else None
        if prev is not None and prev.cue.speaker_rule not in EMBEDDED_SPEAKER and not framed(doc, lex, prev):
            region_start = max(doc.span_end(prev.span), prev.cue.clause_end)
        view = ChainView(
            doc=doc,
            lex=lex,
            quotes=found,
            first=i,
            last=j,
            region_start=region_start,
            last_in_paragraph=last_in_paragraph,
            said=said,
            trace=trace,
        )
        if trace is not None:
            trace.chains.append((i, j))
        unowned = unowned_question(view)
        answer = None if unowned else _run_sieve(view)
        for k in range(i, j + 1):
            out[k] = (
                Attribution(rules=("speaker.unowned-question",)) if unowned else _one(doc, found[k], answer, out, lex)
            )
        said.extend(k for k in range(i, j + 1) if out[k].speaker is not None)
        for k in range(i, j + 1):
            if out[k].speaker is not None and found[k].cue.speaker_rule not in (
                "speaker.noun-owner",
                "speaker.according-to",
            ):
                last_in_paragraph[view.paragraph] = k
        i = j + 1
    _lede_forward(doc, found, out, lex, trace)
    return out


#: Cues of a quote that stands alone; as the first quote of a story it is a lede.
LEDE_CUES = frozenset({"cue.standalone", "cue.lede-quote", "cue.headline-alone"})
#: Rules that found a speaker mention of the quote's own clause (a lede may take it).
OWN_MENTION_RULES = frozenset({"speaker.subject-before", "speaker.juxtaposed", "speaker.clause-subject"})
#: Cues of a quote with a reporting verb or connective and no subject: an excerpt's leading quote.
LEADING_CUES = frozenset(
    {"cue.quotative", "cue.connective", "indirect.quotative", "indirect.connective", "indirect.forecast"}
)
#: How many paragraphs after a lede its speaker may be named.
LEDE_PARAGRAPHS = 2


def _lede_forward(doc: Doc, found: Sequence[Found], out: list[Attribution], lex: Lexicon, trace: Trace | None) -> None:
    """``speaker.lede-forward``: a story that opens with a bare quote names its speaker next.

    A quote standing alone as the first quote of its story (no cue, no speaker;
    ``"죄송합니다."`` right after the byline), and any quote with a reporting verb or a
    connective but no subject before the story's first quote with a speaker (an
    excerpt opening with ``이어 "…"라며``), takes the speaker of the next quote whose
    own clause names one (a subject or a titled name before it), in the same
    paragraph or the next two: ``"…"`` / ``이날 기자회견에서 남 감독은 "…"고 말했다``.
    A quote under a speech noun (``"…"는 질문에``, ``"…"는 신고가``) is never led.
    Linear: the next quote with its own mention is found by one pass from the end.
    """
    next_own: list[int | None] = [None] * len(found)
    nxt: int | None = None
    for j in range(len(found) - 1, -1, -1):
        next_own[j] = nxt
        if out[j].speaker is not None and out[j].rules and out[j].rules[0] in OWN_MENTION_RULES:
            nxt = j
    seen_story: set[int] = set()
    named_story: set[int] = set()  # stories in which a quote already has a speaker
    for k, f in enumerate(found):
        story = doc.story_start(f.span.open)
        first_of_story = story not in seen_story
        headline = "cue.headline" in f.cue.rules
        if not headline:  # (a headline's quote does not open the story's body)
            seen_story.add(story)
        leading = story not in named_story and not headline and bool(LEADING_CUES & set(f.cue.rules))
        if out[k].speaker is not None and not headline:
            named_story.add(story)
        if out[k].speaker is not None or f.no_speaker or f.kind not in (QuoteKind.DIRECT, QuoteKind.INDIRECT):
            continue
        lede = first_of_story and bool(LEDE_CUES & set(f.cue.rules))
        if not (lede or leading):
            continue
        subject = _next_subject(doc, f, lex) if lede else None
        if subject is not None:
            out[k] = _from_phrase(doc, subject, "speaker.lede-next-subject", Order.ELSEWHERE, lex)
            if trace is not None:
                step = TraceStep(quote=k, sieve="lede named next", rule=out[k].rules[0], outcome="chose")
                trace.steps.append(attrs.evolve(step, span=out[k].speaker))
            continue
        named = next_own[k]
        if named is None:
            continue
        g = found[named]
        far = doc.sentences[g.sentence].paragraph - doc.sentences[f.sentence].paragraph > LEDE_PARAGRAPHS
        if far or doc.story_start(g.span.open) != story:
            continue
        at = out[named]
        out[k] = attrs.evolve(at, order=Order.ELSEWHERE, rules=(*at.rules, "speaker.lede-forward"))
        if trace is not None:
            trace.steps.append(
                TraceStep(
                    quote=k, sieve="lede named later", rule="speaker.lede-forward", outcome="chose", span=at.speaker
                )
            )


def _next_subject(doc: Doc, f: Found, lex: Lexicon) -> tuple[int, int, int] | None:
    """``speaker.lede-next-subject``: ``"죄송합니다." 피고인 김모씨가 법정에서 남긴 말은 그뿐이었다``.

    A lede quote that ends its sentence is said by the person-like subject of the next
    sentence (same or next paragraph) when that sentence holds no quote of its own and
    speaks of words said: a reporting predicate (``predicates`` rows) or a speech noun
    (``말``, ``각오``).  ``"…" 경찰은 A씨를 구속했다`` names no speaker this way.
    """
    k = f.sentence + 1
    if k >= len(doc.sentences) or doc.sentences[k].paragraph - doc.sentences[f.sentence].paragraph > 1:
        return None
    if doc.text[doc.span_end(f.span) : doc.sentences[f.sentence].end].strip(" .,"):
        return None  # the quote's own sentence goes on
    sent = doc.sentences[k]
    for top in doc.tops_in(sent.start, sent.end):  # (a one-word term, '최후진술'을, is no quote of its own)
        if len(doc.text[top.content_start : top.content_end].split()) > 1 or top.family == Family.DOUBLE:
            return None
    words = doc.words(k)
    if not any(_speech_word(words[i], lex) for i in doc.outside_quotes(k, sent.start, sent.end)):
        return None
    cand = next((c for c in subject_candidates(doc, k, sent.start, sent.end, lex) if person_like(c, lex)), None)
    return (k, cand.start, cand.end) if cand is not None else None


def _speech_word(w: Word, lex: Lexicon) -> bool:
    """A reporting predicate or a speech noun (``남긴 말은``, ``각오를 다졌다``, ``밝혔다``)."""
    pred = predicate_of(w, lex)
    if pred is not None and pred[0] in lex.predicates:
        return True
    cut = next((t.start for t in w.tokens if t.tag.startswith(("J", "S"))), w.end)
    reacted = lex.words.get("answered_particle", {})  # 에: what someone else answers or reacts to
    if any(t.tag == "JKG" or (t.tag == "JKB" and t.form in reacted) for t in w.tokens[1:]):
        return False  # 호소에도, 외침에, 요구에: words someone else reacts to, not the subject's
    return w.text[: cut - w.start] in lex.speech_nouns  # (한마디로: 한/MM 마디/NNG in context)


def _one(doc: Doc, f: Found, answer: Answer | None, done: Sequence[Attribution], lex: Lexicon) -> Attribution:
    """The attribution of one quote of a chain, given the sieve's answer for the chain."""
    if f.no_speaker:
        return Attribution()
    own = f.cue.speaker_span
    if own is not None and f.cue.speaker_rule in PER_QUOTE_SPEAKER:
        order = Order.SPEAKER_FIRST if own[1] < f.span.open else Order.QUOTE_FIRST
        mine = _from_phrase(doc, own, f.cue.speaker_rule or "", order, lex)
        head = doc.text[own[1] : own[2]].split()[-1] if own[2] > own[1] else ""
        if f.cue.speaker_rule != "speaker.relative-head":
            return mine
        never = head in lex.words.get("not_speaker", {}) or never_a_speaker(doc, own[0], own[2])
        if not never and is_speaker(*_phrase(doc, own), lex):
            return mine
        # '…'라고 밝힌 점을, '…'고 발표한 이후 주가가: the head of the relative clause is not a
        # mention (its parts give no title, name or organisation). The clause's own subject
        # speaks (청와대는 문 대통령이 "…"고 표현한 것은: 문 대통령), else the chain's answer.
        inner = _clause_subject(doc, f, lex)
        if inner is not None:
            return _from_phrase(doc, inner, "speaker.clause-subject", Order.SPEAKER_FIRST, lex)
    if answer is None:
        return Attribution()
    if answer.inherit is not None:
        prev = done[answer.inherit]
        return attrs.evolve(prev, order=answer.order, rules=(*prev.rules, answer.rule), ambiguous=False)
    assert answer.where is not None
    return _from_phrase(doc, answer.where, answer.rule, answer.order, lex)
