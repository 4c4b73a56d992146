"""Admin → Retention review: the rules, who is past their retention period, legal holds, purges.

Coordinators review and place or release legal holds; administrators also change the rules and
purge. The core enforces both; the screen only hides what the role may not do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.stages import Stage, stage_label
from entre_desktop.services.changes import Changes
from entre_desktop.services.purge import PurgeResult
from entre_desktop.services.retention import (
    MAX_YEARS,
    MIN_YEARS,
    RecordKind,
    place_legal_hold,
    record_kind_label,
    release_legal_hold,
    set_retention_rule,
)
from entre_desktop.services.retention_review import DueClient, HeldClient, RetentionOverview, retention_overview
from entre_desktop.services.session import Session
from ui.errors import show_error
from ui.guard import while_alive
from ui.models.simple_table import SimpleTableModel
from ui.operations.purge_dialog import PurgeDialog
from ui.tasks import TaskRunner
from ui.widgets.tables import setup_table


def ask_reason(parent: QWidget, title: str, label: str) -> str | None:
    """A reason typed by the user, or None when cancelled. Replaced in tests."""
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok else None


def _stage_text(stage: str) -> str:
    try:
        return stage_label(Stage(stage))
    except ValueError:
        return stage


def due_model(parent: QWidget) -> SimpleTableModel[DueClient]:
    return SimpleTableModel[DueClient]([
        (lambda: QCoreApplication.translate("RetentionDialog", "Name"), lambda c: c.name),
        (lambda: QCoreApplication.translate("RetentionDialog", "Programme ended"), lambda c: c.ended_on.isoformat()),
        (lambda: QCoreApplication.translate("RetentionDialog", "How it ended"), lambda c: _stage_text(c.end_stage)),
        (lambda: QCoreApplication.translate("RetentionDialog", "Years since"), lambda c: str(c.years_since_end)),
        (lambda: QCoreApplication.translate("RetentionDialog", "Kept until"), lambda c: c.kept_until.isoformat()),
    ], parent)


def held_model(parent: QWidget) -> SimpleTableModel[HeldClient]:
    return SimpleTableModel[HeldClient]([
        (lambda: QCoreApplication.translate("RetentionDialog", "Name"), lambda h: h.name),
        (lambda: QCoreApplication.translate("RetentionDialog", "Placed"), lambda h: h.hold.placed_at.replace("T", " ")[:16]),
        (lambda: QCoreApplication.translate("RetentionDialog", "By"), lambda h: h.hold.placed_by),
        (lambda: QCoreApplication.translate("RetentionDialog", "Reason"), lambda h: " ".join(h.hold.reason.split())),
    ], parent)


class RetentionDialog(QDialog):
    """Emits ``changed(Changes)`` after a hold or a purge, so open screens refresh, and ``purged``."""

    changed = Signal(object)
    purged = Signal(object)  # PurgeResult

    def __init__(self, runner: TaskRunner, *, may_purge: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.may_purge = may_purge
        self.overview: RetentionOverview | None = None
        self.purge_dialog: PurgeDialog | None = None
        self._message = ""
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Retention review"))
        self.resize(900, 680)

        rules_box = QGroupBox(self.tr("Retention rules: years kept after the programme ended"), self)
        rules_form = QFormLayout(rules_box)
        rules_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.years: dict[RecordKind, QSpinBox] = {}
        for kind in RecordKind:
            spin = QSpinBox(rules_box)
            spin.setRange(MIN_YEARS, MAX_YEARS)
            spin.setSuffix(self.tr(" years"))
            spin.setEnabled(may_purge)
            spin.setMinimumWidth(110)
            spin.setAccessibleName(record_kind_label(kind))
            self.years[kind] = spin
            rules_form.addRow(record_kind_label(kind).capitalize() + ":", spin)
        self.save_rules = QPushButton(self.tr("&Save rules"), rules_box)
        self.save_rules.setVisible(may_purge)
        self.save_rules.clicked.connect(self.save_rule_changes)
        rules_form.addRow("", self.save_rules)

        due_box = QGroupBox(self.tr("Past their retention period"), self)
        self.due = due_model(self)
        self.due_table = QTableView(due_box)
        self.due_table.setModel(self.due)
        setup_table(self.due_table)
        # Columns as wide as their headers or values: the Swedish headers are long.
        self.due_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.due_table.horizontalHeader().setStretchLastSection(True)
        self.due_table.setAccessibleName(self.tr("Clients past their retention period"))
        self.hold_button = QPushButton(self.tr("Place &legal hold…"), due_box)
        self.purge_button = QPushButton(self.tr("&Purge…"), due_box)
        self.purge_button.setVisible(may_purge)
        self.hold_button.clicked.connect(self._hold_clicked)
        self.purge_button.clicked.connect(self._purge_clicked)
        due_buttons = QHBoxLayout()
        due_buttons.addWidget(self.hold_button)
        due_buttons.addWidget(self.purge_button)
        due_buttons.addStretch(1)
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_table)
        due_layout.addLayout(due_buttons)

        held_box = QGroupBox(self.tr("Legal holds"), self)
        self.held = held_model(self)
        self.held_table = QTableView(held_box)
        self.held_table.setModel(self.held)
        setup_table(self.held_table, widths=(240, 150, 110))
        self.held_table.setAccessibleName(self.tr("Legal holds"))
        self.release_button = QPushButton(self.tr("&Release hold…"), held_box)
        self.release_button.clicked.connect(self._release_clicked)
        held_buttons = QHBoxLayout()
        held_buttons.addWidget(self.release_button)
        held_buttons.addStretch(1)
        held_layout = QVBoxLayout(held_box)
        held_layout.addWidget(self.held_table)
        held_layout.addLayout(held_buttons)

        self.status = QLabel(self)
        self.status.setObjectName("secondaryText")
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(rules_box)
        layout.addWidget(due_box, 3)
        layout.addWidget(held_box, 2)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.due_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.held_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    # -- data
    def reload(self) -> None:
        self._runner.run(retention_overview, on_success=while_alive(self, self._loaded),
                         on_failure=while_alive(self, self._failed))

    def _loaded(self, overview: RetentionOverview) -> None:
        self.overview = overview
        for rule in overview.rules:
            self.years[rule.kind].setValue(rule.years)
        self.due.set_rows(overview.due)
        self.held.set_rows(overview.held)
        counts = self.tr("%1 past their retention period, %2 on legal hold.") \
            .replace("%1", str(len(overview.due))).replace("%2", str(len(overview.held)))
        self.status.setText(f"{self._message} {counts}".strip())
        self._message = ""
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.status.setText("")
        show_error(self, error)

    def selected_due(self) -> DueClient | None:
        rows = self.due_table.selectionModel().selectedRows()
        return self.due.row_at(rows[0].row()) if rows else None

    def selected_hold(self) -> HeldClient | None:
        rows = self.held_table.selectionModel().selectedRows()
        return self.held.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        due = self.selected_due() is not None
        self.hold_button.setEnabled(due)
        self.purge_button.setEnabled(due and self.may_purge)
        self.release_button.setEnabled(self.selected_hold() is not None)

    # -- commands (the buttons collect input, then call these)
    def save_rule_changes(self) -> None:
        if self.overview is None:
            return
        changed = {r.kind: self.years[r.kind].value() for r in self.overview.rules
                   if self.years[r.kind].value() != r.years}
        if not changed:
            self.status.setText(self.tr("The rules are unchanged."))
            return

        def job(session: Session) -> None:
            for kind, years in changed.items():
                set_retention_rule(session, kind, years)

        self._runner.run(job, on_success=while_alive(self, lambda _r: self._after(self.tr("Rules saved."))),
                         on_failure=while_alive(self, self._failed))

    def place_hold(self, client: DueClient, reason: str) -> None:
        self._runner.run(lambda s: place_legal_hold(s, client.client_id, reason=reason)[1],
                         on_success=while_alive(self, lambda c: self._changed(c, self.tr("Legal hold placed."))),
                         on_failure=while_alive(self, self._failed))

    def release_hold(self, held: HeldClient, reason: str) -> None:
        self._runner.run(lambda s: release_legal_hold(s, held.hold.id, reason=reason),
                         on_success=while_alive(self, lambda c: self._changed(c, self.tr("Legal hold released."))),
                         on_failure=while_alive(self, self._failed))

    def _changed(self, changes: Changes, message: str) -> None:
        self.changed.emit(changes)
        self._after(message)

    def _after(self, message: str) -> None:
        self._message = message  # shown with the counts once the lists are read again
        self.status.setText(message)
        self.reload()

    # -- buttons
    def _hold_clicked(self) -> None:
        client = self.selected_due()
        if client is None:
            return
        reason = ask_reason(self, self.tr("Place legal hold"),
                            self.tr("Why must the record of %1 be kept? For example the case or complaint it is "
                                    "needed for.").replace("%1", client.name))
        if reason is not None:
            self.place_hold(client, reason)

    def _release_clicked(self) -> None:
        held = self.selected_hold()
        if held is None:
            return
        reason = ask_reason(self, self.tr("Release legal hold"),
                            self.tr("Why is the hold on %1 no longer needed?").replace("%1", held.name))
        if reason is not None:
            self.release_hold(held, reason)

    def _purge_clicked(self) -> None:
        client = self.selected_due()
        if client is None or not self.may_purge:
            return
        dialog = PurgeDialog(self._runner, client_id=client.client_id, name=client.name, erasure=False, parent=self)
        dialog.purged.connect(self._purged)
        self.purge_dialog = dialog
        dialog.open()

    def _purged(self, result: PurgeResult) -> None:
        self.purged.emit(result)
        self._changed(result.changes, self.tr("The client is purged. The purge reaches other sites with the next "
                                              "bundle."))
