"""The public face of nkquotes.evaluation: a sorted, complete __all__ and lazy imports."""

from __future__ import annotations

import subprocess
import sys
import types

import nkquotes.evaluation


def test_all_is_sorted_and_complete() -> None:
    names = nkquotes.evaluation.__all__
    assert list(names) == sorted(names)
    for name in names:
        assert hasattr(nkquotes.evaluation, name), name
    public = {
        n
        for n in dir(nkquotes.evaluation)
        if not n.startswith("_")
        and not isinstance(getattr(nkquotes.evaluation, n), types.ModuleType)
    }
    assert public <= set(names)


def test_imports_stay_lazy() -> None:
    code = (
        "import sys, nkquotes\n"
        "assert 'nkquotes.evaluation' not in sys.modules, 'nkquotes imports evaluation'\n"
        "import nkquotes.evaluation\n"
        "assert 'dateparser' not in sys.modules, 'evaluation imports dateparser'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
