"""Score the extractor against gold annotations.

Gold files are JSON (one document or a list) or JSONL (one document per line)
in the schema of the project's gold sets::

    {"id": "...", "text": "...",
     "quotes": [{"kind": "direct", "text": "...", "start": 0, "end": 0,
                 "speaker": "...", "speaker_name": "...", "cue": "...", "required": true}],
     "non_speech_quoted": ["..."]}

Definitions (the same as the shared ``score.py``):

* A gold quote is matched by the unused prediction with the highest overlap
  (IoU of the character spans); it counts as found at *overlap* when the IoU
  is at least 0.8 for direct quotes and 0.5 for the other kinds, and at
  *exact* match when the spans are equal.  Kinds are not required to agree.
* ``required: false`` gold quotes are neither rewarded nor penalised, and a
  prediction overlapping one (IoU >= 0.5) is not a false positive.
* Speaker accuracy: over matched required quotes with a gold speaker, the
  predicted ``speaker.name`` contains the gold ``speaker_name`` (or, when the
  gold has no name, the predicted mention text and the gold mention contain one
  another).  *Lenient* also accepts the name inside the predicted mention.
* Cue accuracy: over matched required quotes with a gold cue, the predicted cue
  text equals the gold cue (spaces ignored); *lenient* accepts containment.
* Scare-quote false positives: unmatched predictions whose text is listed in
  ``non_speech_quoted``.
* Per document (:attr:`Report.documents`): the same speaker counts for each
  gold document, so that whole articles can be compared one by one; the
  ``speaker_acc_doc_mean`` figure is their mean over the documents with at
  least one quote to attribute (each article weighs the same, however many
  quotes it has).

>>> from quotes.evaluate import iou
>>> iou((0, 10), (5, 10))
0.5
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .records import Quote

__all__ = ["DocumentFigures", "Miss", "Report", "evaluate", "iou", "load_gold"]

THRESHOLD = {"direct": 0.8}
DEFAULT_THRESHOLD = 0.5


def _norm(s: Any) -> str | None:
    if s is None:
        return None
    return "".join(unicodedata.normalize("NFC", str(s)).split())


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two character spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold file (``.json`` or ``.jsonl``).

    Raises:
        OSError: the file cannot be read.
        ValueError: it is not UTF-8 JSON, or a document or quote lacks a field
            the scoring needs (the message names the file and line or document).
    """
    p = Path(path)
    text = p.read_bytes().decode("utf-8", errors="strict")
    if p.suffix.lower() == ".jsonl":
        docs = [(f"{p}:{no}", _json(line, f"{p}:{no}")) for no, line in enumerate(text.splitlines(), 1) if line.strip()]
    else:
        data = _json(text, str(p))
        docs = [(f"{p}: document {i}", d) for i, d in enumerate(data if isinstance(data, list) else [data], 1)]
    for where, doc in docs:
        _check_doc(doc, where)
    return [doc for _, doc in docs]


def _json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"{where}: not valid JSON: {exc}") from None


def _check_doc(doc: Any, where: str) -> None:
    """Raise ``ValueError`` unless ``doc`` has what :func:`evaluate` reads."""
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise ValueError(f"{where}: a gold document is an object with a string 'text'")
    quotes = doc.get("quotes", [])
    if not isinstance(quotes, list):
        raise ValueError(f"{where}: 'quotes' must be a list")
    for i, q in enumerate(quotes, 1):
        if not isinstance(q, dict):
            raise ValueError(f"{where}: quote {i} is not an object")
        for key in ("start", "end"):
            if not isinstance(q.get(key), int) or isinstance(q.get(key), bool):
                raise ValueError(f"{where}: quote {i} needs an integer {key!r}")
        if not isinstance(q.get("kind"), str) or not isinstance(q.get("text"), str):
            raise ValueError(f"{where}: quote {i} needs a string 'kind' and 'text'")


@attrs.frozen(kw_only=True)
class Miss:
    """One error, for the list of misses."""

    doc: str
    what: str  # "missed", "extra", "speaker", "cue", "offsets", "error"
    kind: str
    text: str
    detail: str = ""

    def __str__(self) -> str:
        return f"[{self.doc}] {self.what.upper()} {self.kind} {self.text[:60]!r} {self.detail}".rstrip()


@attrs.frozen(kw_only=True)
class DocumentFigures:
    """Speaker figures of one gold document (an article, a paragraph)."""

    doc: str
    quotes: int  # required gold quotes
    found: int  # of them, matched at overlap
    speaker_n: int  # matched quotes with a gold speaker
    speaker_ok: int  # of them, with the right speaker name

    @property
    def speaker_accuracy(self) -> float | None:
        """The share of right speakers, or ``None`` when there is none to attribute."""
        return self.speaker_ok / self.speaker_n if self.speaker_n else None


@attrs.frozen(kw_only=True)
class Report:
    """Figures of one evaluation run (see the module docs for definitions)."""

    docs: int
    counts: dict[str, dict[str, int]]  # kind -> tp/fp/fn at overlap, and exact_tp/exact_fp/exact_fn
    speaker_n: int
    speaker_ok: int
    speaker_ok_lenient: int
    cue_n: int
    cue_ok: int
    cue_ok_lenient: int
    scare_fp: int
    offsets_bad: int
    errors: int
    seconds: float
    misses: tuple[Miss, ...] = ()
    documents: tuple[DocumentFigures, ...] = ()

    def prf(self, kind: str, exact: bool = False) -> tuple[float, float, float]:
        """Precision, recall and F1 of ``kind`` (``"all"`` for every kind)."""
        pre = "exact_" if exact else ""
        if kind == "all":
            tp = sum(c[pre + "tp"] for c in self.counts.values())
            fp = sum(c[pre + "fp"] for c in self.counts.values())
            fn = sum(c[pre + "fn"] for c in self.counts.values())
        else:
            c = self.counts.get(kind, {})
            tp, fp, fn = c.get(pre + "tp", 0), c.get(pre + "fp", 0), c.get(pre + "fn", 0)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_n if self.speaker_n else 0.0

    @property
    def speaker_accuracy_lenient(self) -> float:
        return self.speaker_ok_lenient / self.speaker_n if self.speaker_n else 0.0

    @property
    def speaker_accuracy_doc_mean(self) -> float:
        """The mean over documents of their speaker accuracy (documents without a speaker left out)."""
        shares = [a for d in self.documents if (a := d.speaker_accuracy) is not None]
        return sum(shares) / len(shares) if shares else 0.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue_ok / self.cue_n if self.cue_n else 0.0

    @property
    def cue_accuracy_lenient(self) -> float:
        return self.cue_ok_lenient / self.cue_n if self.cue_n else 0.0

    def figures(self) -> dict[str, float]:
        """Flat figures (``direct_f1``, ``speaker_acc`` ...) for ``--require`` and JSON."""
        out: dict[str, float] = {}
        for kind in [*sorted(self.counts), "all"]:
            for exact in (False, True):
                p, r, f = self.prf(kind, exact)
                sfx = "_exact" if exact else ""
                out[f"{kind}_p{sfx}"], out[f"{kind}_r{sfx}"], out[f"{kind}_f1{sfx}"] = p, r, f
        out.update(
            speaker_acc=self.speaker_accuracy,
            speaker_acc_lenient=self.speaker_accuracy_lenient,
            speaker_acc_doc_mean=self.speaker_accuracy_doc_mean,
            cue_acc=self.cue_accuracy,
            cue_acc_lenient=self.cue_accuracy_lenient,
            scare_fp=self.scare_fp,
            offsets_bad=self.offsets_bad,
            errors=self.errors,
            docs=self.docs,
        )
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the counts, the flat figures and the misses."""
        return {
            "counts": self.counts,
            "figures": self.figures(),
            "seconds": self.seconds,
            "misses": [attrs.asdict(m) for m in self.misses],
            "documents": [{**attrs.asdict(d), "speaker_acc": d.speaker_accuracy} for d in self.documents],
        }

    def format_documents(self) -> str:
        """One line per document: its quotes, how many were found, and its speaker accuracy."""
        lines = [f"{'document':<16}{'quotes':>7}{'found':>7}{'speakers':>9}{'right':>7}{'share':>8}"]
        for d in self.documents:
            share = "n/a" if d.speaker_accuracy is None else f"{d.speaker_accuracy:.3f}"
            lines.append(f"{d.doc[:16]:<16}{d.quotes:>7}{d.found:>7}{d.speaker_n:>9}{d.speaker_ok:>7}{share:>8}")
        lines.append(f"mean speaker accuracy over documents: {self.speaker_accuracy_doc_mean:.3f}")
        return "\n".join(lines)

    def format(self) -> str:
        """A plain-text table of the figures."""
        lines = [f"{'kind':<14}{'n gold':>7}{'P':>8}{'R':>8}{'F1':>8}{'exact P':>9}{'exact R':>9}{'exact F1':>9}"]
        for kind in [*sorted(self.counts), "all"]:
            if kind == "all":
                n = sum(c["tp"] + c["fn"] for c in self.counts.values())
            else:
                n = self.counts[kind]["tp"] + self.counts[kind]["fn"]
            p, r, f = self.prf(kind)
            ep, er, ef = self.prf(kind, exact=True)
            lines.append(f"{kind:<14}{n:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}{ep:>9.3f}{er:>9.3f}{ef:>9.3f}")
        lines.append(
            f"speaker accuracy {self.speaker_accuracy:.3f} "
            f"(lenient {self.speaker_accuracy_lenient:.3f}, n={self.speaker_n})"
            + (
                f" | cue accuracy {self.cue_accuracy:.3f} (lenient {self.cue_accuracy_lenient:.3f}, n={self.cue_n})"
                if self.cue_n
                else " | cue accuracy n/a (no cue in the gold)"
            )
        )
        lines.append(
            f"scare quotes reported as speech: {self.scare_fp} | bad offsets: {self.offsets_bad}"
            f" | errors: {self.errors} | documents: {self.docs} | {self.seconds:.2f} s"
        )
        return "\n".join(lines)


def _speaker_ok(g: dict[str, Any], p: Quote) -> tuple[bool, bool]:
    gname, gsurf = _norm(g.get("speaker_name")), _norm(g.get("speaker"))
    sp = p.speaker
    if gname is None and gsurf is None:
        return sp is None, sp is None
    if sp is None:
        return False, False
    pname, ptext = _norm(sp.name), _norm(sp.text)
    alts = {a for a in {gname} | {_norm(x) for x in g.get("speaker_alternatives", [])} if a}
    if alts:
        strict = pname is not None and any(a in pname for a in alts)
        return strict, strict or any(a in (ptext or "") for a in alts)
    ok = bool(ptext) and gsurf is not None and ptext is not None and (gsurf in ptext or ptext in gsurf)
    return ok, ok


def _near_optional(p: Quote, gold_quotes: Sequence[dict[str, Any]]) -> bool:
    """Does ``p`` overlap (IoU >= 0.5) a ``required: false`` gold quote?  Then it is no error."""
    return any(
        not g.get("required", True) and iou((g["start"], g["end"]), (p.start, p.end)) >= 0.5 for g in gold_quotes
    )


def _kind(q: Quote) -> str:
    return q.kind.value


def evaluate(
    gold: str | Path | Iterable[dict[str, Any]],
    extract: Callable[[str], Sequence[Quote]] | None = None,
) -> Report:
    """Score ``extract`` (default: :func:`quotes.extract`) on gold documents.

    Args:
        gold: a path to a ``.json``/``.jsonl`` gold file, or the documents.
        extract: the function to score.

    Returns:
        A :class:`Report`; ``print(report.format())`` shows the table.
    """
    if extract is None:
        from . import extract as default_extract

        extract = default_extract
    docs = load_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    counts: dict[str, dict[str, int]] = {}

    def bump(kind: str, key: str) -> None:
        counts.setdefault(kind, dict.fromkeys(("tp", "fp", "fn", "exact_tp", "exact_fp", "exact_fn"), 0))[key] += 1

    sp_n = sp_ok = sp_len = cue_n = cue_ok = cue_len = scare = offs = errors = 0
    misses: list[Miss] = []
    documents: list[DocumentFigures] = []
    t0 = time.perf_counter()
    for doc in docs:
        did = str(doc.get("id", "?"))
        before = (counts_required(counts), sp_n, sp_ok)
        text = doc["text"]
        try:
            preds = list(extract(text))
        except Exception as exc:
            errors += 1
            misses.append(Miss(doc=did, what="error", kind="-", text=repr(exc)))
            preds = []
        gold_quotes = doc.get("quotes", [])
        nonspeech = {_norm(s) for s in doc.get("non_speech_quoted", [])}
        for p in preds:
            if text[p.start : p.end] != p.text:
                offs += 1
                misses.append(Miss(doc=did, what="offsets", kind=_kind(p), text=p.text))
        # exact match, greedy in order
        exact_used: set[int] = set()
        for g in gold_quotes:
            if not g.get("required", True):
                continue
            hit = next(
                (i for i, p in enumerate(preds) if i not in exact_used and (p.start, p.end) == (g["start"], g["end"])),
                None,
            )
            if hit is None:
                bump(g["kind"], "exact_fn")
            else:
                exact_used.add(hit)
                bump(g["kind"], "exact_tp")
        for i, p in enumerate(preds):
            if i not in exact_used and not _near_optional(p, gold_quotes):
                bump(_kind(p), "exact_fp")
        # overlap match, as score.py
        used: set[int] = set()
        for g in gold_quotes:
            best, bi = 0.0, None
            for i, p in enumerate(preds):
                if i in used:
                    continue
                v = iou((g["start"], g["end"]), (p.start, p.end))
                if v > best:
                    best, bi = v, i
            req = g.get("required", True)
            if bi is not None and best >= THRESHOLD.get(g["kind"], DEFAULT_THRESHOLD):
                used.add(bi)
                if not req:
                    continue
                p = preds[bi]
                bump(g["kind"], "tp")
                if g.get("speaker_name") or g.get("speaker"):
                    sp_n += 1
                    strict, lenient = _speaker_ok(g, p)
                    sp_ok += strict
                    sp_len += lenient
                    if not strict:
                        got = f"{p.speaker.name!r}/{p.speaker.text!r}" if p.speaker else "None"
                        misses.append(
                            Miss(
                                doc=did,
                                what="speaker",
                                kind=g["kind"],
                                text=g["text"],
                                detail=f"gold={g.get('speaker_name') or g.get('speaker')!r} got={got}",
                            )
                        )
                if g.get("cue"):
                    cue_n += 1
                    gc, pc = _norm(g["cue"]), _norm(p.cue.text) if p.cue else None
                    cue_ok += gc == pc
                    cue_len += bool(pc) and gc is not None and pc is not None and (gc in pc or pc in gc)
                    if gc != pc:
                        misses.append(
                            Miss(
                                doc=did,
                                what="cue",
                                kind=g["kind"],
                                text=g["text"],
                                detail=f"gold={g['cue']!r} got={p.cue.text if p.cue else None!r}",
                            )
                        )
            elif req:
                bump(g["kind"], "fn")
                misses.append(
                    Miss(doc=did, what="missed", kind=g["kind"], text=g["text"], detail=f"(best IoU {best:.2f})")
                )
        for i, p in enumerate(preds):
            if i in used or _near_optional(p, gold_quotes):
                continue
            bump(_kind(p), "fp")
            is_scare = _norm(p.text) in nonspeech
            scare += is_scare
            misses.append(
                Miss(
                    doc=did,
                    what="extra",
                    kind=_kind(p),
                    text=p.text,
                    detail="(listed as not speech)" if is_scare else "",
                )
            )
        (tp0, fn0), n0, ok0 = before
        tp1, fn1 = counts_required(counts)
        documents.append(
            DocumentFigures(
                doc=did, quotes=tp1 + fn1 - tp0 - fn0, found=tp1 - tp0, speaker_n=sp_n - n0, speaker_ok=sp_ok - ok0
            )
        )
    return Report(
        docs=len(docs),
        counts=counts,
        speaker_n=sp_n,
        speaker_ok=sp_ok,
        speaker_ok_lenient=sp_len,
        cue_n=cue_n,
        cue_ok=cue_ok,
        cue_ok_lenient=cue_len,
        scare_fp=scare,
        offsets_bad=offs,
        errors=errors,
        seconds=time.perf_counter() - t0,
        misses=tuple(misses),
        documents=tuple(documents),
    )


def counts_required(counts: dict[str, dict[str, int]]) -> tuple[int, int]:
    """Matched and missed required gold quotes so far, over every kind."""
    return sum(c["tp"] for c in counts.values()), sum(c["fn"] for c in counts.values())
