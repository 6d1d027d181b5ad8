"""Shared fixtures: one real extractor (the real Kiwi, never a mock) per session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotes

GOLDEN = Path(__file__).parent / "golden"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/golden/<name>.jsonl``."""
    with (GOLDEN / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def extractor() -> quotes.Extractor:
    return quotes.default_extractor()
