"""File → Synchronise with exchange folder…: choose the folder, synchronise now, see what happened.

The folder and "synchronise when unlocked" are kept in the client's settings. The work (imports,
then one bundle per trusted site) runs on the worker with progress.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.exchange_folder import ExchangeResult, synchronise
from ui.guard import while_alive
from ui.settings import AppSettings
from ui.sync import file_choice
from ui.sync.exchange_report import report_lines
from ui.sync.failure import show_failure
from ui.sync.progress import ProgressRelay
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError

IMPORT_CHANGES = Changes.of(Kind.SYNC, Kind.CLIENTS, Kind.NOTES, Kind.PLANS, Kind.STAGES, Kind.CUSTODY,
                            Kind.CONSENT, Kind.REFERRALS, Kind.RISK_FLAGS, Kind.CONTACTS, Kind.ASSESSMENTS,
                            Kind.AGENCIES, Kind.ATTACHMENTS)


def exchange_job(folder: Path, relay: ProgressRelay | None = None) -> object:
    """The worker job: ``relay`` gets (done, total) for the imports, then again for the exports."""

    def job(session: object) -> ExchangeResult:
        progress = (lambda _stage, done, total: relay(done, total)) if relay is not None else None
        return synchronise(session, folder, progress)  # type: ignore[arg-type]

    return job


class ExchangeFolderDialog(QDialog):
    """Emits ``changed(Changes)`` after a synchronisation imported something."""

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self.outcome: ExchangeResult | None = None
        self.setObjectName("exchangeFolderDialog")
        self.setWindowTitle(self.tr("Exchange folder"))
        self.resize(640, 460)
        intro = QLabel(self.tr("Sites that share a folder (on a server share or a removable drive) exchange "
                               "bundles there. Synchronising imports every new bundle for this site, then leaves "
                               "one bundle for each trusted site."), self)
        intro.setWordWrap(True)
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Exchange folder"))
        self.folder.setText(str(settings.exchange_folder or ""))
        self.folder.textChanged.connect(lambda _t: self._update())
        browse = QPushButton(self.tr("&Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.on_unlock = QCheckBox(self.tr("Synchronise &each time the database is unlocked"), self)
        self.on_unlock.setChecked(settings.exchange_on_unlock)
        self.on_unlock.toggled.connect(self._save)
        self.sync_button = QPushButton(self.tr("&Synchronise now"), self)
        self.sync_button.clicked.connect(self.synchronise)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.error = FieldError(self)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("What the synchronisation did"))
        self.report.setPlaceholderText(self.tr("What the synchronisation did appears here."))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Folder:"), self))
        layout.addLayout(row)
        layout.addWidget(self.on_unlock)
        layout.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.report, 1)
        layout.addWidget(close)
        self._update()

    def _update(self) -> None:
        self.sync_button.setEnabled(bool(self.folder.text().strip()) and self.progress.isHidden())

    def _browse(self) -> None:
        start = Path(self.folder.text().strip()) if self.folder.text().strip() else Path.home()
        chosen = file_choice.choose_folder(self, self.tr("Choose the exchange folder"), start)
        if chosen is not None:
            self.folder.setText(str(chosen))
            self._save()

    def _save(self) -> None:
        text = self.folder.text().strip()
        self._settings.exchange_folder = Path(text) if text else None
        self._settings.exchange_on_unlock = self.on_unlock.isChecked()
        self._settings.sync()

    def synchronise(self) -> None:
        text = self.folder.text().strip()
        if not text:
            return
        self._save()
        self.error.clear_message()
        self.report.clear()
        relay = ProgressRelay()
        relay.follow(self.progress)
        self.progress.show()
        self._update()
        self._runner.run(exchange_job(Path(text), relay),  # type: ignore[arg-type]
                         on_success=while_alive(self, self._done), on_failure=while_alive(self, self._failed))

    def _done(self, result: ExchangeResult) -> None:
        self.outcome = result
        self.progress.hide()
        self._update()
        self.report.setPlainText("\n".join(report_lines(result)))
        if result.imported:
            self.changed.emit(IMPORT_CHANGES)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self._update()
        show_failure(self, self.error, error)

    def reject(self) -> None:
        self._save()
        super().reject()
