"""Evaluation gate: article structure against every gold file in data/nk/gold.

Run ``pytest tests/test_structure_gold.py -s --nkquotes-data /work/shared`` to see the
per-field scores (found/total). The floors below are stored, not derived from the code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nkquotes import Article, parse_article

# Minimum share of gold items found, per field.
FLOORS = {
    "title": 0.95,
    "dateline": 0.95,
    "byline": 0.95,
    "agency": 0.95,
    "captions": 0.95,
    "boilerplate": 0.95,
}


def _norm(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def _score(
    article: Article,
    gold: dict[str, Any],
    found: dict[str, list[int]],
    name: str,
    misses: list[str],
) -> None:
    def check(field: str, ok: bool, expected: object) -> None:
        found[field][1] += 1
        if ok:
            found[field][0] += 1
        else:
            misses.append(f"{name} {field}: {expected!r}")

    title = article.title.text if article.title else None
    check("title", _norm(title) == _norm(gold.get("title")), gold.get("title"))
    dateline = article.dateline.span.text if article.dateline else None
    check("dateline", _norm(dateline) == _norm(gold.get("dateline")), gold.get("dateline"))
    byline = article.byline.span.text if article.byline else None
    check("byline", _norm(byline) == _norm(gold.get("byline")), gold.get("byline"))
    check("agency", article.agency == gold.get("agency"), gold.get("agency"))
    captions = {_norm(c.text) for c in article.captions}
    for caption in gold.get("captions") or []:
        check("captions", _norm(caption) in captions, caption)
    boilerplate = {_norm(b.span.text) for b in article.boilerplate}
    for line in gold.get("boilerplate") or []:
        check("boilerplate", _norm(line) in boilerplate, line)


def test_structure_fields_on_nk_gold(shared_dir: Path) -> None:
    gold_dir = shared_dir / "data" / "nk" / "gold"
    paths = sorted(gold_dir.glob("*.gold.json"))
    if not paths:
        pytest.skip(f"no gold files in {gold_dir}")
    found = {field: [0, 0] for field in FLOORS}
    misses: list[str] = []
    for path in paths:
        name = path.name[: -len(".gold.json")]
        text = (shared_dir / "data" / "nk" / "articles" / f"{name}.txt").read_text("utf-8")
        gold = json.loads(path.read_text("utf-8"))["article"]
        _score(parse_article(text), gold, found, name, misses)
    report = ", ".join(f"{field} {hit}/{total}" for field, (hit, total) in found.items())
    print(f"\nstructure on {len(paths)} nk gold files: {report}")
    for miss in misses:
        print(f"  missed {miss}")
    for field, (hit, total) in found.items():
        assert total == 0 or hit / total >= FLOORS[field], (field, hit, total, misses)
