"""The sieve order printed in the docs is the order the code tries (quotes._speakers.SIEVE)."""

from __future__ import annotations

from pathlib import Path

from quotes._speakers import SIEVE
from quotes.catalogue import sieve_table

PAGE = Path(__file__).resolve().parent.parent / "docs" / "explanation" / "how-it-works.md"


def test_how_it_works_prints_the_sieve_in_order() -> None:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("<!-- sieve:")
    block = text[text.index("\n", start) + 1 : text.index("<!-- /sieve -->")]
    assert block == sieve_table(), "regenerate the table with quotes.catalogue.sieve_table()"


def test_every_sieve_row_has_a_documented_rule_and_function() -> None:
    assert len({row.name for row in SIEVE}) == len(SIEVE)
    for row in SIEVE:
        assert row.rules and all(r.startswith("speaker.") for r in row.rules)
        assert row.find.__doc__
