"""A block's cleaned view placed in the whole text, and names read back as written.

Contract: :class:`Placed` maps spans of a block's cleaned view to offsets into
the caller's whole string; :class:`Inside` does the same for a quote's content
read as a text of its own (:mod:`quotes._nested`); :func:`as_written` slices a
name found in the view back from the original, so that hanja read in Hangul
(:mod:`quotes._hanja`) is reported as written.
"""

from __future__ import annotations

from ._hanja import has_hanja
from ._text import CleanText

__all__ = ["Inside", "Placed", "as_written"]


class Placed:
    """A block's cleaned view, with its spans mapped into the whole text.

    ``text`` is the block's cleaned text; :meth:`span` maps a span of it to
    offsets into ``original`` (the caller's whole string).
    """

    def __init__(self, ct: CleanText, original: str, base: int) -> None:
        self.text = ct.text
        self.original = original
        self.hanja = has_hanja(ct.original)  # the view reads hanja in Hangul: names are sliced back
        self._ct = ct
        self._base = base

    def span(self, start: int, end: int) -> tuple[int, int]:
        a, b = self._ct.span(start, end)
        return a + self._base, b + self._base


class Inside(Placed):
    """A quote's content read as a text of its own, its spans mapped through the outer block."""

    def __init__(self, outer: Placed, offset: int, text: str) -> None:
        self.text = text
        self.original = outer.original
        self.hanja = outer.hanja
        self._outer = outer
        self._offset = offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self._outer.span(start + self._offset, end + self._offset)


def as_written(ct: Placed, value: str | None, where: tuple[int, int]) -> str | None:
    """``value``, read from the view inside ``where``, as the original writes it.

    The view reads hanja in Hangul (:mod:`quotes._hanja`), one syllable per
    character, so a name found there is sliced back from the original
    (``이회창`` -> ``李會昌``); anything else is returned unchanged.
    """
    if value is None or not ct.hanja:
        return value
    i = ct.text.find(value, where[0], where[1])
    if i < 0:
        return value
    a, b = ct.span(i, i + len(value))
    written = ct.original[a:b]
    return written if len(written) == len(value) else value
