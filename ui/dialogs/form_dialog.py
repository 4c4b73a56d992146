"""A small form that submits through the runner and shows the core's ValidationError by field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

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

from entre_desktop.errors import ValidationError
from entre_desktop.services.session import Session
from ui.errors import describe
from ui.guard import while_alive
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # with an & accelerator
    name: str  # for screen readers
    choices: Sequence[tuple[str, str]] = ()  # (value, text): a combo box instead of a line edit
    value: str = ""


class FormDialog(QDialog):
    """``submit_job(values)`` returns the service call to run; ``submitted(result)`` is emitted after it."""

    submitted = Signal(object)

    def __init__(self, runner: TaskRunner, *, title: str, fields: Sequence[Field],
                 submit_job: Callable[[dict[str, str]], Callable[[Session], Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._submit_job = submit_job
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, FieldError] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for n, field in enumerate(fields):
            widget: QLineEdit | QComboBox
            if field.choices:
                widget = QComboBox(self)
                for value, text in field.choices:
                    widget.addItem(text, value)
                widget.setCurrentIndex(max(0, widget.findData(field.value)))
            else:
                widget = QLineEdit(field.value, self)
            widget.setAccessibleName(field.name)
            label = QLabel(field.label, self)
            label.setBuddy(widget)
            self.inputs[field.key] = widget
            self.errors[field.key] = FieldError(self)
            grid.addWidget(label, 2 * n, 0)
            grid.addWidget(widget, 2 * n, 1)
            grid.addWidget(self.errors[field.key], 2 * n + 1, 1)
        self.general = FieldError(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        return {key: (w.currentData() if isinstance(w, QComboBox) else w.text()) for key, w in self.inputs.items()}

    def submit(self) -> None:
        for label in (*self.errors.values(), self.general):
            label.clear_message()
        self.buttons.setEnabled(False)
        self._runner.run(self._submit_job(self.values()), on_success=while_alive(self, self._succeeded),
                         on_failure=while_alive(self, self._failed))

    def _succeeded(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.submitted.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.errors:
            self.errors[error.field].show_message(error.message)
            self.inputs[error.field].setFocus()
        else:
            self.general.show_message(describe(error))
        self.adjustSize()
