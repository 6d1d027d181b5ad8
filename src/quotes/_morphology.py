"""The only module that talks to kiwipiepy.

Contract: :class:`Analyser` turns a string into a tuple of :class:`Token`
(plain named tuples: ``form, tag, start, end`` in ``str`` indices of the string
it was given).  The Kiwi model is built lazily on first use, once, under a
lock, so importing :mod:`quotes` never loads it; a Kiwi built by the user can be
passed in instead.  A Kiwi instance is safe to share between threads
(kiwipiepy >= 0.22).  Tokens never leave the process as kiwipiepy objects (they
cannot be pickled).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

__all__ = ["Analyser", "Token"]


class Token(NamedTuple):
    """One morpheme: its form, Kiwi (Sejong) tag and span."""

    form: str
    tag: str
    start: int
    end: int


class Analyser:
    """A lazily built, shareable Kiwi.

    Args:
        kiwi: a ready ``kiwipiepy.Kiwi`` to use; if ``None`` one is built on
            first use with ``num_workers`` threads.
        num_workers: worker threads for a Kiwi built here (1 is right for
            per-document calls and inside worker processes).
    """

    def __init__(self, kiwi: Kiwi | None = None, *, num_workers: int = 1) -> None:
        self._kiwi = kiwi
        self._num_workers = num_workers
        self._lock = threading.Lock()

    @property
    def kiwi(self) -> Kiwi:
        """The underlying Kiwi, built (and warmed up) on first access."""
        kiwi = self._kiwi
        if kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    from kiwipiepy import Kiwi

                    built = Kiwi(num_workers=self._num_workers)
                    built.tokenize("")  # the model itself loads lazily: do it now
                    self._kiwi = built
                kiwi = self._kiwi
        assert kiwi is not None
        return kiwi

    @property
    def loaded(self) -> bool:
        """Whether the Kiwi has been built."""
        return self._kiwi is not None

    def tokenize(self, text: str) -> tuple[Token, ...]:
        """Analyse ``text`` and return its morphemes."""
        if not text.strip():
            return ()
        return _convert(self.kiwi.tokenize(text))

    def tokenize_many(self, texts: Iterable[str]) -> Iterator[tuple[Token, ...]]:
        """Analyse many strings with Kiwi's batch API, in order."""
        for toks in self.kiwi.tokenize(iter(texts)):
            yield _convert(toks)


def _convert(tokens: Any) -> tuple[Token, ...]:
    return tuple(Token(t.form, t.tag, t.start, t.start + t.len) for t in tokens)
