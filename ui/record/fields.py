"""Form rows whose inputs can show a service's validation message right beside them.

A ``ValidationError`` names its input in ``field`` (``"name"``, ``"sentence_end"``,
``"ratings.motivation"``); ``FieldForm`` maps those names to the widgets that edit them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.errors import ValidationError
from ui.record.formatting import from_qdate
from ui.record.signals import Notifier

ERROR_STYLE = "color: #b00020;"
QWIDGETSIZE_MAX = (1 << 24) - 1


def plain(label: str) -> str:
    """A label without its mnemonic ampersand and colon: the input's accessible name."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if data is not None else widget.currentText()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return from_qdate(widget.date())
    return None  # a container (e.g. a group of check boxes) that only shows errors


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(index if index >= 0 else 0)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QDateEdit) and isinstance(value, dt.date):
        widget.setDate(QDate(value.year, value.month, value.day))



def on_edit(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the user changes the input."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(slot)


def date_line(placeholder: str) -> QLineEdit:
    """An optional date typed as YYYY-MM-DD; the service checks it and names the field if wrong."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(10)
    return edit


def date_edit(today: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = today or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


class FieldForm(QObject):
    """Rows of a ``QFormLayout``, each input with a hidden error label under it, and dirty tracking.

    ``edited`` (a ``Notifier``) is called on every user edit; ``is_dirty`` compares with the last ``mark_clean``.
    """

    def __init__(self, layout: QFormLayout | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edited = Notifier()
        self.layout = layout
        self.inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._baseline: dict[str, Any] | None = None  # None: nothing loaded yet, so nothing edited

    def add(self, field: str, label: str, widget: QWidget, *, layout: QFormLayout | None = None) -> QWidget:
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        if widget.maximumHeight() < QWIDGETSIZE_MAX:
            box.addStretch(1)  # a capped input stays beside its label when the row gets taller
        caption = QLabel(label)
        caption.setBuddy(widget)
        target = layout or self.layout
        if target is None:
            raise ValueError("FieldForm.add needs a form layout")
        target.addRow(caption, container)
        widget.setAccessibleName(plain(label))
        self.inputs[field] = widget
        self._errors[field] = error
        on_edit(widget, lambda *_: self.edited())
        return widget

    def add_error_slot(self, key: str, label: QLabel) -> None:
        """An extra place for messages about a group (e.g. 'ratings')."""
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self._errors[key] = label

    def add_input(self, field: str, widget: QWidget) -> None:
        """An input laid out elsewhere that still takes part in values and dirtiness."""
        self.inputs[field] = widget
        on_edit(widget, lambda *_: self.edited())

    # -- values
    def values(self) -> dict[str, Any]:
        return {name: value_of(widget) for name, widget in self.inputs.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.inputs:
                set_value(self.inputs[name], value)
        self.mark_clean()

    def mark_clean(self) -> None:
        self._baseline = self.values()
        self.clear_errors()
        self.edited()  # listeners re-read the state: edits made by code while loading are not the user's

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.values() != self._baseline

    def changed_values(self) -> dict[str, Any]:
        if self._baseline is None:
            return {}
        baseline = self._baseline
        return {k: v for k, v in self.values().items() if baseline.get(k) != v}

    # -- errors
    def clear_errors(self) -> None:
        for name, label in self._errors.items():
            label.clear()
            label.hide()
            widget = self.inputs.get(name)
            if widget is not None:
                widget.setAccessibleDescription("")

    def show_error(self, error: BaseException) -> bool:
        """Show a ValidationError beside its input; False if it names no input of this form."""
        if not isinstance(error, ValidationError) or not error.field:
            return False
        key = error.field.split(".", 1)[0]
        label = self._errors.get(error.field) or self._errors.get(key)
        if label is None:
            return False
        self.clear_errors()
        label.setText(error.message)
        label.show()
        widget = self.inputs.get(error.field) or self.inputs.get(key)
        if widget is not None:
            widget.setAccessibleDescription(error.message)
            widget.setFocus()
        return True
