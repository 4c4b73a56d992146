"""Settings: language (applied at once), minutes before the automatic lock, default printer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import entre_desktop.i18n
from ui.settings import (
    MAX_BACKUP_REMINDER_DAYS,
    MAX_IDLE_MINUTES,
    MIN_BACKUP_REMINDER_DAYS,
    MIN_IDLE_MINUTES,
    AppSettings,
)

LANGUAGE_NAMES = (("sv", "Svenska"), ("en", "English"))  # each in its own language, never translated


class SettingsDialog(QDialog):
    """Emits ``language_chosen(code)`` as soon as another language is picked, so it shows at once."""

    language_chosen = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        # What is on screen now (it may come from --lang rather than from the saved setting).
        self._original_language = entre_desktop.i18n.current_language()
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(420)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._original_language)))
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(settings.idle_minutes)
        self.backup_days = QSpinBox(self)
        self.backup_days.setRange(MIN_BACKUP_REMINDER_DAYS, MAX_BACKUP_REMINDER_DAYS)
        self.backup_days.setValue(settings.backup_reminder_days)
        self.printer = QComboBox(self)
        self._printer_note = QLabel(self)
        self._printer_note.setObjectName("secondaryText")
        self._printer_note.setWordWrap(True)
        self._form = QFormLayout()
        self._form.addRow(QLabel(self), self.language)
        self._form.addRow(QLabel(self), self.idle_minutes)
        self._form.addRow(QLabel(self), self.backup_days)
        self._form.addRow(QLabel(self), self.printer)
        self._form.addRow(QLabel(self), self._printer_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for widget, text, name in (
            (self.language, self.tr("&Language:"), self.tr("Language")),
            (self.idle_minutes, self.tr("Lock after &idle minutes:"), self.tr("Lock after idle minutes")),
            (self.backup_days, self.tr("Remind to &back up after:"),
             self.tr("Remind when the last backup is older than this many days")),
            (self.printer, self.tr("Default &printer:"), self.tr("Default printer")),
        ):
            label = self._form.labelForField(widget)
            if isinstance(label, QLabel):
                label.setText(text)
                label.setBuddy(widget)
            widget.setAccessibleName(name)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.backup_days.setSuffix(self.tr(" days"))
        self._fill_printers()
        self._printer_note.setText(self.tr("Printing a release plan starts with this printer; the print dialog can "
                                           "choose another."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_printers(self) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo

        wanted = str(self.printer.currentData()) if self.printer.count() else self._settings.default_printer
        self.printer.clear()
        self.printer.addItem(self.tr("The system's default printer"), "")
        names = QPrinterInfo.availablePrinterNames()
        for name in names:
            self.printer.addItem(name, name)
        if wanted and wanted not in names:
            self.printer.addItem(self.tr("{printer} (not found now)").format(printer=wanted), wanted)
        self.printer.setCurrentIndex(max(0, self.printer.findData(wanted)))

    def _language_changed(self) -> None:
        self.language_chosen.emit(str(self.language.currentData()))

    def accept(self) -> None:
        self._settings.idle_minutes = self.idle_minutes.value()
        self._settings.default_printer = str(self.printer.currentData() or "")
        self._settings.backup_reminder_days = self.backup_days.value()
        self._settings.language = str(self.language.currentData())
        self._settings.sync()
        super().accept()

    def reject(self) -> None:
        if str(self.language.currentData()) != self._original_language:
            self.language_chosen.emit(self._original_language)
        super().reject()
