"""The quality gate: evaluation figures may not fall below the floors in quality_floors.json.

The seeds are always evaluated; data/nk and PolNeAR dev when the shared corpora are present.
Raise a floor when a change lifts a figure for good; never lower one to make CI pass without
saying why in the commit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from nkquotes.evaluation import DatasetReport, evaluate_dataset, load_gold_json, load_polnear

from .conftest import SEEDS_DIR

FLOORS_FILE = Path(__file__).parent / "quality_floors.json"
DATASETS = ("seeds", "nk", "polnear-dev")


def load_floors() -> dict[str, dict[str, float]]:
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return {name: data[name] for name in DATASETS if name in data}


def below_floors(metrics: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One line for each figure under its floor (or missing from the report)."""
    failures = []
    for name, floor in sorted(floors.items()):
        value = metrics.get(name)
        if value is None:
            failures.append(f"{name}: not measured (floor {floor})")
        elif value < floor:
            failures.append(f"{name}: {value:.4f} < floor {floor}")
    return failures


def check(report: DatasetReport, dataset: str) -> None:
    failures = below_floors(report.metrics(), load_floors()[dataset])
    assert not failures, f"{dataset} below its quality floors:\n  " + "\n  ".join(failures)


def test_floors_file_names_known_figures() -> None:
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert set(data) - {"_about"} == set(DATASETS)
    known_prefixes = (
        *("recall.", "speaker.", "end_to_end.", "precision.", "stance.", "dates."),
        "speech.recall.",
    )
    for dataset, floors in load_floors().items():
        assert floors, dataset
        for name, floor in floors.items():
            assert name.startswith((*known_prefixes, "structure.")), name
            assert 0.0 <= floor <= 1.0, (dataset, name)


def test_below_floors_reports_each_failure() -> None:
    floors = {"recall.all": 0.5, "precision.strict": 0.4, "dates.accuracy": 0.1}
    metrics = {"recall.all": 0.49, "precision.strict": 0.4}
    assert below_floors(metrics, floors) == [
        "dates.accuracy: not measured (floor 0.1)",
        "recall.all: 0.4900 < floor 0.5",
    ]


def test_seeds_meet_floors() -> None:
    check(evaluate_dataset(load_gold_json(SEEDS_DIR), name="seeds"), "seeds")


@pytest.mark.data
def test_nk_meets_floors(shared_dir: Path) -> None:
    path = shared_dir / "data" / "nk"
    if not path.is_dir():
        pytest.skip(f"data/nk not found under {shared_dir}")
    check(evaluate_dataset(load_gold_json(path), name="nk"), "nk")


@pytest.mark.data
def test_polnear_dev_meets_floors(shared_dir: Path) -> None:
    path = shared_dir / "data" / "polnear" / "dev"
    if not path.is_dir():
        pytest.skip(f"PolNeAR dev not found under {shared_dir}")
    check(evaluate_dataset(load_polnear(path), name="polnear-dev"), "polnear-dev")
