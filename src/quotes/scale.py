"""Scale-out helpers: one extractor per worker process, plain dicts in and out.

Contract: the functions here are what a Dask ``map_partitions`` or a Spark
``mapPartitions`` calls inside a worker process.  They take and return plain
Python data (``str``, ``bytes``, ``dict``, tuples), so only those cross process
boundaries; Tokens and Kiwi objects never leave the process.  The model is
loaded at most once per process (:func:`worker_extractor`), by the first task
that needs it, and shared by every :class:`~quotes.Config` and every thread of
that process.

The output records are the ones ``quotes extract`` writes for a ``.jsonl``
file, key for key and in the same order: ``source``, ``line``, the input
fields other than the text field, ``id`` (with ``id_field``), ``repaired``
(only when a value had to be changed to be written as strict UTF-8 JSON: the
names of those fields), then ``quotes`` and ``problems``; or ``source``,
``line``, ``id`` (when it could be read) and ``error`` for a line that is not
strict UTF-8 JSON, lacks the text field or the ``id_field``, or could not be
analysed.  A bad line never raises, whatever is wrong with it: an integer of
thousands of digits, ``NaN``, nesting thousands deep, a lone surrogate (which
becomes U+FFFD, one code point for one, so offsets stay valid; the field is
named in ``repaired``).  Input fields are never overwritten: one named like an
output key is carried as ``input.<name>``.  See the how-to page
``docs/how-to/scale-out.md`` for the Dask and Spark recipes.

>>> from quotes.scale import extract_records
>>> [r["quotes"][0]["text"] for r in extract_records([{"text": '김 장관은 "곧 발표하겠다"고 말했다.'}])]
['곧 발표하겠다']
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from ._jsonl import loads_strict, scrub
from ._pipeline import Extractor
from .config import Config

__all__ = [
    "RESERVED_KEYS",
    "carried_fields",
    "extract_lines",
    "extract_records",
    "number_lines",
    "parse_line",
    "parse_object",
    "worker_extractor",
]

_extractors: dict[Config, Extractor] = {}
_lock = threading.Lock()


def worker_extractor(config: Config | None = None) -> Extractor:
    """The extractor of this process for ``config``, built once and warmed up.

    Call it inside the worker (in the function given to ``map_partitions`` or
    ``mapPartitions``); in the driver it only loads a model there that the
    workers do not use.  The first call in a process loads
    the Kiwi model (2 to 4 s, about 520 MiB); later calls, from any thread, return
    the same object.  There is one model per process whatever the number of
    configurations: the default configuration gives
    :func:`quotes.default_extractor` itself, and any other configuration gets
    its own extractor built on that extractor's Kiwi (``Kiwi(num_workers=1)``:
    the engine, not Kiwi, supplies the parallelism).

    Ship the :class:`~quotes.Config` to the workers, not the returned extractor:
    an extractor built on a shared Kiwi refuses to pickle, and one that does
    pickle loads a new model wherever it is unpickled.

    Args:
        config: the options (default: ``Config()``).

    >>> from quotes import Config, default_extractor
    >>> worker_extractor() is worker_extractor(Config()) is default_extractor()
    True
    >>> worker_extractor(Config(exhaustive=True)) is worker_extractor(Config(exhaustive=True))
    True
    """
    import quotes

    default = quotes.default_extractor()
    if config is None or config == default.config:
        default.kiwi  # noqa: B018  (load and warm up the model now)
        return default
    found = _extractors.get(config)
    if found is None:
        with _lock:
            found = _extractors.get(config)
            if found is None:
                found = Extractor(config, kiwi=default.kiwi)
                _extractors[config] = found
    return found


def number_lines(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, int, str]]:
    """Number the lines of whole files: ``(line, path)`` pairs to ``(path, number, line)``.

    The pairs are what ``dask.bag.read_text(paths, include_path=True,
    blocksize=None)`` yields: every line of a file, in order.  Numbering starts
    at 1 and restarts when the path changes, so a partition must hold whole
    files (``blocksize=None``; with a ``blocksize`` the later blocks of a file
    would restart at 1).  Blank lines are numbered too, as the CLI does.

    >>> list(number_lines([("a\\n", "x.jsonl"), ("b\\n", "x.jsonl"), ("c\\n", "y.jsonl")]))
    [('x.jsonl', 1, 'a\\n'), ('x.jsonl', 2, 'b\\n'), ('y.jsonl', 1, 'c\\n')]
    """
    path: str | None = None
    number = 0
    for line, where in items:
        number = number + 1 if where == path else 1
        path = where
        yield where, number, line


def _decode(raw: str | bytes) -> str:
    """The text of one JSONL line, as strict UTF-8 (raises ``UnicodeError``).

    A ``str`` line may carry undecodable bytes as surrogate escapes
    (``read_text(..., errors="surrogateescape")``); they fail here exactly as
    the CLI's own decoding of the raw bytes does.
    """
    if isinstance(raw, str):
        raw = raw.removesuffix("\n").removesuffix("\r").encode("utf-8", "surrogateescape")
    return raw.decode("utf-8")


#: Output keys that input fields never overwrite; such input fields are
#: carried as ``input.<name>`` (``source`` → ``input.source``).  With an
#: ``id_field`` other than ``id``, an input field ``id`` is carried as ``input.id``.
RESERVED_KEYS = frozenset({"source", "line", "quotes", "problems", "error", "repaired"})


def carried_fields(obj: dict[str, Any], text_field: str, id_field: str | None = None) -> dict[str, Any]:
    """The input fields copied to an output record (all but the text).

    >>> carried_fields({"text": "…", "url": "u", "source": "연합"}, "text")
    {'url': 'u', 'input.source': '연합'}
    >>> carried_fields({"text": "…", "url": "u", "id": 7}, "text", id_field="url")
    {'url': 'u', 'input.id': 7}
    """
    reserved = RESERVED_KEYS | {"id"} if id_field not in (None, "id") else RESERVED_KEYS
    return {(f"input.{k}" if k in reserved else k): v for k, v in obj.items() if k != text_field}


Parsed = tuple[dict[str, Any], str | None, str | None]
"""``(record, text, error)``: the output record so far, and the text to analyse or why there is none."""


def parse_object(head: dict[str, Any], obj: Any, text_field: str, id_field: str | None) -> Parsed:
    """Read one parsed input value: ``head`` plus its carried fields and ``id``, and its text.

    >>> parse_object({"line": 1}, {"text": "가", "url": "u"}, "text", "url")
    ({'line': 1, 'url': 'u', 'id': 'u'}, '가', None)
    >>> parse_object({"line": 2}, [1, 2], "text", None)
    ({'line': 2}, None, "field 'text' missing or not a string")
    >>> parse_object({"line": 3}, {"text": "가"}, "text", "url")
    ({'line': 3}, None, "id field 'url' missing")
    """
    rec = dict(head)
    try:
        obj, repaired = scrub(obj)
    except ValueError as exc:
        return rec, None, f"invalid JSON: {exc}"
    has_id = isinstance(obj, dict) and id_field is not None and id_field in obj
    if has_id:
        rec["id"] = obj[id_field]
    if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
        return rec, None, f"field {text_field!r} missing or not a string"
    if id_field and not has_id:
        return rec, None, f"id field {id_field!r} missing"
    rec.pop("id", None)
    rec.update(carried_fields(obj, text_field, id_field))
    if id_field:
        rec["id"] = obj[id_field]
    if repaired:
        rec["repaired"] = repaired
    return rec, obj[text_field], None


def parse_line(head: dict[str, Any], raw: str | bytes, text_field: str, id_field: str | None) -> Parsed:
    """Read one JSONL line (``bytes`` or ``str``, with or without its line ending), as :func:`parse_object`.

    >>> parse_line({"line": 3}, b"{oops", "text", None)[2]
    'invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'
    """
    try:
        obj = loads_strict(_decode(raw))
    except (ValueError, RecursionError) as exc:  # also UnicodeError, JSONDecodeError, too many digits
        return {**head, **_salvage_id(raw, id_field)}, None, f"invalid JSON: {exc}"
    return parse_object(head, obj, text_field, id_field)


def _drop_bom(line: str | bytes) -> str | bytes:
    """A line without its UTF-8 byte order mark (only the first line of a file has one)."""
    return line.removeprefix(b"\xef\xbb\xbf") if isinstance(line, bytes) else line.removeprefix("\ufeff")


def _salvage_id(raw: str | bytes, id_field: str | None) -> dict[str, Any]:
    """``{"id": ...}`` of a line that is JSON but not strict JSON (``NaN``, ``1e400``), when it has a plain id."""
    if not id_field:
        return {}
    try:
        obj = json.loads(_decode(raw))
    except (ValueError, RecursionError):
        return {}
    value = obj.get(id_field) if isinstance(obj, dict) else None
    ok = isinstance(value, str | int) and not isinstance(value, bool) and not scrub(value)[1]
    return {"id": value} if ok else {}


def _record(parsed: Parsed, extractor: Extractor) -> dict[str, Any]:
    """The output record of one parsed input."""
    rec, text, error = parsed
    if text is None:
        return {**rec, "error": error}
    try:
        result = extractor.analyze(text)
    except ValueError as exc:  # Config.max_chars: a bad record, not a failed job
        return {**rec, "error": str(exc)}
    except Exception as exc:  # a bug of ours on this text: still a bad record, not a failed job
        return {**rec, "error": f"cannot analyse: {type(exc).__name__}: {exc}"}
    return {**rec, "quotes": [q.to_dict() for q in result.quotes], "problems": [p.to_dict() for p in result.problems]}


def extract_lines(
    lines: Iterable[tuple[str, int, str | bytes]],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    config: Config | None = None,
) -> Iterator[dict[str, Any]]:
    """Turn numbered JSONL lines into the records ``quotes extract`` writes.

    Args:
        lines: ``(source, line number, raw line)`` triples, e.g. from
            :func:`number_lines`; a raw line is ``bytes`` or ``str``, with or
            without its line ending.
        text_field: the input field holding the text.
        id_field: an input field copied to the output's ``id``.
        config: the extractor's options (see :func:`worker_extractor`).

    Yields:
        One dict per non-blank line, in input order: ``{source, line, <other
        fields>, id?, repaired?, quotes, problems}``, or ``{source, line, id?,
        error}`` when the line is not strict UTF-8 JSON, not an object, has no
        string ``text_field`` or no ``id_field``.  A bad line never raises
        (see the module docstring).  A UTF-8 byte order mark before line 1 is
        dropped.  With ``Config.max_chars`` set, a longer text
        gives ``{source, line, <other fields>, id?, error}``.

    >>> lines = [("a.jsonl", 1, '{"doc": 7, "text": "좋은 아침이다."}'), ("a.jsonl", 2, "{oops")]
    >>> [sorted(r) for r in extract_lines(lines, id_field="doc")]
    [['doc', 'id', 'line', 'problems', 'quotes', 'source'], ['error', 'line', 'source']]
    """
    extractor = worker_extractor(config)
    for source, number, line in lines:
        raw = _drop_bom(line) if number == 1 else line
        if not raw.strip():
            continue
        yield _record(parse_line({"source": source, "line": number}, raw, text_field, id_field), extractor)


def extract_records(
    records: Iterable[Any],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    config: Config | None = None,
) -> Iterator[dict[str, Any]]:
    """Turn parsed input records (dicts) into output records.

    The same records as :func:`extract_lines` without ``source`` and ``line``
    (a record that is already parsed has no file position): ``{<other fields>,
    id?, quotes, problems}``, or ``{error}`` for a value that is not a dict or
    lacks a string ``text_field``.  Use it on Spark ``Row.asDict()`` values or
    any other records already in memory.

    Args:
        records: parsed JSON values, normally dicts.
        text_field: the field holding the text.
        id_field: a field copied to the output's ``id``.
        config: the extractor's options (see :func:`worker_extractor`).

    >>> [r.get("error") for r in extract_records([{"body": "좋은 아침이다."}, {"url": "x"}], text_field="body")]
    [None, "field 'body' missing or not a string"]
    """
    extractor = worker_extractor(config)
    for obj in records:
        yield _record(parse_object({}, obj, text_field, id_field), extractor)
