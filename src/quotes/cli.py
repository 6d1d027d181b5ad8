"""Command line: ``quotes demo``, ``quotes extract``, ``quotes explain``, ``quotes evaluate``.

Exit codes (:data:`EXIT_CODES`): 0 success; 1 some input records were bad
(``extract``) or a check failed (``evaluate --require``); 2 usage error,
nothing done; 3 aborted part-way (an output ``-o`` file is left as it was);
130 interrupted (Ctrl-C).  No path ends in a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import __version__
from ._cli_formats import Writer
from ._cli_input import Inputs
from ._cli_output import Output, clashes_with_input
from ._cli_progress import Progress, count_records
from ._cli_table import format_table
from ._jsonl import identity
from .records import Analysis
from .scale import Parsed

if TYPE_CHECKING:  # pragma: no cover
    from ._pipeline import Extractor

__all__ = ["format_table", "main"]

EXIT_CODES = """exit codes:
  0    success (also when the reader of standard output goes away, e.g. | head)
  1    extract: some input records are error records (see their 'error' field);
       evaluate: a --require check failed
  2    usage error (bad option, unreadable gold file, output would overwrite an
       input, no input could be read); nothing was written
  3    aborted part-way (cannot write, a worker process died); an -o file is
       left as it was; on standard output, the last record written is named
  130  interrupted (Ctrl-C)
"""

EPILOG = (
    """examples:
  quotes demo                          show the quotes of the bundled sample article
  quotes extract article.txt           one JSON line of quotes per file
  quotes extract corpus.jsonl --text-field body --id-field url
  cat article.txt | quotes extract -   read standard input
  quotes explain '김 장관은 "곧 발표하겠다"고 말했다.'   how each speaker was chosen
  quotes evaluate gold.jsonl --misses  accuracy on a gold file, with every miss
  quotes evaluate gold.jsonl --require 'direct_f1>=0.9' --require 'speaker_acc>=0.8'

"""
    + EXIT_CODES
)


EXTRACT_EPILOG = (
    """examples:
  quotes extract article.txt                      one JSON line with the quotes of a text file
  quotes extract corpus.jsonl --text-field body --id-field url -j 2 -o out.jsonl
  quotes extract corpus.jsonl --format csv -o quotes.csv    one row per quote
  quotes extract article.txt --format html -o article.html  highlighted view
  cat corpus.jsonl | quotes extract - | head              stdin (JSONL found by content), stops cleanly

"""
    + EXIT_CODES
)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {value!r}")
    return n


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


Outcome = tuple[dict[str, object], str | None, Analysis | None]


def _error(rec: dict[str, Any], error: str | None) -> dict[str, object]:
    """An error record: what identified the input (``source``, ``line``, ``id``) and why it failed."""
    return {**identity(rec), "error": error}


def _analyse_one(extractor: Extractor, text: str) -> Analysis | Exception:
    try:
        return extractor.analyze(text)
    except Exception as exc:  # one text we cannot analyse is one error record, not a failed run
        return exc


def _analysed(jobs: Iterable[Parsed], workers: int) -> Iterator[Outcome]:
    """Pair every job with its analysis (``None`` for a bad record), in input order."""
    from . import default_extractor
    from ._parallel import analyze_outcomes

    extractor = default_extractor()
    queue: deque[Parsed] = deque()

    def texts() -> Iterator[str]:
        for job in jobs:
            queue.append(job)
            if job[2] is None:
                assert job[1] is not None
                yield job[1]

    outcomes: Iterator[Analysis | Exception] = (
        (_analyse_one(extractor, t) for t in texts())
        if workers == 1
        else analyze_outcomes(extractor.config, texts(), workers=workers, chunk_size=8)
    )
    for outcome in outcomes:
        while queue[0][2] is not None:  # bad records before this text
            rec, _, error = queue.popleft()
            yield _error(rec, error), None, None
        rec, text, _ = queue.popleft()
        if isinstance(outcome, Exception):
            yield _error(rec, f"cannot analyse: {type(outcome).__name__}: {outcome}"), None, None
        else:
            yield rec, text, outcome
    for rec, _, error in queue:
        yield _error(rec, error), None, None


def _bom(args: argparse.Namespace) -> bool:
    """Start CSV/TSV with a byte order mark: ``--bom``, or by default when ``-o`` ends in ``.csv``."""
    if args.format not in ("csv", "tsv"):
        return False
    if args.bom is not None:
        return bool(args.bom)
    return args.format == "csv" and str(args.output or "").lower().endswith(".csv")


def _say(message: str) -> None:
    sys.stderr.write(f"quotes: {message}\n")


def _extract(args: argparse.Namespace) -> int:
    clash = clashes_with_input(args.output, args.inputs)
    if clash is not None:
        _say(f"refusing to write over the input {clash}: give -o another file")
        return 2
    try:
        output = Output(args.output)
    except OSError as exc:
        _say(f"cannot write {args.output}: {exc.strerror or exc}")
        return 2
    inputs = Inputs(args.inputs, args.text_field, args.id_field, True if args.jsonl else False if args.plain else None)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = Progress(count_records(args.inputs, inputs.jsonl) if show else None, show)
    bad = total = 0
    last: dict[str, object] | None = None
    done = False
    try:
        writer = Writer(output.stream, args.format, raw_cells=args.raw_cells, bom=_bom(args))
        for rec, text, analysis in _analysed(inputs, args.workers):
            total += 1
            bad += analysis is None
            writer.write(rec, text, analysis)
            last = rec
            bar.update()
        writer.close()
        if args.inputs and not inputs.opened:
            _say(f"no input file could be read; {_where(args.output, None, 0)}")
            return 2
        output.commit()
        done = True
    except (BrokenProcessPool, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        why = "a worker process died" if isinstance(exc, BrokenProcessPool) else f"cannot write: {exc.strerror or exc}"
        _say(f"aborted: {why}; {_where(args.output, last, total)}")
        return 3
    finally:
        bar.close()
        if not done:
            output.discard()
    if bad:
        _say(f"{bad} of {total} input records could not be read (see their 'error' field)")
        return 1
    return 0


def _where(output: str | None, last: dict[str, object] | None, total: int) -> str:
    """What an aborted run left behind, for the message."""
    if output not in (None, "-"):
        return f"{output} left as it was"
    if last is None:
        return "no record was written"
    at = f"{last.get('source')}" + (f" line {last['line']}" if "line" in last else "")
    return f"the output ends with record {total} ({at}): resume after it"


def _evaluate(args: argparse.Namespace) -> int:
    from ._cli_evaluate import run

    return run(args)


def _explain(args: argparse.Namespace) -> int:
    from . import explain
    from .explain import format_explanations

    if args.file:
        try:
            with open(args.text, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            sys.stderr.write(f"quotes explain: cannot read {args.text}: {exc}\n")
            return 2
    else:
        text = sys.stdin.read() if args.text == "-" else args.text
    explanations = explain(text)
    if not explanations:
        sys.stdout.write("no quotes found\n")
        return 0
    sys.stdout.write(format_explanations(explanations) + "\n")
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

    p = sub.add_parser(
        "extract",
        help="extract quotes from text or JSONL files (JSON lines, CSV, TSV, a table or an HTML page)",
        description="Extract the quotes of every input record. Every input record gives one output record "
        "(CSV/TSV: one row per quote, at least one row per record), in input order; a record that cannot "
        "be read gives an error record and the run goes on (exit code 1 at the end).",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE",
        help="text files (one document each) or JSONL (by name: .jsonl, .ndjson, also .gz; or by content: "
        "a first line that is a JSON object); '-' or none: stdin",
    )
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--jsonl", action="store_true", help="read every input (also stdin) as JSONL")
    kind.add_argument("--plain", action="store_true", help="read every input as one plain-text document")
    p.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    p.add_argument(
        "--id-field",
        default=None,
        help="JSONL field copied to the output's 'id' (a record without it is an error record; "
        "an input field 'id' is then carried as 'input.id')",
    )
    p.add_argument(
        "--format",
        choices=["jsonl", "csv", "tsv", "table", "html"],
        default="jsonl",
        help="output format (default: jsonl)",
    )
    p.add_argument(
        "--bom",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="CSV/TSV: start with a UTF-8 byte order mark, which Excel needs to show Hangul "
        "(default: on for --format csv with -o *.csv, off otherwise)",
    )
    p.add_argument(
        "--raw-cells",
        action="store_true",
        help="CSV/TSV: write text cells as they are; by default a cell starting with = + - @ or a tab gets a "
        "leading ' so that a spreadsheet shows it as text instead of running it as a formula",
    )
    p.add_argument(
        "-o",
        "--output",
        default=None,
        help="write here instead of standard output; replaced only when the run completes, never an input",
    )
    p.add_argument(
        "-j", "--workers", type=_positive, default=1, metavar="N", help="worker processes (default 1; ~550 MiB each)"
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr, with a total and ETA when the inputs are files (default: when stderr "
        "is a terminal)",
    )
    p.set_defaults(func=_extract)

    p = sub.add_parser(
        "explain",
        help="show, for each quote, the speaker rules tried, what they refused and which one answered",
    )
    p.add_argument("text", help="the text itself, '-' for standard input, or a file with --file")
    p.add_argument("-f", "--file", action="store_true", help="TEXT is the path of a UTF-8 text file")
    p.set_defaults(func=_explain)

    p = sub.add_parser(
        "evaluate",
        help="score the extractor on a gold file (.json or .jsonl)",
        epilog="examples:\n  quotes evaluate gold.jsonl --misses\n"
        "  quotes evaluate gold.jsonl --require 'direct_f1>=0.9' --require 'scare_fp<=2'\n"
        "  (quote each --require: unquoted, the shell reads >= as a redirection)\n\n"
        "gold file format and matching rules: docs/reference/gold-format.md\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("gold", help="gold file in the project's schema")
    p.add_argument("--misses", action="store_true", help="list every miss, extra and wrong speaker")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--per-document",
        action="store_true",
        help="also print each document's quotes found and speaker accuracy (for article gold files)",
    )
    p.add_argument("--all-kinds", action="store_true", help="also report hearsay and belief (off by default)")
    p.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="'FIGURE>=X'",
        help="fail (exit 1) unless the figure holds, e.g. 'direct_f1>=0.9' or 'scare_fp<=2' (quoted; "
        "only >= and <=; checked before the run)",
    )
    p.set_defaults(func=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see ``EXIT_CODES``)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do; the
        # Python docs' recipe, so that the interpreter's last flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _say(
            "interrupted"
            + (f"; {args.output} left as it was" if getattr(args, "output", None) not in (None, "-") else "")
        )
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
