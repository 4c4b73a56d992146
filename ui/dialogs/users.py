"""Administering users: list, add (role and first passphrase), change role, remove (rekeys).

Adding derives a key slot (half a second) and removing rekeys the whole database: both run on
the worker while the dialog shows that it is busy.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.users import User
from entre_desktop.security.roles import Role, role_label
from entre_desktop.services.changes import Changes
from entre_desktop.services.users import add_user, change_role, list_users, remove_user
from ui import prompts
from ui.errors import show_error
from ui.guard import while_alive
from ui.models.simple_table import SimpleTableModel
from ui.session_info import SessionInfo
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError
from ui.widgets.passphrase_meter import PassphraseMeter
from ui.widgets.tables import setup_table


def users_model(parent: QWidget) -> SimpleTableModel[User]:
    return SimpleTableModel[User]([
        (lambda: QCoreApplication.translate("UsersDialog", "User name"), lambda u: u.name),
        (lambda: QCoreApplication.translate("UsersDialog", "Name"), lambda u: u.display_name),
        (lambda: QCoreApplication.translate("UsersDialog", "Role"), lambda u: role_label(u.role)),
    ], parent)


def _role_combo(parent: QWidget, current: Role = Role.OFFICER) -> QComboBox:
    combo = QComboBox(parent)
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


class AddUserDialog(QDialog):
    """Collects a new user's details; the core checks them when the users dialog submits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.setMinimumWidth(440)
        self.name = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = _role_combo(self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter(self)
        self.passphrase.textChanged.connect(self.meter.update_for)
        self.error = FieldError(self)
        note = QLabel(self.tr("Give the first passphrase to the person in private; "
                              "they can change it under Settings once signed in."), self)
        note.setObjectName("secondaryText")
        note.setWordWrap(True)
        form = QFormLayout()
        for label, widget, name in (
            (self.tr("&User name:"), self.name, self.tr("User name")),
            (self.tr("&Full name:"), self.display_name, self.tr("Full name")),
            (self.tr("&Role:"), self.role, self.tr("Role")),
            (self.tr("&Passphrase:"), self.passphrase, self.tr("Passphrase")),
            (self.tr("R&epeat passphrase:"), self.repeat, self.tr("Repeat passphrase")),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(name)
        form.addRow(self.tr("Strength:"), self.meter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _check(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.error.show_message(self.tr("The two passphrases are not the same."))
            return
        if not self.meter.strength.acceptable:
            self.error.show_message(self.tr("The passphrase is too weak.") + " " + self.meter.hint())
            return
        self.accept()


class UsersDialog(QDialog):
    """Emits ``changed(Changes)`` after each successful change."""

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._info = info
        self.last_error: BaseException | None = None
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.resize(620, 420)
        self.model = users_model(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, widths=(180, 240))
        self.table.setAccessibleName(self.tr("Users"))
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.role_button = QPushButton(self.tr("Change &role…"), self)
        self.remove_button = QPushButton(self.tr("&Remove user…"), self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setFixedHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel(self)
        self.status.setObjectName("secondaryText")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._add_clicked)
        self.role_button.clicked.connect(self._role_clicked)
        self.remove_button.clicked.connect(self._remove_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    # -- data
    def reload(self) -> None:
        self._runner.run(list_users, on_success=while_alive(self, self._loaded),
                         on_failure=while_alive(self, self._failed))

    def _loaded(self, users: list[User]) -> None:
        self.model.set_rows(users)
        self._update_buttons()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        for n, user in enumerate(self.model.rows):
            if user.name == name:
                self.table.selectRow(n)

    def _update_buttons(self, *_args: object) -> None:
        user = self.selected()
        working = self.busy.isVisible()
        self.add_button.setEnabled(not working)
        self.role_button.setEnabled(not working and user is not None and user.name != self._info.user_name)
        self.remove_button.setEnabled(not working and user is not None and user.name != self._info.user_name)

    def _run_change(self, job: object, status: str) -> None:
        self.busy.show()
        self.status.setText(status)
        self._update_buttons()
        self._runner.run(job, on_success=while_alive(self, self._changed),  # type: ignore[arg-type]
                         on_failure=while_alive(self, self._failed))

    def _changed(self, changes: Changes) -> None:
        self.busy.hide()
        self.status.setText(self.tr("Saved."))
        self.changed.emit(changes)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.busy.hide()
        self.status.setText("")
        self._update_buttons()
        show_error(self, error)

    # -- commands (the buttons collect input, then call these)
    def add(self, *, name: str, role: Role, passphrase: str, display_name: str = "") -> None:
        self._run_change(lambda s: add_user(s, name=name, role=role.value, passphrase=passphrase,
                                            display_name=display_name),
                         self.tr("Adding %1 and sealing the key for them…").replace("%1", name))

    def change_role(self, *, name: str, role: Role) -> None:
        self._run_change(lambda s: change_role(s, name=name, role=role.value),
                         self.tr("Changing the role of %1…").replace("%1", name))

    def remove(self, *, name: str, reason: str = "") -> None:
        self._run_change(lambda s: remove_user(s, name=name, reason=reason),
                         self.tr("Removing %1 and giving the database a new key…").replace("%1", name))

    # -- buttons
    def _add_clicked(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(name=dialog.name.text(), role=Role(dialog.role.currentData()),
                     passphrase=dialog.passphrase.text(), display_name=dialog.display_name.text())

    def _role_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Change role"))
        combo = _role_combo(dialog, user.role)
        combo.setAccessibleName(self.tr("Role"))
        form = QFormLayout(dialog)
        form.addRow(QLabel(self.tr("New role for %1:").replace("%1", user.name), dialog))
        form.addRow(combo)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        if dialog.exec() == QDialog.DialogCode.Accepted and combo.currentData() != user.role.value:
            self.change_role(name=user.name, role=Role(combo.currentData()))

    def _remove_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        text = self.tr(
            "Remove %1? They will no longer be able to unlock the database.\n\n"
            "The database gets a new encryption key, so an old copy of their key slot opens nothing. "
            "This takes a moment; everyone else keeps their passphrase."
        ).replace("%1", user.name)
        if prompts.confirm(self, self.tr("Remove user"), text, yes=self.tr("Remove")):
            self.remove(name=user.name)

