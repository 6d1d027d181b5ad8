"""Sphinx configuration for the `quotes` documentation site (furo + MyST).

Build it the way CI does (warnings are errors, every reference must resolve)::

    python -m sphinx -W -n -b html docs /tmp/quotes-html

The ```pycon examples on the Markdown pages are run by pytest
(``--doctest-glob=*.md``), not by Sphinx.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Document the checkout, not whatever copy of the package happens to be installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import quotes

project = "quotes"
author = "The quotes developers"
copyright = "The quotes developers"
release = quotes.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "conftest.py", "Thumbs.db", ".DS_Store"]

# A quotation library must show straight quotes as written: Sphinx would turn
# "내년 …" in prose into curly quotes.
smartquotes = False

# MyST: ::: fences, definition lists, and anchors for ## headings so that
# links such as `page.md#section` resolve.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc / napoleon: Google-style docstrings, signatures as written.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False
napoleon_use_rtype = False

nitpicky = True

# Links to the Python and kiwipiepy documentation.  Both inventories are kept
# in the repository, so the site builds the same with no network, as CI builds
# it: intersphinx never fetches anything.  Python's is the objects.inv of
# Python 3.11's own docs (Debian's python3.11-doc 3.11.2; refresh it from
# https://docs.python.org/3.11/objects.inv).  kiwipiepy publishes none (its
# API pages are made with pdoc), so _inventories/make_kiwipiepy_inv.py writes a
# small one pointing kiwipiepy.Kiwi at the project's page.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11", "_inventories/python-3.11.inv"),
    "kiwipiepy": ("https://github.com/bab2min/kiwipiepy", "_inventories/kiwipiepy.inv"),
}
intersphinx_timeout = 5
nitpick_ignore: list[tuple[str, str]] = []

html_theme = "furo"
html_title = f"quotes {release}"
html_static_path: list[str] = []
pygments_style = "friendly"
