"""Print plans for upcoming releases…: one PDF per client released within N days, into a folder.

``BatchPrintDialog`` asks for the days, the folder, the copy type and the language, and shows how
many clients that is. ``BatchPrintRun`` runs ``services.printing.print_releases_within`` on the
DB worker with a progress dialog that can cancel it (after the plan being written), then shows a
summary: how many were written, and which were not and why. Each file is recorded in the print
log and the audit log by the core, like any other copy.

Threading: main thread only; the batch runs on the TaskRunner's worker and reports its progress
through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import entre_desktop.i18n
from entre_desktop.errors import EntreError
from entre_desktop.services.printing import BatchResult, print_releases_within, releases_within
from entre_desktop.services.session import Session
from ui.dialogs.settings_dialog import LANGUAGE_NAMES
from ui.errors import describe, print_traceback
from ui.guard import while_alive
from ui.printing import choosers
from ui.printing.options import BATCH_VARIANTS
from ui.tasks import CancelFlag, TaskRunner

DEFAULT_DAYS = 30
MAX_DAYS = 3650
SUMMARY_LINES = 8


class BatchPrintDialog(QDialog):
    """Accepting it emits ``chosen(days, folder, variant, language)``."""

    chosen = Signal(int, object, str, str)
    count_updated = Signal(int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._count_seq = 0
        self.count: int | None = None
        self.setObjectName("batchPrintDialog")
        self.setMinimumWidth(560)
        self.days = QSpinBox(self)
        self.days.setRange(0, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.folder = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self._folder_widget = QWidget(self)
        self._folder_widget.setLayout(folder_row)
        self.variant = QComboBox(self)
        self.variant_note = QLabel(self)
        self.variant_note.setObjectName("secondaryText")
        self.variant_note.setWordWrap(True)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(entre_desktop.i18n.current_language())))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for widget in (self.days, self.count_label, self._folder_widget, self.variant, self.variant_note,
                       self.language):
            self._form.addRow(QLabel(self), widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._count)
        self.days.valueChanged.connect(lambda _value: self._debounce.start())
        self.folder.textChanged.connect(lambda _text: self._update_ok())
        self.retranslate()
        self._count()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print plans for upcoming releases"))
        for widget, label, name in (
            (self.days, self.tr("Released wi&thin:"), self.tr("Days until release")),
            (self._folder_widget, self.tr("&Folder:"), self.tr("Folder for the PDF files")),
            (self.variant, self.tr("&Copy for:"), self.tr("Copy type")),
            (self.language, self.tr("La&nguage:"), self.tr("Language of the plans")),
        ):
            caption = self._form.labelForField(widget)
            if isinstance(caption, QLabel):
                caption.setText(label)
                caption.setBuddy(self.folder if widget is self._folder_widget else widget)
            widget.setAccessibleName(name)
        self.folder.setAccessibleName(self.tr("Folder for the PDF files"))
        self.days.setSuffix(self.tr(" days"))
        self.browse_button.setText(self.tr("C&hoose…"))
        self.folder.setPlaceholderText(self.tr("Choose a folder for the PDF files"))
        keep = self.variant.currentData()
        self.variant.clear()
        labels = {"internal": self.tr("Internal copy (the whole plan, for the case file)"),
                  "client": self.tr("Client's copy (plain language, no risk section)")}
        for variant in BATCH_VARIANTS:
            self.variant.addItem(labels[variant], variant)
        self.variant.setCurrentIndex(max(0, self.variant.findData(keep)))
        self.variant_note.setText(self.tr("Agency copies are printed one at a time from the client's record: each "
                                          "needs the client's consent for that agency."))
        self.ok_button.setText(self.tr("&Write PDFs"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _count(self) -> None:
        self._count_seq += 1
        seq, days = self._count_seq, self.days.value()
        self.count = None
        self._show_count()

        def counted(count: int) -> None:
            if seq == self._count_seq:
                self.count = count
                self.error.hide()
                self._show_count()
                self.count_updated.emit(count)

        def failed(error: BaseException) -> None:
            if seq == self._count_seq:
                self.error.setText(describe(error))
                self.error.show()
                self._update_ok()

        self._runner.run(lambda session: len(releases_within(session, days)),
                         on_success=while_alive(self, counted), on_failure=while_alive(self, failed))

    def _show_count(self) -> None:
        if self.count is None:
            self.count_label.setText(self.tr("Counting…"))
        elif self.count == 0:
            self.count_label.setText(self.tr("No client with a release plan is released within {days} days.")
                                     .format(days=self.days.value()))
        elif self.count == 1:
            self.count_label.setText(self.tr("1 client with a release plan is released within {days} days.")
                                     .format(days=self.days.value()))
        else:
            self.count_label.setText(self.tr("{count} clients with a release plan are released within {days} days.")
                                     .format(count=self.count, days=self.days.value()))
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.folder.text().strip()) and bool(self.count))

    def browse(self) -> None:
        current = self.folder.text().strip()
        chosen = choosers.choose_folder(self, Path(current) if current else choosers.documents_folder())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.chosen.emit(self.days.value(), Path(self.folder.text().strip()), str(self.variant.currentData()),
                         str(self.language.currentData()))
        super().accept()


class _Relay(QObject):
    """Lives on the main thread; emitted from the worker, so delivered queued."""

    progress = Signal(int, int)


class BatchPrintRun(QObject):
    """One batch under way: the progress dialog, cancelling, and the summary at the end.

    ``finished`` carries the ``BatchResult`` (or the error that stopped the batch). The run
    deletes itself when its summary is closed.
    """

    finished = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._parent = parent
        self._flag = CancelFlag()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progressed)
        self.total: int | None = None
        self.done = 0
        self.result: BatchResult | None = None
        self.summary: QMessageBox | None = None
        self.progress = QProgressDialog(parent)
        self.progress.setObjectName("batchPrintProgress")
        self.progress.setWindowTitle(self.tr("Print plans for upcoming releases"))
        self.progress.setLabelText(self.tr("Finding the clients…"))
        self.progress.setCancelButtonText(self.tr("Cancel"))
        self.progress.setRange(0, 0)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.canceled.connect(self.cancel)
        self.progress.rejected.connect(self.cancel)  # Escape, or the program locking

    def start(self, days: int, folder: Path, variant: str, language: str) -> None:
        self.folder = folder
        flag, relay = self._flag, self._relay

        def job(session: Session) -> BatchResult:
            return print_releases_within(session, days, folder, variant=variant, language=language,
                                         progress=relay.progress.emit, cancelled=lambda: flag.is_set)

        self.progress.show()
        self._runner.run(job, on_success=while_alive(self, self._finished),
                         on_failure=while_alive(self, self._failed))

    @property
    def cancelled(self) -> bool:
        return self._flag.is_set

    def cancel(self) -> None:
        """Stop after the plan being written; what was written stays (and stays logged)."""
        if self._flag.is_set or self.result is not None:
            return
        self._flag.cancel()
        if shiboken6.isValid(self.progress):
            self.progress.setLabelText(self.tr("Stopping after the current plan…"))

    def _progressed(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if not shiboken6.isValid(self.progress) or self._flag.is_set:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setLabelText(self.tr("Wrote {done} of {total} release plans…").format(done=done, total=total))

    def _close_progress(self) -> None:
        if shiboken6.isValid(self.progress):
            self.progress.canceled.disconnect(self.cancel)
            self.progress.rejected.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()

    def _locked(self) -> bool:
        """The window locked meanwhile: the summary names clients, so it is not shown."""
        return bool(getattr(self._parent, "locked", False))

    def _finished(self, result: BatchResult) -> None:
        self.result = result
        self._close_progress()
        if not self._locked():
            self._show_summary(self.summary_text(result), details=self._skipped_details(result),
                               error=bool(result.skipped))
        self.finished.emit(result)
        if self.summary is None:
            self.deleteLater()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, EntreError):
            print_traceback(error)
        self._close_progress()
        if self._locked():
            self.finished.emit(error)
            self.deleteLater()
            return
        written = self.tr(" {done} release plans were handled before it stopped.").format(done=self.done) \
            if self.done else ""
        self._show_summary(describe(error) + written, error=True)
        self.finished.emit(error)

    def summary_text(self, result: BatchResult) -> str:
        written, skipped = len(result.printed), len(result.skipped)
        handled = written + skipped
        if handled == 0 and not self.cancelled:
            return self.tr("No client with a release plan is released within these days: nothing was written.")
        lines = []
        if written == 1:
            lines.append(self.tr("Wrote 1 release plan to {folder}.").format(folder=self.folder))
        else:
            lines.append(self.tr("Wrote {count} release plans to {folder}.").format(count=written, folder=self.folder))
        if self.cancelled and self.total is not None and handled < self.total:
            lines.append(self.tr("Cancelled: {left} of {total} clients were not handled.").format(
                left=self.total - handled, total=self.total))
        elif self.cancelled and self.total is None:
            lines.append(self.tr("Cancelled before the first plan was written."))
        if skipped:
            lines.append(self.tr("{count} could not be printed:").format(count=skipped))
            lines.extend(f"• {reason}" for _client, reason in result.skipped[:SUMMARY_LINES])
            if skipped > SUMMARY_LINES:
                lines.append(self.tr("… and {count} more (see Show Details).").format(count=skipped - SUMMARY_LINES))
        return "\n".join(lines)

    def _skipped_details(self, result: BatchResult) -> str:
        return "\n".join(f"{reason} ({client})" for client, reason in result.skipped)

    def _show_summary(self, text: str, *, details: str = "", error: bool = False) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                          self.tr("Print plans for upcoming releases"), text, QMessageBox.StandardButton.Ok,
                          self._parent)
        box.setObjectName("batchPrintSummary")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self.deleteLater)  # the run is kept while its summary is shown
        self.summary = box
        box.open()


def start_batch(runner: TaskRunner, parent: QWidget,
                on_started: Callable[[BatchPrintRun], None] | None = None) -> BatchPrintDialog:
    """Ask for the options (window-modal); accepting starts the batch. The dialog deletes itself."""
    dialog = BatchPrintDialog(runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(days: int, folder: Path, variant: str, language: str) -> None:
        run = BatchPrintRun(runner, parent)
        run.start(days, folder, variant, language)
        if on_started is not None:
            on_started(run)

    dialog.chosen.connect(chosen)
    dialog.open()
    return dialog
