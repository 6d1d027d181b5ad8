"""``quotes evaluate``: read the gold file and the ``--require`` checks, score, report.

Contract: :func:`run` returns the exit code and never lets a bad gold file or a
bad ``--require`` end in a traceback.  Every ``--require`` is checked before
the run: ``FIGURE>=X`` or ``FIGURE<=X`` with a known figure and a number, else
exit 2 with what to write instead.  A gold file that cannot be read, is not
JSON, or has a quote without its fields is exit 2 with the file and line.
Exit 1 means a ``--require`` check failed; 0, that every check held.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

__all__ = ["Requirement", "parse_requirement", "run"]

REQUIREMENT = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*")

Requirement = tuple[str, str, float]


def known_figures() -> set[str]:
    """Every figure name ``--require`` accepts (those of a report with every kind)."""
    from .evaluate import Report
    from .records import QuoteKind

    zero = dict.fromkeys(("tp", "fp", "fn", "exact_tp", "exact_fp", "exact_fn"), 0)
    counts = {kind.value: dict(zero) for kind in QuoteKind}
    report = Report(
        docs=0,
        counts=counts,
        speaker_n=0,
        speaker_ok=0,
        speaker_ok_lenient=0,
        cue_n=0,
        cue_ok=0,
        cue_ok_lenient=0,
        scare_fp=0,
        offsets_bad=0,
        errors=0,
        seconds=0.0,
    )
    return set(report.figures())


def parse_requirement(text: str, known: set[str]) -> Requirement:
    """``(figure, operator, value)`` of one ``--require``; raises ``ValueError`` saying what to write.

    >>> parse_requirement("direct_f1>=0.9", {"direct_f1"})
    ('direct_f1', '>=', 0.9)
    """
    found = REQUIREMENT.fullmatch(text)
    if found is None:
        raise ValueError(f"--require {text!r}: write FIGURE>=X or FIGURE<=X, e.g. --require 'direct_f1>=0.9'")
    key, op, value = found.groups()
    if key not in known:
        raise ValueError(f"unknown figure {key!r} in --require; known: {', '.join(sorted(known))}")
    return key, op, float(value)


def run(args: argparse.Namespace) -> int:
    """The ``evaluate`` subcommand (see the module docstring)."""
    from . import Extractor
    from .config import ALL_KINDS, DEFAULT_KINDS
    from .evaluate import evaluate, load_gold

    known = known_figures()
    try:
        checks = [parse_requirement(req, known) for req in args.require]
    except ValueError as exc:
        sys.stderr.write(f"quotes: {exc}\n")
        return 2
    try:
        docs = load_gold(args.gold)
    except OSError as exc:
        sys.stderr.write(f"quotes: cannot read {args.gold}: {exc.strerror or exc}\n")
        return 2
    except (ValueError, RecursionError) as exc:
        sys.stderr.write(f"quotes: bad gold file: {exc}\n")
        return 2
    report = evaluate(docs, Extractor(kinds=ALL_KINDS if args.all_kinds else DEFAULT_KINDS).extract)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.format())
        if args.per_document:
            print()
            print(report.format_documents())
        if args.misses:
            print()
            for miss in report.misses:
                print(miss)
    figures = report.figures()
    failed = []
    for key, op, value in checks:
        have = figures.get(key, 1.0)  # a kind neither in the gold nor found: Report.prf's 1.0
        if (op == ">=" and have < value) or (op == "<=" and have > value):
            failed.append(f"{key}={have:.3f} (needs {op}{value:g})")
    if failed:
        print("short: " + "; ".join(failed))
        return 1
    return 0
