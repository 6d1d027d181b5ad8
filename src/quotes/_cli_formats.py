"""The output formats of ``quotes extract``: JSON lines, CSV/TSV, a table, an HTML page.

Contract: :class:`Writer` takes one output record at a time (the record, its
text and its :class:`~quotes.Analysis`, or ``None`` for an error record) and
writes it at once, so every format streams: the HTML page's head is written
first, then one ``<article>`` per record, then the tail on :meth:`Writer.close`.

CSV/TSV (``docs/reference/cli.md``): a header, then one row per quote, at least
one row per record.  The columns are ``source, line, id``, the columns of
:func:`~quotes.to_dataframe` except ``doc``, then ``problems`` (the record's
problems as a JSON array, the JSONL form), ``fields`` (its carried fields as a
JSON object) and ``error``.  A text cell that a spreadsheet would run as a
formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) is written with a ``'`` before it, as OWASP recommends, unless
``raw_cells`` is set; numbers are written as they are.  With ``bom`` the
output starts with a UTF-8 byte order mark, which Excel needs to read UTF-8.

>>> spreadsheet_safe('=HYPERLINK("http://x")'), spreadsheet_safe("-3"), spreadsheet_safe(-3)
('\\'=HYPERLINK("http://x")', "'-3", -3)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from ._cli_table import format_table
from ._jsonl import IDENTITY_KEYS, dumps_record
from .frames import COLUMNS, _row
from .records import Analysis

__all__ = ["CSV_HEADER", "FORMULA_START", "Writer", "spreadsheet_safe"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a cell may not start with for a spreadsheet to show it as text (OWASP: CSV injection)."""

CSV_HEADER = ("source", "line", "id", *COLUMNS[1:], "problems", "fields", "error")
"""The CSV/TSV columns, in order."""


def spreadsheet_safe(value: object) -> object:
    """``value``, with a ``'`` before it when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def label_of(rec: dict[str, Any]) -> str:
    """A heading for a record: its id when it has one, and where it came from.

    >>> label_of({"source": "c.jsonl", "line": 4, "id": "a-1"}), label_of({"source": "a.txt"})
    ('a-1 (c.jsonl:4)', 'a.txt')
    """
    where = f"{rec.get('source')}" + (f":{rec['line']}" if "line" in rec else "")
    return f"{rec['id']} ({where})" if "id" in rec else where


class Writer:
    """Writes output records in one format, streaming (see the module docstring)."""

    def __init__(self, out: TextIO, fmt: str, *, raw_cells: bool = False, bom: bool = False) -> None:
        self.out = out
        self.fmt = fmt
        self.raw_cells = raw_cells
        self.documents = 0
        self.csv: Any = None
        if fmt in ("csv", "tsv"):
            if bom:
                out.write("\ufeff")
            self.csv = csv.writer(out, dialect="excel" if fmt == "csv" else "excel-tab", lineterminator="\n")
            self.csv.writerow(CSV_HEADER)
        elif fmt == "html":
            from .html import _page_head

            out.write(_page_head("quotes"))

    def _row(self, cells: Sequence[object]) -> None:
        self.csv.writerow(cells if self.raw_cells else [spreadsheet_safe(c) for c in cells])

    def write(self, rec: dict[str, Any], text: str | None, analysis: Analysis | None) -> None:
        """Write one output record (``analysis`` is ``None`` for an error record)."""
        self.documents += 1
        if self.fmt == "jsonl":
            if analysis is not None:
                rec = {**rec, "quotes": [q.to_dict() for q in analysis.quotes]}
                rec["problems"] = [p.to_dict() for p in analysis.problems]
            self.out.write(dumps_record(rec) + "\n")
        elif self.csv is not None:
            head = [rec.get("source"), rec.get("line"), rec.get("id")]
            problems = [p.to_dict() for p in analysis.problems] if analysis is not None else []
            carried = {k: v for k, v in rec.items() if k not in IDENTITY_KEYS and k != "error"}
            tail = [
                json.dumps(problems, ensure_ascii=False) if problems else None,
                dumps_record(carried) if carried else None,
            ]
            quotes_ = analysis.quotes if analysis is not None else ()
            for i, q in enumerate(quotes_):
                self._row([*head, *_row(None, i, q)[1:], *tail, None])
            if not quotes_:  # every input record gives at least one row
                self._row([*head, *([None] * (len(COLUMNS) - 1)), *tail, rec.get("error")])
        elif self.fmt == "table":
            label = label_of(rec)
            if analysis is None:
                self.out.write(f"== {label}: error: {rec.get('error')}\n\n")
            else:
                self.out.write(f"== {label}: {len(analysis.quotes)} quotes\n")
                if analysis.quotes:
                    self.out.write(format_table(analysis.quotes) + "\n")
                self.out.write("\n")
        else:  # html: one article now, the page's tail on close
            from .html import fragment

            if analysis is None:
                body = fragment("", [], label=f"{label_of(rec)}: {rec.get('error')}", anchor=f"d{self.documents}")
            else:
                assert text is not None
                body = fragment(text, analysis, label=label_of(rec), anchor=f"d{self.documents}")
            self.out.write(body + "\n")

    def close(self) -> None:
        """Write what ends the output (the HTML page's tail)."""
        if self.fmt == "html":
            from .html import _page_tail

            if not self.documents:
                self.out.write('<p class="kq-problems">No documents.</p>\n')
            self.out.write(_page_tail())
