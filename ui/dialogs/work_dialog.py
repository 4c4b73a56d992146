"""A dialog that runs one piece of work and cannot be closed while it runs."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget


class WorkDialog(QDialog):
    """Escape, the window's close button and Cancel do nothing while ``running`` is true: the
    work (a backup, a purge) finishes or fails by itself and then says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = False

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
