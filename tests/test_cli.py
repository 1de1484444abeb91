"""The command line, run in process through ``main(argv)`` (one subprocess test at the end)."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkquotes import (
    Cue,
    DateSource,
    Document,
    Quote,
    QuoteDate,
    QuoteKind,
    Span,
    Speaker,
    StanceResult,
)
from nkquotes._cli import main
from nkquotes._cli_io import format_document
from nkquotes._deserialize import from_json
from nkquotes._pipeline import extract
from nkquotes._rows import QUOTE_COLUMNS
from nkquotes._serialize import json_schema
from nkquotes._version import __version__
from tests.conftest import SEED_NAMES, SEEDS_DIR, load_seed

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
SEED_PATHS = [str(SEEDS_DIR / f"{name}.txt") for name in SEED_NAMES]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _expected(path: str, published: str | None = None) -> Document:
    text = Path(path).read_text(encoding="utf-8")
    return attrs.evolve(extract(text, published=published), id=path)


# --- output formats ------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_over_seeds_validates_and_equals_extract(
    capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    code, out, err = run(capsys, "extract", *SEED_PATHS, "--format", "jsonl", "--jobs", jobs)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == len(SEED_PATHS)
    for path, line in zip(SEED_PATHS, lines, strict=True):
        data = json.loads(line)
        VALIDATOR.validate(data)
        assert data["source"] == path
        assert from_json(data) == _expected(path)


def test_single_input_json_is_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    path = SEED_PATHS[0]
    code, out, _ = run(capsys, "extract", path, "--published", "2019-04-11")
    assert code == 0
    data = json.loads(out)
    VALIDATOR.validate(data)
    assert data["published"] == "2019-04-11"
    assert from_json(data) == _expected(path, "2019-04-11")


def test_several_inputs_json_is_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", *SEED_PATHS, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["source"] for d in data] == SEED_PATHS


def test_text_format_lists_each_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", *SEED_PATHS, "--format", "text")
    assert code == 0
    headers = [line for line in out.splitlines() if line.startswith("== ")]
    expected = []
    for path in SEED_PATHS:
        n = len(_expected(path).quotes)
        expected.append(f"== {path}: {n} quote{'' if n == 1 else 's'}")
    assert headers == expected
    quote_lines = [line for line in out.splitlines() if line.startswith("[")]
    assert len(quote_lines) == sum(len(_expected(p).quotes) for p in SEED_PATHS)


def test_text_format_of_one_quote() -> None:
    text = '"We wait," he said on Monday.'
    document = Document(
        text=text,
        quotes=(
            Quote(
                id="q0",
                segments=(Span.of(text, 1, 9),),
                kind=QuoteKind.DIRECT,
                cue=Cue(span=Span.of(text, 14, 18), lemma="say"),
                speaker=Speaker(mention=Span.of(text, 11, 13), name="Mike Pompeo"),
                date=QuoteDate(date=dt.date(2019, 4, 8), source=DateSource.RELATIVE),
                stance=StanceResult(target="nk-sanctions", label="pressure", score=0.814),
            ),
            Quote(id="q1", segments=(Span.of(text, 19, 28),), kind=QuoteKind.INDIRECT),
        ),
    )
    assert format_document(document, "a.txt") == (
        "== a.txt: 2 quotes\n"
        "[direct] Mike Pompeo (he) · said · 2019-04-08 · pressure 0.81\n"
        "    “We wait,”\n"
        "[indirect] unknown speaker · — · no date · no stance\n"
        "    “on Monday”\n"
    )


def test_csv_to_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    code, out, err = run(capsys, "extract", *SEED_PATHS, "--format", "csv", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [name for name, _ in QUOTE_COLUMNS]
    expected_ids = [(p, q.id) for p in SEED_PATHS for q in _expected(p).quotes]
    assert [(r["article_id"], r["quote_id"]) for r in rows] == expected_ids


def test_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'Talks\r\n\r\n"We wait," Kim said.\r\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = run(capsys, "extract", "--format", "jsonl")
    assert code == 0
    data = json.loads(out)
    assert data["source"] == "<stdin>"
    assert data["text"] == text  # bytes as given: no newline translation, offsets hold


def test_jsonl_corpus_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": name, "text": load_seed(name)[0], "published": "2019-04-11"} for name in SEED_NAMES
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", "--input-format", "jsonl", str(corpus), "-f", "jsonl")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in lines] == SEED_NAMES
    assert [d["source"] for d in lines] == [f"{corpus}:{n}" for n in range(1, len(records) + 1)]
    for record, data in zip(records, lines, strict=True):
        expected = attrs.evolve(extract(record["text"], published="2019-04-11"), id=record["id"])
        assert from_json(data) == expected


# --- errors --------------------------------------------------------------------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "folder").mkdir()
    undecodable = tmp_path / "latin1.txt"
    undecodable.write_bytes("Caf\u00e9 said so.".encode("latin-1"))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "One."}\n'
        "{not json\n"
        '{"id": "c", "published": "2019-01-01"}\n'
        '{"id": "d", "text": "Two.", "published": "yesterday"}\n'
        '["a list"]\n'
        '{"id": "f", "text": "Three."}\n',
        encoding="utf-8",
    )
    with corpus.open("ab") as handle:
        handle.write(b'{"id": "g", "text": "caf\xe9"}\n')
    return {
        "missing": tmp_path / "missing.txt",
        "folder": tmp_path / "folder",
        "undecodable": undecodable,
        "corpus": corpus,
    }


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("missing", "no such file"),
        ("folder", "is a directory"),
        ("undecodable", "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], bad_inputs: dict[str, Path], key: str, message: str
) -> None:
    path = str(bad_inputs[key])
    code, out, err = run(capsys, "extract", path, "--format", "text")
    assert code == 1
    assert err == f"nkquotes: error: {path}: {message}\n"
    assert out == ""


def test_one_bad_file_among_several(
    capsys: pytest.CaptureFixture[str], bad_inputs: dict[str, Path]
) -> None:
    missing = str(bad_inputs["missing"])
    code, out, err = run(capsys, "extract", SEED_PATHS[0], missing, SEED_PATHS[-1], "-f", "jsonl")
    assert code == 1
    assert err == (f"nkquotes: error: {missing}: no such file\nnkquotes: 1 of 3 inputs failed\n")
    lines = [json.loads(line) for line in out.splitlines()]
    for line in lines:
        VALIDATOR.validate(line)
    assert [d["source"] for d in lines] == [SEED_PATHS[0], missing, SEED_PATHS[-1]]
    assert lines[1] == {
        "schema": "nkquotes/1",
        "source": missing,
        "id": None,
        "error": "no such file",
    }
    assert "text" in lines[0]
    assert "text" in lines[2]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_invalid_jsonl_records_are_reported_and_others_processed(
    capsys: pytest.CaptureFixture[str], bad_inputs: dict[str, Path], jobs: str
) -> None:
    corpus = str(bad_inputs["corpus"])
    code, out, err = run(
        capsys, "extract", "--input-format", "jsonl", corpus, "-f", "jsonl", "-j", jobs
    )
    assert code == 1
    assert err.splitlines() == [
        f"nkquotes: error: {corpus}:2: invalid JSON: "
        "Expecting property name enclosed in double quotes at column 2",
        f"nkquotes: error: {corpus}:3 (id c): record has no 'text'",
        f"nkquotes: error: {corpus}:4 (id d): "
        "invalid published date 'yesterday' (expected YYYY-MM-DD)",
        f"nkquotes: error: {corpus}:5: record is not a JSON object",
        f"nkquotes: error: {corpus}:7: not valid UTF-8 (byte 0xe9 at offset 24)",
        "nkquotes: 5 of 7 inputs failed",
    ]
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d.get("id") for d in lines] == ["a", None, "c", "d", None, "f", None]
    assert ["error" in d for d in lines] == [False, True, True, True, True, False, True]


def _run_utf8(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str, str]:
    """Run the CLI with strict UTF-8 byte streams, as a pipe to a file has."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", newline="")
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(list(argv))
    stdout.flush()
    stderr.flush()
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


LONE_SURROGATE_TEXT = 'Kim said "we \ud800 go."'


@pytest.fixture
def surrogate_corpus(tmp_path: Path) -> Path:
    """A JSONL record whose text escapes a lone surrogate, then an ordinary one."""
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "bad", "text": LONE_SURROGATE_TEXT}, {"id": "ok", "text": "Fine."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    return corpus


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_output_escapes_a_lone_surrogate_losslessly(
    monkeypatch: pytest.MonkeyPatch, surrogate_corpus: Path, fmt: str
) -> None:
    code, out, err = _run_utf8(
        monkeypatch, "extract", "--input-format", "jsonl", "-f", fmt, str(surrogate_corpus)
    )
    assert (code, err) == (0, "")
    records = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in records] == ["bad", "ok"]
    assert "\\ud800" in out  # escaped, so the output is valid UTF-8
    assert from_json(records[0]) == attrs.evolve(extract(LONE_SURROGATE_TEXT), id="bad")


@pytest.mark.parametrize("fmt", ["csv", "text"])
def test_csv_and_text_refuse_a_lone_surrogate_and_go_on(
    monkeypatch: pytest.MonkeyPatch, surrogate_corpus: Path, fmt: str
) -> None:
    code, out, err = _run_utf8(
        monkeypatch, "extract", "--input-format", "jsonl", "-f", fmt, str(surrogate_corpus)
    )
    assert code == 1
    assert err.splitlines() == [
        f"nkquotes: error: {surrogate_corpus}:1 (id bad): cannot be written as {fmt}: "
        "character U+D800 (a lone surrogate); --format json or jsonl escape it",
        "nkquotes: 1 of 2 inputs failed",
    ]
    assert "Kim" not in out  # nothing of the refused record
    if fmt == "csv":
        assert out.splitlines()[0].startswith("article_id,")
    else:
        assert "(id ok)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "--bogus"], "unrecognized arguments: --bogus"),
        (["extract", "--format", "xml"], "argument -f/--format: invalid choice: 'xml'"),
        (["extract", "--published", "10/04/2019"], "argument --published: invalid date"),
        (["extract", "--jobs", "0"], "argument -j/--jobs: expected a positive integer, got '0'"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(f"nkquotes: error: {message}")
    assert err.endswith("(see 'nkquotes --help')\n")
    assert err.count("\n") == 1


def test_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir.json"
    code, _, err = run(capsys, "extract", SEED_PATHS[0], "-o", str(target))
    assert code == 1
    assert err == f"nkquotes: error: {target}: cannot write (No such file or directory)\n"


# --- progress, other commands ----------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_with_several_articles(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", *SEED_PATHS, "-f", "jsonl"]) == 0
    assert f"\r{len(SEED_PATHS)}/{len(SEED_PATHS)} articles" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")  # erased at the end

    one = _Terminal()
    monkeypatch.setattr(sys, "stderr", one)
    assert main(["extract", SEED_PATHS[0], "-f", "jsonl"]) == 0
    assert one.getvalue() == ""

    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["extract", *SEED_PATHS, "-f", "jsonl", "--no-progress"]) == 0
    assert quiet.getvalue() == ""
    capsys.readouterr()


def test_no_progress_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", *SEED_PATHS, "-f", "jsonl")
    assert (code, err) == (0, "")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"nkquotes {__version__}\n")


def test_demo_prints_the_example_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib import resources

    text = resources.files("nkquotes").joinpath("data/example.txt").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "demo")
    assert code == 0
    quotes = extract(text).quotes
    assert out.splitlines()[0] == f"== example.txt: {len(quotes)} quote" + (
        "" if len(quotes) == 1 else "s"
    )
    for quote in quotes:
        assert f"    “{quote.text}”" in out


def test_evaluate_is_wired_or_says_it_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    available = importlib.util.find_spec("nkquotes.evaluation._command") is not None
    code, out, err = run(capsys, "evaluate", "--help")
    if available:
        assert code == 0
        assert "usage: nkquotes evaluate" in out
    else:
        assert code == 2
        assert err == (
            "nkquotes: error: evaluate: not available (nkquotes.evaluation._command is missing)\n"
        )


def test_python_dash_m_with_processes(tmp_path: Path) -> None:
    """The one subprocess test: the module entry point, and worker processes under it."""
    result = subprocess.run(
        [sys.executable, "-m", "nkquotes", "extract", *SEED_PATHS, "-f", "jsonl", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines: list[dict[str, Any]] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [from_json(d) for d in lines] == [_expected(p) for p in SEED_PATHS]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from([*'ab K."“”\n\r\t', "said", "é", "한"]), max_size=60).map("".join))
def test_any_text_through_stdin_equals_extract(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, err = run(capsys, "extract", "-f", "jsonl", "--published", "2019-04-10")
    assert (code, err) == (0, "")
    data = json.loads(out)
    VALIDATOR.validate(data)
    expected = attrs.evolve(extract(text, published="2019-04-10"), id="<stdin>")
    assert from_json(data) == expected


def test_no_input_on_a_terminal_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal())
    code, out, err = run(capsys, "extract")
    assert (code, out) == (2, "")
    assert err == (
        "nkquotes: error: extract: no input: give PATH arguments or pipe text into standard "
        "input (see 'nkquotes --help')\n"
    )
