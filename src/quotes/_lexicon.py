"""Load and validate the rule tables (bundled data files and user files).

Contract: every table is a UTF-8 TSV file whose first line is its header; the
header says which table it is.  Each row has a stable ``id`` and an
``example`` that the test suite checks against the real analyser.  A malformed
row raises :class:`quotes.LexiconError` naming the file, the line and the
column.  Tables are read with :mod:`importlib.resources`, never by
``__file__`` paths.

=====================  =====================================  ====================
table                  header                                 what it holds
=====================  =====================================  ====================
``predicates.tsv``     ``id lemma category example``          reporting predicates
``titles.tsv``         ``id title kind example``              titles and roles
``speech_nouns.tsv``   ``id noun example``                    nouns of speech
``particles.tsv``      ``id form kind example``               endings after a mark
``words.tsv``          ``id word kind example``               word classes
``cue_words.tsv``      ``id word kind example``               words cues read
``mention_words.tsv``  ``id word kind example``               words mentions read
=====================  =====================================  ====================
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType

import attrs
import regex

from ._lexicon_files import check_chars, header_hint, lemma_problem, read
from ._lexicon_files import lines as read_lines
from .errors import LexiconError

__all__ = ["Lexicon", "Row", "default_lexicon", "load_lexicon"]

HEADERS: dict[tuple[str, ...], str] = {
    ("id", "lemma", "category", "example"): "predicates",
    ("id", "title", "kind", "example"): "titles",
    ("id", "noun", "example"): "speech_nouns",
    ("id", "form", "kind", "example"): "particles",
    ("id", "word", "kind", "example"): "words",
}
#: Word classes of ``cue_words.tsv`` (words the cue, layout and indirect stages read).
CUE_WORD_KINDS: frozenset[str] = frozenset(
    {
        "according_to",
        "adnominal_ending",
        "after_nonfinal",
        "byline_title",
        "caption_label",
        "conditional_ending",
        "conditional_ending_quote",
        "connective_ending",
        "continuation",
        "double_only_noun",
        "clause_only_noun",
        "etc_word",
        "final_ending",
        "frame_noun",
        "frame_noun_tail",
        "hada_connective",
        "headline_cue",
        "headline_end",
        "hearsay_hada",
        "hearsay_hint",
        "hearsay_lead",
        "hearsay_noun",
        "hearsay_that",
        "hearsay_verb",
        "intro_adverb",
        "intro_demonstrative",
        "light_verb",
        "noun_predicate_tail",
        "quotative_ending",
        "reporting_suffix",
        "thing_subject",
        "thing_subject_quote",
        "utterance_verb",
    }
)
#: Word classes of ``mention_words.tsv`` (words the mention and phrase stages read).
MENTION_WORD_KINDS: frozenset[str] = frozenset(
    {
        "acting_suffix",
        "title_honorific",
        "first_person",
        "speech_document",
        "adverbial_ending",
        "agency_suffix",
        "anaphoric_determiner",
        "anonymised_suffix",
        "anonymous_determiner",
        "anonymous_prefix",
        "auxiliary_connective",
        "city_title",
        "collective_suffix",
        "foreign_syllable",
        "former",
        "given_syllable",
        "honorific",
        "honorific_particle",
        "locative_particle",
        "name_tail",
        "no_suffix_title",
        "not_city",
        "not_noun_determiner",
        "np_determiner",
        "ordinal_prefix",
        "person_bound_noun",
        "counter_noun",
        "side_noun",
        "stand_in_agency",
        "subject_particle",
        "topic_particle",
    }
)
#: Word classes added by the generalisation work (issue 11), one set per stage owner;
#: rows live in ``cue_words.tsv`` / ``mention_words.tsv`` like the others.
LAYOUT_WORD_KINDS: frozenset[str] = frozenset(
    {
        "collection_stop",
        "interview_line",
        "interview_question_label",
        "interview_answer_label",
        "question_ending",
        "headline_versus",
    }
)
ATTACHED_WORD_KINDS: frozenset[str] = frozenset(
    {
        "frame_closer",
        "not_owner",
        "gist_noun",
        "speech_venue",
        "report_noun",
        "forecast_link",
        "forecast_predicate",
        "future_time",
        "future_etm",
    }
)
SPEAKER_WORD_KINDS: frozenset[str] = frozenset(
    {
        "additive_adverb",
        "temporal_ending",
        "serial_ending",
        "question_noun",
        "answered_noun",
        "answered_particle",
        "frame_head",
        "pointing_word",
        "not_speaker",
        "reflexive_pronoun",
    }
)
REFERENCE_WORD_KINDS: frozenset[str] = frozenset()
KINDS: dict[str, frozenset[str]] = {
    "predicates": frozenset(
        [
            "neutral",
            "emphasis",
            "addition",
            "criticism",
            "request",
            "assessment",
            "question",
            "admission",
            "commitment",
            "confiding",
            "writing",
            "reaction",
            "naming",
            "belief",
        ]
    ),
    "titles": frozenset({"person", "anonymous"}),
    "particles": frozenset({"quotative", "connective", "adnominal"}),
    "words": frozenset({"pronoun", "collective", "organisation", "org_suffix", "country", "stop", "surname", "opener"})
    | CUE_WORD_KINDS
    | MENTION_WORD_KINDS
    | LAYOUT_WORD_KINDS
    | ATTACHED_WORD_KINDS
    | SPEAKER_WORD_KINDS
    | REFERENCE_WORD_KINDS,
}
BUNDLED = (
    "predicates.tsv",
    "titles.tsv",
    "speech_nouns.tsv",
    "particles.tsv",
    "words.tsv",
    "cue_words.tsv",
    "mention_words.tsv",
)
ID = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")


@attrs.frozen
class Row:
    """One validated row of a table (``line``: its line in ``source``, 1-based; not part of equality)."""

    id: str
    value: str
    kind: str
    example: str
    source: str
    line: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Lexicon:
    """All rule tables, indexed for lookup.  Immutable and shareable.

    Attributes:
        rows: every row, by table name, in file order.
        predicates: lemma -> row.
        titles: title -> row.
        speech_nouns: noun -> row.
        particles: particle form -> row.
        words: kind -> word -> row.
    """

    rows: Mapping[str, tuple[Row, ...]]
    predicates: Mapping[str, Row]
    titles: Mapping[str, Row]
    speech_nouns: Mapping[str, Row]
    particles: Mapping[str, Row]
    words: Mapping[str, Mapping[str, Row]]
    #: The forms of the connective particles (``며``, ``면서`` …), derived once from ``particles``.
    connectives: tuple[str, ...] = ()

    def word_kind(self, word: str, kind: str) -> Row | None:
        """Return the row for ``word`` in word class ``kind``, if any."""
        return self.words.get(kind, {}).get(word)


def _parse(text: str, source: str) -> tuple[str, list[Row]]:
    lines = read_lines(text)
    if not lines or not lines[0].strip():
        raise LexiconError(source, 1, "", 0, "empty first line: the first line must be the table's header")
    check_chars(source, 1, lines[0])
    header = tuple(lines[0].split("\t"))
    table = HEADERS.get(header)
    if table is None:
        raise LexiconError(source, 1, lines[0], 0, header_hint(lines[0], HEADERS))
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        check_chars(source, no, line)
        cols = line.split("\t")
        if len(cols) != len(header):
            col = len(line) if len(cols) < len(header) else len("\t".join(cols[: len(header)]))
            raise LexiconError(source, no, line, col, f"expected {len(header)} tab-separated columns, got {len(cols)}")
        if not ID.fullmatch(cols[0]):
            raise LexiconError(source, no, line, 0, f"bad id {cols[0]!r}: use lower-case words joined by '-'")
        if cols[0] in seen:
            raise LexiconError(source, no, line, 0, f"duplicate id {cols[0]!r} (first on line {seen[cols[0]]})")
        seen[cols[0]] = no
        value = cols[1].strip()
        if not value:
            raise LexiconError(source, no, line, len(cols[0]) + 1, "empty value")
        if table == "predicates" and (bad := lemma_problem(value)) is not None:
            raise LexiconError(source, no, line, len(cols[0]) + 1 + bad[0], bad[1])
        kind = cols[2] if len(header) == 4 else "speech"
        allowed = KINDS.get(table)
        if allowed is not None and kind not in allowed:
            col = len(cols[0]) + len(cols[1]) + 2
            raise LexiconError(source, no, line, col, f"unknown kind {kind!r}; use one of {sorted(allowed)}")
        if not cols[-1].strip():
            raise LexiconError(source, no, line, len(line), "missing example")
        rows.append(Row(cols[0], value, kind, cols[-1], source, no))
    return table, rows


def _build(tables: Iterable[tuple[str, list[Row]]]) -> Lexicon:
    rows: dict[str, list[Row]] = {t: [] for t in HEADERS.values()}
    for table, trows in tables:
        rows[table].extend(trows)
    words: dict[str, dict[str, Row]] = {}
    for row in rows["words"]:
        words.setdefault(row.kind, {})[row.value] = row
    particles = {r.value: r for r in rows["particles"]}  # a later (user) row replaces an earlier one
    return Lexicon(
        rows=MappingProxyType({k: tuple(v) for k, v in rows.items()}),
        predicates=MappingProxyType({r.value: r for r in rows["predicates"]}),
        titles=MappingProxyType({r.value: r for r in rows["titles"]}),
        speech_nouns=MappingProxyType({r.value: r for r in rows["speech_nouns"]}),
        particles=MappingProxyType(particles),
        words=MappingProxyType({k: MappingProxyType(v) for k, v in words.items()}),
        connectives=tuple(form for form, r in particles.items() if r.kind == "connective"),
    )


def _bundled() -> list[tuple[str, list[Row]]]:
    base = resources.files("quotes") / "data"
    return [_parse((base / name).read_text(encoding="utf-8"), f"quotes/data/{name}") for name in BUNDLED]


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the bundled tables (built once, then cached)."""
    tables = _bundled()
    _check_ids(tables, {})
    return _build(tables)


def _check_ids(tables: list[tuple[str, list[Row]]], texts: Mapping[str, list[str]]) -> None:
    """Refuse an id used twice across files (a user row reusing a bundled id included)."""
    first: dict[str, Row] = {}
    for _table, rows in tables:
        for row in rows:
            seen = first.setdefault(row.id, row)
            if seen is not row:
                line = texts[row.source][row.line - 1] if row.source in texts else ""
                raise LexiconError(
                    row.source,
                    row.line,
                    line,
                    0,
                    f"duplicate id {row.id!r}: {seen.source} line {seen.line} already uses it; give this row "
                    "a new id (a row for a word already listed replaces it whatever its id)",
                )


def load_lexicon(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] = ()) -> Lexicon:
    """Return the bundled tables extended with the user's TSV files.

    ``paths`` is one path (a ``str`` or :class:`os.PathLike`) or an iterable of
    paths.  A user file has the same header and columns as the bundled table it
    extends; its rows are added after the bundled ones (a user row for a word
    that is already listed replaces it).  Every id is unique across all files.

    Raises:
        LexiconError: a file is missing, unreadable, not UTF-8 or malformed
            (names the file and line, with a caret under the column).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = (paths,)
    paths = tuple(paths)
    if not paths:
        return default_lexicon()
    tables = _bundled()
    texts: dict[str, list[str]] = {}
    for path in paths:
        name, text = read(path)
        texts[name] = read_lines(text)
        tables.append(_parse(text, name))
    _check_ids(tables, texts)
    return _build(tables)
