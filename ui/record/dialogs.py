"""Dialogs that stay open until their change is saved, so an error can be shown beside its field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from entre_desktop.services.session import Session
from ui.record.context import RecordContext
from ui.record.fields import FieldForm
from ui.record.signals import Notifier


class SubmitDialog(QDialog):
    """A form in a dialog. OK calls ``submitted``; the owner runs the change and then calls
    ``finish`` (closes) or lets ``failed`` show the error."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submitted = Notifier()
        self.setWindowTitle(title)
        self.main_layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.intro.hide()
        self.main_layout.addWidget(self.intro)
        self.form_layout = QFormLayout()
        self.main_layout.addLayout(self.form_layout)
        self.fields = FieldForm(self.form_layout, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields.edited.connect(self.update_ok)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def finish_layout(self) -> None:
        """Call after adding the rows: puts the buttons last and sets the OK state."""
        self.main_layout.addWidget(self.buttons)
        if self.fields.changed_values() == {} and not self.fields.is_dirty():
            self.fields.mark_clean()
        self.update_ok()

    def can_submit(self) -> bool:
        return True

    def update_ok(self) -> None:
        self.ok_button.setEnabled(self.can_submit())

    def accept(self) -> None:
        if not self.can_submit():
            return
        self.fields.clear_errors()
        self.buttons.setEnabled(False)
        self.submitted()

    def finish(self, _result: Any = None) -> None:
        super().accept()

    def failed(self, error: BaseException) -> bool:
        self.buttons.setEnabled(True)
        self.update_ok()
        return self.fields.show_error(error)


def submit_with(dialog: SubmitDialog, ctx: RecordContext, make_job: Callable[[], Callable[[Session], Any]]) -> None:
    """Open ``dialog`` (window-modal, not blocking); on OK run the job it describes as a change and
    close the dialog once it is saved."""

    def run() -> None:
        ctx.change(make_job(), owner=dialog, on_done=dialog.finish, on_error=dialog.failed)

    dialog.submitted.connect(run)
    dialog.open()
