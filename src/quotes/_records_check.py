"""Check a record's dict form before building it (``from_dict`` of :mod:`quotes.records`).

Contract: :func:`fields_from_dict` turns the JSON form of an ``attrs`` record
class into constructor arguments, or raises :class:`quotes.RecordError` naming
the path of the first bad field (``quotes[2].speaker.start``).  It reads the
field annotations, so a new field is checked without new code:

* ``str`` fields take a ``str``; ``int`` fields an ``int`` that is not a
  ``bool`` and is not negative (every int of a record is an offset, an index or
  an id); ``X | None`` also takes ``None``;
* an enum field takes one of its values (or a member);
* a ``tuple[X, ...]`` field takes a list (or tuple) whose items are ``X`` -- never
  a string, which would become a tuple of its characters;
* a nested record takes a dict, checked the same way, recursively;
* a record with ``start`` and ``end`` needs ``start <= end``;
* a field without a default must be present, and no other key may be.

No value is coerced: ``5`` is not a ``str``, ``1.0`` or ``True`` not an ``int``.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from typing import Any

import attrs

from .errors import RecordError

__all__ = ["fields_from_dict"]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def fields_from_dict(cls: type, data: Any, path: str = "") -> dict[str, Any]:
    """The constructor arguments of ``cls`` from its dict form ``data`` (checked; see the module docs)."""
    where = path or cls.__name__
    if not isinstance(data, dict):
        raise RecordError(f"{where}: {cls.__name__} needs a dict, not {type(data).__name__}", path=path)
    fields = attrs.fields(cls)
    names = {f.name for f in fields}
    unknown = sorted(repr(k) if not isinstance(k, str) else k for k in data if k not in names)
    if unknown:
        raise RecordError(f"{where}: unknown field(s) {unknown} for {cls.__name__}", path=path)
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields:
        sub = f"{path}.{f.name}" if path else f.name
        if f.name not in data:
            if f.default is attrs.NOTHING:
                raise RecordError(f"{sub}: missing (a {cls.__name__} needs it)", path=sub)
            continue
        kwargs[f.name] = _value(hints[f.name], data[f.name], sub)
    start, end = kwargs.get("start"), kwargs.get("end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        sub = f"{path}.end" if path else "end"
        raise RecordError(f"{sub}: must be >= start ({start}), got {end}", path=sub)
    return kwargs


def _value(tp: Any, value: Any, path: str) -> Any:
    """``value`` checked against the annotation ``tp`` (converted for enums, tuples and records)."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        (tp,) = args
        origin = typing.get_origin(tp)
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise RecordError(f"{path}: must be a list, got {_shown(value)}", path=path)
        item = typing.get_args(tp)[0]
        return tuple(_value(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        allowed = [m.value for m in tp]
        if isinstance(value, str) and value in allowed:
            return tp(value)
        raise RecordError(f"{path}: must be one of {allowed}, got {_shown(value)}", path=path)
    if tp is str:
        if not isinstance(value, str):
            raise RecordError(f"{path}: must be a string, got {_shown(value)}", path=path)
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise RecordError(f"{path}: must be a non-negative int, got {_shown(value)}", path=path)
        return value
    if isinstance(tp, type) and attrs.has(tp):
        return tp(**fields_from_dict(tp, value, path))
    raise TypeError(f"no check for the annotation {tp!r} of {path}")  # pragma: no cover - a new field type


def _shown(value: Any) -> str:
    """``value`` for a message: its repr (cut short) and type."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"
