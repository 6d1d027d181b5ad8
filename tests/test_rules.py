"""The rule catalogue (quotes/data/rules.tsv): every rule id used by the code is
listed, and every row's example fires (or, for not-speech rules, rejects) as
described, on the real analyser."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

import quotes
from quotes.config import ALL_KINDS

ROWS = [
    dict(zip(("id", "stage", "polarity", "description", "example"), line.split("\t"), strict=True))
    for line in (resources.files("quotes") / "data" / "rules.tsv").read_text(encoding="utf-8").splitlines()[1:]
    if line.strip()
]


ALL = quotes.Extractor(kinds=ALL_KINDS)


def _example(row: dict[str, str]) -> str:
    return row["example"].replace("\\n", "\n")


@pytest.mark.parametrize("row", [r for r in ROWS if r["polarity"] == "speech"], ids=lambda r: r["id"])
def test_speech_rule_fires_on_its_example(row: dict[str, str]) -> None:
    found = ALL.extract(_example(row))
    assert any(row["id"] in q.rules or (q.speaker and row["id"] in q.speaker.rules) for q in found), found


@pytest.mark.parametrize("row", [r for r in ROWS if r["polarity"] == "not_speech"], ids=lambda r: r["id"])
def test_not_speech_rule_rejects_its_example(row: dict[str, str]) -> None:
    analysis = quotes.analyze(_example(row))
    assert analysis.quotes == ()
    assert any(row["id"] in n.rules for n in analysis.not_speech)


@pytest.mark.parametrize("row", [r for r in ROWS if r["polarity"] == "boundary"], ids=lambda r: r["id"])
def test_boundary_rule_starts_a_story_in_its_example(row: dict[str, str]) -> None:
    from quotes._cues import Grammar
    from quotes._lexicon import default_lexicon
    from quotes._stories import story_starts

    grammar = Grammar(default_lexicon())
    text = _example(row)
    assert len(story_starts(text, grammar.byline, grammar.closing_byline)) == 2
    # and the speaker before the boundary does not speak after it
    last = ALL.extract(text)[-1]
    assert last.speaker is None or last.speaker.name is None


def test_every_polarity_is_known() -> None:
    assert {r["polarity"] for r in ROWS} <= {"speech", "not_speech", "boundary"}


def test_every_rule_id_in_the_code_is_catalogued() -> None:
    src = Path(quotes.__file__).parent
    used: set[str] = set()
    for path in src.glob("*.py"):
        used |= set(
            re.findall(r'"((?:mark|cue|speaker|coref|indirect)\.[a-z][a-z0-9_.-]*)"', path.read_text(encoding="utf-8"))
        )
    used -= {"mark.pair.", "speaker.previous-"}
    listed = {r["id"] for r in ROWS}
    assert used - listed == set()
