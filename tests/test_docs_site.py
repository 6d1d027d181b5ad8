"""The documentation site builds as CI builds it: Sphinx, warnings as errors, nitpicky.

The pages' examples are run by pytest itself (``--doctest-glob=*.md``); this
test checks that the site builds, that every reference resolves, and that the
pages and API entries users look for are there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="the docs extra is not installed")
pytest.importorskip("furo", reason="the docs extra is not installed")
pytest.importorskip("myst_parser", reason="the docs extra is not installed")

DOCS = Path(__file__).resolve().parent.parent / "docs"

PAGES = [
    "index.html",
    "tutorial/first-extraction.html",
    "how-to/cli-on-a-corpus.html",
    "how-to/custom-lexicon.html",
    "how-to/reuse-a-kiwi.html",
    "how-to/debug-an-attribution.html",
    "how-to/scale-out.html",
    "reference/api.html",
    "reference/records.html",
    "reference/json-schema.html",
    "reference/dataframes.html",
    "reference/html-view.html",
    "reference/rules.html",
    "reference/lexicon.html",
    "reference/cli.html",
    "reference/errors.html",
    "explanation/korean-quotation.html",
    "explanation/how-it-works.html",
    "explanation/speech-or-not.html",
    "explanation/who-said-what.html",
    "explanation/accuracy.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    html, doctrees = out / "html", out / "doctrees"
    cmd = [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-b", "html", "-d", str(doctrees), str(DOCS), str(html)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, f"sphinx failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return html


@pytest.mark.parametrize("page", PAGES)
def test_page_built(site: Path, page: str) -> None:
    assert (site / page).is_file()


def test_api_documents_the_public_names(site: Path) -> None:
    api = (site / "reference" / "api.html").read_text(encoding="utf-8")
    for name in ["extract", "analyze", "Extractor", "Config", "Quote", "Speaker", "Cue", "Problem", "LexiconError"]:
        assert f'id="quotes.{name}"' in api, name
    assert 'id="quotes.Extractor.extract"' in api


def test_index_links_every_section(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    for caption in ["Tutorial", "How-to guides", "Reference", "Explanation"]:
        assert caption in index
    assert 'href="how-to/custom-lexicon.html"' in index


def test_straight_quotes_kept(site: Path) -> None:
    # smartquotes = False: a quotation library must show "…" as written, not “…”.
    page = (site / "explanation" / "korean-quotation.html").read_text(encoding="utf-8")
    assert "\N{LEFT DOUBLE QUOTATION MARK}봄이 빨리 온다\N{RIGHT DOUBLE QUOTATION MARK}" in page  # written curly
    assert "&quot;…&quot;" in page or '"…"' in page
