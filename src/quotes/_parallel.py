"""Many texts at once: in order, with bounded memory, optionally in processes.

Contract: :func:`analyze_in_processes` yields one :class:`Analysis` per input
text, in input order.  It keeps at most ``2 * workers`` chunks of texts in
flight, so a corpus of any size streams through in bounded memory.  Each worker
process builds its own :class:`Extractor` from the (picklable) configuration,
with its own Kiwi (``num_workers=1``); no Kiwi and no kiwipiepy object ever
crosses a process boundary.  Workers start with ``forkserver`` where it exists
(``spawn`` elsewhere): ``fork`` after the parent has used a Kiwi is unsafe
(kiwipiepy's batch API hangs in such children).  An exception raised for one
text (``TypeError`` for a non-``str``) is raised by the iterator at that
text's position, after every result before it, whatever the number of workers
(:func:`analyze_outcomes` yields it instead, and goes on); so is an exception
raised by the input iterable itself while reading ahead.  Workers ignore
``SIGINT``: on Ctrl-C the parent gets the ``KeyboardInterrupt``, and an
iterator that is closed early or fails stops its workers before it returns.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ._pipeline import Extractor
    from .config import Config
    from .records import Analysis

__all__ = ["analyze_in_processes", "analyze_outcomes", "default_start_method"]

_WORKER: Extractor | None = None


def default_start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _start_worker(config: Config) -> None:
    global _WORKER
    from ._pipeline import Extractor

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER = Extractor(config)
    _WORKER.kiwi  # load the model before the first chunk  # noqa: B018


def _portable(exc: Exception) -> Exception:
    """``exc``, or a ``RuntimeError`` that says what it was when it cannot be pickled."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _analyze_chunk(texts: list[str]) -> list[Analysis | Exception]:
    assert _WORKER is not None
    out: list[Analysis | Exception] = []
    for text in texts:
        try:
            out.append(_WORKER.analyze(text))
        except Exception as exc:  # one bad text, not a failed chunk
            out.append(_portable(exc))
    return out


def analyze_outcomes(
    config: Config, texts: Iterable[str], *, workers: int, chunk_size: int, start_method: str | None = None
) -> Iterator[Analysis | Exception]:
    """One :class:`Analysis`, or the exception it raised, per text, in input order.

    An exception raised by ``texts`` itself is raised after the outcomes of
    every text read before it.
    """
    context = multiprocessing.get_context(start_method or default_start_method())
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(config,))
    pending: deque[Future[list[Analysis | Exception]] | BaseException] = deque()
    source = iter(texts)
    done = False

    def submit() -> None:
        nonlocal done
        chunk: list[str] = []
        try:
            chunk.extend(islice(source, chunk_size))
        except Exception as exc:  # reading ahead failed: raise it in its place
            done = True
            if chunk:
                pending.append(pool.submit(_analyze_chunk, chunk))
            pending.append(exc)
            return
        done = done or len(chunk) < chunk_size
        if chunk:
            pending.append(pool.submit(_analyze_chunk, chunk))

    finished = False
    try:
        for _ in range(2 * workers):
            if not done:
                submit()
        while pending:
            head = pending.popleft()
            if isinstance(head, BaseException):
                raise head
            results = head.result()
            if not done:
                submit()
            yield from results
        finished = True
    finally:
        if not finished:
            _stop(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now (an early close, an error or Ctrl-C): no orphan keeps working."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)


def analyze_in_processes(
    config: Config, texts: Iterable[str], *, workers: int, chunk_size: int, start_method: str | None = None
) -> Iterator[Analysis]:
    """Analyse ``texts`` in ``workers`` processes (see the module docstring)."""
    for outcome in analyze_outcomes(config, texts, workers=workers, chunk_size=chunk_size, start_method=start_method):
        if isinstance(outcome, Exception):
            raise outcome
        yield outcome
