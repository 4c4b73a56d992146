"""Notifications between the parts of the record, in plain Python.

The record's parts tell each other about edits (on every keystroke), dirtiness and submitted
dialogs through ``Notifier`` rather than Qt signals: nothing crosses threads here, it needs no
QObject, and it avoids PySide6 6.12.0's ``Signal.emit()`` reference leak on ``True`` (see
``ui/pyside_workarounds.py``, applied at start-up) on the hottest path. Only the record's public
signals (``changed``, ``loaded``, ``load_failed``) are Qt signals.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


class Notifier:
    """A plain-Python signal: ``connect`` callbacks, call the notifier to call them in order.

    Bound methods are held weakly, so a notifier does not keep its listeners alive.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[[], Callable[..., Any] | None]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        if hasattr(callback, "__self__") and hasattr(callback, "__func__"):
            self._listeners.append(weakref.WeakMethod(callback))
        else:
            self._listeners.append(lambda: callback)

    def __call__(self, *args: Any) -> None:
        for listener in list(self._listeners):
            callback = listener()
            if callback is not None:
                callback(*args)
