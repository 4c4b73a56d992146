"""Registering a client: name, personal identity number, facility and release date.

The core validates; its ValidationError names the field, and the message appears under it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.errors import EntreError, ValidationError
from entre_desktop.services.changes import Changes
from entre_desktop.services.clients import NewClient, add_client
from ui.errors import describe
from ui.guard import while_alive
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError

FIELD_ALIASES = {
    "name": "name",
    "personnummer": "personal_number",
    "personal_number": "personal_number",
    "facility": "facility",
    "release_date": "release_date",
    "conditional_release_date": "release_date",
}


class NewClientDialog(QDialog):
    """Emits ``added(client_id, Changes)`` and closes when the client is registered."""

    added = Signal(str, object)

    def __init__(self, runner: TaskRunner, *, facilities: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.client_id: str | None = None
        self.setObjectName("newClientDialog")
        self.setMinimumWidth(520)
        self.name = QLineEdit(self)
        self.personal_number = QLineEdit(self)
        self.facility = QComboBox(self)
        self.facility.setEditable(True)
        self.facility.addItems(list(facilities))
        self.facility.setCurrentIndex(-1)
        self.release_date = QLineEdit(self)
        self.errors = {key: FieldError(self) for key in ("name", "personal_number", "facility", "release_date")}
        self._general = FieldError(self)
        # A grid rather than a form layout: a wrapped message under a field then pushes the next
        # rows down instead of overlapping them.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.setVerticalSpacing(4)
        self._labels: dict[str, QLabel] = {}
        for n, (key, widget) in enumerate((("name", self.name), ("personal_number", self.personal_number),
                                           ("facility", self.facility), ("release_date", self.release_date))):
            label = QLabel(self)
            label.setBuddy(widget)
            self._labels[key] = label
            form.addWidget(label, 2 * n, 0)
            form.addWidget(widget, 2 * n, 1)
            form.addWidget(self.errors[key], 2 * n + 1, 1)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                         self)
        self._buttons.accepted.connect(self.submit)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._general)
        layout.addWidget(self._buttons)
        self.setTabOrder(self.name, self.personal_number)
        self.setTabOrder(self.personal_number, self.facility)
        self.setTabOrder(self.facility, self.release_date)
        self.retranslate()
        self.name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New client"))
        for key, text, name in (
            ("name", self.tr("&Name:"), self.tr("Name")),
            ("personal_number", self.tr("&Personal identity number:"), self.tr("Personal identity number")),
            ("facility", self.tr("&Facility:"), self.tr("Facility")),
            ("release_date", self.tr("&Release date:"), self.tr("Release date")),
        ):
            self._labels[key].setText(text)
            buddy = self._labels[key].buddy()
            if buddy is not None:
                buddy.setAccessibleName(name)
        self.personal_number.setPlaceholderText(self.tr("YYYYMMDD-NNNN or coordination number"))
        self.release_date.setPlaceholderText(self.tr("YYYY-MM-DD (conditional release, if known)"))

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self._general):
            label.clear_message()

    def submit(self) -> None:
        self._clear_errors()
        new = NewClient(
            name=self.name.text(),
            personal_number=self.personal_number.text().strip(),
            facility=self.facility.currentText().strip(),
            release_date=self.release_date.text().strip() or None,
        )
        self._buttons.setEnabled(False)
        self._runner.run(lambda s: add_client(s, new), on_success=while_alive(self, self._added),
                         on_failure=while_alive(self, self._failed))

    def _added(self, result: tuple[str, Changes]) -> None:
        self._buttons.setEnabled(True)
        client_id, changes = result
        self.client_id = client_id
        self.added.emit(client_id, changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._buttons.setEnabled(True)
        if isinstance(error, ValidationError) and FIELD_ALIASES.get(error.field or "") in self.errors:
            key = FIELD_ALIASES[error.field or ""]
            self.errors[key].show_message(error.message)
            self.adjustSize()
            widget = self._labels[key].buddy()
            if widget is not None:
                widget.setFocus()
            return
        self._general.show_message(describe(error))
        self.adjustSize()
        if not isinstance(error, EntreError):
            from ui.errors import print_traceback

            print_traceback(error)
