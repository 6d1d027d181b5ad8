"""Exceptions raised by :mod:`quotes`.

Odd *text* never raises: unclosed marks, quotes without a speaker and the like
are reported as :class:`quotes.Problem` records.  Exceptions are for the
caller's mistakes, and each one says what to do instead.
"""

from __future__ import annotations

import unicodedata

__all__ = ["ConfigError", "LexiconError", "QuotesError", "RecordError"]


class QuotesError(Exception):
    """Base class of every exception this library raises on purpose."""


class ConfigError(QuotesError, ValueError):
    """Raised when an :class:`quotes.Config` or :class:`quotes.Extractor` gets an
    invalid setting (an unknown option, a negative ``max_chars``, a ``block_chars``
    under 1000, an unknown quote kind, a lexicon path that is not a path, ...)."""


class LexiconError(QuotesError, ValueError):
    """Raised when a lexicon file (bundled or user-supplied) is missing, unreadable,
    not UTF-8 or malformed.

    The message names the file and the line, says what to do, and shows the
    line with a caret under the bad column (tabs shown as two spaces, an
    invisible or control character as ``<U+XXXX>``, wide characters counted as
    two columns).  ``line_no`` is ``0`` when the file as a whole is at fault
    (missing, a directory, unreadable); the message then has no caret.
    """

    def __init__(self, path: str, line_no: int, line: str, column: int, reason: str) -> None:
        self.path = path
        self.line_no = line_no
        self.line = line
        self.column = column
        self.reason = reason
        if line_no <= 0:
            super().__init__(f"{path}: {reason}")
            return
        shown, pad = _shown(line, column)
        super().__init__(f"{path}:{line_no}: {reason}\n    {shown}\n    {' ' * pad}^")


def _shown(line: str, column: int) -> tuple[str, int]:
    """``line`` as a terminal shows it, and the display column of ``line[column]``."""
    parts: list[str] = []
    pad = 0
    for i, ch in enumerate(line):
        if ch == "\t":
            piece = "  "
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or 0xFE00 <= ord(ch) <= 0xFE0F:
            piece = f"<U+{ord(ch):04X}>"
        else:
            piece = ch
        if i < column:
            pad += sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in piece)
        parts.append(piece)
    return "".join(parts), pad + max(0, column - len(line))


class RecordError(QuotesError, ValueError):
    """Raised by ``from_dict`` constructors when a dict is not a valid record.

    ``path`` names the bad field from the top record down (``quotes[2].speaker.start``;
    ``""`` for the top record itself); the message starts with it and says what
    the field must hold.
    """

    def __init__(self, message: str, *, path: str = "") -> None:
        self.path = path
        super().__init__(message)
