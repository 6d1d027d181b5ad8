"""The progress bar of ``quotes extract``: documents done, with a total and an ETA when the input size is known.

Contract: :func:`count_records` counts the records the inputs will give
(a plain-text file is one, a JSONL file one per non-blank line, decided as
:class:`~quotes._cli_input.Inputs` decides), reading each file once, or
returns ``None`` when an input is standard input or not a regular file (the
bar then shows the count and rate only).  :class:`Progress` draws a ``tqdm``
bar on standard error that says ``loading the model`` until the first result
arrives and then starts its clock: the 2-4 s of model loading (in this process
or in every worker) is not counted as the first document's time, so the rate
and the ETA are those of the analysis.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Sequence
from typing import Any

from ._cli_input import BOM, GZIP_MAGIC, _is_object_line, is_jsonl_name

__all__ = ["Progress", "count_records"]

LOADING = "loading the model"


def _count_file(path: str, jsonl: bool | None) -> int:
    """The records one regular file gives; an unreadable file gives one error record."""
    try:
        with open(path, "rb") as raw:
            fh: Any = gzip.GzipFile(fileobj=raw, mode="rb") if raw.read(2) == GZIP_MAGIC else raw
            raw.seek(0)
            if jsonl is None:
                jsonl = is_jsonl_name(path) or None
            n = 0
            for line in fh:
                if not line.strip():
                    continue
                if jsonl is None:  # decided by the first non-blank line, as Inputs does
                    jsonl = _is_object_line(line.strip().removeprefix(BOM))
                    if not jsonl:
                        return 1
                n += 1
            return n if jsonl else 1
    except (OSError, EOFError, zlib.error):
        return 1


def count_records(paths: Sequence[str], jsonl: bool | None) -> int | None:
    """How many records ``quotes extract`` will read from ``paths``, or ``None`` when that cannot be known.

    >>> count_records(["-"], None) is None
    True
    """
    total = 0
    for path in paths or ["-"]:
        if path == "-":
            return None
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None
        except OSError:
            total += 1  # a file that cannot be opened is one error record
            continue
        total += 1 if jsonl is False else _count_file(path, jsonl)
    return total


class Progress:
    """A bar on standard error (see the module docstring); does nothing when not enabled."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.total = total
        self.started = False
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, desc=LOADING)

    def update(self) -> None:
        """One more document done; the first one starts the clock."""
        if self.bar is None:
            return
        if not self.started:
            self.started = True
            self.bar.set_description_str("", refresh=False)
            self.bar.reset(total=self.total)  # the clock starts now, after the model load
        self.bar.update(1)

    def close(self) -> None:
        """Finish the bar (at the end of the run or when it aborts)."""
        if self.bar is not None:
            self.bar.close()
