"""Typed, frozen result records and their JSON form.

Every record is an ``attrs`` frozen, slotted, keyword-only class.  Offsets are
Python ``str`` indices (code points) into the text the caller passed, and for
every record that has them ``source[start:end] == text`` holds.

Kinds are :class:`enum.StrEnum` members, so the dict form holds plain strings.
``to_dict()`` gives that documented JSON form (nested records become dicts,
tuples become lists, ``None`` stays ``null``) and ``Class.from_dict(d)``
rebuilds an equal record:

>>> from quotes import Cue, CueKind
>>> cue = Cue(text="말했다", start=10, end=13, lemma="말하다", kind=CueKind.PREDICATE)
>>> cue.to_dict()["kind"]
'predicate'
>>> Cue.from_dict(cue.to_dict()) == cue
True

A record's ``repr`` is one short line (kind, span, main text); ``to_dict()``
shows every field, and in a notebook a record shows as an HTML table of them:

>>> cue
Cue(predicate, 10:13, '말했다', lemma='말하다')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Self, cast

import attrs

from ._records_check import fields_from_dict
from ._records_repr import html_repr, short_repr
from .errors import RecordError

__all__ = [
    "Analysis",
    "Cue",
    "CueKind",
    "Entity",
    "Mention",
    "NotSpeech",
    "Order",
    "Problem",
    "ProblemCode",
    "Quote",
    "QuoteKind",
    "Speaker",
    "SpeakerKind",
]


class QuoteKind(enum.StrEnum):
    """What kind of reported speech a :class:`Quote` is."""

    DIRECT = "direct"
    """Words inside quotation marks, attributed to someone."""
    INDIRECT = "indirect"
    """A reported clause without marks (``…다고 밝혔다``)."""
    MIXED = "mixed"
    """A quoted fragment inside an indirect clause."""
    ACCORDING_TO = "according_to"
    """A claim attributed to a source, as in ``X에 따르면 …``."""
    HEARSAY = "hearsay"
    """A sourceless frame (``…다고 한다``, ``…것으로 알려졌다``)."""
    BELIEF = "belief"
    """Belief or opinion (``…다고 봤다``); off by default."""


class SpeakerKind(enum.StrEnum):
    """What sort of entity a :class:`Speaker` mention names."""

    PERSON = "person"
    """A named or titled person (``이해진 GIO``, ``김 장관``, ``대표``)."""
    ORGANISATION = "organisation"
    """A named or generic organisation (``정부``, ``미스트랄AI 측``)."""
    ANONYMOUS = "anonymous"
    """An unnamed source (``한 관계자``, ``업계 관계자``)."""
    COLLECTIVE = "collective"
    """A group (``업계``, ``상인들``, ``일각``)."""
    PRONOUN = "pronoun"
    """A pronoun (``그``, ``그녀``, ``그들``)."""


class CueKind(enum.StrEnum):
    """How the quote is tied to its speaker."""

    PREDICATE = "predicate"
    """Quotative particle + reporting predicate, as in ``"…"고 말했다``."""
    CONNECTIVE = "connective"
    """Connective ending after the mark, as in ``"…"라며``, ``"…"면서``."""
    ADNOMINAL = "adnominal"
    """Adnominal + speech noun, as in ``"…"는 입장``, ``"…"라는 발언``."""
    NOUN_PREDICATE = "noun_predicate"
    """A noun predicate after the quote, as in ``"…" 김 교수의 말이다``."""
    HEADLINE = "headline"
    """Headline juxtaposition, as in ``김 대표 "…"``, ``마크롱 '…' 치켜세워``."""
    INTRODUCTION = "introduction"
    """Introduced before the quote, as in ``이렇게 말했다. "…"``, or by a colon."""
    CAPTION = "caption"
    """A broadcast caption before the quote, as in ``<김OO / 연구원> "…"``."""


class Order(enum.StrEnum):
    """Where the speaker mention stands relative to the quote."""

    SPEAKER_FIRST = "speaker_first"
    """The mention is in the same sentence, before the quote."""
    QUOTE_FIRST = "quote_first"
    """The mention is in the same sentence, after the quote."""
    ELSEWHERE = "elsewhere"
    """The mention is in another sentence (inherited, or ``X의 말이다``)."""
    NONE = "none"
    """No speaker was found."""


class ProblemCode(enum.StrEnum):
    """What a :class:`Problem` reports about the input."""

    UNCLOSED_MARK = "unclosed_mark"
    """An opening mark that is never closed; the quote ends at its paragraph."""
    STRAY_MARK = "stray_mark"
    """A closing mark with no opening mark."""
    MISMATCHED_MARKS = "mismatched_marks"
    """A quote opened and closed with marks of different families."""
    NO_SPEAKER = "no_speaker"
    """A quote whose speaker could not be found."""
    AMBIGUOUS_SPEAKER = "ambiguous_speaker"
    """A short reference (``김 의원``) with several possible antecedents, left unresolved."""


def _convert(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_convert(v) for v in value]
    return value


class _Record:
    """Shared dict conversion for the records below (not public)."""

    __slots__ = ()

    def __repr__(self) -> str:
        """A short line: kind, span and main text (``to_dict()`` has every field)."""
        return short_repr(self)

    def _repr_html_(self) -> str:
        """Every field as an escaped HTML table (shown by Jupyter)."""
        return html_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: a dict of plain values (see the module docs)."""
        return {f.name: _convert(getattr(self, f.name)) for f in attrs.fields(cast(Any, type(self)))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Rebuild a record from its :meth:`to_dict` form.

        Every field is checked, nested records included, and nothing is
        coerced: strings are ``str``, offsets non-negative ``int`` (not
        ``bool``), ``start <= end``, kinds one of their values, lists of
        strings lists (a bare string is refused).

        Raises:
            RecordError: when ``data`` is not a dict of this record's fields;
                its ``path`` names the bad field (``quotes[2].speaker.start``).
        """
        try:
            return cls(**fields_from_dict(cls, data))
        except RecordError:
            raise
        except (TypeError, ValueError) as exc:
            raise RecordError(f"{cls.__name__}: {exc}") from exc


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _quotes(values: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(values)


def _problems(values: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(values)


def _check_span(instance: Any, attribute: Any, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _check_order(instance: Any, attribute: Any, value: int) -> None:
    _check_span(instance, attribute, value)
    if value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


@attrs.frozen(kw_only=True, repr=False)
class Mention(_Record):
    """A stretch of the source text naming someone (an antecedent).

    Attributes:
        text: the mention as written.
        start: offset of its first character.
        end: offset after its last character.
    """

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_order)


@attrs.frozen(kw_only=True, repr=False)
class Speaker(_Record):
    """Who a quote is attributed to.

    Attributes:
        text: the mention as written, without its particle
            (``플뢰르 펠르랭 코렐리아캐피털 대표``).
        start: offset of the mention.
        end: offset after the mention.
        name: the person's or organisation's name (``플뢰르 펠르랭``, ``정부``);
            for a short reference (``이 GIO``, ``그``) the resolved name when
            it could be resolved; ``None`` for anonymous or unresolved speakers.
        title: the title or role (``대표``, ``GIO``), if any.
        affiliation: the organisation in the mention (``코렐리아캐피털``), if any.
        kind: person, organisation, anonymous, collective or pronoun.
        antecedent: for a resolved short reference, the earlier mention whose
            name it took; else ``None``.
        rules: ids of the rules that found and resolved this mention.
        entity: the :attr:`Entity.id` of who this is in
            :attr:`Analysis.entities` (set by :func:`quotes.analyze` and
            :func:`quotes.extract`); ``None`` on a record built by hand.
    """

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_order)
    name: str | None = None
    title: str | None = None
    affiliation: str | None = None
    kind: SpeakerKind = attrs.field(default=SpeakerKind.PERSON, converter=SpeakerKind)
    antecedent: Mention | None = None
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    entity: int | None = attrs.field(default=None, validator=attrs.validators.optional(_check_span))


@attrs.frozen(kw_only=True, repr=False)
class Cue(_Record):
    """The expression that marks a quote as reported speech.

    Attributes:
        text: the cue as written (``말했다``, ``라며``, ``입장``).
        start: offset of the cue.
        end: offset after the cue.
        lemma: dictionary form of the predicate (``말하다``) or the particle /
            noun itself for connective and adnominal cues.
        kind: see :class:`CueKind`.
    """

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_order)
    lemma: str
    kind: CueKind = attrs.field(default=CueKind.PREDICATE, converter=CueKind)


@attrs.frozen(kw_only=True, repr=False)
class Quote(_Record):
    """One piece of reported speech.

    Attributes:
        text: the quoted content without its marks; ``source[start:end]``.
        start: offset of the content's first character.
        end: offset after the content's last character.
        kind: see :class:`QuoteKind`.
        open_mark: offset of the opening mark, ``None`` if there is none.
        close_mark: offset of the closing mark, ``None`` if the quote was left
            open (it then ends at its paragraph).
        speaker: the speaker, or ``None`` when none was found.
        cue: the cue, or ``None`` (e.g. a continuation quote standing alone).
        order: where the speaker mention stands (see :class:`Order`).
        sentence_start: offset of the sentence holding the quote's end.
        sentence_end: offset after that sentence.
        rules: ids of the rules that fired, in the order they fired.
    """

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_order)
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=QuoteKind)
    open_mark: int | None = None
    close_mark: int | None = None
    speaker: Speaker | None = None
    cue: Cue | None = None
    order: Order = attrs.field(default=Order.NONE, converter=Order)
    sentence_start: int = 0
    sentence_end: int = 0
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strings)


@attrs.frozen(kw_only=True, repr=False)
class Problem(_Record):
    """Something odd in the input, reported as data rather than raised.

    Attributes:
        code: see :class:`ProblemCode`.
        start: offset where the problem is.
        end: offset after it.
        message: a sentence for humans.
    """

    code: ProblemCode = attrs.field(converter=ProblemCode)
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_order)
    message: str


@attrs.frozen(kw_only=True, repr=False)
class NotSpeech(_Record):
    """A quoted span judged not to be speech (a term, a title, a name ...).

    Attributes:
        text: the content without its marks; ``source[start:end]``.
        start: offset of the content.
        end: offset after the content.
        rules: ids of the rules that decided it (``cue.case-particle`` ...).
    """

    text: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_order)
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _not_speech(values: Iterable[NotSpeech]) -> tuple[NotSpeech, ...]:
    return tuple(values)


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(values)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, repr=False)
class Entity(_Record):
    """Someone who speaks in a document, with every mention and quote.

    Attributes:
        id: the entity's position in :attr:`Analysis.entities` (what
            :attr:`Speaker.entity` holds).
        name: the canonical name, or ``None`` for an anonymous or unresolved
            speaker (``한 관계자`` and a later ``이 관계자`` are one entity
            without a name).
        kind: the kind of the entity's first mention.
        family_name: the family name of a person's name (``이`` of ``이해진``,
            ``남궁`` of ``남궁민``, ``펠르랭`` of ``플뢰르 펠르랭``), else ``None``.
        given_name: the rest of a person's name (``해진``, ``플뢰르``), else ``None``.
        titles: every title its mentions give, first seen first (``감독``,
            ``감독대행``: titles change within an article).
        organisation: the first affiliation its mentions give (``네이버``), if any.
        mentions: every mention (speaker mentions and antecedents), in text order.
        quotes: indexes into :attr:`Analysis.quotes` of what the entity said.
    """

    id: int = attrs.field(default=0, validator=_check_span)
    name: str | None
    kind: SpeakerKind = attrs.field(converter=SpeakerKind)
    family_name: str | None = None
    given_name: str | None = None
    titles: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    organisation: str | None = None
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)
    quotes: tuple[int, ...] = attrs.field(default=(), converter=_ints)


def _entities(values: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, repr=False)
class Analysis(_Record):
    """The result of :func:`quotes.analyze` on one document.

    Attributes:
        quotes: the quotes, in text order.
        problems: what was odd in the input, in text order.
        not_speech: the top-level quoted spans judged not to be speech, with
            the rules that decided it, in text order.
        entities: who speaks in the document: each speaker with its
            canonical name, mentions and quotes (see :class:`Entity`).
    """

    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_problems)
    not_speech: tuple[NotSpeech, ...] = attrs.field(default=(), converter=_not_speech)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)

    def said_by(self, name: str) -> tuple[Quote, ...]:
        """The quotes of the entity called ``name`` (empty if there is none)."""
        for e in self.entities:
            if e.name == name:
                return tuple(self.quotes[i] for i in e.quotes)
        return ()
