"""Speech or not: decide every top-level quoted span of a document.

Contract: :func:`find_speech` classifies each top-level quote of a
:class:`~quotes._document.Doc` -- first by the ending glued to its closing mark
(:func:`quotes._cues.attached`), else by its position
(:func:`quotes._layout.unattached`); a closing mark glued to an
attribution (``"…"(이름``, ``"…"=이름``, ``』-이름``) is first read as a
collection item (:func:`quotes._items.collection_after`), a quote glued to the next one
(``"A""B"라고``) takes its decision, and a clause glued to the body after a title block is a
headline (:func:`quotes._glued_headline.glued_headline`) -- and returns the speech quotes as frozen
:class:`Found` records, in text order, with the rejected spans and the rules
that rejected them, and then the utterances set out without marks in a transcript
layout (:func:`quotes._transcripts.find_unmarked`).  Coordinated quotes (``"A", "B"면서``) take the decision of
the quote after them.
"""

from __future__ import annotations

import attrs

from ._cues import CueMatch, Grammar, attached
from ._document import Doc
from ._glued_headline import glued_headline
from ._items import GLUED_ATTRIBUTION, collection_after
from ._layout import unattached
from ._marks import QuotedSpan
from ._remark_owner import owned_remark
from ._transcripts import find_unmarked
from .records import QuoteKind

__all__ = ["Found", "classify", "find_speech"]


@attrs.frozen(kw_only=True)
class Found:
    """A quote found to be speech (cleaned-text offsets), before its speaker is chosen."""

    span: QuotedSpan
    sentence: int
    cue: CueMatch
    rules: tuple[str, ...]
    kind: QuoteKind = QuoteKind.DIRECT
    no_speaker: bool = False  # a sourceless report (hearsay): never given a speaker
    unmarked: bool = False  # set out in a transcript layout, without quotation marks


def classify(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch:
    """Decide whether ``span`` is speech and find its cue (a remark's genitive owner its speaker)."""
    return owned_remark(doc, span, sentence, _decide(doc, span, sentence, g), g.lex)


def _decide(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch:
    if span.close is None:
        return unattached(doc, span, sentence, g, unclosed=True)
    found = attached(doc, span, sentence, g)
    if found is not None and found.rules == ("cue.case-particle",):
        nxt = doc.next_top(span)
        if nxt is not None and nxt.open == doc.span_end(span):  # ``"A""B"라고``: back to back, one cue
            return CueMatch(speech=False, rules=("cue.coordinated",), coordinated=True)
        if _glued_attribution(doc, span):  # ``"…"(이름, 상황)``, ``』-이름,``, ``"…"=이름``: not a particle
            return collection_after(doc, span, g) or found
        return glued_headline(doc, span, sentence, g) or found
    if found is not None:
        return found
    return unattached(doc, span, sentence, g, unclosed=False)


def _side_by_side(doc: Doc, span: QuotedSpan, nxt: QuotedSpan) -> bool:
    """Only spaces between two quotes on one line (``"…." "…."(학부모들)``: each ends a sentence)."""
    between = doc.text[doc.span_end(span) : nxt.open]
    return not between.strip() and "\n" not in between


def _glued_attribution(doc: Doc, span: QuotedSpan) -> bool:
    after = doc.span_end(span)
    return after < len(doc.text) and doc.text[after] in GLUED_ATTRIBUTION


def find_speech(
    doc: Doc, g: Grammar, *, include_unclosed: bool = True
) -> tuple[list[Found], list[tuple[QuotedSpan, tuple[str, ...]]]]:
    """The speech quotes of ``doc`` and the rejected spans with their rules."""
    matches: list[tuple[QuotedSpan, int, CueMatch]] = []
    for span in doc.top:
        if span.content_end <= span.content_start or not doc.text[span.content_start : span.content_end].strip():
            continue
        if span.close is None and not include_unclosed:
            continue
        si = doc.sentence_of(span.open)
        matches.append((span, si, classify(doc, span, si, g)))
    # Coordinated quotes ("A", "B"면서) take the decision of the quote after them.
    for i in range(len(matches) - 2, -1, -1):
        span, si, cm = matches[i]
        _, nsi, ncm = matches[i + 1]
        if cm.coordinated and (nsi == si or _side_by_side(doc, span, matches[i + 1][0])) and ncm.speech:
            matches[i] = (span, si, attrs.evolve(ncm, rules=("cue.coordinated", *ncm.rules), links_next=True))
    rejected = [(s, cm.rules) for s, _, cm in matches if not cm.speech]
    found = [Found(span=s, sentence=si, cue=cm, rules=cm.rules) for s, si, cm in matches if cm.speech]
    unmarked, answers = find_unmarked(doc, g)
    found = [_interview_answer(doc, f, answers) for f in [*found, *unmarked]]
    found.sort(key=lambda f: f.span.content_start)
    return found, rejected


def _interview_answer(doc: Doc, f: Found, answers: dict[int, tuple[int, int] | None]) -> Found:
    """A quoted answer under an interview's question with no cue of its own: the interviewee's words."""
    if f.unmarked or f.span.open not in answers or f.cue.speaker_span:
        return f
    if f.cue.cue is not None and f.cue.cue[0] > f.span.open:  # "…"고 말했다: the answer has its own cue
        return f
    who = answers[f.span.open]
    cm = attrs.evolve(
        f.cue,
        cue=None,  # (the question's verb before it introduces nothing)
        kind=None,
        rules=("cue.transcript-answer",),
        speaker_span=(doc.sentence_of(who[0]), *who) if who else None,
        speaker_rule="speaker.transcript" if who else None,
    )
    return attrs.evolve(f, cue=cm, rules=cm.rules, no_speaker=who is None)
