"""Where ``quotes extract`` writes: standard output, or a file replaced only when the run ends.

Contract: :func:`clashes_with_input` says when the output file is one of the
inputs (the same path, a hard link, a symbolic link to it, or the file standard
input was redirected from), so that the command can refuse before it touches
anything.  :class:`Output` writes a regular file through a temporary file in
the same directory (``.NAME.XXXX.tmp``) and moves it over the target with
``os.replace`` only on :meth:`Output.commit`; :meth:`Output.discard` (a failed
or interrupted run) removes the temporary file and leaves the target as it
was.  After a ``SIGKILL`` the target is the old file (or absent), never a
partial one; only a stray temporary file may remain.  A target that is not a
regular file (``/dev/null``, a FIFO, a terminal) is written directly.
Standard output is written as strict UTF-8, whatever the locale.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Sequence

__all__ = ["Output", "clashes_with_input"]


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def clashes_with_input(output: str | None, inputs: Sequence[str]) -> str | None:
    """The input that ``output`` would overwrite, or ``None``.

    >>> clashes_with_input("a.jsonl", ["./a.jsonl"])
    './a.jsonl'
    >>> clashes_with_input(None, ["a.jsonl"]) is None
    True
    """
    if output in (None, "-"):
        return None
    assert output is not None
    for path in inputs or ["-"]:
        if path == "-":
            with contextlib.suppress(OSError, ValueError):
                if os.path.exists(output) and os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(output)):
                    return "standard input"
        elif _same(path, output):
            return path
    return None


class Output:
    """The stream to write the output to (see the module docstring)."""

    def __init__(self, path: str | None) -> None:
        """Open the output; raises ``OSError`` when the file cannot be created."""
        self.path = path
        self.temp: str | None = None
        self.detach = False
        if path in (None, "-"):
            self.stream: io.TextIOWrapper = _stdout()
            self.detach = self.stream.buffer is sys.stdout.buffer
            return
        assert path is not None
        target = os.path.realpath(path)  # a symbolic link stays one: its target is replaced
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            self.stream = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
            return
        self.target = target
        folder, name = os.path.split(target)
        fd, self.temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
        os.chmod(self.temp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        self.stream = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def commit(self) -> None:
        """Finish: flush, and move the temporary file over the target (raises ``OSError``)."""
        if self.detach:
            self.stream.flush()
            self.stream.detach()
            return
        self.stream.close()
        if self.temp is not None:
            os.replace(self.temp, self.target)
            self.temp = None

    def discard(self) -> None:
        """Give up: close quietly, remove the temporary file, leave the target as it was."""
        if self.detach:
            with contextlib.suppress(OSError, ValueError):
                self.stream.detach()
            return
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


def _stdout() -> io.TextIOWrapper:
    """Standard output as strict UTF-8 (a second stream on file descriptor 1, left open on close)."""
    sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # captured (pytest), no descriptor
        return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="strict", newline="")
    return open(fd, "w", encoding="utf-8", newline="", closefd=False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
