"""Strict JSON in and out, one record at a time, for ``quotes extract`` and ``quotes.scale``.

Contract: :func:`loads_strict` reads one JSON value and refuses what is not
strict JSON (``NaN``, ``Infinity``, a number too large for a float) with a
``ValueError``; an integer over Python's digit limit or nesting deeper than the
interpreter's recursion limit raise ``ValueError`` / ``RecursionError``, which
callers treat like any other bad line.  :func:`scrub` makes a parsed value
writable as strict UTF-8 JSON: a lone surrogate (``"\\ud800"`` in the input,
or an undecodable byte in a file name) becomes U+FFFD, one code point for one,
so offsets into a text stay valid; a non-finite float becomes ``null``.  It
reports where it changed something.  :func:`dumps_record` writes one output
record as a JSON line and never raises: a record that still cannot be written
becomes an error record that keeps what identified its input.

>>> loads_strict('{"a": NaN}')
Traceback (most recent call last):
ValueError: NaN is not strict JSON
>>> scrub({"t": "a\\ud800b", "n": [float("nan")]})
({'t': 'a\\ufffdb', 'n': [None]}, ['t', 'n'])
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

__all__ = ["IDENTITY_KEYS", "dumps_record", "identity", "loads_strict", "scrub"]

#: The keys that say which input an output record is for.
IDENTITY_KEYS = ("source", "line", "id")

LONE_SURROGATE = re.compile("[\\ud800-\\udfff]")
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
MAX_DEPTH = 200  # deeper values are refused (scrub recurses, so does json.dumps)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not strict JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:40]} is too large for a float")
    return value


def loads_strict(text: str) -> Any:
    """One strict JSON value (no ``NaN``, ``Infinity`` or overflowing floats)."""
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite)


def _scrub(value: Any, where: str, changed: list[str], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        if LONE_SURROGATE.search(value):
            changed.append(where)
            return LONE_SURROGATE.sub(REPLACEMENT, value)
        return value
    if isinstance(value, float) and not math.isfinite(value):
        changed.append(where)
        return None
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            name = _scrub(str(key), where, changed, depth)
            out[name] = _scrub(item, f"{where}.{name}" if where else name, changed, depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [_scrub(item, where, changed, depth + 1) for item in value]
    return value


def scrub(value: Any, where: str = "") -> tuple[Any, list[str]]:
    """``value`` writable as strict UTF-8 JSON, and the fields that had to change (in order, once each).

    Raises:
        ValueError: ``value`` is nested more than ``MAX_DEPTH`` levels deep.
    """
    changed: list[str] = []
    clean = _scrub(value, where, changed, 0)
    return clean, list(dict.fromkeys(changed))


def identity(rec: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``rec`` that identify its input (``source``, ``line``, ``id``)."""
    return {k: rec[k] for k in IDENTITY_KEYS if k in rec}


def dumps_record(rec: dict[str, Any]) -> str:
    """One output record as a strict UTF-8 JSON line (without the newline); never raises.

    >>> dumps_record({"source": "a", "line": 2, "x": float("inf")})
    '{"source": "a", "line": 2, "x": null, "repaired": ["x"]}'
    """
    try:
        line = json.dumps(rec, ensure_ascii=False, allow_nan=False)
        if not LONE_SURROGATE.search(line):
            return line
    except (ValueError, TypeError, RecursionError):
        pass
    try:
        clean, changed = scrub(rec)
        if changed and "error" not in clean:
            clean["repaired"] = [*clean.get("repaired", []), *changed]
        return json.dumps(clean, ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError, RecursionError) as exc:
        try:
            head, _ = scrub(identity(rec))
            return json.dumps({**head, "error": f"cannot write the record: {exc}"}, ensure_ascii=False)
        except (ValueError, TypeError, RecursionError):
            return json.dumps({"error": f"cannot write the record: {exc}"}, ensure_ascii=False)
