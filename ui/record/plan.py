"""The Release plan tab: versions, goals and actions per area, the plan text, approval and issue.

Officers draft; approve and issue are shown only to roles that may approve plans. An issued
version is read-only and shows its checksum. Print… opens the print dialog for the plan's
current version (ui/printing).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.models import PlanAction, PlanVersion, ReleasePlan
from entre_desktop.security.roles import Action
from entre_desktop.services.plans import approve, ensure_plan, issue, new_version, plan_status_label, remove_action
from ui.record import prompts
from ui.record.context import Loaded, RecordContext
from ui.record.dialogs import submit_with
from ui.record.formatting import DASH, fmt_timestamp
from ui.record.models import AreaHeading, PlanActionModel, PlanVersionModel
from ui.record.plan_dialogs import ActionDialog
from ui.record.plan_form import PlanTextForm
from ui.record.tab import RecordTab
from ui.record.tables import configure_table


class PlanTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.plan: ReleasePlan | None = None
        self.version: PlanVersion | None = None
        self.dialog: ActionDialog | None = None
        self.print_dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        splitter.addWidget(self._versions_pane())
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._actions_pane())
        self.form = PlanTextForm()
        self.form.fields.edited.connect(self._form_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right.addWidget(scroll)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        self._update_buttons()

    # -- building
    def _top_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        row.addWidget(self.title, 1)
        self.start_button = QPushButton(self.tr("S&tart a release plan"))
        self.start_button.clicked.connect(self.start_plan)
        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.setToolTip(self.tr("Save the plan text (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        self.new_version_button = QPushButton(self.tr("New &version"))
        self.new_version_button.setToolTip(self.tr("Start a new draft copied from the latest version"))
        self.new_version_button.clicked.connect(self.start_new_version)
        self.approve_button = QPushButton(self.tr("A&pprove"))
        self.approve_button.clicked.connect(self.approve_version)
        self.issue_button = QPushButton(self.tr("&Issue"))
        self.issue_button.setToolTip(self.tr("Issue the approved version: it is locked and gets a checksum"))
        self.issue_button.clicked.connect(self.issue_version)
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.clicked.connect(self.print_plan)
        for button in (self.start_button, self.save_button, self.new_version_button, self.approve_button,
                       self.issue_button, self.print_button):
            row.addWidget(button)
        return row

    def _versions_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Versions"))
        caption.setStyleSheet("font-weight: bold;")
        layout.addWidget(caption)
        self.versions = PlanVersionModel(self)
        self.version_table = QTableView()
        self.version_table.setModel(self.versions)
        self.version_table.setAccessibleName(self.tr("Plan versions"))
        configure_table(self.version_table)
        for column in (2, 3, 4, 5):
            self.version_table.hideColumn(column)  # details are shown above when a version is selected
        caption.setBuddy(self.version_table)
        self.version_table.selectionModel().selectionChanged.connect(self._version_selected)
        layout.addWidget(self.version_table)
        return pane

    def _actions_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Goals and actions per area"))
        caption.setStyleSheet("font-weight: bold;")
        layout.addWidget(caption)
        self.action_model = PlanActionModel(self)
        self.action_table = QTableView()
        self.action_table.setModel(self.action_model)
        self.action_table.setAccessibleName(self.tr("Goals and actions per area"))
        configure_table(self.action_table, stretch_column=1)
        self.action_table.doubleClicked.connect(self._action_double_clicked)
        self.action_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        caption.setBuddy(self.action_table)
        layout.addWidget(self.action_table)
        row = QHBoxLayout()
        self.add_action_button = QPushButton(self.tr("A&dd action…"))
        self.add_action_button.clicked.connect(self.open_add_action)
        self.edit_action_button = QPushButton(self.tr("&Edit action…"))
        self.edit_action_button.clicked.connect(self.open_edit_action)
        self.remove_action_button = QPushButton(self.tr("Re&move action"))
        self.remove_action_button.clicked.connect(self.remove_selected_action)
        for button in (self.add_action_button, self.edit_action_button, self.remove_action_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return pane

    # -- showing
    def show_loaded(self, data: Loaded) -> None:
        self.plan = data.record.plan
        keep = self.version.id if self.version else None
        self.versions.set_versions(self.plan.versions if self.plan else ())
        row = self.versions.row_of(lambda v: v.id == keep) if keep else -1
        if row < 0 and self.versions.rowCount() > 0:
            row = 0  # the newest
        self.version = self.versions.item(row) if row >= 0 else None
        if row >= 0:
            self.version_table.selectionModel().blockSignals(True)
            self.version_table.selectRow(row)
            self.version_table.selectionModel().blockSignals(False)
        self._show_version()

    def _show_version(self) -> None:
        version, plan = self.version, self.plan
        self.action_model.set_actions(version.actions if version else ())
        self.action_table.clearSpans()
        for row in range(self.action_model.rowCount()):
            if self.action_model.is_heading(row):
                self.action_table.setSpan(row, 0, 1, self.action_model.columnCount())
        if not self.form.is_dirty():
            self.form.load(plan, version)
        self.form.set_editable(plan=plan is not None and self.ctx.can(Action.DRAFT_PLANS),
                               text=self._is_editable_draft())
        if plan is None:
            self.title.setText(self.tr("No release plan yet"))
            self.state.setText(self.tr("Start a release plan to set goals and actions with the client for the "
                                       "time after release."))
        elif version is not None:
            self.title.setText(self.tr("Version {n}: {status}").format(
                n=version.version_no, status=plan_status_label(version.status)))
            self.state.setText(self._state_text(version))
        self._update_buttons()

    def _state_text(self, version: PlanVersion) -> str:
        if version.status == "issued":
            return self.tr("Issued {time}; approved by {who}. This version is locked and cannot change. "
                           "Checksum (SHA-256): {checksum}").format(
                time=fmt_timestamp(version.issued_at), who=version.approved_by or DASH, checksum=version.checksum or DASH)
        if version.status == "approved":
            return self.tr("Approved by {who} on {time}. It can be issued, but no longer edited.").format(
                who=version.approved_by or DASH, time=fmt_timestamp(version.approved_at))
        latest = self.plan.current if self.plan else None
        if latest is not None and latest.id != version.id:
            return self.tr("An older draft.")
        return self.tr("Draft: edit the text and actions, then a coordinator approves and issues it.")

    def _is_editable_draft(self) -> bool:
        return (self.version is not None and self.version.status == "draft"
                and self.ctx.can(Action.DRAFT_PLANS))

    def _update_buttons(self) -> None:
        plan, version = self.plan, self.version
        can_draft = self.ctx.can(Action.DRAFT_PLANS)
        can_approve = self.ctx.can(Action.APPROVE_PLANS)
        loaded = self.ctx.data is not None
        dirty = self.form.is_dirty()
        latest = plan.current if plan else None
        self.start_button.setVisible(loaded and plan is None and can_draft)
        self.save_button.setVisible(plan is not None and can_draft)
        self.save_button.setEnabled(dirty)
        self.new_version_button.setVisible(plan is not None and can_draft)
        self.new_version_button.setEnabled(latest is not None and latest.status != "draft" and not dirty)
        self.approve_button.setVisible(can_approve and plan is not None)
        self.approve_button.setEnabled(version is not None and version.status == "draft" and not dirty
                                       and bool(version.actions))
        self.approve_button.setToolTip(self.tr("Save the draft first") if dirty else
                                       self.tr("Approve this draft: it can then be issued but not edited"))
        self.issue_button.setVisible(can_approve and plan is not None)
        self.issue_button.setEnabled(version is not None and version.status == "approved")
        self.print_button.setVisible(plan is not None and self.ctx.can(Action.PRINT_PLANS))
        editable = self._is_editable_draft()
        selected = self.selected_action()
        self.add_action_button.setEnabled(editable)
        self.edit_action_button.setEnabled(editable and selected is not None)
        self.remove_action_button.setEnabled(editable and selected is not None)
        for button in (self.add_action_button, self.edit_action_button, self.remove_action_button):
            button.setVisible(can_draft)

    def _version_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.version_table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.versions.item(rows[0].row())
        if self.version is not None and chosen.id != self.version.id and self.form.is_dirty():
            answer = prompts.ask_unsaved(self)
            if answer == QMessageBox.StandardButton.Cancel:
                self.version_table.selectionModel().blockSignals(True)
                self.version_table.selectRow(self.versions.row_of(lambda v: v.id == self.version.id))
                self.version_table.selectionModel().blockSignals(False)
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
            self.form.fields.mark_clean()
            self.update_dirty()
        self.version = chosen
        self._show_version()

    # -- actions on the plan
    def selected_action(self) -> PlanAction | None:
        rows = self.action_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.action_model.item(rows[0].row())
        return None if isinstance(item, AreaHeading) else item

    def _selected_area(self) -> str | None:
        rows = self.action_table.selectionModel().selectedRows()
        return self.action_model.item(rows[0].row()).area if rows else None

    def start_plan(self) -> None:
        client_id = self.ctx.client_id
        self.ctx.change(lambda s: ensure_plan(s, client_id), owner=self)

    def start_new_version(self) -> None:
        if self.plan is None:
            return
        plan_id = self.plan.id
        self.version = None  # show the new draft when it arrives
        self.ctx.change(lambda s: new_version(s, plan_id), owner=self)

    def approve_version(self) -> None:
        version = self.version
        if version is None or not prompts.confirm(
                self, self.tr("Approve plan"),
                self.tr("Approve version {n}? It can then be issued, but no longer edited.").format(
                    n=version.version_no)):
            return
        self.ctx.change(lambda s: approve(s, version.id), owner=self)

    def issue_version(self) -> None:
        version = self.version
        if version is None or not prompts.confirm(
                self, self.tr("Issue plan"),
                self.tr("Issue version {n}? It is then locked for good and gets a checksum. To change it later, "
                        "start a new version.").format(n=version.version_no)):
            return
        self.ctx.change(lambda s: issue(s, version.id), owner=self)

    def print_plan(self) -> None:
        if self.plan is None or not self.ctx.can(Action.PRINT_PLANS):
            return
        from ui.printing.plan_dialog import open_print_dialog

        self.print_dialog = open_print_dialog(self.ctx.runner, self.ctx.client_id, parent=self,
                                              unsaved=self.is_dirty())

    def open_add_action(self) -> None:
        if self.version is None or self.ctx.data is None:
            return
        self._open_action_dialog(ActionDialog(self.ctx.data.agencies, area=self._selected_area(), parent=self))

    def open_edit_action(self) -> None:
        action = self.selected_action()
        if action is None or self.ctx.data is None:
            return
        self._open_action_dialog(ActionDialog(self.ctx.data.agencies, action=action, parent=self))

    def _open_action_dialog(self, dialog: ActionDialog) -> None:
        assert self.version is not None
        self.dialog = dialog
        version_id = self.version.id
        submit_with(dialog, self.ctx, lambda: dialog.make_job(version_id))

    def _action_double_clicked(self, index: QModelIndex) -> None:
        if self._is_editable_draft() and not self.action_model.is_heading(index.row()):
            self.open_edit_action()

    def remove_selected_action(self) -> None:
        action = self.selected_action()
        if action is None or not prompts.confirm(
                self, self.tr("Remove action"),
                self.tr("Remove the action “{action}” from this draft?").format(action=action.action)):
            return
        action_id = action.id
        self.ctx.change(lambda s: remove_action(s, action_id), owner=self)

    # -- the plan text is this tab's form
    def _form_edited(self) -> None:
        self._update_buttons()
        self.update_dirty()

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def discard(self) -> None:
        self.form.load(self.plan, self.version)
        self._update_buttons()
        self.update_dirty()

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        if self.plan is None:
            return
        version_id = self.version.id if self._is_editable_draft() and self.version else None
        self.save_button.setEnabled(False)

        def done(_result: object) -> None:
            self.form.fields.mark_clean()
            self.update_dirty()
            if on_saved:
                on_saved()

        self.ctx.change(self.form.job(self.plan.id, version_id), owner=self, on_done=done,
                        on_error=self.form.fields.show_error, on_finished=self._update_buttons)

    def clear(self) -> None:
        self.plan = None
        self.version = None
        self.versions.clear()
        self.action_model.clear()
        self.form.clear()
        self.title.clear()
        self.state.clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.update_dirty()
