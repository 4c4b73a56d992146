"""Help → Diagnostics: a read-only report for support, with a button that copies it.

The core's ``diagnostics_text`` (versions, build, platform, folders, the redacted end of the log)
reads the log file and asks SQLCipher for its version, so it is gathered on the worker through
``TaskRunner.run_plain``; it needs no session and opens no database, so it works locked or not.
The client's own settings are added here, on the main thread: only values, never a path a user
chose (the exchange folder is reported as set or not set). Nothing in it is personal data.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.diagnostics import diagnostics_text
from ui.errors import describe
from ui.guard import while_alive
from ui.settings import AppSettings
from ui.tasks import TaskRunner


class DiagnosticsDialog(QDialog):
    """Gathers the report when created; ``text()`` is what is shown and what Copy copies."""

    def __init__(self, runner: TaskRunner, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._core_text: str | None = None
        self._core_error: BaseException | None = None
        self.setObjectName("diagnosticsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened afresh each time
        self.resize(720, 520)
        self.view = QPlainTextEdit(self)
        self.view.setObjectName("diagnosticsText")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyDiagnostics")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        runner.run_plain(diagnostics_text, on_success=while_alive(self, self._gathered),
                         on_failure=while_alive(self, self._failed))

    @property
    def ready(self) -> bool:
        return self._core_text is not None or self._core_error is not None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Diagnostics"))
        self.view.setAccessibleName(self.tr("Diagnostic report"))
        self.copy_button.setText(self.tr("&Copy to clipboard"))
        self.close_button.setText(self.tr("Close"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def client_settings_text(self) -> str:
        s = self._settings
        yes, no = self.tr("yes"), self.tr("no")
        rows = (
            (self.tr("Language"), s.language),
            (self.tr("Lock after idle minutes"), str(s.idle_minutes)),
            (self.tr("Exchange folder set"), yes if s.exchange_folder is not None else no),
            (self.tr("Backup reminder after days"), str(s.backup_reminder_days)),
        )
        return "\n".join([self.tr("Desktop client settings")] + [f"  {name}: {value}" for name, value in rows]) + "\n"

    def text(self) -> str:
        """The whole report as shown; empty until the core's part has arrived."""
        if self._core_text is not None:
            core = self._core_text
        elif self._core_error is not None:
            core = self.tr("The report could not be gathered: %1").replace("%1", describe(self._core_error)) + "\n"
        else:
            return ""
        return core + "\n" + self.client_settings_text()

    def _gathered(self, text: str) -> None:
        self._core_text = text
        self._show()

    def _failed(self, error: BaseException) -> None:
        self._core_error = error
        self._show()

    def _show(self) -> None:
        report = self.text()
        self.view.setPlainText(report or self.tr("Gathering the report…"))
        self.copy_button.setEnabled(bool(report))

    def copy_to_clipboard(self) -> None:
        report = self.text()
        if report:
            QGuiApplication.clipboard().setText(report)
