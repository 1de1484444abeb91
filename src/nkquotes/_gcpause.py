"""The cyclic garbage collector paused while a pass builds very many objects that all survive.

A hostile input (a megabyte of one-word lines, a name repeated 70,000 times) makes tens of
thousands of records in one pass; every collection the allocations trigger would visit each
tracked object of the process again, for nothing, since all of them survive. Pausing costs a
sixth of such a pass. News articles never reach :data:`MANY` and never pause.

The collector is turned back on when the last pass of ours that paused it ends, and only if
it was on when the first one began: a caller that disabled it keeps it disabled, and two
threads running nkquotes at once do not turn it on under each other. (``gc`` has no hook
for another thread's ``gc.disable()`` made inside a pause: that call is undone when the
pause ends. The window is the building of the records, milliseconds.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["MANY", "collector_paused"]

#: More objects than one pass over a news article builds: callers pause only past this.
MANY = 10_000

_LOCK = threading.Lock()
_holders = 0  # passes of ours inside a pause
_turned_off = False  # whether the first of them found the collector on and turned it off


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the ``with`` block (see the module's note for threads)."""
    global _holders, _turned_off
    with _LOCK:
        if _holders == 0:
            _turned_off = gc.isenabled()
            if _turned_off:
                gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _LOCK:
            _holders -= 1
            if _holders == 0 and _turned_off:
                _turned_off = False
                gc.enable()
