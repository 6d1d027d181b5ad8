"""Structure the code review asked for, kept by tests: grammar in data, small modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "quotes"
spec = importlib.util.spec_from_file_location("hangul_literals", ROOT / "tools" / "hangul_literals.py")
assert spec is not None and spec.loader is not None
hangul_literals = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hangul_literals)

#: Korean string literals allowed in code (structural particles in patterns, UI labels).
MAX_HANGUL_LITERALS = 40
MAX_MODULE_LINES = 500


def test_word_lists_live_in_the_data_files() -> None:
    per_module = hangul_literals.count(PACKAGE)
    assert sum(per_module.values()) < MAX_HANGUL_LITERALS, per_module


def test_the_counter_sees_a_literal_and_skips_docstrings(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('"""모듈 설명."""\nWORDS = ("하나", "둘")\n', encoding="utf-8")
    assert hangul_literals.count(tmp_path) == {"m.py": 2}


def test_no_module_is_over_500_lines() -> None:
    long = {
        p.name: n
        for p in PACKAGE.glob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long


def test_the_pipeline_module_holds_no_speaker_rule() -> None:
    text = (PACKAGE / "_pipeline.py").read_text(encoding="utf-8")
    assert '"speaker.' not in text and "subject_candidates" not in text
