"""The golden cases: one parametrized test over every case in tests/golden/*.jsonl.

A case passes when every required gold quote is found (IoU >= 0.8 for direct
quotes, as in the evaluation), with the gold speaker (the same check as the
evaluation's speaker accuracy), and no other quote is reported (predictions
overlapping an optional gold quote are allowed).  Known failures are listed
in ``known_failures.tsv`` with the reason, and run as ``xfail(strict=True)``
so a fix is noticed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quotes
from helpers import GOLDEN, load_cases
from quotes.config import ALL_KINDS
from quotes.evaluate import evaluate

FILES = (
    "direct",
    "nonspeech",
    "demo",
    "indirect",
    "layout",
    "attached",
    "sieve",
    "references",
    "collections",
    "transcripts",
)
# indirect.jsonl also annotates hearsay and belief, which are off by default.
ALL = quotes.Extractor(kinds=ALL_KINDS)
KNOWN = {
    line.split("\t")[0]: line.split("\t")[1]
    for line in (Path(GOLDEN) / "known_failures.tsv").read_text(encoding="utf-8").splitlines()[1:]
    if line.strip()
}


def _params() -> list[Any]:
    out = []
    for name in FILES:
        for case in load_cases(name):
            marks = [pytest.mark.xfail(reason=KNOWN[case["id"]], strict=True)] if case["id"] in KNOWN else []
            out.append(pytest.param(case, id=f"{case['id']}:{case.get('label', '')}", marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_golden_case(case: dict[str, Any], extractor: quotes.Extractor) -> None:
    ex = ALL if case["id"].startswith("i-") else extractor
    report = evaluate([case], ex.extract)
    problems = [str(m) for m in report.misses if m.what in ("missed", "extra", "speaker", "offsets", "error")]
    assert not problems, "\n".join(problems)


def test_known_failures_exist() -> None:
    ids = {c["id"] for name in FILES for c in load_cases(name)}
    assert set(KNOWN) <= ids
