"""The gold-file format is documented on the site and linked from ``quotes evaluate --help`` (issue 13)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reference" / "gold-format.md"
FIELDS = ("text", "quotes", "non_speech_quoted", "kind", "start", "end", "speaker", "speaker_name")
MORE = ("speaker_alternatives", "cue", "required")


def test_evaluate_help_names_the_gold_format_page() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quotes", "evaluate", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "docs/reference/gold-format.md" in out
    assert PAGE.is_file()


def test_the_page_documents_every_field_the_scorer_reads() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for field in (*FIELDS, *MORE):
        assert f"`{field}`" in text, field
    assert "0.8 for direct quotes" in text and "0.5 for the other" in text
    assert "reference/gold-format" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
