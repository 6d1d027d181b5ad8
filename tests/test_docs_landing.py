"""The docs landing page has what a new user looks for, and the site links Python's docs offline (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
INDEX = (DOCS / "index.md").read_text(encoding="utf-8")
CONF = (DOCS / "conf.py").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return INDEX.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_landing_page_says_how_to_install() -> None:
    install = _section("Install")
    assert "pip install ." in install and "git+https://" in install and "how-to/install.md" in install
    assert "\nhow-to/install\n" in INDEX  # in the toctree


def test_landing_page_has_a_command_line_section() -> None:
    cli = _section("Command line")
    for command in ("quotes demo", "quotes extract", "quotes explain", "quotes evaluate"):
        assert command in cli, command
    assert "reference/cli.md" in cli


def test_the_changelog_is_on_the_site() -> None:
    page = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert "{include} ../CHANGELOG.md" in page
    assert "\nchangelog\n" in INDEX and "(changelog.md)" in INDEX


def test_intersphinx_to_python_and_kiwipiepy_needs_no_network() -> None:
    assert '"sphinx.ext.intersphinx"' in CONF
    mapping = re.search(r"intersphinx_mapping = \{(.*?)\n\}", CONF, re.S)
    assert mapping is not None
    locations = re.findall(r'\("(https://[^"]+)", "([^"]+)"\)', mapping.group(1))
    assert {url for url, _ in locations} >= {"https://docs.python.org/3.11", "https://github.com/bab2min/kiwipiepy"}
    assert len(locations) == mapping.group(1).count("_inventories/"), "every inventory is a file, never fetched"
    for _, inventory in locations:
        assert not inventory.startswith("http")
        assert (DOCS / inventory).read_bytes().startswith(b"# Sphinx inventory version 2")
