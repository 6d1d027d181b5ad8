"""Fixtures of the stage tests: one real analyser for the folder and a small document builder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotes._cues import Grammar
from quotes._document import Doc
from quotes._lexicon import Lexicon, default_lexicon
from quotes._marks import find_spans
from quotes._morphology import Analyser
from quotes._sentences import split
from quotes._text import clean


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    """The real Kiwi (loaded once for the whole folder)."""
    return Analyser(None)


@pytest.fixture(scope="session")
def lex() -> Lexicon:
    return default_lexicon()


@pytest.fixture(scope="session")
def grammar(lex: Lexicon) -> Grammar:
    return Grammar(lex)


@pytest.fixture(scope="session")
def make_doc(analyser: Analyser) -> Callable[[str], Doc]:
    """Build a :class:`Doc` of a short text: clean -> find_spans -> split -> Doc."""

    def build(text: str) -> Doc:
        ct = clean(text)
        spans, _ = find_spans(ct.text)
        return Doc(ct.text, spans, split(ct.text, spans), analyser)

    return build
