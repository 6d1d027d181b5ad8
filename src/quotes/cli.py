"""Command line: ``quotes demo``, ``quotes extract``, ``quotes evaluate``.

Exit codes: 0 success; 1 a check failed (``evaluate --require``) or some
input records were bad (``extract``); 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import TextIO

from . import __version__
from .records import Analysis, Quote

__all__ = ["main"]

EPILOG = """examples:
  quotes demo                          show the quotes of the bundled sample article
  quotes extract article.txt           one JSON line of quotes per file
  quotes extract corpus.jsonl --text-field body --id-field url
  cat article.txt | quotes extract -   read standard input
  quotes evaluate gold.jsonl --misses  accuracy on a gold file, with every miss
  quotes evaluate gold.jsonl --require direct_f1>=0.9 --require speaker_acc>=0.8
"""


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit(s: str, width: int) -> str:
    s = " ".join(s.split())
    if _width(s) <= width:
        return s + " " * (width - _width(s))
    out = ""
    for ch in s:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…" + " " * (width - 1 - _width(out))


def format_table(quotes: Sequence[Quote], *, rules: bool = False) -> str:
    """A readable fixed-width table of quotes (wide Hangul counted as 2 columns)."""
    cols = [("#", 3), ("kind", 12), ("speaker", 22), ("name", 14), ("cue", 10), ("quote", 48)]
    if rules:
        cols.append(("rules", 40))
    lines = [" ".join(_fit(h, w) for h, w in cols).rstrip(), " ".join("-" * w for _, w in cols)]
    for i, q in enumerate(quotes, 1):
        row = [
            str(i),
            q.kind.value,
            q.speaker.text if q.speaker else "-",
            (q.speaker.name or "-") if q.speaker else "-",
            q.cue.text if q.cue else "-",
            q.text,
        ]
        if rules:
            row.append(",".join(q.rules))
        lines.append(" ".join(_fit(v, w) for v, (_, w) in zip(row, cols, strict=True)).rstrip())
    return "\n".join(lines)


def _demo(args: argparse.Namespace) -> int:
    from . import analyze

    text = (resources.files("quotes") / "data" / "demo_article.txt").read_text(encoding="utf-8")
    result: Analysis = analyze(text)
    out = sys.stdout
    out.write(f"Bundled sample article: {len(text)} characters, {len(result.quotes)} quotes\n\n")
    out.write(format_table(result.quotes, rules=args.rules) + "\n")
    if result.problems:
        out.write(
            f"\nproblems: {len(result.problems)} (" + ", ".join(sorted({p.code.value for p in result.problems})) + ")\n"
        )
    return 0


def _read_inputs(
    paths: Sequence[str], text_field: str, id_field: str | None
) -> Iterator[tuple[dict[str, object], str | None, str | None]]:
    """Yield (record, text, error) for every input record, in order."""
    for path in paths or ["-"]:
        if path == "-":
            data = sys.stdin.buffer.read()
            name = "<stdin>"
        else:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                yield {"source": path}, None, f"cannot read: {exc.strerror}"
                continue
            name = path
        if path.endswith(".jsonl"):
            for no, raw in enumerate(data.splitlines(), 1):
                if not raw.strip():
                    continue
                rec: dict[str, object] = {"source": name, "line": no}
                try:
                    obj = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    yield rec, None, f"invalid JSON: {exc}"
                    continue
                if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
                    yield rec, None, f"field {text_field!r} missing or not a string"
                    continue
                rec.update({k: v for k, v in obj.items() if k != text_field})
                if id_field and id_field in obj:
                    rec["id"] = obj[id_field]
                yield rec, obj[text_field], None
        else:
            try:
                yield {"source": name}, data.decode("utf-8"), None
            except UnicodeDecodeError as exc:
                yield {"source": name}, None, f"not UTF-8: {exc}"


def _extract(args: argparse.Namespace) -> int:
    from . import analyze

    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output not in (None, "-") else sys.stdout  # noqa: SIM115
    bad = total = 0
    try:
        for rec, text, error in _read_inputs(args.inputs, args.text_field, args.id_field):
            total += 1
            if error is not None:
                bad += 1
                rec["error"] = error
            else:
                assert text is not None
                result = analyze(text)
                rec["quotes"] = [q.to_dict() for q in result.quotes]
                rec["problems"] = [p.to_dict() for p in result.problems]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        if out is not sys.stdout:
            out.close()
    if bad:
        print(f"quotes: {bad} of {total} input records could not be read (see their 'error' field)", file=sys.stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from . import Extractor
    from .config import ALL_KINDS, DEFAULT_KINDS
    from .evaluate import evaluate

    report = evaluate(args.gold, Extractor(kinds=ALL_KINDS if args.all_kinds else DEFAULT_KINDS).extract)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.format())
        if args.misses:
            print()
            for miss in report.misses:
                print(miss)
    figures = report.figures()
    failed = []
    for req in args.require:
        op = ">=" if ">=" in req else "<="
        key, _, val = req.partition(op)
        key = key.strip()
        if key not in figures:
            print(f"quotes: unknown figure {key!r} in --require; known: {', '.join(sorted(figures))}", file=sys.stderr)
            return 2
        have = figures[key]
        if (op == ">=" and have < float(val)) or (op == "<=" and have > float(val)):
            failed.append(f"{key}={have:.3f} (needs {op}{val})")
    if failed:
        print("short: " + "; ".join(failed))
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotes",
        description="Find the quotations in Korean news text and say who said them.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quotes {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo", help="show the quotes of the bundled sample article as a table")
    p.add_argument("--rules", action="store_true", help="add the ids of the rules that fired")
    p.set_defaults(func=_demo)

    p = sub.add_parser("extract", help="extract quotes from text or JSONL files, as JSON lines")
    p.add_argument(
        "inputs", nargs="*", metavar="FILE", help="text files (one document each) or .jsonl; '-' or none: stdin"
    )
    p.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    p.add_argument("--id-field", default=None, help="JSONL field copied to the output's 'id'")
    p.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    p.set_defaults(func=_extract)

    p = sub.add_parser("evaluate", help="score the extractor on a gold file (.json or .jsonl)")
    p.add_argument("gold", help="gold file in the project's schema")
    p.add_argument("--misses", action="store_true", help="list every miss, extra and wrong speaker")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--all-kinds", action="store_true", help="also report hearsay and belief (off by default)")
    p.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="FIGURE>=X",
        help="fail (exit 1) unless the figure holds, e.g. direct_f1>=0.9 or scare_fp<=2",
    )
    p.set_defaults(func=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
