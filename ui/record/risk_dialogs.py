"""Adding a risk flag, and reviewing one (a new review date, or no longer active)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from entre_desktop.domain.models import RiskFlag
from entre_desktop.services.risk import add_risk_flag, review_risk_flag
from entre_desktop.services.session import Session
from ui.record.dialogs import SubmitDialog
from ui.record.fields import date_edit
from ui.record.formatting import fmt_date, from_qdate, humanize, to_qdate

REVIEW_AFTER_DAYS = 90


class RiskFlagDialog(SubmitDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add risk flag"), self.tr("Add risk flag"), parent)
        self.set_intro(self.tr("Something staff must keep in mind about the client. It is reviewed by the date "
                               "you set."))
        self.kind = QLineEdit()
        self.kind.setPlaceholderText(self.tr("e.g. contact with the old group, threats, relapse"))
        self.fields.add("kind", self.tr("&Risk:"), self.kind)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.fields.add("description", self.tr("&Description:"), self.description)
        self.review = date_edit(today + dt.timedelta(days=REVIEW_AFTER_DAYS))
        self.review.setMinimumDate(to_qdate(today))
        self.fields.add("review_on", self.tr("Re&view by:"), self.review)
        self.kind.textChanged.connect(self.update_ok)
        self.finish_layout()
        self.resize(480, 320)

    def can_submit(self) -> bool:
        return bool(self.kind.text().strip())

    def make_job(self, client_id: str) -> Callable[[Session], Any]:
        kind, text, review = self.kind.text(), self.description.toPlainText(), from_qdate(self.review.date())
        return lambda s: add_risk_flag(s, client_id, kind=kind, description=text, review_on=review)


class ReviewRiskDialog(SubmitDialog):
    def __init__(self, flag: RiskFlag, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review risk flag"), self.tr("Save review"), parent)
        self.flag = flag
        self.set_intro(self.tr("{risk}: review by {date}. Set the next review date, or mark the flag as no "
                               "longer active.").format(risk=humanize(flag.kind), date=fmt_date(flag.review_on)))
        self.review = date_edit(today + dt.timedelta(days=REVIEW_AFTER_DAYS))
        self.review.setMinimumDate(to_qdate(today))
        self.fields.add("review_on", self.tr("&Next review by:"), self.review)
        self.deactivate = QCheckBox(self.tr("The risk is &no longer active"))
        self.fields.add("deactivate", self.tr("Outcome:"), self.deactivate)
        self.deactivate.toggled.connect(lambda on: self.review.setEnabled(not on))
        self.finish_layout()

    def make_job(self) -> Callable[[Session], Any]:
        flag_id = self.flag.id
        if self.deactivate.isChecked():
            return lambda s: review_risk_flag(s, flag_id, deactivate=True)
        review = from_qdate(self.review.date())
        return lambda s: review_risk_flag(s, flag_id, new_review_on=review)
