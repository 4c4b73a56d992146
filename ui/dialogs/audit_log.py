"""The audit log, newest first, filtered by action and user (coordinators and administrators)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.users import User
from entre_desktop.security import audit
from entre_desktop.security.audit import AuditAction, AuditEvent
from entre_desktop.security.roles import Action
from entre_desktop.services.session import Session
from entre_desktop.services.users import list_users
from ui.errors import show_error
from ui.guard import while_alive
from ui.models.simple_table import SimpleTableModel
from ui.tasks import TaskRunner
from ui.widgets.tables import setup_table

LIMIT = 1000



def action_text(action: str) -> str:
    labels = {
        AuditAction.LOGIN: QCoreApplication.translate("AuditLogDialog", "Signed in"),
        AuditAction.LOGIN_FAILED: QCoreApplication.translate("AuditLogDialog", "Failed sign-in"),
        AuditAction.LOGOUT: QCoreApplication.translate("AuditLogDialog", "Signed out"),
        AuditAction.VIEW_CLIENT: QCoreApplication.translate("AuditLogDialog", "Viewed a client"),
        AuditAction.SEARCH: QCoreApplication.translate("AuditLogDialog", "Searched"),
        AuditAction.LIST_CLIENTS: QCoreApplication.translate("AuditLogDialog", "Listed clients"),
        AuditAction.CREATE: QCoreApplication.translate("AuditLogDialog", "Created"),
        AuditAction.UPDATE: QCoreApplication.translate("AuditLogDialog", "Changed"),
        AuditAction.PRINT: QCoreApplication.translate("AuditLogDialog", "Printed"),
        AuditAction.EXPORT: QCoreApplication.translate("AuditLogDialog", "Exported"),
        AuditAction.IMPORT: QCoreApplication.translate("AuditLogDialog", "Imported"),
        AuditAction.ROLE_CHANGE: QCoreApplication.translate("AuditLogDialog", "Changed a role"),
        AuditAction.USER_ADDED: QCoreApplication.translate("AuditLogDialog", "Added a user"),
        AuditAction.USER_REMOVED: QCoreApplication.translate("AuditLogDialog", "Removed a user"),
        AuditAction.PASSPHRASE_CHANGED: QCoreApplication.translate("AuditLogDialog", "Changed a passphrase"),
        AuditAction.REKEY: QCoreApplication.translate("AuditLogDialog", "New database key"),
        AuditAction.PURGE: QCoreApplication.translate("AuditLogDialog", "Purged"),
        AuditAction.DISCLOSURE: QCoreApplication.translate("AuditLogDialog", "Disclosed to an agency"),
        AuditAction.DEMO_GENERATED: QCoreApplication.translate("AuditLogDialog", "Generated demo data"),
        AuditAction.DATABASE_CREATED: QCoreApplication.translate("AuditLogDialog", "Created the database"),
    }
    try:
        return labels[AuditAction(action)]
    except ValueError:
        return action


def audit_model(parent: QWidget) -> SimpleTableModel[AuditEvent]:
    return SimpleTableModel[AuditEvent]([
        (lambda: QCoreApplication.translate("AuditLogDialog", "#"), lambda e: str(e.seq)),
        (lambda: QCoreApplication.translate("AuditLogDialog", "When (UTC)"), lambda e: e.at.replace("T", " ").removesuffix("+00:00")),
        (lambda: QCoreApplication.translate("AuditLogDialog", "User"), lambda e: e.user_name),
        (lambda: QCoreApplication.translate("AuditLogDialog", "Action"), lambda e: action_text(e.action)),
        (lambda: QCoreApplication.translate("AuditLogDialog", "Target"), lambda e: e.target),
        (lambda: QCoreApplication.translate("AuditLogDialog", "Detail"), lambda e: e.detail),
        (lambda: QCoreApplication.translate("AuditLogDialog", "Reason"), lambda e: e.reason),
    ], parent)


def recent_events(session: Session, *, action: str | None, user_name: str | None) -> list[AuditEvent]:
    session.require(Action.VIEW_AUDIT)
    return audit.recent(session.db, limit=LIMIT, action=action, user_name=user_name)


class AuditLogDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._seq = 0
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1160, 600)
        self.model = audit_model(self)
        self.action_filter = QComboBox(self)
        self.action_filter.addItem(self.tr("All actions"), None)
        for action in AuditAction:
            self.action_filter.addItem(action_text(action), action.value)
        self.action_filter.setAccessibleName(self.tr("Filter by action"))
        self.user_filter = QComboBox(self)
        self.user_filter.addItem(self.tr("All users"), None)
        self.user_filter.setAccessibleName(self.tr("Filter by user"))
        self.count = QLabel(self)
        self.count.setObjectName("secondaryText")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, widths=(60, 180, 110, 190, 230, 230))
        self.table.setAccessibleName(self.tr("Audit events"))
        filters = QHBoxLayout()
        action_label = QLabel(self.tr("&Action:"), self)
        action_label.setBuddy(self.action_filter)
        user_label = QLabel(self.tr("&User:"), self)
        user_label.setBuddy(self.user_filter)
        for widget in (action_label, self.action_filter, user_label, self.user_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.action_filter.currentIndexChanged.connect(self.reload)
        self.user_filter.currentIndexChanged.connect(self.reload)
        self._runner.run(list_users, on_success=while_alive(self, self._users_loaded), on_failure=lambda _e: None)
        self.reload()

    def _users_loaded(self, users: list[User]) -> None:
        self.user_filter.blockSignals(True)
        for user in users:
            self.user_filter.addItem(user.name, user.name)
        self.user_filter.blockSignals(False)

    def set_filters(self, *, action: str | None = None, user_name: str | None = None) -> None:
        self.action_filter.blockSignals(True)
        self.user_filter.blockSignals(True)
        self.action_filter.setCurrentIndex(max(0, self.action_filter.findData(action)) if action else 0)
        index = self.user_filter.findData(user_name) if user_name else 0
        if user_name and index < 0:
            self.user_filter.addItem(user_name, user_name)
            index = self.user_filter.count() - 1
        self.user_filter.setCurrentIndex(index)
        self.action_filter.blockSignals(False)
        self.user_filter.blockSignals(False)
        self.reload()

    def reload(self, *_args: object) -> None:
        self._seq += 1
        seq = self._seq
        action = self.action_filter.currentData()
        user = self.user_filter.currentData()

        def shown(events: list[AuditEvent]) -> None:
            if seq == self._seq:
                self.model.set_rows(events)
                self.count.setText(self.tr("%1 events").replace("%1", str(len(events)))
                                   if len(events) < LIMIT else
                                   self.tr("The latest %1 events").replace("%1", str(LIMIT)))

        self._runner.run(lambda s: recent_events(s, action=action, user_name=user),
                         on_success=while_alive(self, shown),
                         on_failure=while_alive(self, lambda error: show_error(self, error)))
