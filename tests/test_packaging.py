"""The distribution is publishable and the install instructions work as written (issue 13)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# A pip line that installs kquotes from PyPI by name (it is not published there): not one with "@ git+".
FROM_PYPI = re.compile(r"""pip install\s+["']?kquotes(\[[^\]]*\])?["']?(?!\s*@)(\s|`|$)""")


def test_the_licence_file_is_the_declared_mit_licence() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text
    assert "LICENSE" in PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


def test_the_wheel_holds_the_licence(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling is not installed (pip wheel would fetch it)")
    import subprocess
    import sys
    import zipfile

    cmd = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w"]
    subprocess.run([*cmd, str(tmp_path)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("kquotes-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names


def test_requires_python_matches_the_versions_tested() -> None:
    assert PROJECT["requires-python"] == ">=3.11"
    versions = [c.rsplit(" :: ", 1)[1] for c in PROJECT["classifiers"] if re.search(r"Python :: 3\.\d+$", c)]
    assert min(versions, key=lambda v: tuple(map(int, v.split(".")))) == "3.11"
    assert 'version = "3.11"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.mypy]")[1]


DOC_PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*.md") if "_build" not in p.parts)


@pytest.mark.parametrize("page", ["README.md", *DOC_PAGES])
def test_no_page_says_to_install_from_pypi(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    hits = [m.group(0) for m in FROM_PYPI.finditer(text) if "fails" not in text[m.start() - 80 : m.end() + 40]]
    assert not hits, hits


def test_the_pattern_tells_pypi_from_git() -> None:
    assert FROM_PYPI.search("run `pip install kquotes` now")
    assert FROM_PYPI.search('pip install "kquotes[pandas]"\n')
    assert not FROM_PYPI.search('pip install "kquotes @ git+https://h/o/r.git"')
    assert not FROM_PYPI.search('pip install "kquotes[pandas] @ git+https://h/o/r.git"')


def test_the_readme_explains_install_without_pypi() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    assert "pip install ." in install and "git+https://" in install
    assert (ROOT / "docs" / "how-to" / "install.md").is_file()


def test_readme_links_resolve_in_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = [t for t in re.findall(r"\]\(([^)\s]+)\)", readme) if not t.startswith(("http://", "https://", "#"))]
    assert targets, "the README links to its docs"
    missing = [t for t in targets if not (ROOT / t.split("#", 1)[0]).exists()]
    assert not missing, missing
