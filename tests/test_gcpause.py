"""The collector pause: the caller's setting comes back, and overlapping pauses keep it off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from nkquotes._gcpause import collector_paused


@pytest.fixture
def restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.usefixtures("restore_gc")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_callers_setting_comes_back(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("restore_gc")
def test_the_setting_comes_back_after_an_exception() -> None:
    gc.enable()
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("x")
    assert gc.isenabled()


@pytest.mark.usefixtures("restore_gc")
def test_overlapping_pauses_end_with_the_last() -> None:
    gc.enable()
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second pass is still building
    second.__exit__(None, None, None)
    assert gc.isenabled()


@pytest.mark.usefixtures("restore_gc")
def test_pauses_in_threads_end_with_the_last() -> None:
    gc.enable()
    inside = threading.Barrier(2)
    first_left = threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            inside.wait()
        first_left.set()

    def second() -> None:
        with collector_paused():
            inside.wait()
            first_left.wait()
            seen.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [False]
    assert gc.isenabled()
