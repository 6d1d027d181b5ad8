"""Issue 13 proof at scale: a 10,000-line JSONL with 1 % bad lines of every kind through ``quotes extract``.

Run: ``python bench/cli_hostile_corpus.py [LINES]``.  Checks that the records out
equal the non-blank lines in, that the output is strict UTF-8 JSON, and that
``-j 1`` and ``-j 2`` write byte-identical output.  Prints the counts and times.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_cli_safety import _hostile  # the generator the test uses


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data, nonblank = _hostile(n, every=100)  # 1 % bad lines, every kind in turn (plus bad UTF-8, blanks)
    kept = data.split(b"\n")[:-1]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "hostile.jsonl"
        src.write_bytes(b"\n".join(kept) + b"\n")
        outs = []
        for j in ("1", "2"):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "quotes", "extract", str(src), "--id-field", "id", "--no-progress", "-j", j],
                capture_output=True,
                check=False,
            )
            print(f"-j {j}: exit {proc.returncode}, {time.perf_counter() - t0:.1f} s, stderr {proc.stderr[-200:]!r}")
            outs.append(proc.stdout)
        recs = [json.loads(x, parse_constant=lambda c: 1 / 0) for x in outs[0].decode("utf-8").splitlines()]
        print(
            f"lines in {len(kept)}, non-blank {nonblank}, records out {len(recs)}, "
            f"errors {sum('error' in r for r in recs)}"
        )
        print("byte-identical:", outs[0] == outs[1])
        return 0 if outs[0] == outs[1] and len(recs) == nonblank else 1


if __name__ == "__main__":
    sys.exit(main())
