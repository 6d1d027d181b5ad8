"""quotes: find the quotations in Korean news text and say who said them.

>>> import quotes
>>> [q.text for q in quotes.extract('김 장관은 "내년에는 경기가 나아질 것"이라고 말했다.')]
['내년에는 경기가 나아질 것']
"""

from __future__ import annotations

import threading

from ._hanja import read_hanja as hangul_reading
from ._pipeline import Extractor
from ._version import __version__
from .config import Config
from .errors import ConfigError, LexiconError, QuotesError, RecordError
from .explain import Explanation, SieveStep, format_explanation
from .frames import to_dataframe
from .html import to_html, to_html_page
from .records import (
    Analysis,
    Cue,
    CueKind,
    Entity,
    Mention,
    NotSpeech,
    Order,
    Problem,
    ProblemCode,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from .schema import json_schema

__all__ = [
    "Analysis",
    "Config",
    "ConfigError",
    "Cue",
    "CueKind",
    "Entity",
    "Explanation",
    "Extractor",
    "LexiconError",
    "Mention",
    "NotSpeech",
    "Order",
    "Problem",
    "ProblemCode",
    "Quote",
    "QuoteKind",
    "QuotesError",
    "RecordError",
    "SieveStep",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "analyze",
    "default_extractor",
    "explain",
    "extract",
    "format_explanation",
    "hangul_reading",
    "json_schema",
    "to_dataframe",
    "to_html",
    "to_html_page",
]

_default: Extractor | None = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared extractor behind :func:`extract` and :func:`analyze` (built once)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract(text: str) -> list[Quote]:
    """Return the quotes of ``text``, in text order.

    Args:
        text: a Korean news text (any length; crawl noise is fine).

    Raises:
        TypeError: ``text`` is not a ``str`` (decode bytes first).

    >>> [(q.speaker.name, q.cue.text) for q in extract('이해진 GIO는 "함께 가겠다"고 강조했다.')]
    [('이해진', '강조했다')]
    >>> extract("")
    []
    """
    return default_extractor().extract(text)


def analyze(text: str) -> Analysis:
    """Return the quotes of ``text`` and the problems found in it.

    >>> a = analyze('김 대표는 "끝까지 가겠다')
    >>> [p.code.value for p in a.problems]
    ['unclosed_mark']
    """
    return default_extractor().analyze(text)


def explain(text: str) -> tuple[Explanation, ...]:
    """Say, for each quote of ``text``, how the speaker sieve chose its speaker.

    >>> (e,) = explain('"곧 발표하겠다." 김 장관은 이렇게 말했다.')
    >>> e.quote.speaker.text, e.steps[0].rule
    ('김 장관', 'speaker.introduction')
    """
    return default_extractor().explain(text)
