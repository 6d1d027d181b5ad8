"""Count the string literals holding Hangul in the package's code (docstrings excluded).

    python tools/hangul_literals.py            # the total, per module
    python tools/hangul_literals.py --list     # every literal with its line

The word lists of the grammar belong in ``src/quotes/data/*.tsv``; a test keeps
this count under its limit (``tests/test_code_hygiene.py``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import regex

HANGUL = regex.compile(r"\p{Hangul}")
PACKAGE = Path(__file__).resolve().parent.parent / "src" / "quotes"


def _docstrings(tree: ast.AST) -> set[int]:
    """Docstrings, and the attribute docstrings that follow an assignment (any bare string statement)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def literals(path: Path) -> list[tuple[int, str]]:
    """``(line, text)`` of every non-docstring string literal with Hangul in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and HANGUL.search(node.value)
        ):
            out.append((node.lineno, node.value))
    return sorted(out)


def count(package: Path = PACKAGE) -> dict[str, int]:
    """Hangul literals per module of ``package``."""
    return {p.name: len(literals(p)) for p in sorted(package.glob("*.py")) if literals(p)}


def main() -> None:
    per = count()
    for name, n in per.items():
        print(f"{n:4d}  {name}")
        if "--list" in sys.argv:
            for line, text in literals(PACKAGE / name):
                print(f"        {line}: {text[:70]!r}")
    print(f"{sum(per.values()):4d}  total")


if __name__ == "__main__":
    main()
