"""Changing one's own passphrase: only this user's key slot is rewritten."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.errors import AuthenticationError, ValidationError
from entre_desktop.services.users import change_own_passphrase
from ui.errors import describe
from ui.guard import while_alive
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError
from ui.widgets.passphrase_meter import PassphraseMeter


class ChangePassphraseDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change my passphrase"))
        self.setMinimumWidth(500)
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.current, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter(self)
        self.new.textChanged.connect(self.meter.update_for)
        self.current_error = FieldError(self)
        self.new_error = FieldError(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setFixedHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget, str, FieldError | None]] = [
            (self.tr("&Current passphrase:"), self.current, self.tr("Current passphrase"), self.current_error),
            (self.tr("&New passphrase:"), self.new, self.tr("New passphrase"), None),
            (self.tr("&Repeat the new passphrase:"), self.repeat, self.tr("Repeat the new passphrase"), self.new_error),
        ]
        row = 0
        for text, widget, name, error in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
            row += 1
            if widget is self.new:
                grid.addWidget(QLabel(self.tr("Strength:"), self), row, 0)
                grid.addWidget(self.meter, row, 1)
                row += 1
            if error is not None:
                grid.addWidget(error, row, 1)
                row += 1
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Only your own key slot changes; nobody else is affected."), self)
        note.setObjectName("secondaryText")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        self.current_error.clear_message()
        self.new_error.clear_message()
        if self.new.text() != self.repeat.text():
            self.new_error.show_message(self.tr("The two passphrases are not the same."))
            return
        if not self.meter.strength.acceptable:
            self.new_error.show_message(self.tr("The passphrase is too weak.") + " " + self.meter.hint())
            return
        current, new = self.current.text(), self.new.text()
        self.busy.show()
        self.buttons.setEnabled(False)
        self._runner.run(lambda s: change_own_passphrase(s, current=current, new=new),
                         on_success=while_alive(self, self._changed), on_failure=while_alive(self, self._failed))

    def _changed(self, _changes: object) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        for edit in (self.current, self.new, self.repeat):
            edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        if isinstance(error, AuthenticationError):
            self.current_error.show_message(describe(error))
            self.current.selectAll()
            self.current.setFocus()
        elif isinstance(error, ValidationError):
            self.new_error.show_message(describe(error))
        else:
            self.new_error.show_message(describe(error))
        self.adjustSize()
