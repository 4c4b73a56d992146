"""The text of a release plan version (goals, strengths, risks, first 72 hours, agreement) and the
plan's lead coordinator and next review. Text is editable only while the version is a draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from entre_desktop.domain.models import PlanVersion, ReleasePlan
from entre_desktop.services.changes import Changes
from entre_desktop.services.plans import (
    AGREEMENTS,
    TEXT_FIELDS,
    agreement_label,
    set_lead_coordinator,
    set_next_review,
    update_draft,
)
from entre_desktop.services.session import Session
from ui.record.fields import FieldForm, date_line
from ui.record.formatting import fmt_date


class PlanTextForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        plan_box = QGroupBox(self.tr("Plan"))
        left_box = QGroupBox(self.tr("The client and the risks"))
        right_box = QGroupBox(self.tr("After release"))
        plan_layout, left, right = QFormLayout(plan_box), QFormLayout(left_box), QFormLayout(right_box)
        grid.addWidget(plan_box, 0, 0, 1, 2)
        grid.addWidget(left_box, 1, 0)
        grid.addWidget(right_box, 1, 1)
        self.fields = FieldForm(plan_layout, self)
        self.fields.add("lead_coordinator", self.tr("Lead &coordinator:"), QLineEdit())
        self.fields.add("next_review_on", self.tr("Next re&view:"), date_line(self.tr("YYYY-MM-DD")))
        captions = {
            "client_goals": (self.tr("The client's &goals:"), left),
            "strengths": (self.tr("S&trengths:"), left),
            "risk_factors": (self.tr("&Risk factors:"), left),
            "protective_factors": (self.tr("Protecti&ve factors:"), left),
            "warning_signs": (self.tr("&Warning signs:"), right),
            "contingency": (self.tr("C&ontingency:"), right),
            "first_72_hours": (self.tr("&First 72 hours:"), right),
        }
        self.texts: dict[str, QPlainTextEdit] = {}
        for name in TEXT_FIELDS:
            caption, layout = captions[name]
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(54)
            self.fields.add(name, caption, edit, layout=layout)
            self.texts[name] = edit
        self.agreement = QComboBox()
        for code in AGREEMENTS:
            self.agreement.addItem(agreement_label(code).capitalize(), code)
        self.fields.add("client_agreement", self.tr("The client &agrees:"), self.agreement, layout=right)

    def load(self, plan: ReleasePlan | None, version: PlanVersion | None) -> None:
        values: dict[str, Any] = {
            "lead_coordinator": plan.lead_coordinator if plan else "",
            "next_review_on": fmt_date(plan.next_review_on) if plan and plan.next_review_on else "",
            "client_agreement": version.client_agreement if version else "could_not_be_asked",
        }
        for name in TEXT_FIELDS:
            values[name] = getattr(version, name) if version else ""
        self.fields.set_values(values)

    def set_editable(self, *, plan: bool, text: bool) -> None:
        for name in ("lead_coordinator", "next_review_on"):
            self.fields.inputs[name].setEnabled(plan)
        for edit in self.texts.values():
            edit.setReadOnly(not text)
            # Read-only text (an approved or issued version) must not look editable.
            edit.setStyleSheet("" if text else "QPlainTextEdit { background: palette(window); }")
        self.agreement.setEnabled(text)

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def job(self, plan_id: str, version_id: str | None) -> Callable[[Session], Changes]:
        changed = self.fields.changed_values()
        draft = {k: v for k, v in changed.items() if k in TEXT_FIELDS or k == "client_agreement"}

        def job(session: Session) -> Changes:
            done = Changes()
            if "lead_coordinator" in changed:
                done |= set_lead_coordinator(session, plan_id, changed["lead_coordinator"])
            if "next_review_on" in changed:
                done |= set_next_review(session, plan_id, changed["next_review_on"].strip() or None)
            if draft and version_id is not None:
                done |= update_draft(session, version_id, draft)
            return done

        return job

    def clear(self) -> None:
        self.load(None, None)
