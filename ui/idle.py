"""Noticing that nobody has used the program for a while, so it can lock itself.

An application-wide event filter records the time of the last keyboard or mouse input; a timer
compares it with the limit. The filter is installed only while armed (unlocked): while locked
there is nothing to protect, and every event of the start-up would otherwise pass through Python. Both the clock and the timer interval are replaceable, so a test can
move time forward and call ``check()`` instead of waiting ten minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal


def _input_events() -> frozenset[QEvent.Type]:
    return frozenset({
        QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress, QEvent.Type.Shortcut,
    })

Clock = Callable[[], float]


class IdleWatcher(QObject):
    """Emits ``idle`` once when no input arrived for ``limit_seconds``; ``reset()`` re-arms it."""

    idle = Signal()

    def __init__(self, *, limit_seconds: float, clock: Clock = time.monotonic,
                 check_interval_ms: int = 5000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.limit_seconds = limit_seconds
        self._last_input = clock()
        self._active = False
        self._input_events: frozenset[QEvent.Type] = frozenset()
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._input_events:
            self._last_input = self._clock()
        return False

    def start(self) -> None:
        """Arm the watcher (after unlocking)."""
        self._last_input = self._clock()
        if not self._active:
            self._input_events = _input_events()  # built when first armed, not at start-up
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        """Disarm it (while locked: there is nothing to protect)."""
        if self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def touch(self) -> None:
        self._last_input = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        if self._active and self.idle_seconds() >= self.limit_seconds:
            self.stop()
            self.idle.emit()
