"""Progress reported on the DB worker, shown on the main thread."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar


class ProgressRelay(QObject):
    """Call it on the worker (``progress(done, total)``); ``progressed`` arrives on the main thread.

    Made without a parent and kept alive by the job that calls it, so a dialog closed while the
    job runs cannot leave the worker calling a deleted object.
    """

    progressed = Signal(int, int)

    def __call__(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def follow(self, bar: QProgressBar) -> None:
        bar.setRange(0, 0)  # busy until the first report says how much there is
        self.progressed.connect(lambda done, total: _show(bar, done, total))


def _show(bar: QProgressBar, done: int, total: int) -> None:
    if shiboken6.isValid(bar) and total > 0:
        bar.setRange(0, total)
        bar.setValue(min(done, total))
