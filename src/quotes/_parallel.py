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
text's position, after the results before it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ._pipeline import Extractor
    from .config import Config
    from .records import Analysis

__all__ = ["analyze_in_processes", "default_start_method"]

_WORKER: Extractor | None = None


def default_start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _start_worker(config: Config) -> None:
    global _WORKER
    from ._pipeline import Extractor

    _WORKER = Extractor(config)
    _WORKER.kiwi  # load the model before the first chunk  # noqa: B018


def _analyze_chunk(texts: list[str]) -> list[Analysis]:
    assert _WORKER is not None
    return [_WORKER.analyze(t) for t in texts]


def analyze_in_processes(
    config: Config, texts: Iterable[str], *, workers: int, chunk_size: int, start_method: str | None = None
) -> Iterator[Analysis]:
    """Analyse ``texts`` in ``workers`` processes (see the module docstring)."""
    context = multiprocessing.get_context(start_method or default_start_method())
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(config,))
    pending: deque[Future[list[Analysis]]] = deque()
    source = iter(texts)

    def submit() -> bool:
        chunk = list(islice(source, chunk_size))
        if chunk:
            pending.append(pool.submit(_analyze_chunk, chunk))
        return bool(chunk)

    try:
        for _ in range(2 * workers):
            if not submit():
                break
        while pending:
            results = pending.popleft().result()
            submit()
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
