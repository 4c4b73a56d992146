"""The strong confirmation before a purge: a reason, and the confirmation word typed out.

The purge itself runs on the worker (``purge.purge_client``, then VACUUM); the dialog stays open
and busy until it is done, and shows the core's refusal (a legal hold, not yet due) if any.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.services.purge import PurgeResult, purge_client
from ui.dialogs.work_dialog import WorkDialog
from ui.errors import describe
from ui.guard import while_alive
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError


class PurgeDialog(WorkDialog):
    """Emits ``purged(PurgeResult)``. ``erasure``: the person's granted request, before the period ends."""

    purged = Signal(object)

    def __init__(self, runner: TaskRunner, *, client_id: str, name: str, erasure: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.client_id = client_id
        self.erasure = erasure
        self.setObjectName("purgeDialog")
        self.setWindowTitle(self.tr("Erase this person's data") if erasure else self.tr("Purge client"))
        self.setMinimumWidth(520)
        self.confirm_word = self.tr("PURGE")
        if erasure:
            what = self.tr("Everything stored about %1 is erased: here, and at every site this database syncs with. "
                           "Do this only when the person's request to be erased has been granted.")
        else:
            what = self.tr("Everything stored about %1 is erased: here, and at every site this database syncs with. "
                           "The record is past its retention period.")
        warning = QLabel(what.replace("%1", name) + " " + self.tr("This cannot be undone."), self)
        warning.setWordWrap(True)
        warning.setObjectName("warningText")
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("For example the retention rule, or the date and reference of the "
                                               "erasure request"))
        self.reason.setFixedHeight(80)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(self.tr("Confirmation word"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Type %1 to confirm:").replace("%1", self.confirm_word), self.typed)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setFixedHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.purge_button = self.buttons.addButton(self.tr("Erase for good") if erasure else self.tr("Purge for good"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.purge_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.typed.textChanged.connect(self._update)
        self._update()

    def confirmed(self) -> bool:
        return self.typed.text().strip().casefold() == self.confirm_word.casefold()

    def _update(self, *_args: object) -> None:
        self.purge_button.setEnabled(not self.running and self.confirmed() and bool(self.reason.toPlainText().strip()))

    def start(self) -> None:
        if not self.confirmed() or self.running:
            return
        self.running = True
        self.busy.show()
        self.error.clear_message()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self._update()
        client_id, reason, erasure = self.client_id, self.reason.toPlainText(), self.erasure
        self._runner.run(lambda s: purge_client(s, client_id, reason=reason, erasure=erasure),
                         on_success=while_alive(self, self._done), on_failure=while_alive(self, self._failed))

    def _done(self, result: PurgeResult) -> None:
        self.running = False
        self.purged.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.busy.hide()
        self.error.show_message(describe(error))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self._update()
