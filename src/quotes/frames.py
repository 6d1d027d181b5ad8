"""Quotes as a pandas data frame: one row per quote, flat columns.

pandas is optional (``pip install pandas``, or ``pip install ".[pandas]"`` in a checkout) and imported only when
:func:`to_dataframe` is called.

Contract: one row per quote, documents in the order given and quotes in text
order, and one row for each document without quotes (``quote`` and every
quote column ``<NA>``), as ``quotes extract --format csv`` writes it; pass
``keep_empty=False`` for quote rows only. The columns are always ``COLUMNS``, in that order, with the dtypes
of :data:`DTYPES` (nullable ``Int64`` for offsets that may be missing,
``string`` for text, even in an empty frame). A missing speaker, cue or
antecedent leaves its columns ``<NA>``. Rule ids are joined with ``","``
(rule ids never contain a comma): ``df.rules.str.split(",")`` gives lists back.

>>> import quotes
>>> df = to_dataframe(quotes.analyze('김 장관은 "경기가 나아질 것"이라고 말했다.'))
>>> df[["kind", "text", "speaker_text", "cue_lemma"]].to_dict("records")
[{'kind': 'direct', 'text': '경기가 나아질 것', 'speaker_text': '김 장관', 'cue_lemma': '말하다'}]
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from .records import Analysis, Quote

__all__ = ["COLUMNS", "DTYPES", "to_dataframe"]

DTYPES: dict[str, str] = {
    "doc": "Int64",
    "quote": "Int64",
    "kind": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "open_mark": "Int64",
    "close_mark": "Int64",
    "order": "string",
    "sentence_start": "Int64",
    "sentence_end": "Int64",
    "rules": "string",
    "speaker_text": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_name": "string",
    "speaker_title": "string",
    "speaker_affiliation": "string",
    "speaker_kind": "string",
    "speaker_rules": "string",
    "speaker_entity": "Int64",
    "antecedent_text": "string",
    "antecedent_start": "Int64",
    "antecedent_end": "Int64",
    "cue_text": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "cue_lemma": "string",
    "cue_kind": "string",
}
"""Column name -> pandas dtype. ``doc`` takes the dtype of the ids when ids are given."""

COLUMNS: tuple[str, ...] = tuple(DTYPES)
"""The columns of :func:`to_dataframe`, in order."""


def _join(rules: tuple[str, ...]) -> str:
    return ",".join(rules)


def _row(doc: object, index: int, q: Quote) -> list[Any]:
    sp, cue = q.speaker, q.cue
    ante = sp.antecedent if sp is not None else None
    return [
        doc,
        index,
        q.kind.value,
        q.text,
        q.start,
        q.end,
        q.open_mark,
        q.close_mark,
        q.order.value,
        q.sentence_start,
        q.sentence_end,
        _join(q.rules),
        *(
            (sp.text, sp.start, sp.end, sp.name, sp.title, sp.affiliation, sp.kind.value, _join(sp.rules), sp.entity)
            if sp is not None
            else (None,) * 9
        ),
        *((ante.text, ante.start, ante.end) if ante is not None else (None,) * 3),
        *((cue.text, cue.start, cue.end, cue.lemma, cue.kind.value) if cue is not None else (None,) * 5),
    ]


def _documents(data: Any) -> list[tuple[Quote, ...]]:
    """The documents in ``data``, each as its quotes."""
    if isinstance(data, Analysis):
        return [data.quotes]
    if isinstance(data, Quote | str | bytes) or not isinstance(data, Iterable):
        raise TypeError(
            f"to_dataframe takes an Analysis, a list of Quote, or an iterable of those; got {type(data).__name__}"
        )
    items = list(data)
    if all(isinstance(x, Quote) for x in items):
        return [tuple(items)]
    docs: list[tuple[Quote, ...]] = []
    for x in items:
        if isinstance(x, Analysis):
            docs.append(x.quotes)
        elif isinstance(x, Iterable) and not isinstance(x, str | bytes):
            qs = tuple(x)
            if not all(isinstance(q, Quote) for q in qs):
                raise TypeError("each document must be an Analysis or a list of Quote")
            docs.append(qs)
        else:
            raise TypeError(
                "to_dataframe takes an Analysis, a list of Quote, or an iterable of those; "
                f"found a {type(x).__name__} among them"
            )
    return docs


def to_dataframe(data: Any, *, ids: Iterable[object] | None = None, keep_empty: bool = True) -> Any:
    """One row per quote, and one per document without quotes, with the columns of ``COLUMNS``.

    Args:
        data: one document (an :class:`~quotes.Analysis` or a list of
            :class:`~quotes.Quote`) or many (an iterable of those: a list of
            analyses, of quote lists, the output of
            :meth:`~quotes.Extractor.extract_many` ...). A list that holds
            only quotes, or nothing, is one document.
        ids: one id per document (a URL, a file name, a number) for the
            ``doc`` column; default: the document's 0-based position.
        keep_empty: give a document without quotes one row, with ``quote``
            and the quote columns ``<NA>`` (the default, as in the CLI's CSV:
            no document goes missing, and ``df.groupby("doc").quote.count()``
            counts 0 for it); ``False`` gives quote rows only.

    Returns:
        a ``pandas.DataFrame``. Columns:

        - ``doc``: the document's id, or its position (``Int64``).
        - ``quote``: the quote's position in its document (``Int64``; ``<NA>``
          on the row of a document without quotes), as in
          :attr:`Analysis.quotes <quotes.Analysis.quotes>` and
          :attr:`Entity.quotes <quotes.Entity.quotes>`.
        - ``kind``, ``text``, ``start``, ``end``, ``open_mark``,
          ``close_mark``, ``order``, ``sentence_start``, ``sentence_end``: the
          :class:`~quotes.Quote` fields (kinds as their string values).
        - ``rules``: the quote's rule ids joined with ``","``.
        - ``speaker_text``, ``speaker_start``, ``speaker_end``,
          ``speaker_name``, ``speaker_title``, ``speaker_affiliation``,
          ``speaker_kind``, ``speaker_rules`` (joined with ``","``),
          ``speaker_entity`` (the :attr:`Entity.id <quotes.Entity.id>`): the
          :class:`~quotes.Speaker` fields, ``<NA>`` without a speaker.
        - ``antecedent_text``, ``antecedent_start``, ``antecedent_end``: the
          speaker's antecedent :class:`~quotes.Mention`, ``<NA>`` without one.
        - ``cue_text``, ``cue_start``, ``cue_end``, ``cue_lemma``,
          ``cue_kind``: the :class:`~quotes.Cue` fields, ``<NA>`` without a cue.

    Raises:
        ImportError: pandas is not installed.
        TypeError: ``data`` is not made of analyses or quotes.
        ValueError: ``ids`` has not one id per document.

    >>> to_dataframe([]).shape  # one document, no quotes
    (1, 29)
    >>> to_dataframe([], keep_empty=False).shape, to_dataframe([], ids=[]).shape
    ((0, 29), (0, 29))
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            'quotes.to_dataframe needs pandas: pip install pandas (in a checkout: pip install ".[pandas]")'
        ) from exc
    docs = _documents(data)
    labels: list[object] = list(range(len(docs))) if ids is None else list(ids)
    if docs == [()] and len(labels) == 0:  # an empty list: one empty document, or none
        docs = []
    if len(labels) != len(docs):
        raise ValueError(f"ids has {len(labels)} entries for {len(docs)} documents; give one id per document")
    rows: list[list[Any]] = []
    for label, quotes in zip(labels, docs, strict=True):
        rows.extend(_row(label, i, q) for i, q in enumerate(quotes))
        if not quotes and keep_empty:
            rows.append([label, *([None] * (len(COLUMNS) - 1))])
    columns: dict[str, Any] = {}
    for n, name in enumerate(COLUMNS):
        values = [r[n] for r in rows]
        if name == "doc" and ids is not None:
            columns[name] = pd.array(values) if values else pd.array([], dtype=_ids_dtype(pd, labels))
        else:
            columns[name] = pd.array(values, dtype=DTYPES[name])
    return pd.DataFrame(columns)


def _ids_dtype(pd: Any, labels: list[object]) -> Any:
    """The dtype the ``doc`` column would have if the ids were used (for an empty frame)."""
    return pd.array(labels).dtype if labels else DTYPES["doc"]
