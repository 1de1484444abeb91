"""Reading brat standoff attributions as PolNeAR gives them.

A PolNeAR compartment holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``. Only
attribution relations (``E`` lines) with a content become gold quotes; an article annotated
by several annotators is read from its first annotation file in sorted order. PolNeAR also
annotates beliefs, intentions and findings: each gold quote's ``speech`` says whether its
cue is one of speaking or writing (:func:`~nkquotes.evaluation._speech.is_speech_cue`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nkquotes import _lazyregex
from nkquotes._errors import InputError
from nkquotes.evaluation._dataset import GoldArticle, read_text
from nkquotes.evaluation._matching import GoldQuote
from nkquotes.evaluation._speech import is_speech_cue

__all__ = ["load_polnear", "parse_brat", "polnear_kind"]

_TEXT_BOUND = _lazyregex.compile(r"([^\s:]+)\s+(\d+\s+\d+(?:;\d+\s+\d+)*)")
_IDENT = _lazyregex.compile(r"[TE]\d+")
_FRAGMENT = _lazyregex.compile(r"(\d+)\s+(\d+)")
_ANN_NAME = _lazyregex.compile(r"(.+)_[^_]+\.ann")
_DOUBLE_QUOTES = frozenset('"“”„‟«»')
_KIND_EDGES = _lazyregex.compile(r"^[\s.,;:]+|[\s.,;:]+$")
_RELATIONS = frozenset({"Attribution", "Attribution-no-source"})
_CONTENT_ROLES = _lazyregex.compile(r"Content\d*")

Segment = tuple[int, int]


def polnear_kind(content: str) -> str:
    """The kind of a PolNeAR content from its quotation marks.

    ``direct`` when, stripped of white space and ``. , ; :`` at its edges, it begins and ends
    with a double quotation mark; ``mixed`` when it holds one elsewhere; ``indirect`` otherwise.

    >>> polnear_kind('“We will win.”.'), polnear_kind('he would leave “room”'), polnear_kind('no')
    ('direct', 'mixed', 'indirect')
    """
    stripped = _KIND_EDGES.sub("", content)
    if len(stripped) >= 2 and stripped[0] in _DOUBLE_QUOTES and stripped[-1] in _DOUBLE_QUOTES:
        return "direct"
    if any(c in _DOUBLE_QUOTES for c in stripped):
        return "mixed"
    return "indirect"


def _fail(where: str, line: int, message: str) -> InputError:
    return InputError(f"{where}, line {line}: {message}")


def parse_brat(text: str, annotation: str, *, where: str = "<annotation>") -> tuple[GoldQuote, ...]:
    """The gold quotes of one brat *annotation* of *text*, in the order of their ``E`` lines.

    *where* names the file in error messages. A malformed line raises :class:`InputError`
    naming it and its line number.
    """
    spans: dict[str, tuple[Segment, ...]] = {}
    relations: list[tuple[int, dict[str, list[str]]]] = []
    pending = 0  # characters of a text-bound annotation's text still to come on later lines
    for number, line in enumerate(annotation.split("\n"), start=1):
        if pending > 0:  # the text of a span that holds a line break goes on over lines
            pending -= len(line) + 1
            continue
        if not line.strip() or line[0] not in "TE":
            continue
        fields = line.split("\t")
        ident = fields[0].strip()
        if len(fields) < 2 or _IDENT.fullmatch(ident) is None:
            raise _fail(where, number, f"expected ID<TAB>annotation: {line!r}")
        if ident.startswith("T"):
            match = _TEXT_BOUND.fullmatch(fields[1].strip())
            if match is None:
                raise _fail(where, number, f"malformed text-bound annotation: {line!r}")
            segments: list[Segment] = []
            for fragment in match.group(2).split(";"):
                frag = _FRAGMENT.fullmatch(fragment.strip())
                if frag is None:  # pragma: no cover - excluded by _TEXT_BOUND
                    raise _fail(where, number, f"malformed fragment {fragment!r}")
                start, end = int(frag.group(1)), int(frag.group(2))
                if not 0 <= start <= end <= len(text):
                    raise _fail(where, number, f"span {start} {end} outside a text of {len(text)}")
                segments.append((start, end))
            spans[ident] = tuple(segments)
            expected = sum(e - s for s, e in segments) + len(segments) - 1
            pending = expected - len("\t".join(fields[2:]).rstrip("\r"))
        else:
            roles: dict[str, list[str]] = {}
            for arg in fields[1].split():
                role, sep, target = arg.partition(":")
                if not sep or not target:
                    raise _fail(where, number, f"malformed relation argument {arg!r}")
                roles.setdefault(role, []).append(target)
            relations.append((number, roles))
    quotes: list[GoldQuote] = []
    for number, roles in relations:
        if not _RELATIONS & roles.keys():
            continue
        content_ids = [
            t for role, ts in roles.items() if _CONTENT_ROLES.fullmatch(role) for t in ts
        ]
        if not content_ids:
            continue
        for ident in (t for ts in roles.values() for t in ts):
            if ident not in spans:
                raise _fail(where, number, f"relation refers to unknown annotation {ident}")
        content = tuple(sorted(seg for ident in content_ids for seg in spans[ident]))
        sources = tuple(seg for ident in roles.get("Source", ()) for seg in spans[ident])
        cue = " ".join(text[s:e] for ident in roles.get("Cue", ()) for s, e in sorted(spans[ident]))
        joined = " ".join(text[s:e] for s, e in content)
        quotes.append(
            GoldQuote(
                segments=content,
                kind=polnear_kind(joined),
                sources=sources,
                cue=cue or None,
                speech=is_speech_cue(cue) if cue else None,
            )
        )
    return tuple(quotes)


def _publication_dates(root: Path) -> dict[str, dt.date]:
    """Publication dates by article name from ``metadata.tsv`` beside or above *root*."""
    for candidate in (root / "metadata.tsv", root.parent / "metadata.tsv"):
        if candidate.is_file():
            break
    else:
        return {}
    lines = read_text(candidate).splitlines()
    header = lines[0].split("\t") if lines else []
    if "filename" not in header or "publication_date" not in header:
        raise InputError(f"{candidate}, line 1: needs filename and publication_date columns")
    name_at, date_at = header.index("filename"), header.index("publication_date")
    dates: dict[str, dt.date] = {}
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) <= max(name_at, date_at):
            continue
        try:
            dates[fields[name_at]] = dt.date.fromisoformat(fields[date_at])
        except ValueError as error:
            raise InputError(f"{candidate}, line {number}: bad publication date") from error
    return dates


def load_polnear(path: str | Path) -> tuple[GoldArticle, ...]:
    """The gold articles of a PolNeAR compartment (the folder holding ``text/``, ``attributions/``).

    Articles are returned in sorted order of their names; an article without annotation file
    is skipped, an annotation file without its text raises :class:`InputError`. Publication
    dates come from PolNeAR's ``metadata.tsv`` when it is in or above the compartment.
    """
    root = Path(path)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        splits = sorted(p.parent.name for p in root.glob("*/attributions") if p.is_dir())
        hint = f"; try {root / splits[0]}" if splits else ""
        raise InputError(f"{root}: not a PolNeAR compartment (needs text/ and attributions/){hint}")
    first: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        match = _ANN_NAME.fullmatch(ann.name)
        if match is None:
            raise InputError(f"{ann}: annotation file name is not NAME_ANNOTATOR.ann")
        first.setdefault(match.group(1), ann)
    published = _publication_dates(root)
    articles: list[GoldArticle] = []
    for name in sorted(first):
        ann = first[name]
        text_path = text_dir / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(f"{ann}: no article text {text_path}")
        text = read_text(text_path)
        annotation = read_text(ann)
        articles.append(
            GoldArticle(
                id=name,
                text=text,
                quotes=parse_brat(text, annotation, where=str(ann)),
                published=published.get(name),
            )
        )
    return tuple(articles)
