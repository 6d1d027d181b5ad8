"""Shared fixtures: one real extractor (the real Kiwi, never a mock) per session."""

from __future__ import annotations

import pytest

import quotes


@pytest.fixture(scope="session")
def extractor() -> quotes.Extractor:
    return quotes.default_extractor()
