"""The Overview tab: the record at a glance, and the form that edits identity and custody."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from entre_desktop.domain.models import RiskFlag
from entre_desktop.security.roles import Action
from ui.record import prompts
from ui.record.context import Loaded, RecordContext
from ui.record.dialogs import SubmitDialog, submit_with
from ui.record.identity_form import IdentityForm, SaveOutcome, save_job
from ui.record.overview_view import OverviewView
from ui.record.risk_dialogs import ReviewRiskDialog, RiskFlagDialog
from ui.record.tab import RecordTab


class OverviewTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Built from the outside in, each widget born in its place: under the application's style
        # sheet, moving a built subtree to a new parent re-styles all of it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)

        view_page = QWidget(self.stack)
        self.stack.addWidget(view_page)
        view_layout = QVBoxLayout(view_page)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.edit_button = QPushButton(self.tr("&Edit details…"), view_page)
        self.edit_button.setToolTip(self.tr("Edit identity and custody"))
        self.edit_button.clicked.connect(self.start_editing)
        bar.addWidget(self.edit_button)
        view_layout.addLayout(bar)
        scroll = QScrollArea(view_page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        view_layout.addWidget(scroll, 1)
        self.view = OverviewView(scroll.viewport())
        scroll.setWidget(self.view)

        self._form: IdentityForm | None = None  # the edit page, built the first time it is needed
        self.edit_button.setEnabled(False)
        self.view.add_risk_button.clicked.connect(self.open_add_risk)
        self.view.review_risk_button.clicked.connect(self.open_review_risk)
        self.view.risk_table.selectionModel().selectionChanged.connect(lambda *_: self._update_risk_buttons())
        self.dialog: SubmitDialog | None = None
        self._update_risk_buttons()

    @property
    def form(self) -> IdentityForm:
        """The edit page; built on first use (most openings of a record only read it)."""
        if self._form is None:
            form = IdentityForm()
            form.save_requested.connect(lambda: self.save())
            form.cancel_requested.connect(self.cancel_editing)
            form.fields.edited.connect(self.update_dirty)
            self.stack.addWidget(form)
            self._form = form
            if self.ctx.record is not None:
                form.load(self.ctx.record)
        return self._form

    @property
    def editing(self) -> bool:
        return self._form is not None and self.stack.currentWidget() is self._form

    def show_loaded(self, data: Loaded) -> None:
        self.view.show_loaded(data)
        self.edit_button.setEnabled(self.ctx.can(Action.EDIT_CLIENTS))
        self._update_risk_buttons()
        if self._form is not None and not self._form.is_dirty():
            self._form.load(data.record)

    # -- risk flags
    def selected_flag(self) -> RiskFlag | None:
        rows = self.view.risk_table.selectionModel().selectedRows()
        return self.view.risk_model.item(rows[0].row()) if rows else None

    def _update_risk_buttons(self) -> None:
        allowed = self.ctx.can(Action.MANAGE_RISK_FLAGS)
        self.view.add_risk_button.setEnabled(allowed)
        self.view.review_risk_button.setEnabled(allowed and self.selected_flag() is not None)

    def open_add_risk(self) -> None:
        dialog = RiskFlagDialog(self.ctx.today, self)
        self.dialog = dialog
        client_id = self.ctx.client_id
        submit_with(dialog, self.ctx, lambda: dialog.make_job(client_id))

    def open_review_risk(self) -> None:
        flag = self.selected_flag()
        if flag is None:
            return
        dialog = ReviewRiskDialog(flag, self.ctx.today, self)
        self.dialog = dialog
        submit_with(dialog, self.ctx, dialog.make_job)

    # -- identity and custody
    def start_editing(self) -> None:
        if self.ctx.record is None:
            return
        if not self.form.is_dirty():
            self.form.load(self.ctx.record)
        self.stack.setCurrentWidget(self.form)
        self.form.fields.inputs["name"].setFocus()

    def cancel_editing(self) -> None:
        self.discard()

    def is_dirty(self) -> bool:
        return self._form is not None and self._form.is_dirty()

    def discard(self) -> None:
        if self.ctx.record is not None and self._form is not None:
            self._form.load(self.ctx.record)
        self.stack.setCurrentIndex(0)
        self.update_dirty()

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        identity, custody = self._form.pending() if self._form is not None else ({}, None)
        if not identity and custody is None:
            self.stack.setCurrentIndex(0)
            if on_saved:
                on_saved()
            return
        self.form.fields.clear_errors()
        self.form.set_busy(True)

        def done(outcome: SaveOutcome) -> None:
            self.form.set_busy(False)
            if outcome.changes.kinds:
                self.ctx.changed(outcome.changes)
            if outcome.error is not None:
                self._show_error(outcome.error)
                return
            self.form.fields.mark_clean()
            self.stack.setCurrentIndex(0)
            self.update_dirty()
            if on_saved:
                on_saved()

        def failed(error: BaseException) -> None:
            self.form.set_busy(False)
            self._show_error(error)

        self.ctx.run(save_job(self.ctx.client_id, identity, custody), on_success=done, on_failure=failed)

    def _show_error(self, error: BaseException) -> None:
        self.stack.setCurrentWidget(self.form)
        if not self.form.fields.show_error(error):
            prompts.show_error(self, error)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.view.clear()
        if self._form is not None:
            self._form.clear()
        self.stack.setCurrentIndex(0)
        self.update_dirty()
