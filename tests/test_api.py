"""The public API: a sorted, explicit __all__ and a lazy import."""

from __future__ import annotations

import subprocess
import sys
import types

import nkquotes
from nkquotes import ConfigurationError, InputError, ModelError, NkQuotesError, SchemaError


def test_all_is_sorted_and_complete() -> None:
    assert list(nkquotes.__all__) == sorted(nkquotes.__all__)
    for name in nkquotes.__all__:
        assert hasattr(nkquotes, name), name
    # Every public attribute that is not a submodule is exported.
    public = {
        n
        for n in dir(nkquotes)
        if not n.startswith("_") and not isinstance(getattr(nkquotes, n), types.ModuleType)
    }
    assert public <= set(nkquotes.__all__)


def test_version_is_a_string() -> None:
    assert isinstance(nkquotes.__version__, str)
    assert nkquotes.__version__.count(".") >= 2


def test_import_does_not_import_dateparser() -> None:
    code = "import nkquotes, sys; assert 'dateparser' not in sys.modules, 'dateparser imported'"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_exceptions_inherit_their_builtins() -> None:
    assert issubclass(InputError, NkQuotesError)
    assert issubclass(InputError, ValueError)
    assert issubclass(ConfigurationError, ValueError)
    assert issubclass(SchemaError, ValueError)
    assert issubclass(ModelError, RuntimeError)
