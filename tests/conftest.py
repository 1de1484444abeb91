"""Shared fixtures: where the optional corpora live, and the bundled seeds."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

SEEDS_DIR = Path(__file__).parent / "data" / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--nkquotes-data",
        default=None,
        help="folder holding seeds/ and data/ (nk, polnear); default: $NKQUOTES_DATA",
    )


@pytest.fixture(scope="session")
def shared_dir(request: pytest.FixtureRequest) -> Path:
    """The shared corpora folder; tests that need it skip, saying why, when it is absent."""
    value = request.config.getoption("--nkquotes-data") or os.environ.get("NKQUOTES_DATA")
    if not value:
        pytest.skip("shared corpora not configured: set NKQUOTES_DATA or --nkquotes-data")
    path = Path(value)
    if not (path / "data").is_dir():
        pytest.skip(f"shared corpora not found: {path}/data does not exist")
    return path


def load_seed(name: str) -> tuple[str, dict[str, Any]]:
    """The text and gold annotation of a bundled seed article."""
    text = (SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((SEEDS_DIR / f"{name}.gold.json").read_text(encoding="utf-8"))
    return text, gold


SEED_NAMES = sorted(p.name[: -len(".txt")] for p in SEEDS_DIR.glob("*.txt"))
