"""Work-arounds for bugs in the PySide6 version the client ships with.

PySide6 6.12.0 hands Python objects back without taking the reference it gives away:

* ``SignalInstance.emit()`` returns ``True`` that way, so every emit from Python code takes one
  reference from ``True``;
* every call of a ``void`` C++ method from Python (``label.setText(...)``,
  ``widget.setEnabled(...)``) returns ``None`` that way, taking one reference from ``None``.

On Python 3.11, where ``True`` and ``None`` are ordinary objects, the interpreter aborts once a
count reaches zero ("bool_dealloc" / "none_dealloc: deallocating ...") — after some thousands of
calls, i.e. minutes to hours of work. Neither object may ever be freed anyway, so an inflated
reference count is harmless: at start-up we add far more references than any session can take.
Python 3.12 made both immortal, and there the leak does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

# Far more than any session can use up, far below what would overflow a Py_ssize_t.
RESERVE = 1 << 40
_PROBES = 8


class _Probe(QObject):
    ping = Signal()


def _loses_references(target: object, action: Callable[[], object]) -> bool:
    """Whether ``action`` takes a reference from ``target`` each time (what it took is given back)."""
    before = sys.getrefcount(target)
    for _ in range(_PROBES):
        action()
    lost = before - sys.getrefcount(target)
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(target))
    return lost >= _PROBES


def _reserve(target: object) -> None:
    refcount = ctypes.c_ssize_t.from_address(id(target))  # ob_refcnt, the first field of every object
    if refcount.value < RESERVE:
        refcount.value += RESERVE


def leaking_singletons() -> list[str]:
    """Which of ``True`` and ``None`` this PySide6 loses references to ("True", "None")."""
    probe = _Probe()
    found = []
    if _loses_references(True, probe.ping.emit):
        found.append("True")
    if _loses_references(None, lambda: probe.setObjectName("probe")):
        found.append("None")
    return found


def protect_from_refcount_leaks() -> list[str]:
    """Apply the work-around where this PySide6 needs it; returns what was protected."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return []
    found = leaking_singletons()
    for name in found:
        _reserve(True if name == "True" else None)
    return found
