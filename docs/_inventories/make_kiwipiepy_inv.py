"""Write ``kiwipiepy.inv``: a small Sphinx inventory for kiwipiepy, which publishes none.

kiwipiepy's API documentation is made with pdoc, not Sphinx, so there is no
``objects.inv`` to point intersphinx at.  This inventory names the objects our
signatures and pages mention and points them at the kiwipiepy project page, so
that ``kiwipiepy.Kiwi`` (and ``Kiwi`` as autodoc writes it) becomes a link.
Run it from anywhere: ``python docs/_inventories/make_kiwipiepy_inv.py``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

VERSION = "0.24"
# name, role, uri (relative to the base in conf.py's intersphinx_mapping), display name
ENTRIES = [
    ("kiwipiepy", "py:module", "", "-"),
    ("kiwipiepy.Kiwi", "py:class", "", "-"),
    ("Kiwi", "py:class", "", "kiwipiepy.Kiwi"),
    ("kiwipiepy.Token", "py:class", "", "-"),
]


def main() -> None:
    head = f"# Sphinx inventory version 2\n# Project: kiwipiepy\n# Version: {VERSION}\n"
    head += "# The remainder of this file is compressed using zlib.\n"
    body = "".join(f"{name} {role} 1 {uri} {shown}\n" for name, role, uri, shown in ENTRIES)
    (Path(__file__).parent / "kiwipiepy.inv").write_bytes(head.encode() + zlib.compress(body.encode()))


if __name__ == "__main__":
    main()
