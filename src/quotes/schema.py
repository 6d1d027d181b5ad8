"""JSON Schema (draft 2020-12) of the records' JSON form and of ``quotes extract`` output.

:func:`json_schema` is the single source of truth: the kinds come from the
``enum.StrEnum`` classes in ``quotes.records``, and a test checks
that each record's properties are exactly its ``attrs`` fields. The reference
page ``docs/reference/json-schema.md`` shows the same schema (a test keeps
them equal).

Every record is closed (``additionalProperties: false``) and every field is
required, because ``to_dict()`` always writes every field. Offsets are
integers ``>= 0``; that ``end >= start`` and that ``source[start:end] ==
text`` cannot be said in JSON Schema and are checked by the records
themselves. The output record of ``quotes extract`` is open: it carries the
other fields of its JSONL input record.

>>> schema = json_schema()
>>> schema["$schema"], schema["$ref"]
('https://json-schema.org/draft/2020-12/schema', '#/$defs/OutputRecord')
>>> json_schema("Quote")["$ref"]
'#/$defs/Quote'
>>> sorted(schema["$defs"])
['Analysis', 'Cue', 'Entity', 'Mention', 'NotSpeech', 'OutputRecord', 'Problem', 'Quote', 'Speaker']
"""

from __future__ import annotations

import enum
from typing import Any

from .records import CueKind, Order, ProblemCode, QuoteKind, SpeakerKind

__all__ = ["DRAFT", "RECORDS", "json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` URI (draft 2020-12)."""

RECORDS: tuple[str, ...] = (
    "OutputRecord",
    "Analysis",
    "Quote",
    "Speaker",
    "Mention",
    "Cue",
    "Problem",
    "NotSpeech",
    "Entity",
)
"""The names under ``$defs``; any of them can be the root of :func:`json_schema`."""


def _offset(description: str) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "description": description}


def _nullable_offset(description: str) -> dict[str, Any]:
    return {"type": ["integer", "null"], "minimum": 0, "description": description}


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _nullable_text(description: str) -> dict[str, Any]:
    return {"type": ["string", "null"], "description": description}


def _enum(kind: type[enum.StrEnum], description: str) -> dict[str, Any]:
    return {"type": "string", "enum": [k.value for k in kind], "description": description}


def _ref(name: str, *, nullable: bool = False, description: str = "") -> dict[str, Any]:
    ref: dict[str, Any] = {"$ref": f"#/$defs/{name}"}
    if nullable:
        ref = {"anyOf": [ref, {"type": "null"}]}
    if description:
        ref["description"] = description
    return ref


def _array(items: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "array", "items": items, "description": description}


def _rules(description: str) -> dict[str, Any]:
    return _array({"type": "string", "minLength": 1}, description)


def _record(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _defs() -> dict[str, Any]:
    output_fields = {
        "source": _text("the input file name, or <stdin>"),
        "line": {"type": "integer", "minimum": 1, "description": "the line number in a .jsonl input (1-based)"},
        "id": {"description": "the value of the --id-field field of the input record"},
    }
    success = {
        "properties": {
            "quotes": _array(_ref("Quote"), "the quotes, in text order"),
            "problems": _array(_ref("Problem"), "what was odd in the input, in text order"),
        },
        "required": ["quotes", "problems"],
    }
    failure = {
        "properties": {**output_fields, "error": _text("why the input record could not be read")},
        "required": ["error"],
        "additionalProperties": False,
    }
    return {
        "OutputRecord": {
            "type": "object",
            "description": (
                "One line of `quotes extract` output: one per text file or .jsonl record. A record that "
                "was read has `quotes` and `problems` and carries the other fields of its input record "
                "(all but the text field); one that could not be read has only `source`, `line` and `error`."
            ),
            "properties": output_fields,
            "required": ["source"],
            "oneOf": [success, failure],
        },
        "Analysis": _record(
            "The result of quotes.analyze() on one document.",
            {
                "quotes": _array(_ref("Quote"), "the quotes, in text order"),
                "problems": _array(_ref("Problem"), "what was odd in the input, in text order"),
                "not_speech": _array(_ref("NotSpeech"), "quoted spans judged not to be speech, in text order"),
                "entities": _array(_ref("Entity"), "who speaks in the document"),
            },
        ),
        "Quote": _record(
            "One piece of reported speech.",
            {
                "text": _text("the quoted content without its marks; source[start:end]"),
                "start": _offset("offset of the content's first character"),
                "end": _offset("offset after the content's last character (>= start)"),
                "kind": _enum(QuoteKind, "what kind of reported speech"),
                "open_mark": _nullable_offset("offset of the opening mark; null if there is none"),
                "close_mark": _nullable_offset("offset of the closing mark; null if none or left open"),
                "speaker": _ref("Speaker", nullable=True, description="null when no speaker was found"),
                "cue": _ref("Cue", nullable=True, description="null for standalone and juxtaposed quotes"),
                "order": _enum(Order, "where the speaker mention stands"),
                "sentence_start": _offset("offset of the sentence holding the quote's end"),
                "sentence_end": _offset("offset after that sentence"),
                "rules": _rules("ids of the rules that fired, in firing order"),
            },
        ),
        "Speaker": _record(
            "Who a quote is attributed to.",
            {
                "text": _text("the mention as written, without its particle"),
                "start": _offset("offset of the mention"),
                "end": _offset("offset after the mention (>= start)"),
                "name": _nullable_text("the name (resolved for a short reference); null if anonymous or unresolved"),
                "title": _nullable_text("the title or role"),
                "affiliation": _nullable_text("the organisation in the mention"),
                "kind": _enum(SpeakerKind, "what sort of entity the mention names"),
                "antecedent": _ref(
                    "Mention", nullable=True, description="for a resolved short reference, the mention it refers to"
                ),
                "rules": _rules("how the mention was found and resolved"),
                "entity": _nullable_offset("the id of its Entity in Analysis.entities; null on a hand-built record"),
            },
        ),
        "Mention": _record(
            "A stretch of the source text naming someone.",
            {
                "text": _text("the mention as written"),
                "start": _offset("offset of its first character"),
                "end": _offset("offset after its last character (>= start)"),
            },
        ),
        "Cue": _record(
            "The expression that marks a quote as reported speech.",
            {
                "text": _text("the cue as written"),
                "start": _offset("offset of the cue"),
                "end": _offset("offset after the cue (>= start)"),
                "lemma": _text("dictionary form of the predicate, or the particle or noun itself"),
                "kind": _enum(CueKind, "how the quote is tied to its speaker"),
            },
        ),
        "Problem": _record(
            "Something odd in the input, reported as data.",
            {
                "code": _enum(ProblemCode, "what the problem is"),
                "start": _offset("offset where the problem is"),
                "end": _offset("offset after it (>= start)"),
                "message": _text("a sentence for humans"),
            },
        ),
        "NotSpeech": _record(
            "A quoted span judged not to be speech.",
            {
                "text": _text("the content without its marks; source[start:end]"),
                "start": _offset("offset of the content"),
                "end": _offset("offset after the content (>= start)"),
                "rules": _rules("ids of the rules that decided it"),
            },
        ),
        "Entity": _record(
            "Someone who speaks in a document.",
            {
                "id": _offset("the entity's position in Analysis.entities (Speaker.entity)"),
                "name": _nullable_text("the canonical name; null for an anonymous or unresolved speaker"),
                "kind": _enum(SpeakerKind, "the kind of the entity's first mention"),
                "family_name": _nullable_text("the family name of a person's name"),
                "given_name": _nullable_text("the rest of a person's name"),
                "titles": _array(_text("a title"), "every title its mentions give, first seen first"),
                "organisation": _nullable_text("the first affiliation its mentions give"),
                "mentions": _array(_ref("Mention"), "every mention, in text order"),
                "quotes": _array({"type": "integer", "minimum": 0}, "indexes into Analysis.quotes"),
            },
        ),
    }


def json_schema(root: str = "OutputRecord") -> dict[str, Any]:
    """The JSON Schema, as a new dict, validating the record called ``root``.

    Args:
        root: one of ``RECORDS``: ``"OutputRecord"`` (a line of
            ``quotes extract`` output, the default), ``"Analysis"``,
            ``"Quote"`` ... All records are under ``$defs`` whatever the root.

    Raises:
        ValueError: ``root`` is not one of ``RECORDS``.

    >>> json_schema("Cue")["$defs"]["Cue"]["properties"]["kind"]["enum"][:3]
    ['predicate', 'connective', 'adnominal']
    """
    if root not in RECORDS:
        raise ValueError(f"unknown record {root!r}; choose one of {', '.join(RECORDS)}")
    return {
        "$schema": DRAFT,
        "title": f"quotes: {root}",
        "$ref": f"#/$defs/{root}",
        "$defs": _defs(),
    }
