"""Configuration of an :class:`quotes.Extractor`.

A :class:`Config` is a frozen, picklable value: an extractor is rebuilt from it
in worker processes (a Kiwi is never pickled).

>>> from quotes import Config
>>> Config(max_chars=10).max_chars
10
>>> Config(max_chars=-1)
Traceback (most recent call last):
...
quotes.errors.ConfigError: max_chars must be a positive int or None, got -1
>>> Config(colour="red")
Traceback (most recent call last):
...
quotes.errors.ConfigError: unknown option(s) colour; the options are: lexicons, exhaustive, ...
"""

from __future__ import annotations

import os
from typing import Any, Self

import attrs

from .errors import ConfigError
from .records import QuoteKind

__all__ = ["ALL_KINDS", "DEFAULT_KINDS", "Config"]

#: Kinds reported by default.  ``hearsay`` (sourceless frames) and ``belief``
#: (opinion verbs) are left out: the reference corpora (and the project's real
#: news sets) do not count them as reported speech.  Turn them on with
#: ``Config(kinds=quotes.config.ALL_KINDS)``.
DEFAULT_KINDS = frozenset({QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED, QuoteKind.ACCORDING_TO})
ALL_KINDS = frozenset(QuoteKind)


def _to_kinds(value: Any) -> frozenset[QuoteKind]:
    if isinstance(value, (str, QuoteKind)):
        value = [value]
    known = ", ".join(k.value for k in QuoteKind)
    try:
        kinds = frozenset(QuoteKind(v) for v in value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"kinds must be quote kinds ({known}), got {value!r}") from exc
    if not kinds:
        raise ConfigError(f"kinds is empty, so the extractor would find nothing; name at least one of: {known}")
    return kinds


def _check_max_chars(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
        raise ConfigError(f"max_chars must be a positive int or None, got {value!r}")


def _check_block_chars(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1000:
        raise ConfigError(f"block_chars must be an int of at least 1000, got {value!r}")


def _to_paths(value: Any) -> tuple[str | os.PathLike[str], ...]:
    """One path (``str`` or :class:`os.PathLike`), an iterable of paths or ``None`` (none), as a tuple."""
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (value,)
    if isinstance(value, (bytes, bytearray)):
        raise ConfigError("lexicons must be str or pathlib.Path paths; decode a bytes path first")
    try:
        return tuple(value)
    except TypeError:
        raise ConfigError(f"lexicons must be a path or an iterable of paths, got {type(value).__name__}") from None


def _check_lexicons(instance: Any, attribute: Any, value: Any) -> None:
    for v in value:
        if not isinstance(v, (str, os.PathLike)):
            raise ConfigError(f"lexicons must be paths (str or pathlib.Path), got {type(v).__name__}")


def _check_bool(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise ConfigError(f"{attribute.name} must be True or False, got {value!r}")


@attrs.frozen(kw_only=True)
class Config:
    """Options of an extractor.

    Attributes:
        lexicons: paths of user TSV tables that extend the bundled ones (same
            headers; see the lexicon reference): one path (``str`` or
            :class:`os.PathLike`) or an iterable of paths; ``None`` is the
            same as ``()`` (the bundled tables only), here and in
            ``Extractor(lexicons=None)``.
        exhaustive: analyse every sentence with Kiwi, not only those that can
            hold speech or a speaker (the reference mode; results are the same).
        include_unclosed: report quotes whose closing mark is missing (they end
            at their paragraph).
        max_chars: refuse texts longer than this with :class:`ValueError`
            (``None``: no limit).
        kinds: the kinds of reported speech to return (default
            :data:`~quotes.config.DEFAULT_KINDS`: direct, indirect, mixed, according_to);
            one kind or an iterable of kinds (members or their values), not empty.
        block_chars: texts longer than this (default 100,000 characters, at
            least 1,000) are analysed in blocks cut at a blank line, line break
            or space, which keeps the work linear in the text's length; offsets
            still point into the whole text, but a short reference cannot
            reach back across a block.
    """

    lexicons: tuple[str | os.PathLike[str], ...] = attrs.field(
        default=(), converter=_to_paths, validator=_check_lexicons
    )
    exhaustive: bool = attrs.field(default=False, validator=_check_bool)
    include_unclosed: bool = attrs.field(default=True, validator=_check_bool)
    max_chars: int | None = attrs.field(default=None, validator=_check_max_chars)
    kinds: frozenset[QuoteKind] = attrs.field(default=DEFAULT_KINDS, converter=_to_kinds)
    block_chars: int = attrs.field(default=100_000, validator=_check_block_chars)

    def __new__(cls, *args: Any, **options: Any) -> Self:
        """Refuse positional arguments and unknown options with :class:`ConfigError` (not a bare ``TypeError``)."""
        if args:
            raise ConfigError("Config takes keyword arguments only, e.g. Config(max_chars=10_000)")
        names = [f.name for f in attrs.fields(cls)]
        unknown = sorted(set(options) - set(names))
        if unknown:
            raise ConfigError(f"unknown option(s) {', '.join(unknown)}; the options are: {', '.join(names)}")
        return super().__new__(cls)
