"""Python's cyclic garbage collection, on the main thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed; on the
DB worker it could free the last reference to a dialog's Python wrapper and so destroy a Qt
widget off the GUI thread, which crashes. As in Anki (aqt's GarbageCollector), automatic
collection is switched off and a main-thread timer collects instead. Plain reference counting
still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose thresholds were crossed, as the automatic collector would."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()
