"""Helpers shared by the tests (gold-case loading)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/golden/<name>.jsonl``."""
    with (GOLDEN / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
