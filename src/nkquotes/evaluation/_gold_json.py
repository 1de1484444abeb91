"""Reading the gold JSON of ANNOTATION.md (the seeds, data/nk).

Content strings are verbatim in the text, so their offsets are found by searching: a quote's
first segment from where the previous quote began (from the start of the text when it is not
found there), each further segment after the one before it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from nkquotes._errors import InputError
from nkquotes.evaluation._dataset import GoldArticle, GoldStructure, read_text
from nkquotes.evaluation._matching import GoldQuote

__all__ = ["load_gold_json", "parse_gold_json"]

_SUFFIX = ".gold.json"


def _date(value: object, where: str, field: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {field} must be a YYYY-MM-DD string or null, not {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(f"{where}: {field} is not a YYYY-MM-DD date: {value!r}") from error


def _optional_str(record: Mapping[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{where}: {key} must be a string or null, not {value!r}")


def _strings(record: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = record.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _structure(record: object, where: str) -> GoldStructure | None:
    if record is None:
        return None
    if not isinstance(record, dict):
        raise InputError(f"{where}: article must be an object")
    return GoldStructure(
        title=_optional_str(record, "title", where),
        dateline=_optional_str(record, "dateline", where),
        byline=_optional_str(record, "byline", where),
        agency=_optional_str(record, "agency", where),
        captions=_strings(record, "captions", where),
        boilerplate=_strings(record, "boilerplate", where),
    )


def _furniture(text: str, structure: GoldStructure | None) -> list[tuple[int, int]]:
    """Where the title, captions and boilerplate first occur: no quote is looked for there."""
    if structure is None:
        return []
    ranges = []
    for value in (structure.title, *structure.captions, *structure.boilerplate):
        start = text.find(value) if value else -1
        if start >= 0:
            ranges.append((start, start + len(value or "")))
    return ranges


def _find(text: str, value: str, start: int, furniture: list[tuple[int, int]]) -> int:
    """The first occurrence of *value* from *start* outside *furniture*, else the first one."""
    first = found = text.find(value, start)
    while found >= 0:
        end = found + len(value)
        if not any(s <= found and end <= e for s, e in furniture):
            return found
        found = text.find(value, found + 1)
    return first


def _locate(
    text: str, content: list[str], cursor: int, where: str, furniture: list[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    segments: list[tuple[int, int]] = []
    for number, segment in enumerate(content, start=1):
        if not segment:
            raise InputError(f"{where}: content segment {number} is empty")
        if segments:
            start = _find(text, segment, segments[-1][1], furniture)
        else:
            start = _find(text, segment, cursor, furniture)
            if start < 0:
                start = _find(text, segment, 0, furniture)
        if start < 0:
            raise InputError(
                f"{where}: content segment {number} not found in the text: {segment!r}"
            )
        segments.append((start, start + len(segment)))
    return tuple(segments)


def parse_gold_json(
    text: str, gold: Mapping[str, Any], *, id: str, where: str = "<gold>"
) -> GoldArticle:
    """The gold article *id* of *text* from a decoded gold JSON record.

    *where* names the file in error messages; a content string missing from the text or a
    malformed field raises :class:`InputError`.
    """
    quotes_value = gold.get("quotes")
    if not isinstance(quotes_value, list):
        raise InputError(f"{where}: quotes must be a list")
    structure = _structure(gold.get("article"), where)
    furniture = _furniture(text, structure)
    quotes: list[GoldQuote] = []
    cursor = 0
    for index, record in enumerate(quotes_value, start=1):
        at = f"{where}, quote {index}"
        if not isinstance(record, dict):
            raise InputError(f"{at}: must be an object")
        content = record.get("content")
        if not isinstance(content, list) or not content:
            raise InputError(f"{at}: content must be a non-empty list of strings")
        if not all(isinstance(c, str) for c in content):
            raise InputError(f"{at}: content must be a non-empty list of strings")
        kind = record.get("kind")
        if kind not in ("direct", "mixed", "indirect"):
            raise InputError(f"{at}: kind must be direct, mixed or indirect, not {kind!r}")
        segments = _locate(text, content, cursor, at, furniture)
        cursor = segments[0][0]
        quotes.append(
            GoldQuote(
                segments=segments,
                kind=kind,
                speaker=_optional_str(record, "speaker", at),
                stance=_optional_str(record, "stance", at),
                date=_date(record.get("date"), at, "date"),
                cue=_optional_str(record, "cue", at),
                speech=True,  # the annotation guide annotates speech and writing only
            )
        )
    return GoldArticle(
        id=id,
        text=text,
        quotes=tuple(quotes),
        published=_date(gold.get("published"), where, "published"),
        structure=structure,
    )


def _read_gold(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise InputError(f"{path}, line {error.lineno}: invalid JSON: {error.msg}") from error
    if not isinstance(data, dict):
        raise InputError(f"{path}: a gold file must hold a JSON object")
    return data


def _pairs(root: Path) -> list[tuple[str, Path, Path]]:
    if root.is_file():
        if not root.name.endswith(_SUFFIX):
            raise InputError(f"{root}: not a NAME{_SUFFIX} file")
        name = root.name[: -len(_SUFFIX)]
        return [(name, root.with_name(f"{name}.txt"), root)]
    if not root.is_dir():
        raise InputError(f"{root}: no such file or folder")
    if (root / "gold").is_dir() and (root / "articles").is_dir():
        gold_dir, text_dir = root / "gold", root / "articles"
    else:
        gold_dir = text_dir = root
    names = sorted(p.name[: -len(_SUFFIX)] for p in gold_dir.glob(f"*{_SUFFIX}"))
    if not names:
        raise InputError(f"{root}: no *{_SUFFIX} files (nor gold/ and articles/ folders)")
    return [(n, text_dir / f"{n}.txt", gold_dir / f"{n}{_SUFFIX}") for n in names]


def load_gold_json(path: str | Path) -> tuple[GoldArticle, ...]:
    """The gold articles under *path*, sorted by name.

    *path* is a folder holding ``articles/NAME.txt`` and ``gold/NAME.gold.json`` (data/nk), a
    folder of ``NAME.txt`` and ``NAME.gold.json`` side by side (the seeds), or one gold file.
    """
    articles: list[GoldArticle] = []
    for name, text_path, gold_path in _pairs(Path(path)):
        if not text_path.is_file():
            raise InputError(f"{gold_path}: no article text {text_path}")
        text = read_text(text_path)
        articles.append(parse_gold_json(text, _read_gold(gold_path), id=name, where=str(gold_path)))
    return tuple(articles)
