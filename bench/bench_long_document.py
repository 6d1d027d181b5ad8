"""One long text made of many short articles: time per paragraph at growing sizes (a benchmark, not a test).

The articles are the project's own (``tests/data/stories.py``), glued one after
another as a day's paper would be.  Speaker resolution looks things up by
surname, title and story, so the time per paragraph should stay flat as the
text grows (a ratio near 1.0 from the smallest to the largest size means
linear time).  Each size runs in a fresh process; best of ``--passes``.

    python bench/bench_long_document.py                  # 150, 300, 600, 1200 paragraphs
    python bench/bench_long_document.py --sizes 300 3000 --passes 3
"""

from __future__ import annotations

import argparse

from _child import run_child

CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[3]) / "tests" / "data"))
from stories import EXPECTED, ARTICLES, long_document
import quotes

paragraphs, passes = int(sys.argv[1]), int(sys.argv[2])
text, spans = long_document(paragraphs)
ex = quotes.Extractor()
ex.extract('김 대표는 "준비됐다"고 말했다.')  # load the model first
best = float("inf")
for _ in range(passes):
    t = time.perf_counter()
    found = ex.analyze(text)
    best = min(best, time.perf_counter() - t)
lines = text.count("\n")
named = sum(1 for q in found.quotes if q.speaker and q.speaker.name)
row = {"paragraphs": lines, "chars": len(text), "seconds": best, "quotes": len(found.quotes), "named": named}
print(json.dumps(row))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[150, 300, 600, 1200])
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    rows = [run_child(CHILD, str(n), str(args.passes), root) for n in args.sizes]
    first = rows[0]["seconds"] / rows[0]["paragraphs"]
    print("| lines | chars | quotes | named | seconds | ms / line | vs smallest |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        per = r["seconds"] / r["paragraphs"]
        print(
            f"| {r['paragraphs']:.0f} | {r['chars']:.0f} | {r['quotes']:.0f} | {r['named']:.0f} "
            f"| {r['seconds']:.3f} | {per * 1000:.2f} | {per / first:.2f} |"
        )


if __name__ == "__main__":
    main()
