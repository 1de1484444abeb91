"""Inputs, outputs and progress for the command line (kept out of :mod:`nkquotes._cli`)."""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any

from nkquotes._batch import BatchResult, _Source
from nkquotes._model import Document, Quote
from nkquotes._serialize import error_json, to_json

__all__ = ["Progress", "Writer", "format_document", "read_inputs"]

STDIN = "-"


def _label(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _read_bytes(path: str) -> bytes:
    """The bytes of *path* (``-`` is standard input); ``OSError`` as raised by ``open``."""
    if path == STDIN:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes (tests, embedding)
            return sys.stdin.read().encode("utf-8", "surrogateescape")
        data: bytes = buffer.read()
        return data
    with open(path, "rb") as handle:
        return handle.read()


def _os_error(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def _decode(data: bytes) -> str:
    """*data* as UTF-8; ``ValueError`` naming the first bad byte otherwise."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise ValueError(f"not valid UTF-8 (byte 0x{bad} at offset {exc.start})") from None


def _text_inputs(paths: Sequence[str]) -> Iterator[_Source]:
    for path in paths:
        label = _label(path)
        try:
            text = _decode(_read_bytes(path))
        except OSError as exc:
            yield _Source(item=None, source=label, error=_os_error(exc))
            continue
        except ValueError as exc:
            yield _Source(item=None, source=label, error=str(exc))
            continue
        yield _Source(item={"id": label, "text": text}, source=label)


def _jsonl_lines(path: str) -> Iterator[bytes]:
    if path == STDIN:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:
            for line in sys.stdin:
                yield line.encode("utf-8", "surrogateescape")
            return
        yield from buffer
        return
    with open(path, "rb") as handle:
        yield from handle


def _jsonl_inputs(paths: Sequence[str]) -> Iterator[_Source]:
    for path in paths:
        label = _label(path)
        lines = _jsonl_lines(path)
        number = 0
        try:
            for number, raw in enumerate(lines, start=1):
                source = f"{label}:{number}"
                if not raw.strip():
                    continue
                try:
                    record: Any = json.loads(_decode(raw))
                except json.JSONDecodeError as exc:
                    error = f"invalid JSON: {exc.msg} at column {exc.colno}"
                    yield _Source(item=None, source=source, error=error)
                    continue
                except ValueError as exc:  # bad UTF-8
                    yield _Source(item=None, source=source, error=str(exc))
                    continue
                if not isinstance(record, dict):
                    yield _Source(item=None, source=source, error="record is not a JSON object")
                    continue
                rid = record.get("id")
                yield _Source(item=record, source=source, id=None if rid is None else str(rid))
        except OSError as exc:
            where = label if number == 0 else f"{label}:{number}"
            yield _Source(item=None, source=where, error=_os_error(exc))


def read_inputs(paths: Sequence[str], input_format: str) -> Iterator[_Source]:
    """Lazily read every input: one item per text file, one per JSONL line."""
    paths = list(paths) or [STDIN]
    if input_format == "jsonl":
        return _jsonl_inputs(paths)
    return _text_inputs(paths)


# --- writing ---------------------------------------------------------------------------


def _quote_line(document: Document, quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        who = "unknown speaker"
    else:
        mention = speaker.mention.text if speaker.mention is not None else None
        if speaker.name is None:
            who = f"{mention} (unresolved)" if mention else "unknown speaker"
        elif mention and mention != speaker.name:
            who = f"{speaker.name} ({mention})"
        else:
            who = speaker.name
    cue = quote.cue.span.text if quote.cue is not None else "—"
    date = quote.date.date.isoformat() if quote.date is not None else "no date"
    stance = (
        f"{quote.stance.label} {quote.stance.score:.2f}"
        if quote.stance is not None
        else "no stance"
    )
    del document
    return f"[{quote.kind.value}] {who} · {cue} · {date} · {stance}\n    “{quote.text}”"


def format_document(document: Document, label: str | None = None) -> str:
    """A readable listing of who said what, one entry per quote."""
    count = len(document.quotes)
    head = f"{label}: " if label else ""
    lines = [f"== {head}{count} quote{'' if count == 1 else 's'}"]
    lines.extend(_quote_line(document, q) for q in document.quotes)
    return "\n".join(lines) + "\n"


def _unwritable(chunk: str, stream: IO[str]) -> str | None:
    """What in *chunk* the *stream*'s encoding cannot carry, or ``None``."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        chunk.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else f"not in {encoding}"
        return f"character U+{ord(char):04X} ({what})"
    return None


class Writer:
    """Writes results to *stream* in one of the formats json, jsonl, csv, text."""

    def __init__(self, stream: IO[str], fmt: str, *, single: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.single = single  # json: one object instead of an array
        self.count = 0
        self._csv_header = False
        self._listed = 0

    def _json(self, result: BatchResult) -> dict[str, Any]:
        if result.document is None:
            return error_json(result.error or "failed", id=result.id, source=result.source)
        return to_json(result.document, source=result.source)

    def write(self, result: BatchResult) -> str | None:
        """Write *result*. Returns why its document cannot be written in this format to this
        stream (nothing is written then), or ``None``.

        JSON escapes what the stream's encoding cannot carry (a lone surrogate from a JSONL
        ``\\ud800`` escape), so it loses nothing; CSV and text have no escapes and refuse.
        (A surrogate *pair* as two code points, which JSON cannot carry, never comes from
        input: UTF-8 files cannot hold one and JSONL's escapes read it as one character.)
        """
        out = self.stream
        if self.fmt in ("json", "jsonl"):
            data = self._json(result)
            indent = 2 if self.fmt == "json" and self.single else None
            line = json.dumps(data, ensure_ascii=False, indent=indent)
            if _unwritable(line, out) is not None:
                line = json.dumps(data, ensure_ascii=True, indent=indent)
            if self.fmt == "jsonl" or self.single:
                out.write(line + "\n")
            else:
                out.write(("[\n" if self.count == 0 else ",\n") + line)
        elif result.document is not None:
            if self.fmt == "csv":
                from nkquotes._rows import write_csv

                buffer = io.StringIO()
                write_csv([result.document], buffer, header=False)
                chunk = buffer.getvalue()
            else:
                chunk = ("\n" if self._listed else "") + format_document(
                    result.document, result.label
                )
            problem = _unwritable(chunk, out)
            if problem is not None:
                return (
                    f"cannot be written as {self.fmt}: {problem}; --format json or jsonl escape it"
                )
            if self.fmt == "csv" and not self._csv_header:
                self.write_csv_header()
            out.write(chunk)
            self._listed += self.fmt == "text"
        self.count += 1
        out.flush()
        return None

    def close(self) -> None:
        if self.fmt == "json" and not self.single:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "csv" and not self._csv_header:
            self.write_csv_header()
        self.stream.flush()

    def write_csv_header(self) -> None:
        import csv

        from nkquotes._rows import QUOTE_COLUMNS

        csv.writer(self.stream).writerow([n for n, _ in QUOTE_COLUMNS])
        self._csv_header = True


class Progress:
    """``12/40 articles`` on standard error, redrawn in place; silent unless enabled."""

    def __init__(self, stream: IO[str], total: int | None, *, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled and (total is None or total > 1)
        self.done = 0
        self._shown = False
        self._last = 0.0

    def update(self, failed: int) -> None:
        self.done += 1
        if not self.enabled or (self.total is None and self.done < 2):
            return
        now = time.monotonic()
        final = self.total is not None and self.done == self.total
        if self._shown and not final and now - self._last < 0.1:
            return
        self._last = now
        total = f"/{self.total}" if self.total is not None else ""
        failures = f", {failed} failed" if failed else ""
        self.stream.write(f"\r{self.done}{total} articles{failures}")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the bar (before another message, and at the end)."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
