"""Exceptions raised by :mod:`quotes`.

Odd *text* never raises: unclosed marks, quotes without a speaker and the like
are reported as :class:`quotes.Problem` records.  Exceptions are for the
caller's mistakes, and each one says what to do instead.
"""

from __future__ import annotations

__all__ = ["ConfigError", "LexiconError", "QuotesError", "RecordError"]


class QuotesError(Exception):
    """Base class of every exception this library raises on purpose."""


class ConfigError(QuotesError, ValueError):
    """Raised when an :class:`quotes.Config` or :class:`quotes.Extractor` gets an
    invalid setting (an unknown option, a negative ``max_chars``, a ``block_chars``
    under 1000, an unknown quote kind, a lexicon path that is not a path, ...)."""


class LexiconError(QuotesError, ValueError):
    """Raised when a lexicon file (bundled or user-supplied) is malformed.

    The message names the file and the line, and points at the bad column with
    a caret.
    """

    def __init__(self, path: str, line_no: int, line: str, column: int, reason: str) -> None:
        self.path = path
        self.line_no = line_no
        self.line = line
        self.column = column
        self.reason = reason
        caret = " " * column + "^"
        super().__init__(f"{path}:{line_no}: {reason}\n    {line}\n    {caret}")


class RecordError(QuotesError, ValueError):
    """Raised by ``from_dict`` constructors when a dict is not a valid record."""
