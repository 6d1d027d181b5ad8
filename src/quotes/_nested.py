"""Nested speech: a quote inside a quote, said by someone the outer speaker names.

Contract: :func:`nested_documents` takes a document and its direct speech and
returns, for each closed direct quote that holds closed quotes of its own, a
:class:`Inner` document: the outer quote's content read as a text of its own
(the nested spans become its top-level spans).  The caller runs the speech and
speaker stages on it; :func:`keep_nested` then keeps the inner quotes that are
another person's words by the same rules as any quote, with a cue of their own
and their own subject inside the outer quote
(``…태경씨가 '왜 우리가 열애설이 났을까?'라며 웃더라``, ``…감독님이 '잘 할 것'이라고
확신을 해주셨다``): ``speech.nested``.  An inner quote with no subject of its own,
or the outer speaker's own words (``제가 '…'라고 걱정할 때``), is not reported,
as before.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from ._coreference import AMBIGUOUS, PersonMention, resolve
from ._document import Doc
from ._lexicon import Lexicon
from ._marks import QuotedSpan
from ._sentences import split
from ._speakers import Attribution
from ._speech import Found
from .records import QuoteKind, SpeakerKind

__all__ = ["Inner", "keep_nested", "nested_documents", "resolve_outside"]

#: The sieve steps that read a subject inside the quote itself.
OWN_SUBJECT = frozenset({"speaker.subject-before", "speaker.clause-subject"})
#: How far after the closing mark the cue must start (the particle, a space): the cue is the quote's own.
CUE_REACH = 5


@attrs.frozen
class Inner:
    """An outer quote's content as a document: ``offset`` is where it starts in the outer text."""

    doc: Doc
    offset: int
    outer: int  # index of the outer quote in the document's found list


def nested_documents(doc: Doc, found: Sequence[Found], analyser: object, *, mask: bool) -> list[Inner]:
    """The content of every closed direct quote that holds closed quotes, as documents."""
    out: list[Inner] = []
    nested = sorted((s for s in doc.spans if s.depth >= 1), key=lambda s: s.open)
    if not any(s.depth == 1 and s.close is not None for s in nested):
        return out
    opens = [s.open for s in nested]
    for k, f in enumerate(found):
        sp = f.span
        if f.kind != QuoteKind.DIRECT or f.unmarked or sp.close is None:
            continue
        a, b = sp.content_start, sp.content_end
        within = nested[bisect.bisect_left(opens, a) : bisect.bisect_left(opens, b)]
        spans = [_shift(s, a) for s in within if (s.close or b) < b]
        if not any(s.depth == 0 and s.close is not None for s in spans):
            continue
        text = doc.text[a:b]
        inner = Doc(text, spans, split(text, spans), analyser, mask_quotes=mask)  # type: ignore[arg-type]
        out.append(Inner(inner, a, k))
    return out


def _shift(s: QuotedSpan, by: int) -> QuotedSpan:
    return attrs.evolve(
        s,
        open=s.open - by,
        close=None if s.close is None else s.close - by,
        content_start=s.content_start - by,
        content_end=s.content_end - by,
        depth=s.depth - 1,
    )


def keep_nested(
    inner: Inner, found: Sequence[Found], attributions: Sequence[Attribution], outer: Attribution, lex: Lexicon
) -> list[tuple[Found, Attribution]]:
    """The inner quotes to report: direct, with a cue, and a subject of their own that is not the outer speaker
    (nor the outer speaker's ``저는``, ``우리가``: a ``first_person`` row)."""
    kept: list[tuple[Found, Attribution]] = []
    first_person = lex.words.get("first_person", {})
    text = inner.doc.text
    for f, at in zip(found, attributions, strict=True):
        if f.kind != QuoteKind.DIRECT or f.span.close is None or f.cue.cue is None or at.speaker is None:
            continue
        if not at.rules or at.rules[0] not in OWN_SUBJECT or at.parts is None:
            continue
        if "cue.belief" in f.rules:
            continue  # '…'라고 생각했다: a thought, not words said
        if f.cue.cue[0] - f.span.close > CUE_REACH:
            continue  # '…'라고 걱정할 때 …해주셨다: the verb found is the sentence's, not the quote's
        if at.parts.kind == SpeakerKind.PRONOUN and at.resolved_name is None:
            continue  # 저는, 그가: whose words they are is the outer speaker's story
        name = at.resolved_name or at.parts.name
        if name is not None and outer.parts is not None and name in (outer.parts.name, outer.resolved_name):
            continue  # the outer speaker quoting themselves
        who = text[at.speaker[0] : at.speaker[1]].strip()
        if not who or who in first_person:
            continue
        kept.append((attrs.evolve(f, rules=(*f.rules, "speech.nested")), at))
    return kept


def resolve_outside(doc: Doc, inner: Inner, at: Attribution, lex: Lexicon, title_re: regex.Pattern[str]) -> Attribution:
    """An inner speaker left short (``태경씨``) resolved against the whole document (``임태경`` named before)."""
    if at.speaker is None or at.parts is None or at.resolved_name is not None:
        return at
    if at.parts.kind not in (SpeakerKind.PERSON, SpeakerKind.ANONYMOUS):
        return at
    a, b = at.speaker[0] + inner.offset, at.speaker[1] + inner.offset
    para = doc.sentences[doc.sentence_of(a)].paragraph
    (res,) = resolve(doc, lex, title_re, [PersonMention(start=a, end=b, paragraph=para, parts=at.parts)])
    if res is None or res is AMBIGUOUS:
        return at
    antecedent = (res.start - inner.offset, res.end - inner.offset)
    return attrs.evolve(at, resolved_name=res.name, antecedent=antecedent, rules=(*at.rules, res.rule))
