"""The public API: a sorted, explicit __all__ and a lazy import."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

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


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_import_loads_no_pipeline_module() -> None:
    # ``import nkquotes`` must stay cheap: the exceptions and the version, nothing else.
    code = "import sys, nkquotes; print(sorted(m for m in sys.modules if m.startswith('nkquotes')))"
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['nkquotes', 'nkquotes._errors', 'nkquotes._version']"


def test_lazy_names_match_all_and_the_type_checking_imports() -> None:
    # The three listings of the public names (``__all__``, the lazy table, the imports that
    # type checkers read) must agree, or a name would be missing for users or for mypy.
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(nkquotes))
    checked: dict[str, tuple[str, ...]] = {}
    eager: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If):  # the ``if TYPE_CHECKING:`` block
            for sub in node.body:
                assert isinstance(sub, ast.ImportFrom)
                assert sub.module is not None
                checked[sub.module] = tuple(a.name for a in sub.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nkquotes."):
            eager.update(a.name for a in node.names)
    assert checked == nkquotes._LAZY
    lazy = {name for names in nkquotes._LAZY.values() for name in names}
    assert not lazy & eager
    assert lazy | eager == set(nkquotes.__all__)


def test_each_lazy_name_is_the_object_of_its_module() -> None:
    import importlib

    for module, names in nkquotes._LAZY.items():
        for name in names:
            assert getattr(nkquotes, name) is getattr(importlib.import_module(module), name)


def test_lazy_names_and_subpackage_resolve_in_a_fresh_process() -> None:
    code = (
        "import nkquotes; "
        "from nkquotes import extract, Span; "
        "assert nkquotes.stance.apply_stance is nkquotes.apply_stance; "
        "assert extract('Headline\\n\\nBody text.').article is not None; "
        "assert 'extract' in dir(nkquotes) and 'stance' in dir(nkquotes)"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        nkquotes.no_such_name  # noqa: B018
    assert not hasattr(nkquotes, "also_missing")
