"""Every ```python block in docs/ and the README runs, so the docs cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parent.parent
_BLOCK = regex.compile(r"^```python[^\n]*\n(.*?)^```", regex.MULTILINE | regex.DOTALL)
PAGES = sorted([*ROOT.joinpath("docs").glob("*.md"), ROOT / "README.md"])


def python_blocks(path: Path) -> list[str]:
    """The python code blocks of a Markdown page, doctest-style (>>>) blocks excluded."""
    blocks = _BLOCK.findall(path.read_text(encoding="utf-8"))
    return [b for b in blocks if not b.lstrip().startswith(">>>")]


def test_the_block_finder_finds_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("x\n```python\na = 1\n```\n```sh\nls\n```\n```python\n>>> 1\n1\n```\n")
    assert python_blocks(page) == ["a = 1\n"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Blocks of one page share a namespace and run in order, as a reader would run them.
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(python_blocks(page), start=1):
        code = compile(block, f"{page.name}#block{number}", "exec")
        exec(code, namespace)
