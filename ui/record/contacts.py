"""The Contacts and meetings tab: the contact log and a form to log a new contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.security.roles import Action
from entre_desktop.services.contacts import CONTACT_KINDS, contact_kind_label, log_contact
from entre_desktop.services.session import Session
from ui.record.context import Loaded, RecordContext
from ui.record.fields import FieldForm, date_edit
from ui.record.formatting import from_qdate, to_qdate
from ui.record.models import ContactModel
from ui.record.tab import RecordTab
from ui.record.tables import configure_table


class ContactForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Log a contact"), parent)
        outer = QVBoxLayout(self)
        form_layout = QFormLayout()
        outer.addLayout(form_layout)
        self.fields = FieldForm(form_layout, self)
        self.date = date_edit()
        self.fields.add("occurred_on", self.tr("&Date:"), self.date)
        self.kind = QComboBox()
        for kind in CONTACT_KINDS:
            self.kind.addItem(contact_kind_label(kind), kind)
        self.fields.add("kind", self.tr("&Kind:"), self.kind)
        self.attended = QCheckBox(self.tr("The client &attended"))
        self.attended.setChecked(True)
        self.fields.add("attended", self.tr("Attendance:"), self.attended)
        self.engagement = QComboBox()
        self.engagement.addItem(self.tr("not rated"), 0)
        for value, text in ((1, self.tr("1 – withdrawn")), (2, "2"), (3, self.tr("3 – some")), (4, "4"),
                            (5, self.tr("5 – fully engaged"))):
            self.engagement.addItem(text, value)
        self.fields.add("engagement", self.tr("&Engagement:"), self.engagement)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What was discussed and agreed"))
        self.fields.add("summary", self.tr("&Summary:"), self.summary)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Log contact"))
        self.save_button.setToolTip(self.tr("Add this contact to the log (Ctrl+S)"))
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.attended.toggled.connect(self._attended_changed)
        self.fields.edited.connect(self._update_buttons)
        self.fields.mark_clean()
        self._update_buttons()

    def _attended_changed(self, attended: bool) -> None:
        self.engagement.setEnabled(attended)
        if not attended:
            self.engagement.setCurrentIndex(0)

    def reset(self, today: Any) -> None:
        if today is not None:
            self.date.setMaximumDate(to_qdate(today))
            self.date.setDate(to_qdate(today))
        self.kind.setCurrentIndex(0)
        self.attended.setChecked(True)
        self.engagement.setCurrentIndex(0)
        self.summary.clear()
        self.fields.mark_clean()
        self._update_buttons()

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def _update_buttons(self) -> None:
        # A contact can be logged as it is (a meeting today, attended): no edit is required.
        self.save_button.setEnabled(True)

    def job(self, client_id: str) -> Callable[[Session], Any]:
        day = from_qdate(self.date.date())
        kind = self.kind.currentData()
        attended = self.attended.isChecked()
        engagement = self.engagement.currentData() or None
        summary = self.summary.toPlainText()
        return lambda s: log_contact(s, client_id, occurred_on=day, kind=kind, attended=attended,
                                     engagement=engagement, summary=summary)


class ContactsTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        self.model = ContactModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Contact log"))
        configure_table(self.table, stretch_column=4)
        splitter.addWidget(self.table)
        self.form = ContactForm()
        self.form.setMinimumWidth(340)
        self.form.save_button.clicked.connect(lambda: self.save())
        self.form.fields.edited.connect(self.update_dirty)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.form.reset(ctx.today)

    def show_loaded(self, data: Loaded) -> None:
        self.model.set_contacts(data.record.contacts)
        self.form.setEnabled(self.ctx.can(Action.RECORD_CONTACTS))
        if not self.form.is_dirty():
            self.form.reset(data.today)

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def discard(self) -> None:
        self.form.reset(self.ctx.today)
        self.update_dirty()

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        self.form.fields.clear_errors()
        self.form.save_button.setEnabled(False)

        def done(_result: object) -> None:
            self.form.reset(self.ctx.today)
            self.update_dirty()
            if on_saved:
                on_saved()

        self.ctx.change(self.form.job(self.ctx.client_id), owner=self, on_done=done,
                        on_error=self.form.fields.show_error, on_finished=self.form._update_buttons)

    def clear(self) -> None:
        self.model.clear()
        self.form.reset(None)
        self.update_dirty()
