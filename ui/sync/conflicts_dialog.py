"""Admin → Sync conflicts…: fields edited at two sites at once; a coordinator keeps one value or writes a new one.

The resolution goes through the core's ``resolve_conflict``: an ordinary change that syncs and
clears the conflict at every site that receives it. Special-category values never appear in the
list, only in the detail of the one conflict chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.services.changes import Changes
from entre_desktop.services.clients import caseload
from entre_desktop.services.conflicts import NEW_VALUE, Conflict, ConflictValue, list_conflicts, resolve_conflict
from entre_desktop.services.session import Session
from ui.guard import while_alive
from ui.models.simple_table import SimpleTableModel
from ui.sync.failure import show_failure
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError
from ui.widgets.tables import setup_table


@dataclass(frozen=True)
class ConflictRow:
    conflict: Conflict
    client_name: str


def load_conflicts(session: Session) -> list[ConflictRow]:
    """The open conflicts with the name of the client each belongs to (worker thread)."""
    found = list_conflicts(session)
    names = {row.id: row.name for row in caseload(session)} if any(c.client_id for c in found) else {}
    return [ConflictRow(c, names.get(c.client_id or "", "")) for c in found]




def table_label(table: str) -> str:
    labels = {
        "client": QCoreApplication.translate("ConflictsDialog", "Client"), "custody": QCoreApplication.translate("ConflictsDialog", "Custody"), "enrolment": QCoreApplication.translate("ConflictsDialog", "Enrolment"), "consent": QCoreApplication.translate("ConflictsDialog", "Consent"),
        "referral": QCoreApplication.translate("ConflictsDialog", "Referral"), "risk_flag": QCoreApplication.translate("ConflictsDialog", "Risk flag"), "agency": QCoreApplication.translate("ConflictsDialog", "Agency"),
        "agency_contact": QCoreApplication.translate("ConflictsDialog", "Agency contact"), "release_plan": QCoreApplication.translate("ConflictsDialog", "Release plan"),
        "plan_version": QCoreApplication.translate("ConflictsDialog", "Plan version"), "plan_action": QCoreApplication.translate("ConflictsDialog", "Plan action"), "assessment": QCoreApplication.translate("ConflictsDialog", "Assessment"),
        "contact": QCoreApplication.translate("ConflictsDialog", "Contact"),
    }
    return labels.get(table, table)


def column_label(column: str) -> str:
    labels = {
        "name": QCoreApplication.translate("ConflictsDialog", "Name"), "personal_number": QCoreApplication.translate("ConflictsDialog", "Personal identity number"), "date_of_birth": QCoreApplication.translate("ConflictsDialog", "Date of birth"),
        "languages": QCoreApplication.translate("ConflictsDialog", "Languages"), "protected_address": QCoreApplication.translate("ConflictsDialog", "Protected address"), "address": QCoreApplication.translate("ConflictsDialog", "Address"),
        "phone": QCoreApplication.translate("ConflictsDialog", "Phone"), "milieu": QCoreApplication.translate("ConflictsDialog", "Milieu"), "responsible_user_name": QCoreApplication.translate("ConflictsDialog", "Responsible officer"),
        "facility": QCoreApplication.translate("ConflictsDialog", "Facility"), "deleted": QCoreApplication.translate("ConflictsDialog", "Deleted"),
    }
    return labels.get(column, column.replace("_", " "))


def field_label(conflict: Conflict) -> str:
    return f"{table_label(conflict.table)}: {column_label(conflict.column)}"


def value_text(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("ConflictsDialog", "(empty)")
    return str(value)


def when_text(value: ConflictValue) -> str:
    return value.at.astimezone().strftime("%Y-%m-%d %H:%M")


def conflicts_model(parent: QWidget) -> SimpleTableModel[ConflictRow]:
    return SimpleTableModel[ConflictRow]([
        (lambda: QCoreApplication.translate("ConflictsDialog", "Client"), lambda r: r.client_name or "–"),
        (lambda: QCoreApplication.translate("ConflictsDialog", "Field"), lambda r: field_label(r.conflict)),
        (lambda: QCoreApplication.translate("ConflictsDialog", "Latest edit"), lambda r: max(when_text(v) for v in r.conflict.values)),
        (lambda: QCoreApplication.translate("ConflictsDialog", "Sites"), lambda r: ", ".join(dict.fromkeys(v.site_name for v in r.conflict.values))),
    ], parent)


class ConflictsDialog(QDialog):
    """Emits ``changed(Changes)`` after each resolution."""

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 560)
        self.model = conflicts_model(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, widths=(200, 240, 140))
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.empty = QLabel(self)
        self.empty.setObjectName("secondaryText")
        self.detail = QWidget(self)
        self.detail_title = QLabel(self.detail)
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.values_row = QHBoxLayout()
        self.new_value = QLineEdit(self.detail)
        self.new_value.setAccessibleName(self.tr("New value"))
        self.new_value.setPlaceholderText(self.tr("Or write a new value"))
        self.write_button = QPushButton(self.tr("&Write this value"), self.detail)
        self.write_button.clicked.connect(self._write_new)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_value, 1)
        new_row.addWidget(self.write_button)
        self.error = FieldError(self.detail)
        note = QLabel(self.tr("Your choice is saved as a new change and sent with the next bundle, so the "
                              "conflict is resolved at the other sites too."), self.detail)
        note.setObjectName("secondaryText")
        note.setWordWrap(True)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addLayout(self.values_row)
        detail_layout.addLayout(new_row)
        detail_layout.addWidget(self.error)
        detail_layout.addWidget(note)
        detail_layout.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        split.addWidget(top)
        split.addWidget(self.detail)
        split.setSizes([220, 340])
        self.status = QLabel(self)
        self.status.setObjectName("secondaryText")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.keep_buttons: list[QPushButton] = []
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self._show_selected()
        self.reload()

    # -- data
    def reload(self, select: str | None = None) -> None:
        self._runner.run(load_conflicts, on_success=while_alive(self, lambda rows: self._loaded(rows, select)),
                         on_failure=while_alive(self, self._failed))

    def _loaded(self, rows: list[ConflictRow], select: str | None) -> None:
        self.model.set_rows(rows)
        self.empty.setText("" if rows else self.tr("There are no open conflicts."))
        self.empty.setVisible(not rows)
        ids = [r.conflict.id for r in rows]
        if rows:
            self.table.selectRow(ids.index(select) if select in ids else 0)
        self._show_selected()

    def selected(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).conflict if rows else None

    def select(self, conflict_id: str) -> None:
        for n, row in enumerate(self.model.rows):
            if row.conflict.id == conflict_id:
                self.table.selectRow(n)

    # -- the chosen conflict, its values side by side
    def _show_selected(self) -> None:
        conflict = self.selected()
        while self.values_row.count():
            item = self.values_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.keep_buttons = []
        self.error.clear_message()
        self.detail.setEnabled(conflict is not None)
        if conflict is None:
            self.detail_title.setText(self.tr("Choose a conflict above."))
            return
        self.detail_title.setText(self.tr("%1 was changed at two sites that had not seen each other's change.")
                                  .replace("%1", field_label(conflict)))
        for value in conflict.values:
            self.values_row.addWidget(self._value_box(conflict, value), 1)

    def _value_box(self, conflict: Conflict, value: ConflictValue) -> QGroupBox:
        box = QGroupBox(value.site_name, self.detail)
        text = QLabel(value_text(value.value), box)
        text.setObjectName("conflictValue")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who = value.author or self.tr("(not recorded)")
        facts = QLabel(self.tr("Changed %1 by %2").replace("%1", when_text(value)).replace("%2", who), box)
        facts.setObjectName("secondaryText")
        facts.setWordWrap(True)
        shown = QLabel(self.tr("Shown now") if value.shown else "", box)
        shown.setObjectName("secondaryText")
        keep = QPushButton(self.tr("&Keep this value"), box)
        keep.setAccessibleName(self.tr("Keep the value from %1").replace("%1", value.site_name))
        keep.clicked.connect(lambda: self.resolve(conflict.id, value.stamp))
        self.keep_buttons.append(keep)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addWidget(facts)
        layout.addWidget(shown)
        layout.addStretch(1)
        layout.addWidget(keep)
        return box

    # -- resolving
    def _write_new(self) -> None:
        conflict = self.selected()
        if conflict is not None:
            self.resolve(conflict.id, NEW_VALUE, self.new_value.text())

    def resolve(self, conflict_id: str, choice: str, new_value: str | None = None) -> None:
        """Keep the value with stamp ``choice``, or write ``new_value`` (``choice`` = NEW_VALUE)."""
        self.detail.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._runner.run(lambda s: resolve_conflict(s, conflict_id, choice, new_value),
                         on_success=while_alive(self, self._resolved), on_failure=while_alive(self, self._failed))

    def _resolved(self, changes: Changes) -> None:
        self.status.setText(self.tr("Resolved. The choice goes to the other sites with the next bundle."))
        self.new_value.clear()
        self.changed.emit(changes)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText("")
        self.detail.setEnabled(self.selected() is not None)
        show_failure(self, self.error, error)
