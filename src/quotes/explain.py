"""Why a speaker was chosen: the steps of the speaker sieve, per quote.

:meth:`quotes.Extractor.explain` (and :func:`quotes.explain`) analyse a text
like :meth:`~quotes.Extractor.analyze` and return, for every quote, the rules
of the speaker sieve in the order they were tried: the candidates each rule
looked at and refused (with the reason), the rule that answered and the phrase
it chose, or that no rule answered.  ``quotes explain TEXT`` prints the same.

>>> import quotes
>>> (e,) = quotes.explain('김 장관은 "곧 발표하겠다"고 말했다.')
>>> e.quote.speaker.text, [s.outcome for s in e.steps]
('김 장관', ['nothing', 'chose'])
>>> print(quotes.format_explanation(e))  # doctest: +NORMALIZE_WHITESPACE
"곧 발표하겠다"  →  김 장관
  nothing   named by the cue
  chose     subject before the quote [speaker.subject-before]: 김 장관
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .records import Quote, QuoteKind

if TYPE_CHECKING:  # pragma: no cover
    from ._sieve import Trace

__all__ = ["Explanation", "SieveStep", "format_explanation"]

OUTCOMES = ("chose", "rejected", "nothing")


@attrs.frozen(kw_only=True)
class SieveStep:
    """One step of the speaker sieve for one quote.

    Attributes:
        sieve: the name of the sieve row (``"subject before the quote"``), or,
            for a refused candidate, the rule id of the row that refused it.
        rule: the rule id recorded in the speaker's ``rules`` (``"chose"`` only).
        outcome: ``"chose"`` (this row answered), ``"rejected"`` (it looked at a
            candidate and refused it) or ``"nothing"`` (it had no answer).
        text, start, end: the candidate phrase, offsets into the text passed in.
        reason: why a candidate was refused.
    """

    sieve: str
    rule: str | None = None
    outcome: str = attrs.field(validator=attrs.validators.in_(OUTCOMES))
    text: str | None = None
    start: int | None = None
    end: int | None = None
    reason: str = ""


@attrs.frozen(kw_only=True)
class Explanation:
    """A quote and the sieve steps that chose (or failed to choose) its speaker."""

    quote: Quote
    steps: tuple[SieveStep, ...]


def format_explanation(explanation: Explanation) -> str:
    """A readable, multi-line account of one :class:`Explanation`."""
    q = explanation.quote
    who = q.speaker.text if q.speaker else "(no speaker)"
    if q.speaker is not None and q.speaker.name and q.speaker.name != q.speaker.text:
        who += f" = {q.speaker.name}"
    lines = [f'"{q.text}"  →  {who}']
    for s in explanation.steps:
        label = s.sieve + (f" [{s.rule}]" if s.rule else "")
        phrase = f": {s.text}" if s.text else ""
        reason = f" ({s.reason})" if s.reason else ""
        lines.append(f"  {s.outcome:<9} {label}{phrase}{reason}")
    return "\n".join(lines)


def format_explanations(explanations: Iterable[Explanation]) -> str:
    """:func:`format_explanation` of each, separated by blank lines."""
    return "\n\n".join(format_explanation(e) for e in explanations)


def from_trace(text: str, quotes: Sequence[Quote], trace: Trace) -> list[Explanation]:
    """One :class:`Explanation` per quote of a block, from the block's sieve trace."""
    from ._sieve import PER_QUOTE_SPEAKER

    steps: list[list[SieveStep]] = [[] for _ in quotes]
    chain_of = {k: (a, b) for a, b in trace.chains for k in range(a, b + 1)}
    for t in trace.steps:
        text_span: dict[str, Any] = {}
        if t.span is not None and trace.to_original is not None:
            x, y = trace.to_original(*t.span)
            text_span = {"text": text[x:y], "start": x, "end": y}
        step = SieveStep(sieve=t.sieve, rule=t.rule, outcome=t.outcome, reason=t.reason, **text_span)
        a, b = chain_of.get(t.quote, (t.quote, t.quote))
        for k in range(a, b + 1):
            steps[k].append(step)
    out = []
    for q, tried in zip(quotes, steps, strict=True):
        st = tried
        sp = q.speaker
        if sp is not None and sp.rules and sp.rules[0] in PER_QUOTE_SPEAKER:
            own = SieveStep(
                sieve="named by its own cue",
                rule=sp.rules[0],
                outcome="chose",
                text=sp.text,
                start=sp.start,
                end=sp.end,
            )
            st = [own]
        elif q.kind == QuoteKind.HEARSAY:
            st = []
        out.append(Explanation(quote=q, steps=tuple(st)))
    return out
