"""Coverage-guided fuzzing of the JSONL reader and ``from_dict`` with atheris (run locally).

    pip install -e ".[fuzz]"
    python fuzz/fuzz_records.py -max_total_time=1200 fuzz/corpus_records

Each input drives three targets, built from its bytes in a structured way:

* the CLI's JSONL reader (:class:`quotes._cli_input.Inputs` over an in-memory
  file, sniffing by content, with a BOM and ``\\r\\n`` kept as they come): every
  non-blank line gives exactly one record, each is a mapping that says where it
  came from (``source``, ``line``), and its text or error is a ``str``;
* the line parser of :mod:`quotes.scale` (:func:`quotes.scale.parse_line`): the
  same contract for one line, and the record written back out is strict JSON
  (:func:`quotes._jsonl.dumps_record` never writes ``NaN`` nor a lone surrogate);
* ``from_dict`` of every record class: a real analysis's dict form with one value
  replaced by a value drawn from the input (a wrong type, a negative or huge
  number, a string, a list, a nested dict) is either a :class:`quotes.RecordError`
  or a record whose dict form reads back to an equal record.

Anything else raised, or a broken contract, is a finding: libFuzzer writes the
input as ``crash-<sha1>``; turn it into a regression test.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import atheris

with atheris.instrument_imports(include=["quotes"]):
    import quotes
    from quotes import Analysis, RecordError
    from quotes._cli_input import Inputs
    from quotes._jsonl import dumps_record
    from quotes.scale import parse_line

_BASE = quotes.analyze(
    '김민수 가온랩 대표는 "내년에는 흑자로 돌아서겠다"고 말했다. 그는 "투자를 늘리겠다"며 웃었다.'
).to_dict()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a leaf (or a container) of a dict/list value."""
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


_PATHS = _paths(_BASE)


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replace(copy[path[0]], path[1:], new)
    return copy


def _value(fdp: atheris.FuzzedDataProvider) -> Any:
    kind = fdp.ConsumeIntInRange(0, 9)
    if kind == 0:
        return fdp.ConsumeInt(8)
    if kind == 1:
        return fdp.ConsumeBool()
    if kind == 2:
        return fdp.ConsumeFloat()
    if kind == 3:
        return fdp.ConsumeUnicodeNoSurrogates(12)
    if kind == 4:
        return None
    if kind == 5:
        return [fdp.ConsumeIntInRange(-5, 5) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    if kind == 6:
        return {fdp.ConsumeUnicodeNoSurrogates(4): fdp.ConsumeIntInRange(0, 9)}
    if kind == 7:
        return fdp.ConsumeUnicode(8)  # lone surrogates too
    if kind == 8:
        return -fdp.ConsumeIntInRange(1, 10**6)
    return 10 ** fdp.ConsumeIntInRange(0, 40)


def _check_reader(data: bytes) -> None:
    reader = Inputs([], "text", None, None)
    records = list(reader._records(io.BytesIO(data), "<fuzz>", None))
    if any("line" in r[0] for r in records):  # read as JSONL: one record per non-blank line
        expected = 0
        for no, line in enumerate(data.split(b"\n")):
            raw = line.removesuffix(b"\r")
            raw = raw.removeprefix(b"\xef\xbb\xbf") if no == 0 else raw
            expected += bool(raw.strip())
        assert len(records) == expected, (len(records), expected)
    for head, text, error in records:
        assert isinstance(head, dict) and head.get("source") == "<fuzz>"
        assert (text is None) != (error is None), (text, error)
        assert text is None or isinstance(text, str)
        assert error is None or isinstance(error, str)


def _check_line(data: bytes) -> None:
    head, text, error = parse_line({"source": "<fuzz>", "line": 1}, data, "text", "id")
    assert head.get("line") == 1
    assert text is None or isinstance(text, str)
    assert error is None or isinstance(error, str)
    rec = {**head, "error": error} if error is not None else {**head, "text_chars": len(text or "")}
    out = dumps_record(rec)
    json.loads(out, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
    out.encode("utf-8")  # strict UTF-8: no lone surrogate survives


def _check_from_dict(fdp: atheris.FuzzedDataProvider) -> None:
    path = _PATHS[fdp.ConsumeIntInRange(0, len(_PATHS) - 1)]
    broken = _replace(_BASE, path, _value(fdp))
    try:
        analysis = Analysis.from_dict(broken)
    except RecordError:
        return
    assert Analysis.from_dict(analysis.to_dict()) == analysis


def test_one_input(data: bytes) -> None:
    _check_reader(data)
    _check_line(data[:2000])
    _check_from_dict(atheris.FuzzedDataProvider(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
