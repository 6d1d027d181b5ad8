"""Forecasts reported with 것으로: ``…늘어날 것으로 내다봤다``, ``"…오를 것"으로 점쳤다``.

Contract: :func:`forecast_verb` finds the forecasting verb that reports a
``…것으로`` clause (the next predicate, final, a ``forecast_predicate`` row);
:func:`quoted_forecast` decides a quote glued to ``으로`` by it (``cue.forecast``).
The indirect stage uses :func:`forecast_verb` for unmarked clauses
(``indirect.forecast``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._cues import CueMatch, Grammar, words_after
from ._document import Doc, Word
from ._marks import QuotedSpan
from ._phrases import predicate_of, trim
from .records import CueKind

__all__ = ["forecast_verb", "quoted_forecast"]


def forecast_verb(words: Sequence[Word], g: Grammar) -> tuple[Word, str, str] | None:
    """``(word, lemma, row id)`` of the forecasting verb reporting a ``…것으로`` clause: the next
    predicate of ``words``, final and a ``forecast_predicate`` row (``내다봤다``; not ``전망된다``)."""
    x = next((w for w in words if predicate_of(w) is not None), None)
    pred = predicate_of(x) if x is not None else None
    if x is None or pred is None or pred[1] or pred[0] not in g.forecast_predicates:
        return None
    return x, pred[0], g.lex.words["forecast_predicate"][pred[0]].id


def quoted_forecast(doc: Doc, span: QuotedSpan, sentence: int, g: Grammar) -> CueMatch | None:
    """``"…할 것"으로 내다봤다``: a quoted forecast ending in 것, then (으)로 and a forecasting verb."""
    text, end = doc.text[span.content_start : span.content_end].rstrip(" ."), doc.span_end(span)
    link = next((k for k in g.forecast_links if text.endswith(k[:1]) and doc.text.startswith(k[1:], end)), None)
    verb = forecast_verb(words_after(doc, sentence, end + len(link) - 1), g) if link else None
    if verb is None:
        return None
    (s, e), lemma = trim(verb[0]), verb[1]
    return CueMatch(
        speech=True, rules=("cue.forecast", verb[2]), kind=CueKind.PREDICATE, cue=(s, e, lemma), clause_end=e
    )
