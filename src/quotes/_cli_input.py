"""The inputs of ``quotes extract``: plain text or JSONL, from files, gzip files or standard input.

Contract: :class:`Inputs` yields one :data:`~quotes.scale.Parsed` triple per
input record, lazily and in order, and never raises for bad input:

* An input is JSONL when ``--jsonl`` says so, when its name ends in ``.jsonl``
  or ``.ndjson`` (any case, optionally followed by ``.gz``), or when its first
  non-blank line is a JSON object; ``--plain`` makes every input one plain-text
  document.  Anything else is one plain-text document.
* A gzip stream (found by its magic bytes, whatever the name) is decompressed.
* A UTF-8 byte order mark on the first line of a JSONL input is dropped (in a
  plain-text document it is kept, as the first character of the text).
* A blank line (only white space) of a JSONL input gives no record; line
  numbers count it all the same.
* A file that cannot be opened gives one error record (``source``,
  ``error``); a read that fails part-way (a truncated gzip file, an I/O
  error) gives an error record at the line it could not read and ends that
  file.  :attr:`Inputs.opened` counts the files that could be opened.
"""

from __future__ import annotations

import gzip
import itertools
import sys
import zlib
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ._jsonl import loads_strict, scrub
from .scale import Parsed, parse_line

__all__ = ["Inputs", "is_jsonl_name"]

BOM = b"\xef\xbb\xbf"
GZIP_MAGIC = b"\x1f\x8b"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
READ_ERRORS = (OSError, EOFError, zlib.error)


def is_jsonl_name(path: str) -> bool:
    """Does the name say JSONL?

    >>> [is_jsonl_name(p) for p in ("a.jsonl", "B.JSONL", "c.ndjson.gz", "d.txt", "-")]
    [True, True, True, False, False]
    """
    return path.lower().removesuffix(".gz").endswith(JSONL_SUFFIXES)


def _is_object_line(raw: bytes) -> bool:
    try:
        return isinstance(loads_strict(raw.removeprefix(BOM).decode("utf-8")), dict)
    except (ValueError, RecursionError):
        return False


def _open(path: str) -> tuple[BinaryIO, BinaryIO]:
    """``(stream to read, file to close)``; raises ``OSError``."""
    raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    peek = getattr(raw, "peek", None)
    if peek is not None and peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw  # type: ignore[return-value]
    return raw, raw


class Inputs:
    """The records of the input files, in order (see the module docstring)."""

    def __init__(self, paths: Sequence[str], text_field: str, id_field: str | None, jsonl: bool | None) -> None:
        self.paths = list(paths) or ["-"]
        self.text_field = text_field
        self.id_field = id_field
        self.jsonl = jsonl  # True: all JSONL; False: all plain text; None: by name, then by content
        self.opened = 0

    def __iter__(self) -> Iterator[Parsed]:
        for path in self.paths:
            name = "<stdin>" if path == "-" else str(scrub(path)[0])
            try:
                fh, closing = _open(path)
            except OSError as exc:
                yield {"source": name}, None, f"cannot read: {exc.strerror or exc}"
                continue
            self.opened += 1
            try:
                jsonl = self.jsonl if self.jsonl is not None else (is_jsonl_name(path) or None)
                yield from self._records(fh, name, jsonl)
            finally:
                if closing is not sys.stdin.buffer:
                    fh.close()
                    closing.close()

    def _records(self, fh: BinaryIO, name: str, jsonl: bool | None) -> Iterator[Parsed]:
        no = 0
        try:
            head: list[bytes] = []
            lines = iter(fh)
            if jsonl is None:  # sniff: is the first non-blank line a JSON object?
                for line in lines:
                    head.append(line)
                    if line.strip():
                        break
                jsonl = bool(head) and _is_object_line(head[-1].strip())
            if not jsonl:
                data = b"".join(head) + fh.read()
                try:
                    yield {"source": name}, data.decode("utf-8"), None
                except UnicodeDecodeError as exc:
                    yield {"source": name}, None, f"not UTF-8: {exc}"
                return
            for no, line in enumerate(itertools.chain(head, lines), 1):  # lines end at "\n" only
                raw = line.removesuffix(b"\n").removesuffix(b"\r")
                if no == 1:
                    raw = raw.removeprefix(BOM)
                if raw.strip():
                    yield parse_line({"source": name, "line": no}, raw, self.text_field, self.id_field)
        except READ_ERRORS as exc:
            where = {"source": name} if jsonl is not True else {"source": name, "line": no + 1}
            yield where, None, f"cannot read: {exc}"
