"""File → Backup…: writes a verified backup on the worker while a progress bar shows how far it is.

Administrators only (the core refuses others). The dialog cannot be closed while the backup runs:
stopping halfway would leave nothing useful, and the core cleans up after a failure itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from entre_desktop.services.backup import BackupResult, create_backup
from ui.dialogs.work_dialog import WorkDialog
from ui.errors import describe, show_error
from ui.guard import while_alive
from ui.tasks import TaskRunner


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (queued across threads)."""

    progress = Signal(int, int)


def suggested_backup_name(site_name: str, today: dt.date) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in site_name).strip("-").lower() or "entre"
    return f"{safe}-{today.isoformat()}.entre-backup"


class BackupDialog(WorkDialog):
    """Starts at once; emits ``backed_up(BackupResult)`` when the verified file is in place."""

    backed_up = Signal(object)

    def __init__(self, runner: TaskRunner, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.target = target
        self.result_value: BackupResult | None = None
        self.error: BaseException | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backup"))
        self.setMinimumWidth(480)
        self.heading = QLabel(self.tr("Writing a backup to %1").replace("%1", str(target)), self)
        self.heading.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Backup progress"))
        self.status = QLabel(self.tr("Copying the database…"), self)
        self.status.setObjectName("secondaryText")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.bar, self.status, self.buttons):
            layout.addWidget(widget)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)

    def start(self) -> None:
        self.running = True
        self.buttons.setEnabled(False)
        relay = self._relay
        target = self.target

        def job(session: object) -> BackupResult:
            return create_backup(session, target, progress=relay.progress.emit)  # type: ignore[arg-type]

        self._runner.run(job, on_success=while_alive(self, self._done), on_failure=while_alive(self, self._failed))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            if done >= total:
                self.status.setText(self.tr("Checking the written backup…"))

    def _done(self, result: BackupResult) -> None:
        self.running = False
        self.result_value = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        size = f"{result.size / (1024 * 1024):.1f}"
        self.status.setText(self.tr("The backup is written and verified: %1 (%2 MB, %3 records). Keep it somewhere "
                                    "safe, away from this computer.").replace("%1", str(result.path))
                            .replace("%2", size).replace("%3", str(result.rows)))
        self.buttons.setEnabled(True)
        self.backed_up.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.error = error
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText(self.tr("No backup was made.") + " " + describe(error))
        self.buttons.setEnabled(True)
        show_error(self, error)
