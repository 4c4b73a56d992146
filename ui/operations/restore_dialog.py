"""Admin → Restore from backup…: choose the file, prove the right to restore, confirm.

The dialog only collects the request; ``run_restore`` carries it out after the controller has
closed the session (the restore needs the database closed). The current database is kept aside
by the core; afterwards the program is locked and asks for a passphrase from the backup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.services.backup import (
    BackupInfo,
    RestoreResult,
    read_backup_info,
    restore_backup,
    restored_site_warning,
)
from ui import prompts
from ui.errors import describe, show_error
from ui.guard import while_alive
from ui.operations import files
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class RestoreRequest:
    backup: Path
    db_path: Path
    user_name: str
    passphrase: str


class RestoreDialog(QDialog):
    """Emits ``restore_requested(RestoreRequest)`` once the user confirmed."""

    restore_requested = Signal(object)

    def __init__(self, runner: TaskRunner, *, db_path: Path, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._db_path = db_path
        self.info: BackupInfo | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(560)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("Backup file"))
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.browse.clicked.connect(self.choose)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.user = QLineEdit(user_name, self)
        self.user.setAccessibleName(self.tr("Administrator in the backup"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase in the backup"))
        explanation = QLabel(self.tr(
            "Restoring replaces this database with the backup. The current database is not deleted: it is kept "
            "beside it, renamed with “before-restore” and the time. Afterwards the program locks; unlock it with "
            "a user name and passphrase as they were when the backup was made."), self)
        explanation.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Backup file:"), row)
        form.addRow("", self.details)
        form.addRow(self.tr("&Administrator:"), self.user)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for signal in (self.user.textChanged, self.passphrase.textChanged):
            signal.connect(self._update)
        self._update()

    def choose(self) -> None:
        chosen = files.choose_backup_file(self, self._db_path.parent)
        if chosen is not None:
            self.set_backup(chosen)

    def set_backup(self, path: Path) -> None:
        self.path.setText(str(path))
        self.info = None
        self.details.setText(self.tr("Reading the backup…"))
        self._update()
        self._runner.run_plain(lambda: read_backup_info(path), on_success=while_alive(self, self._read),
                               on_failure=while_alive(self, self._unreadable))

    def _read(self, info: BackupInfo) -> None:
        if str(info.path) != self.path.text():
            return  # another file was chosen meanwhile
        self.info = info
        self.details.setText(self.tr("Backup of %1, made %2 by version %3.").replace("%1", info.site_name)
                             .replace("%2", info.created_at.replace("T", " ")).replace("%3", info.program_version))
        self._update()

    def _unreadable(self, error: BaseException) -> None:
        self.info = None
        self.details.setText(describe(error))
        self._update()

    def _update(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.info is not None and bool(self.user.text().strip())
                                       and bool(self.passphrase.text()))

    def _confirm(self) -> None:
        if self.info is None:
            return
        question = self.tr("Replace the database with the backup of %1 made %2? Changes made since then are not "
                           "in the backup. The current database is kept aside.") \
            .replace("%1", self.info.site_name).replace("%2", self.info.created_at.replace("T", " "))
        if not prompts.confirm(self, self.tr("Restore from backup?"), question, yes=self.tr("Restore")):
            return
        self.restore_requested.emit(RestoreRequest(backup=self.info.path, db_path=self._db_path,
                                                   user_name=self.user.text().strip(),
                                                   passphrase=self.passphrase.text()))
        self.passphrase.clear()
        self.accept()


def run_restore(runner: TaskRunner, request: RestoreRequest, *, parent: QWidget | None,
                done: Callable[[], None]) -> QProgressDialog:
    """Restore on the worker (the session must be closed already), report, then call ``done``."""
    busy = QProgressDialog(parent)
    busy.setWindowTitle(QCoreApplication.translate("RestoreDialog", "Restore from backup"))
    busy.setLabelText(QCoreApplication.translate("RestoreDialog", "Checking and restoring the backup…"))
    busy.setRange(0, 0)
    busy.setCancelButton(None)  # type: ignore[arg-type]
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    busy.show()

    def restored(result: RestoreResult) -> None:
        busy.close()
        text = QCoreApplication.translate("RestoreDialog", "The backup made %1 is restored.").replace("%1", result.created_at.replace("T", " "))
        if result.kept_aside is not None:
            text += "\n\n" + QCoreApplication.translate("RestoreDialog", "The previous database is kept as %1.").replace("%1", str(result.kept_aside))
        text += "\n\n" + QCoreApplication.translate("RestoreDialog", "Unlock with your user name and passphrase as they were in the backup.")
        if result.exchanges_bundles:
            text += "\n\n" + restored_site_warning()
        prompts.info(parent, QCoreApplication.translate("RestoreDialog", "Backup restored"), text)
        done()

    def failed(error: BaseException) -> None:
        busy.close()
        show_error(parent, error)
        done()

    runner.run_plain(lambda: restore_backup(request.backup, request.db_path, user_name=request.user_name,
                                            passphrase=request.passphrase),
                     on_success=restored, on_failure=failed)
    return busy
