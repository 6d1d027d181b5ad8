"""Hostile input against ordinary news text: seconds per MB and memory (a benchmark, not a test).

Each input is built at two sizes and run in a fresh process, so that peak RSS
belongs to that run alone.  The table gives seconds per MB of characters, the
ratio to news text's seconds per MB (goal: at most 3x), how the per-MB time
changes from the small to the large size (about 1.0 means linear), and the
peak RSS growth over the loaded model.

    python bench/bench_adversarial.py                 # 0.25 and 1 MB each
    python bench/bench_adversarial.py --small 0.1 --large 0.5
    python bench/bench_adversarial.py --huge 50       # also one 50 MB news document
"""

from __future__ import annotations

import argparse
import sys

from _child import run_child

CHILD = r"""
import json, resource, sys, time
from importlib import resources
import quotes

kind, size = sys.argv[1], int(float(sys.argv[2]) * 1_000_000)
unit = (resources.files("quotes") / "data" / "demo_article.txt").read_text(encoding="utf-8")

def repeat(piece):
    return (piece * (size // len(piece) + 1))[:size]

if kind == "news":
    text = repeat(unit + "\n\n")
elif kind == "straight-quotes":
    text = '"' * size
elif kind == "unclosed-curly":
    text = "\u201c" * size
elif kind == "nested-marks":
    half = size // 2
    text = repeat("\u201c\u2018\u300c\u300e")[:half] + repeat("\u300f\u300d\u2019\u201d")[:size - half]
elif kind == "no-spaces":
    text = repeat("".join(unit.split()))
elif kind == "no-punctuation":
    text = repeat(" ".join(w.strip(".,?!") for w in unit.split()) + " ")
elif kind == "one-sentence":
    text = repeat('한지수 대표는 "수출이 늘었다"고 말했고 ')
elif kind == "crlf-entities":
    text = repeat(unit.replace("\n", "\r\n").replace('"', "&quot;") + "\r\n&nbsp;<br>\r\n")
else:
    raise SystemExit(f"unknown input {kind}")
ex = quotes.Extractor()
ex.extract('김 대표는 "준비됐다"고 말했다.')  # load the model first
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
found = ex.analyze(text)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
for q in found.quotes:
    assert text[q.start:q.end] == q.text
print(json.dumps({"chars": len(text), "seconds": dt, "quotes": len(found.quotes), "base": base, "peak": peak}))
"""

INPUTS = [
    "news",
    "straight-quotes",
    "unclosed-curly",
    "nested-marks",
    "no-spaces",
    "no-punctuation",
    "one-sentence",
    "crlf-entities",
]


def run(kind: str, mb: float) -> dict[str, float]:
    return run_child(CHILD, kind, str(mb))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=float, default=0.25, help="small size in MB (default 0.25)")
    parser.add_argument("--large", type=float, default=1.0, help="large size in MB (default 1)")
    parser.add_argument("--huge", type=float, default=0.0, help="also run news text of this many MB (e.g. 50)")
    parser.add_argument("--only", nargs="*", default=INPUTS, help="inputs to run")
    args = parser.parse_args(argv)
    print(
        f"{'input':<16} {'MB':>5} {'quotes':>7} {'s/MB':>7} {'x news':>7} {'growth':>7} "
        f"{'peak RSS':>9} {'+MiB':>6} {'MiB/MB':>7}"
    )
    news_rate = None
    rows = [(k, args.small, args.large) for k in args.only]
    if args.huge:
        rows.append(("news", args.large, args.huge))
    for kind, small, large in rows:
        a, b = run(kind, small), run(kind, large)
        rate_a = a["seconds"] / (a["chars"] / 1e6)
        rate_b = b["seconds"] / (b["chars"] / 1e6)
        if kind == "news" and news_rate is None:
            news_rate = rate_b
        grow = b["peak"] - b["base"]
        ratio = rate_b / news_rate if news_rate else float("nan")
        print(
            f"{kind:<16} {large:>5.2f} {b['quotes']:>7} {rate_b:>7.1f} {ratio:>7.2f} {rate_b / rate_a:>7.2f} "
            f"{b['peak']:>5.0f} MiB {grow:>6.0f} {grow / large:>7.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
