"""Synchronising with the exchange folder after unlocking, without a dialog: the status bar tells."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from entre_desktop.errors import EntreError
from entre_desktop.services.exchange_folder import ExchangeResult
from ui.errors import describe, print_traceback
from ui.guard import while_alive
from ui.sync.exchange_dialog import IMPORT_CHANGES, exchange_job
from ui.sync.exchange_report import status_line
from ui.tasks import TaskRunner

STATUS_MS = 60_000


class BackgroundExchange(QObject):
    """One synchronisation at a time; the result goes to ``window``'s status bar."""

    def __init__(self, runner: TaskRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self.running = False
        self.last_result: ExchangeResult | None = None
        self.last_error: BaseException | None = None

    def start(self, folder: Path) -> bool:
        if self.running:
            return False
        self.running = True
        self._window.statusBar().showMessage(self.tr("Synchronising with the exchange folder…"))
        self._runner.run(exchange_job(folder),  # type: ignore[arg-type]
                         on_success=while_alive(self, self._done), on_failure=while_alive(self, self._failed))
        return True

    def _done(self, result: ExchangeResult) -> None:
        self.running = False
        self.last_result = result
        self._window.statusBar().showMessage(status_line(result), STATUS_MS)
        apply = getattr(self._window, "apply_changes", None)
        if result.imported and apply is not None:
            apply(IMPORT_CHANGES)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.last_error = error
        if not isinstance(error, EntreError):
            print_traceback(error)
        reason = describe(error) if isinstance(error, EntreError) else self.tr("an unexpected problem")
        self._window.statusBar().showMessage(
            self.tr("Could not synchronise with the exchange folder: %1").replace("%1", reason), STATUS_MS)
