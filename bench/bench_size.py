"""Time and peak memory of `quotes.extract` against input size (a benchmark, not a test).

Each size runs in a fresh process so that peak RSS belongs to that size alone.
The text is the bundled sample article repeated (news-like: about a third of its
sentences hold quotes).

    python bench/bench_size.py            # 0.1, 1 and 5 MB
    python bench/bench_size.py 0.5 2      # sizes in MB (of characters)
"""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time
from importlib import resources
import quotes
size = int(float(sys.argv[1]) * 1_000_000)
unit = (resources.files("quotes") / "data" / "demo_article.txt").read_text(encoding="utf-8")
text = (unit + "\n") * (size // (len(unit) + 1) + 1)
text = text[:size]
ex = quotes.Extractor()
ex.extract("김 대표는 \"준비됐다\"고 말했다.")  # load the model first
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
found = ex.extract(text)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": len(text), "seconds": dt, "quotes": len(found), "rss_before_mib": base, "peak_mib": peak}))
"""


def main(argv: list[str]) -> None:
    sizes = [float(a) for a in argv] or [0.1, 1.0, 5.0]
    print(
        f"{'size MB':>8} {'quotes':>8} {'seconds':>9} {'s per MB':>9} {'k chars/s':>10} "
        f"{'RSS after load':>15} {'peak RSS':>9} {'growth':>8}"
    )
    for mb in sizes:
        out = subprocess.run([sys.executable, "-c", CHILD, str(mb)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        growth = r["peak_mib"] - r["rss_before_mib"]
        print(
            f"{mb:>8.2f} {r['quotes']:>8} {r['seconds']:>9.2f} {r['seconds'] / mb:>9.2f} "
            f"{r['chars'] / r['seconds'] / 1000:>10.0f} "
            f"{r['rss_before_mib']:>12.0f} MiB {r['peak_mib']:>5.0f} MiB {growth:>5.0f} MiB"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
