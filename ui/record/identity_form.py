"""Editing a client's identity and custody. Saved with update_client and set_custody."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.models import ClientRecord
from entre_desktop.services.changes import Changes
from entre_desktop.services.clients import set_custody, update_client
from entre_desktop.services.session import Session
from ui.record.fields import FieldForm, date_line
from ui.record.formatting import fmt_date
from ui.record.labels import MILIEUS, milieu_label
from ui.record.signals import Notifier

IDENTITY_FIELDS = ("name", "languages", "phone", "responsible_user_name", "protected_address", "address", "milieu")
CUSTODY_FIELDS = ("facility", "facility_kind", "sentence_start", "sentence_end", "conditional_release_date",
                  "supervision_end", "supervisor", "conditions", "gradual_release")
DATE_FIELDS = ("sentence_start", "sentence_end", "conditional_release_date", "supervision_end")


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: the part that was committed, and the error that stopped the rest."""

    changes: Changes
    error: BaseException | None


def form_values(record: ClientRecord) -> dict[str, Any]:
    c = record.client
    values: dict[str, Any] = {
        "name": c.name, "languages": c.languages, "phone": c.phone, "responsible_user_name": c.responsible,
        "protected_address": c.protected_address, "address": c.address, "milieu": c.milieu,
    }
    custody = record.custody
    values.update({
        "facility": custody.facility if custody else "",
        "facility_kind": custody.facility_kind if custody else "prison",
        "sentence_start": fmt_date(custody.sentence_start) if custody and custody.sentence_start else "",
        "sentence_end": fmt_date(custody.sentence_end) if custody and custody.sentence_end else "",
        "conditional_release_date": (fmt_date(custody.conditional_release_date)
                                     if custody and custody.conditional_release_date else ""),
        "supervision_end": fmt_date(custody.supervision_end) if custody and custody.supervision_end else "",
        "supervisor": custody.supervisor if custody else "",
        "conditions": custody.conditions if custody else "",
        "gradual_release": custody.gradual_release if custody else "",
    })
    return values


def save_job(client_id: str, identity: dict[str, Any], custody: dict[str, Any] | None):  # type: ignore[no-untyped-def]
    """Custody first (its dates are what most often needs fixing), then identity; each is one transaction."""

    def job(session: Session) -> SaveOutcome:
        done = Changes()
        try:
            if custody is not None:
                done |= set_custody(session, client_id, **custody)
            if identity:
                done |= update_client(session, client_id, identity)
        except Exception as error:
            return SaveOutcome(done, error)
        return SaveOutcome(done, None)

    return job


class IdentityForm(QWidget):
    """The edit page of the Overview tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_requested = Notifier()
        self.cancel_requested = Notifier()
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("Edit the client's details and custody. The personal identity number and date "
                               "of birth cannot be changed here."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        columns = QHBoxLayout(body)
        identity_box = QGroupBox(self.tr("Identity"))
        custody_box = QGroupBox(self.tr("Custody"))
        identity_layout = QFormLayout(identity_box)
        custody_layout = QFormLayout(custody_box)
        columns.addWidget(identity_box, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(custody_box, 1, Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # One FieldForm over both layouts: identity rows first, then custody, so Tab goes down each column.
        self.fields = FieldForm(identity_layout, self)
        self.number = QLabel()
        identity_layout.addRow(QLabel(self.tr("Personal identity number:")), self.number)
        self._build_identity()
        self._build_custody(custody_layout)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda: self.save_requested())
        self.cancel_button.clicked.connect(lambda: self.cancel_requested())
        outer.addWidget(buttons)
        self.fields.edited.connect(self._update_buttons)
        self._update_buttons()

    def _build_identity(self) -> None:
        f = self.fields
        f.add("name", self.tr("&Name:"), QLineEdit())
        f.add("languages", self.tr("&Languages:"), QLineEdit())
        f.add("phone", self.tr("P&hone:"), QLineEdit())
        f.add("responsible_user_name", self.tr("&Responsible officer:"), QLineEdit())
        f.add("protected_address", self.tr("Protected address:"),
              QCheckBox(self.tr("&Protected personal data (the address never leaves the service)")))
        address = QPlainTextEdit()
        address.setTabChangesFocus(True)
        address.setMaximumHeight(60)
        f.add("address", self.tr("&Address:"), address)
        milieu = QComboBox()
        milieu.addItem(self.tr("(not recorded)"), "")
        for code in MILIEUS:
            milieu.addItem(milieu_label(code), code)
        milieu.setToolTip(self.tr("Special-category data: shown only inside this record."))
        self.milieu = milieu
        f.add("milieu", self.tr("&Milieu (sensitive):"), milieu)

    def _build_custody(self, layout: QFormLayout) -> None:
        def add(field: str, label: str, widget: QWidget) -> None:
            self.fields.add(field, label, widget, layout=layout)

        add("facility", self.tr("&Facility:"), QLineEdit())
        kind = QComboBox()
        kind.addItem(self.tr("Prison"), "prison")
        kind.addItem(self.tr("Remand prison"), "remand")
        kind.addItem(self.tr("Probation service"), "probation")
        add("facility_kind", self.tr("&Kind of facility:"), kind)
        example = self.tr("YYYY-MM-DD")
        add("sentence_start", self.tr("Sentence s&tarts:"), date_line(example))
        add("sentence_end", self.tr("Sentence &ends:"), date_line(example))
        add("conditional_release_date", self.tr("Con&ditional release:"), date_line(example))
        add("supervision_end", self.tr("S&upervision ends:"), date_line(example))
        add("supervisor", self.tr("Supervis&or:"), QLineEdit())
        conditions = QPlainTextEdit()
        conditions.setTabChangesFocus(True)
        conditions.setMaximumHeight(60)
        add("conditions", self.tr("Special &conditions:"), conditions)
        add("gradual_release", self.tr("&Gradual release:"), QLineEdit())

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.fields.is_dirty())

    def load(self, record: ClientRecord) -> None:
        self.number.setText(record.client.personal_number)
        milieu = record.client.milieu
        if milieu and self.milieu.findData(milieu) < 0:  # free text from elsewhere: keep it choosable
            self.milieu.addItem(milieu, milieu)
        self.fields.set_values(form_values(record))
        self._update_buttons()

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def pending(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """(changed identity fields, full custody values or None if custody is unchanged)."""
        changed = self.fields.changed_values()
        identity = {k: v for k, v in changed.items() if k in IDENTITY_FIELDS}
        if not any(k in CUSTODY_FIELDS for k in changed):
            return identity, None
        values = self.fields.values()
        custody = {k: values[k] for k in CUSTODY_FIELDS}
        for key in DATE_FIELDS:
            custody[key] = custody[key].strip() or None
        return identity, custody

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and self.is_dirty())
        self.cancel_button.setEnabled(not busy)

    def clear(self) -> None:
        self.number.clear()
        self.fields.set_values({k: "" for k in IDENTITY_FIELDS + CUSTODY_FIELDS if k != "facility_kind"}
                               | {"protected_address": False})
        for index in range(self.milieu.count() - 1, len(MILIEUS), -1):  # free text added by load()
            self.milieu.removeItem(index)
        self._update_buttons()
