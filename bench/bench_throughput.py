"""Throughput, memory and cold start of `quotes` against plain Kiwi (a benchmark, not a test).

One run measures, on the same texts:

* cold start: a fresh process's ``import kiwipiepy; Kiwi(num_workers=1)`` plus
  its first ``tokenize``, against ``import quotes`` plus its first
  ``extract`` result;
* throughput (characters and documents per second) of ``Kiwi.tokenize`` on
  every document, of ``quotes.extract`` (the fast, selective path), of the
  exhaustive reference mode (``Config(exhaustive=True)``), and of
  ``Extractor.extract_many(workers=1)`` and ``workers=2`` (2 worker processes;
  pool start and model loads excluded, measured after a warm-up);
* peak RSS of each single-process run (each in a fresh process);
* each single-process run makes ``--repeat`` passes over the corpus (default
  3) and reports the fastest, as ``timeit`` does: on a shared machine noise
  only ever slows a pass down;
* whether the fast path gives results identical to the exhaustive mode.

* the ratio to Kiwi as the maintainers measure it: one process, passes of
  ``Kiwi.tokenize`` and of ``quotes.extract`` interleaved (the extractor's own
  Kiwi), best of ``--repeat`` each, with the range of the per-pass ratio.

Inputs, each measured in turn:

* a generated news-like corpus (``--docs``, ``--speech-share``: the project's
  own sentences — paragraphs with speech from ``tests/golden`` and the bundled
  demo, paragraphs without speech from ``bench/data/narrative.txt`` —
  recombined into articles of 6-14 paragraphs);
* real news, read at run time from the training sets beside the repository
  (``--real DIR``, default ``../shared/dev``; never copied into the project,
  and the sealed ``validation/`` folder is never read): the whole articles of
  ``articles/articles.jsonl`` as they are, and the quote-dense paragraphs of
  ``paragraphs.jsonl`` and ``more/*.jsonl`` glued in order into documents of
  about 2,000 characters; skipped with a note when the folder is absent;
* or only a JSONL corpus of your own (``--jsonl PATH --field text``).

    python bench/bench_throughput.py                         # generated + real
    python bench/bench_throughput.py --docs 1000 --speech-share 0.5 --no-real
    python bench/bench_throughput.py --jsonl corpus.jsonl --field body
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

from _child import run_child

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "dev"
#: Quote-dense paragraphs are glued into documents of at least this many characters.
DENSE_DOC_CHARS = 2000


def _texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def real_corpora(folder: Path) -> list[tuple[str, list[str]]]:
    """The real training sets as two corpora: whole articles, and paragraphs glued into ≈2 k-char documents."""
    corpora = []
    articles = folder / "articles" / "articles.jsonl"
    if articles.is_file():
        corpora.append((f"real whole articles ({articles.relative_to(folder.parent)})", _texts(articles)))
    paragraphs = [p for p in [folder / "paragraphs.jsonl", *sorted((folder / "more").glob("*.jsonl"))] if p.is_file()]
    docs: list[str] = []
    current: list[str] = []
    for text in (t for p in paragraphs for t in _texts(p)):
        current.append(text)
        if sum(len(t) + 2 for t in current) >= DENSE_DOC_CHARS:
            docs.append("\n\n".join(current))
            current = []
    if current:
        docs.append("\n\n".join(current))
    if docs:
        corpora.append((f"real quote-dense paragraphs ({len(paragraphs)} files) glued into ≈2 k-char docs", docs))
    return corpora


def generated_corpus(n_docs: int, speech_share: float, seed: int = 7) -> list[str]:
    """Articles of 6-14 paragraphs; each paragraph holds speech with probability ``speech_share``."""
    speech: list[str] = []
    for name in ("direct.jsonl", "indirect.jsonl"):
        with open(ROOT / "tests" / "golden" / name, encoding="utf-8") as fh:
            speech.extend(json.loads(line)["text"] for line in fh if line.strip())
    demo = (ROOT / "src" / "quotes" / "data" / "demo_article.txt").read_text(encoding="utf-8")
    speech.extend(p for p in demo.split("\n") if '"' in p)
    narrative = [
        line.strip()
        for line in (ROOT / "bench" / "data" / "narrative.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        paras = [rng.choice(speech if rng.random() < speech_share else narrative) for _ in range(rng.randint(6, 14))]
        docs.append("\n\n".join(paras))
    return docs


CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if mode == "kiwi":
    from kiwipiepy import Kiwi
    kiwi = Kiwi(num_workers=1)
    kiwi.tokenize("김 대표는 준비됐다고 말했다.")
    run = kiwi.tokenize
else:
    import quotes
    ex = quotes.Extractor(exhaustive=(mode == "exhaustive"))
    ex.extract('김 대표는 "준비됐다"고 말했다.')
    run = ex.analyze
cold = time.perf_counter() - t0
rss_ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
with open(path, encoding="utf-8") as fh:
    docs = [json.loads(line) for line in fh]
times = []
for _ in range(int(sys.argv[3])):  # the best of N passes, as timeit does: noise only slows a pass down
    t = time.perf_counter()
    out = [run(d) for d in docs]
    times.append(time.perf_counter() - t)
dt = min(times)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
digest = None
if mode != "kiwi":
    import hashlib
    h = hashlib.sha256()
    for a in out:
        h.update(json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    digest = h.hexdigest()
print(json.dumps({"cold": cold, "seconds": dt, "slowest": max(times), "rss_ready": rss_ready, "peak": peak,
                  "digest": digest}))
"""

INTERLEAVED = r"""
import json, sys, time
import quotes
path, repeat = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as fh:
    docs = [json.loads(line) for line in fh]
ex = quotes.Extractor()
ex.extract('김 대표는 "준비됐다"고 말했다.')
kiwi = ex.kiwi
kiwi_t, fast_t = [], []
for _ in range(repeat):
    for run, times in ((kiwi.tokenize, kiwi_t), (ex.analyze, fast_t)):
        t = time.perf_counter()
        for d in docs:
            run(d)
        times.append(time.perf_counter() - t)
print(json.dumps({"kiwi": kiwi_t, "fast": fast_t}))
"""

POOL_CHILD = r"""
import json, sys, time
import quotes

def main():
    path, workers = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    ex = quotes.Extractor()
    # Short warm-up texts first, so that every worker has loaded its model
    # before the clock starts at the last warm-up result.
    warm = ['김 대표는 "준비됐다"고 말했다.'] * (25 * workers * 8)
    t = None
    n = 0
    for i, found in enumerate(ex.extract_many(warm + docs, workers=workers, chunk_size=8)):
        if i == len(warm) - 1:
            t = time.perf_counter()
        elif i >= len(warm):
            n += len(found)
    dt = time.perf_counter() - t
    print(json.dumps({"seconds": dt, "quotes": n}))

if __name__ == "__main__":
    main()
"""


def measure(what: str, docs: list[str], args: argparse.Namespace) -> None:
    """Every run on one corpus, each in a fresh process, then the interleaved ratio."""
    chars = sum(len(d) for d in docs)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        path = fh.name
    try:
        print(
            f"\n## {what}: {len(docs)} docs, {chars:,} chars, "
            f"{chars / len(docs):,.0f} chars/doc; {os.cpu_count()} cores"
        )
        rows = {}
        for mode in ("kiwi", "fast", "exhaustive"):
            rows[mode] = run_child(CHILD, mode, path, str(args.repeat))
        kiwi = rows["kiwi"]
        print(f"\n{'run':<34} {'chars/s (slowest pass)':>24} {'x Kiwi':>7} {'peak RSS':>9} {'cold start':>11}")
        labels = {
            "kiwi": "Kiwi.tokenize (num_workers=1)",
            "fast": "quotes.extract (fast)",
            "exhaustive": "quotes.extract (exhaustive)",
        }
        for mode, r in rows.items():
            rates = f"{chars / r['seconds']:,.0f} ({chars / r['slowest']:,.0f})"
            print(
                f"{labels[mode]:<34} {rates:>24} {kiwi['seconds'] / r['seconds']:>7.2f} "
                f"{r['peak']:>5.0f} MiB {r['cold']:>9.2f} s"
            )
        same = rows["fast"]["digest"] == rows["exhaustive"]["digest"]
        print(f"\nfast == exhaustive (every record of every document): {same}")
        print(
            f"peak RSS, fast extract - Kiwi alone: {rows['fast']['peak'] - kiwi['peak']:+.0f} MiB; "
            f"cold start ratio: {rows['fast']['cold'] / kiwi['cold']:.2f}"
        )
        inter = run_child(INTERLEAVED, path, str(args.repeat))
        ratios = [k / f for k, f in zip(inter["kiwi"], inter["fast"], strict=True)]
        print(
            f"interleaved in one process, best of {args.repeat}: quotes.extract = "
            f"{min(inter['kiwi']) / min(inter['fast']):.2f} x Kiwi.tokenize "
            f"(per pass {min(ratios):.2f}-{max(ratios):.2f})"
        )
        if not args.no_pool:
            one, two = (run_child(POOL_CHILD, path, str(w), as_file=True) for w in (1, 2))
            print(
                f"extract_many: 1 worker {chars / one['seconds']:,.0f} chars/s, "
                f"2 workers {chars / two['seconds']:,.0f} chars/s: {one['seconds'] / two['seconds']:.2f}x "
                "(pool start and model loads excluded)"
            )
    finally:
        os.unlink(path)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="generated documents (default 300)")
    parser.add_argument("--speech-share", type=float, default=0.35, help="share of paragraphs with speech")
    parser.add_argument("--jsonl", help="benchmark only this JSONL corpus")
    parser.add_argument("--field", default="text", help="JSONL text field (default: text)")
    parser.add_argument("--real", type=Path, default=REAL, help="folder of the real training sets (../shared/dev)")
    parser.add_argument("--no-real", action="store_true", help="skip the real corpora")
    parser.add_argument("--no-generated", action="store_true", help="skip the generated corpus")
    parser.add_argument("--no-pool", action="store_true", help="skip the 1- vs 2-worker runs")
    parser.add_argument("--repeat", type=int, default=3, help="passes per single-process run; the best counts")
    args = parser.parse_args(argv)

    corpora: list[tuple[str, list[str]]] = []
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as fh:
            corpora.append(
                (f"{args.jsonl} ({args.field})", [json.loads(line)[args.field] for line in fh if line.strip()])
            )
    else:
        if not args.no_generated:
            docs = generated_corpus(args.docs, args.speech_share)
            corpora.append((f"generated news, speech share {args.speech_share:.2f}", docs))
        if not args.no_real:
            found = real_corpora(args.real) if args.real.is_dir() else []
            corpora.extend(found)
            if not found:
                print(f"(no real corpus: {args.real} holds no training sets)")
    for what, docs in corpora:
        measure(what, docs, args)


if __name__ == "__main__":
    main(sys.argv[1:])
