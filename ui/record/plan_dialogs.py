"""Adding or editing one action of a draft release plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from entre_desktop.domain.areas import AREAS, area_label
from entre_desktop.domain.models import Agency, PlanAction
from entre_desktop.services.plans import ACTION_STATUSES, action_status_label, add_action, update_action
from entre_desktop.services.session import Session
from ui.record.dialogs import SubmitDialog
from ui.record.fields import date_line
from ui.record.formatting import fmt_date


class ActionDialog(SubmitDialog):
    def __init__(self, agencies: tuple[Agency, ...], *, action: PlanAction | None = None,
                 area: str | None = None, parent: QWidget | None = None) -> None:
        title = self.tr("Edit action") if action else self.tr("Add action")
        super().__init__(title, self.tr("Save action"), parent)
        self.action = action
        self.agencies = {a.id: a for a in agencies}
        self.area = QComboBox()
        for code in AREAS:
            self.area.addItem(area_label(code), code)
        self.fields.add("area", self.tr("A&rea:"), self.area)
        self.goal = QLineEdit()
        self.goal.setPlaceholderText(self.tr("What the client wants to reach"))
        self.fields.add("goal", self.tr("&Goal:"), self.goal)
        self.what = QPlainTextEdit()
        self.what.setTabChangesFocus(True)
        self.what.setPlaceholderText(self.tr("What will be done, by whom"))
        self.fields.add("action", self.tr("&Action:"), self.what)
        self.agency = QComboBox()
        self.agency.addItem(self.tr("(none)"), "")
        for agency in sorted(agencies, key=lambda a: a.name.lower()):
            self.agency.addItem(agency.name, agency.id)
        self.fields.add("agency_id", self.tr("Responsible a&gency:"), self.agency)
        self.contact = QLineEdit()
        self.fields.add("contact_name", self.tr("&Contact person:"), self.contact)
        self.due = date_line(self.tr("YYYY-MM-DD"))
        self.fields.add("due_on", self.tr("&Due:"), self.due)
        self.status = QComboBox()
        for code in ACTION_STATUSES:
            self.status.addItem(action_status_label(code), code)
        self.fields.add("status", self.tr("&Status:"), self.status)
        self.agency.currentIndexChanged.connect(self._offer_contacts)
        self.what.textChanged.connect(self.update_ok)
        if action is not None:
            self.fields.set_values({"area": action.area, "goal": action.goal, "action": action.action,
                                    "agency_id": action.agency_id or "", "contact_name": action.contact_name,
                                    "due_on": fmt_date(action.due_on) if action.due_on else "",
                                    "status": action.status})
        elif area is not None:
            self.fields.set_values({"area": area})
        self._offer_contacts()
        self.finish_layout()
        self.resize(520, 400)

    def _offer_contacts(self) -> None:
        agency = self.agencies.get(self.agency.currentData() or "")
        names = [c.name for c in agency.contacts] if agency else []
        self.contact.setCompleter(QCompleter(names, self.contact) if names else None)
        if names and not self.contact.text():
            self.contact.setPlaceholderText(", ".join(names[:3]))

    def can_submit(self) -> bool:
        return bool(self.what.toPlainText().strip())

    def make_job(self, version_id: str) -> Callable[[Session], Any]:
        values = self.fields.values()
        values["agency_id"] = values["agency_id"] or None
        values["due_on"] = values["due_on"].strip() or None
        if self.action is None:
            return lambda s: add_action(s, version_id, **values)
        action_id = self.action.id
        changed = {k: v for k, v in values.items() if k in self.fields.changed_values()}
        return lambda s: update_action(s, action_id, changed)
