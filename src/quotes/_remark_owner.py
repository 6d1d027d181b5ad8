"""The owner of a remark: the genitive right before a quote (``김 의원의 "…"``).

Contract: :func:`genitive_before` returns the span of a person-like genitive noun phrase
that touches the quote's opening mark, or ``None``; :func:`owned_remark` gives a quote
under a speech noun (an adnominal cue: ``최 장관의 "…"는 발언을``, ``김 차관의 '…' 발언을``)
that owner as its speaker, for that quote only (``speaker.genitive``): the sentence's
topic reacts to the remark (``야당은 … 비판했다``), and its own reporting clause goes on
past it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._cues import CueMatch
from ._document import Doc, Word
from ._lexicon import Lexicon
from ._marks import QuotedSpan
from ._phrases import Candidate, noun_phrase_left, person_like, phrase_strings
from .records import CueKind

__all__ = ["genitive_before", "owned_by_genitive", "owned_remark", "words_up_to_the_mark"]


def words_up_to_the_mark(doc: Doc, sentence: int, span: QuotedSpan) -> list[Word]:
    """The words of the sentence before ``span``'s opening mark, if the last one touches it."""
    words = [w for w in doc.words_outside_quotes(sentence, 0, span.open) if w.end <= span.open]
    if not words or doc.text[words[-1].end : span.open].strip():
        return []
    return words


def owned_by_genitive(words: Sequence[Word]) -> bool:
    """Does the last of ``words`` (up to a mark) end in a genitive after a noun (``김 의원의 "…"``)?"""
    last = words[-1] if words else None
    return bool(last and last.tokens and last.tokens[-1].tag == "JKG" and last.tokens[-1].start > last.start)


def genitive_before(doc: Doc, sentence: int, span: QuotedSpan, lex: Lexicon) -> tuple[int, int, bool] | None:
    """``(start, end, person_like)`` of the genitive noun phrase touching the mark, if there is one."""
    words = words_up_to_the_mark(doc, sentence, span)
    if not owned_by_genitive(words):
        return None
    end = words[-1].tokens[-1].start
    start, np_words = noun_phrase_left(doc, words, len(words) - 1, end, lex)
    texts, tags = phrase_strings(doc, np_words, end)
    cand = Candidate(start=start, end=end, particle="의", role="genitive", words=texts, first_tags=tags)
    return start, end, person_like(cand, lex)


def owned_remark(doc: Doc, span: QuotedSpan, sentence: int, cm: CueMatch, lex: Lexicon) -> CueMatch:
    """A quote under a speech noun with a person-like genitive owner before it: the owner said it."""
    if not cm.speech or cm.kind != CueKind.ADNOMINAL or cm.speaker_span is not None:
        return cm
    owner = genitive_before(doc, sentence, span, lex)
    if owner is None or not owner[2]:
        return cm
    return attrs.evolve(cm, speaker_span=(sentence, owner[0], owner[1]), speaker_rule="speaker.genitive")
