"""Print release plan…: choose the copy, see it as it will print, then print it or save a PDF.

The preview is the real document (the core renders it on the DB worker, a quarter of a second
after the last change of option), shown with QtPdf. Nothing is recorded for a preview; "Print…"
and "Save PDF…" go through ``services.printing.print_plan``, which numbers each copy and records
it in the print log and the audit log before it leaves the program.

Threading: main thread only; rendering, recording and painting pages for the printer run on the
TaskRunner's worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QMargins, QMarginsF, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import entre_desktop.i18n
from entre_desktop.errors import EntreError
from entre_desktop.services.plans import plan_status_label
from entre_desktop.services.printing import PrintedCopy, preview, print_plan
from entre_desktop.services.session import Session
from ui.dialogs.settings_dialog import LANGUAGE_NAMES
from ui.errors import describe, print_traceback
from ui.guard import while_alive
from ui.printing import choosers
from ui.printing.options import VARIANTS, PrintOptions, load_job
from ui.printing.pdf_pages import open_pdf, paint_copies
from ui.settings import AppSettings
from ui.tasks import TaskRunner

MAX_COPIES = 20
ERROR_STYLE = "color: #b3261e;"

Choice = tuple[str, str, str | None]  # variant, language, recipient agency id


class PrintPlanDialog(QDialog):
    """``preview_updated`` follows every finished preview (shown or refused); ``printed`` carries
    the ``PrintedCopy`` list of each print or save."""

    preview_updated = Signal()
    printed = Signal(object)

    debounce_ms = 250

    def __init__(self, runner: TaskRunner, client_id: str, *, settings: AppSettings | None = None,
                 unsaved: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.client_id = client_id
        self._settings = settings or AppSettings()
        self.options: PrintOptions | None = None
        self.preview_error: str | None = None
        self._rendering = False
        self._working = False
        self._closed = False
        self._shown: Choice | None = None
        self._buffer: Any = None
        self.setObjectName("printPlanDialog")
        self.setMinimumSize(980, 680)
        self.resize(1120, 780)

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unsaved_note = QLabel(self)
        self.unsaved_note.setWordWrap(True)
        self.unsaved_note.setStyleSheet(ERROR_STYLE)
        self.unsaved_note.setVisible(unsaved)

        self.variant_box = QGroupBox(self)
        self.variant_group = QButtonGroup(self)
        self.variant_buttons: dict[str, QRadioButton] = {}
        self.variant_notes: dict[str, QLabel] = {}
        variant_layout = QVBoxLayout(self.variant_box)
        for variant in VARIANTS:
            button = QRadioButton(self.variant_box)
            note = QLabel(self.variant_box)
            note.setObjectName("secondaryText")
            note.setWordWrap(True)
            note.setContentsMargins(22, 0, 0, 4)
            self.variant_group.addButton(button)
            self.variant_buttons[variant] = button
            self.variant_notes[variant] = note
            variant_layout.addWidget(button)
            variant_layout.addWidget(note)
        self.variant_buttons["internal"].setChecked(True)

        self.agency = QComboBox(self)
        self.agency_note = QLabel(self)
        self.agency_note.setWordWrap(True)
        self.agency_note.setStyleSheet(ERROR_STYLE)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(entre_desktop.i18n.current_language())))
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        self.copies_note = QLabel(self)
        self.copies_note.setObjectName("secondaryText")
        self.copies_note.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for widget in (self.agency, self.agency_note, self.language, self.copies, self.copies_note):
            self._form.addRow(QLabel(self), widget)
        self._form.setRowVisible(self.agency_note, False)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.unsaved_note)
        left.addWidget(self.variant_box)
        left.addLayout(self._form)
        left.addWidget(self.message)
        left.addStretch(1)
        left_widget = QWidget(self)
        left_widget.setLayout(left)
        left_widget.setFixedWidth(380)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.preview_message = QLabel(self)
        self.preview_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_message.setWordWrap(True)
        self.preview_message.setMargin(40)
        self.preview_stack = QStackedWidget(self)
        self.preview_stack.addWidget(self.view)
        self.preview_stack.addWidget(self.preview_message)
        self.preview_stack.setCurrentWidget(self.preview_message)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("secondaryText")
        right = QVBoxLayout()
        right.addWidget(self.preview_stack, 1)
        right.addWidget(self.page_label)

        columns = QHBoxLayout()
        columns.addWidget(left_widget)
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.print_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_copies)
        self.save_button.clicked.connect(self.save_pdf)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.debounce_ms)
        self._debounce.timeout.connect(self._render)
        self.variant_group.buttonToggled.connect(lambda _button, checked: checked and self._options_changed())
        self.agency.currentIndexChanged.connect(lambda _index: self._options_changed())
        self.language.currentIndexChanged.connect(lambda _index: self._options_changed())

        self.retranslate()
        self._set_enabled(False)
        self._runner.run(load_job(client_id), on_success=while_alive(self, self._options_loaded),
                         on_failure=while_alive(self, self._options_failed))

    # -- texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print release plan"))
        self.variant_box.setTitle(self.tr("Copy for"))
        texts = {
            "internal": (self.tr("&Internal copy"),
                         self.tr("The whole plan, with risk and protective factors and the monitoring chart. "
                                 "For the case file: it stays within the service.")),
            "agency": (self.tr("&Agency copy"),
                       self.tr("For one receiving agency: only the areas the client has consented to share "
                               "with it; no risk section, chart or address.")),
            "client": (self.tr("C&lient's copy"),
                       self.tr("For the client, in plain language; no risk section or chart.")),
        }
        for variant, (label, note) in texts.items():
            self.variant_buttons[variant].setText(label)
            self.variant_notes[variant].setText(note)
        for widget, label, name in (
            (self.agency, self.tr("&Recipient:"), self.tr("Receiving agency")),
            (self.language, self.tr("La&nguage:"), self.tr("Language of the plan")),
            (self.copies, self.tr("C&opies:"), self.tr("Number of copies to print")),
        ):
            caption = self._form.labelForField(widget)
            if isinstance(caption, QLabel):
                caption.setText(label)
                caption.setBuddy(widget)
            widget.setAccessibleName(name)
        self.copies_note.setText(self.tr("Each printed copy gets its own copy number and its own line in the print "
                                         "log. Save PDF… saves one copy."))
        self.unsaved_note.setText(self.tr("This record has changes that are not saved. The plan prints as it "
                                          "was last saved."))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.view.setAccessibleName(self.tr("Preview of the printed plan"))
        self._fill_agencies()
        self._show_heading()
        if self.options is None and self.preview_error is None:
            self.preview_message.setText(self.tr("Preparing the preview…"))
        self._show_page_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_heading(self) -> None:
        options = self.options
        if options is None:
            self.heading.setText(self.tr("Release plan"))
        elif options.version_no is None:
            self.heading.setText(self.tr("{name}: no release plan yet").format(name=options.client_name))
        else:
            self.heading.setText(self.tr("{name}: release plan, version {n} ({status})").format(
                name=options.client_name, n=options.version_no, status=plan_status_label(options.status or "")))

    def _show_page_count(self) -> None:
        pages = self.document.pageCount() if self._shown is not None else 0
        if pages == 1:
            self.page_label.setText(self.tr("1 page"))
        else:
            self.page_label.setText(self.tr("{n} pages").format(n=pages) if pages else "")

    # -- the options
    def choice(self) -> Choice:
        variant = next(v for v, b in self.variant_buttons.items() if b.isChecked())
        agency = self.agency.currentData() if variant == "agency" else None
        return variant, str(self.language.currentData()), (str(agency) if agency else None)

    def _printable_choice(self) -> Choice | None:
        """The choice, if the core can be asked for it: an agency copy needs an agency."""
        choice = self.choice()
        return None if self.options is None or (choice[0] == "agency" and choice[2] is None) else choice

    def set_choice(self, variant: str, *, language: str | None = None, agency_id: str | None = None) -> None:
        """Choose the options as a user would (for tests and callers that know what they want)."""
        self.variant_buttons[variant].setChecked(True)
        if language is not None:
            self.language.setCurrentIndex(self.language.findData(language))
        if agency_id is not None:
            self.agency.setCurrentIndex(self.agency.findData(agency_id))

    def _options_loaded(self, options: PrintOptions) -> None:
        self.options = options
        self._fill_agencies()
        self._show_heading()
        self._set_enabled(True)
        self._options_changed()

    def _options_failed(self, error: BaseException) -> None:
        _log_unexpected(error)
        self._show_preview_problem(describe(error))
        self._set_enabled(False)

    def _fill_agencies(self) -> None:
        keep = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        for agency in self.options.agencies if self.options else ():
            label = agency.name if agency.consented else self.tr("{agency}: no valid consent").format(
                agency=agency.name)
            self.agency.addItem(label, agency.id)
        self.agency.setCurrentIndex(max(0, self.agency.findData(keep)) if self.agency.count() else -1)
        self.agency.blockSignals(False)

    def _selected_agency(self) -> Any:
        agency_id = self.agency.currentData()
        options = self.options
        return next((a for a in options.agencies if a.id == agency_id), None) if options else None

    def _options_changed(self) -> None:
        variant, _language, _agency = self.choice()
        self.agency.setEnabled(variant == "agency" and self.options is not None and not self._working)
        self.message.clear()
        agency = self._selected_agency() if variant == "agency" else None
        if variant == "agency" and self.options is not None and not self.options.agencies:
            self.agency_note.setText(self.tr("No agencies are registered. A coordinator adds them under "
                                             "Admin → Agencies."))
        elif agency is not None and not agency.consented:
            self.agency_note.setText(self.tr("The client has not given valid consent for {agency}: no agency copy "
                                             "can be printed for it. Record the consent under Referrals and "
                                             "consent in the client's record.").format(agency=agency.name))
        else:
            self.agency_note.clear()
        self._form.setRowVisible(self.agency_note, bool(self.agency_note.text()))
        self.agency.setToolTip(self.agency.currentText())
        if self.options is None:
            return
        if variant == "agency" and agency is None:
            self._show_preview_problem(self.tr("Choose the agency that receives this copy."))
            self.preview_updated.emit()
            return
        self.preview_error = None
        self._update_buttons()
        self._debounce.start()

    # -- the preview
    def _render(self) -> None:
        choice = self._printable_choice()
        if self._rendering or choice is None:
            return  # the render under way starts the next one when it ends
        self._rendering = True
        variant, language, agency_id = choice
        client_id = self.client_id
        self.page_label.setText(self.tr("Updating the preview…"))

        def job(session: Session) -> bytes:
            return preview(session, client_id, variant=variant, language=language, agency_id=agency_id)

        self._runner.run(job, on_success=while_alive(self, lambda pdf: self._rendered(choice, pdf, None)),
                         on_failure=while_alive(self, lambda error: self._rendered(choice, None, error)))

    def _rendered(self, choice: Choice, pdf: bytes | None, error: BaseException | None) -> None:
        self._rendering = False
        if self._closed:
            return  # closed (or locked) meanwhile: the plan is not loaded again
        if choice != self._printable_choice():
            if not self._debounce.isActive():
                self._render()
            return
        if error is not None or pdf is None:
            if error is not None:
                _log_unexpected(error)
            self._show_preview_problem(describe(error) if error is not None else "")
        else:
            self._show_pdf(choice, pdf)
        self.preview_updated.emit()

    def _show_pdf(self, choice: Choice, pdf: bytes) -> None:
        scroll = self.view.verticalScrollBar()
        position = scroll.value() if self._shown is not None else 0
        self._close_document()
        self._buffer = open_pdf(self.document, pdf)
        self._shown = choice
        self.preview_error = None
        self.preview_stack.setCurrentWidget(self.view)

        def restore() -> None:
            if shiboken6.isValid(scroll):
                scroll.setValue(min(position, scroll.maximum()))

        QTimer.singleShot(0, restore)
        self._show_page_count()
        self._update_buttons()

    def _show_preview_problem(self, text: str) -> None:
        self._close_document()
        self.preview_error = text
        self.preview_message.setText(text)
        self.preview_message.setStyleSheet(ERROR_STYLE)
        self.preview_stack.setCurrentWidget(self.preview_message)
        self._show_page_count()
        self._update_buttons()

    def _close_document(self) -> None:
        self._shown = None
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None

    # -- buttons
    def _set_enabled(self, enabled: bool) -> None:
        for widget in (*self.variant_buttons.values(), self.language, self.copies):
            widget.setEnabled(enabled)
        self.agency.setEnabled(enabled and self.choice()[0] == "agency")
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.options is not None and self.options.has_plan and self.preview_error is None
        self.print_button.setEnabled(ready and not self._working)
        self.save_button.setEnabled(ready and not self._working)

    def _set_working(self, working: bool) -> None:
        self._working = working
        self._set_enabled(not working)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def _failed(self, error: BaseException) -> None:
        _log_unexpected(error)
        self._set_working(False)
        self._say(describe(error), error=True)

    def suggested_file_name(self) -> str:
        """No name in the file name: folder listings and file indexers show it to anyone."""
        variant, language, _agency = self.choice()
        version = self.options.version_no if self.options and self.options.version_no else 0
        return self.tr("release-plan-v{n}-{variant}-{language}.pdf").format(
            n=version, variant=variant, language=language)

    def save_pdf(self) -> None:
        """Ask where, then let the core number, record and write the copy (atomically)."""
        if not self.save_button.isEnabled():
            return
        target = choosers.choose_save_path(self, choosers.documents_folder() / self.suggested_file_name())
        if target is None:
            return
        variant, language, agency_id = self.choice()
        client_id = self.client_id

        def job(session: Session) -> list[PrintedCopy]:
            copy, _changes = print_plan(session, client_id, target, variant=variant, language=language,
                                        agency_id=agency_id)
            return [copy]

        def saved(copies: list[PrintedCopy]) -> None:
            self._set_working(False)
            self._say(self.tr("Saved copy {number} to {path}.").format(number=copies[0].copy_number, path=target))
            self.printed.emit(copies)

        self._set_working(True)
        self._say(self.tr("Saving…"))
        self._runner.run(job, on_success=while_alive(self, saved), on_failure=while_alive(self, self._failed))

    def make_printer(self) -> QPrinter:
        """A printer set up for the plan: the default printer from Settings, A4, the chosen copies."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        wanted = preferred_printer(self._settings.default_printer, QPrinterInfo.availablePrinterNames())
        if wanted is not None:
            printer.setPrinterName(wanted)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        printer.setCopyCount(self.copies.value())
        printer.setDocName(self.tr("Release plan"))
        return printer

    def print_copies(self) -> None:
        """The system print dialog, then the core records each copy, then its pages go to the printer."""
        if not self.print_button.isEnabled():
            return
        printer = self.make_printer()
        if not choosers.choose_printer(self, printer):
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Record ``printer.copyCount()`` numbered copies and paint them onto ``printer`` (one job)."""
        count = max(1, min(MAX_COPIES, printer.copyCount()))
        printer.setCopyCount(1)  # each copy is its own document, with its own number
        variant, language, agency_id = self.choice()
        client_id = self.client_id
        failed_text = self.tr("The printer {printer} could not be used. Check that it is switched on and "
                              "connected, then try again.").format(printer=_printer_label(printer))

        def record(session: Session) -> list[PrintedCopy]:
            return [print_plan(session, client_id, None, variant=variant, language=language,
                               agency_id=agency_id)[0] for _ in range(count)]

        def recorded(copies: list[PrintedCopy]) -> None:
            self._say(self.tr("Sending to the printer…"))
            pdfs = [copy.pdf for copy in copies]
            self._runner.run_plain(lambda: paint_copies(printer, pdfs, failed=failed_text),
                                   on_success=while_alive(self, lambda pages: sent(copies, pages)),
                                   on_failure=while_alive(self, lambda error: not_sent(copies, error)))

        def sent(copies: list[PrintedCopy], pages: int) -> None:
            self._set_working(False)
            self._say(self.tr("Sent {copies} ({pages} pages) to {printer}.").format(
                copies=self._copies_text(copies), pages=pages, printer=_printer_label(printer)))
            self.printed.emit(copies)

        def not_sent(copies: list[PrintedCopy], error: BaseException) -> None:
            _log_unexpected(error)
            self._set_working(False)
            self._say(self.tr("{reason} The print log already lists {copies}; note in the record that they "
                              "were not printed.").format(
                reason=describe(error), copies=self._copies_text(copies)), error=True)
            self.printed.emit(copies)

        self._set_working(True)
        self._say(self.tr("Recording the copies…"))
        self._runner.run(record, on_success=while_alive(self, recorded), on_failure=while_alive(self, self._failed))

    def _copies_text(self, copies: list[PrintedCopy]) -> str:
        numbers = [c.copy_number for c in copies]
        if len(numbers) == 1:
            return self.tr("copy {number}").format(number=numbers[0])
        return self.tr("copies {first}–{last}").format(first=numbers[0], last=numbers[-1])

    # -- closing: no personal data stays in memory longer than the dialog
    def done(self, result: int) -> None:
        self._closed = True
        self._debounce.stop()
        if shiboken6.isValid(self.document):
            self._close_document()
        super().done(result)


def preferred_printer(setting: str, available: list[str]) -> str | None:
    """The printer chosen in Settings, if it is installed; None means the system's default."""
    return setting if setting and setting in available else None


def _printer_label(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return Path(printer.outputFileName()).name
    return printer.printerName() or QPrinterInfo.defaultPrinterName() or "?"


def _log_unexpected(error: BaseException) -> None:
    if not isinstance(error, EntreError):
        print_traceback(error)


def open_print_dialog(runner: TaskRunner, client_id: str, *, parent: QWidget | None,
                      settings: AppSettings | None = None, unsaved: bool = False,
                      on_printed: Callable[[object], None] | None = None) -> PrintPlanDialog:
    """Open the dialog window-modal and return it (it deletes itself when closed)."""
    dialog = PrintPlanDialog(runner, client_id, settings=settings, unsaved=unsaved, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_printed is not None:
        dialog.printed.connect(on_printed)
    dialog.open()
    return dialog
