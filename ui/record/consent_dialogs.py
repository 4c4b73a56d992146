"""Dialogs for consent (give, withdraw) and referrals (only to agencies with a valid consent)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QPlainTextEdit, QWidget

from entre_desktop.domain.areas import AREAS, area_label
from entre_desktop.domain.models import Agency, Consent
from entre_desktop.services.consent import give_consent, withdraw_consent
from entre_desktop.services.referrals import make_referral
from entre_desktop.services.session import Session
from ui.record.dialogs import SubmitDialog
from ui.record.fields import date_edit
from ui.record.formatting import fmt_date, from_qdate, to_qdate


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class ConsentDialog(SubmitDialog):
    def __init__(self, agencies: tuple[Agency, ...], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record consent"), self.tr("Record consent"), parent)
        self.set_intro(self.tr("Record what the client has agreed to: which agency may receive information, "
                               "about which areas, and until when. Consent can be withdrawn at any time."))
        self.agency = QComboBox()
        for agency in sorted(agencies, key=lambda a: a.name.lower()):
            self.agency.addItem(agency.name, agency.id)
        self.fields.add("agency_id", self.tr("&Agency:"), self.agency)
        areas = QWidget()
        grid = QGridLayout(areas)
        grid.setContentsMargins(0, 0, 0, 0)
        self.areas: dict[str, QCheckBox] = {}
        for n, area in enumerate(AREAS):
            box = QCheckBox(area_label(area))
            box.setAccessibleName(area_label(area))
            grid.addWidget(box, n // 2, n % 2)
            self.areas[area] = box
            box.toggled.connect(self.update_ok)
        self.fields.add("scope", self.tr("Areas it may receive:"), areas)
        self.given = date_edit(today)
        self.given.setMaximumDate(to_qdate(today))
        self.fields.add("given_on", self.tr("&Given on:"), self.given)
        self.until = date_edit(_add_years(today, 1))
        self.fields.add("valid_until", self.tr("&Valid until:"), self.until)
        self.finish_layout()
        self.resize(560, 380)

    def can_submit(self) -> bool:
        return self.agency.count() > 0 and any(b.isChecked() for b in self.areas.values())

    def make_job(self, client_id: str) -> Callable[[Session], Any]:
        agency_id = self.agency.currentData()
        scope = [a for a, box in self.areas.items() if box.isChecked()]
        given, until = from_qdate(self.given.date()), from_qdate(self.until.date())
        return lambda s: give_consent(s, client_id, agency_id=agency_id, scope=scope, given_on=given,
                                      valid_until=until)


class WithdrawDialog(SubmitDialog):
    def __init__(self, consent: Consent, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Withdraw consent"), self.tr("Withdraw consent"), parent)
        self.consent = consent
        self.set_intro(self.tr("The client withdraws the consent for {agency} given on {date}. It stays on "
                               "record; no new referrals can be made under it.").format(
            agency=consent.agency_name, date=fmt_date(consent.given_on)))
        self.date = date_edit(today)
        self.date.setDateRange(to_qdate(consent.given_on), to_qdate(today))
        self.fields.add("withdrawn_on", self.tr("&Withdrawn on:"), self.date)
        self.finish_layout()

    def make_job(self) -> Callable[[Session], Any]:
        consent_id, day = self.consent.id, from_qdate(self.date.date())
        return lambda s: withdraw_consent(s, consent_id, on=day)


class ReferralDialog(SubmitDialog):
    """Offers only agencies with a consent valid today; says which others exist and why they are missing."""

    def __init__(self, allowed: list[tuple[str, str]], missing: list[str], today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New referral"), self.tr("Make referral"), parent)
        text = self.tr("Only agencies the client has given a valid consent for are listed. To refer to "
                       "another agency, record the client's consent for it first.")
        if missing:
            text += " " + self.tr("The consent has expired or was withdrawn for: {names}.").format(
                names=", ".join(missing))
        self.set_intro(text)
        self.agency = QComboBox()
        for agency_id, name in allowed:
            self.agency.addItem(name, agency_id)
        self.fields.add("agency_id", self.tr("&Agency:"), self.agency)
        self.date = date_edit(today)
        self.date.setMaximumDate(to_qdate(today))
        self.fields.add("referred_on", self.tr("&Date:"), self.date)
        self.purpose = QPlainTextEdit()
        self.purpose.setTabChangesFocus(True)
        self.purpose.setPlaceholderText(self.tr("What the agency is asked to do"))
        self.fields.add("purpose", self.tr("&Purpose:"), self.purpose)
        consent_error = QLabel()
        self.form_layout.addRow(consent_error)
        self.fields.add_error_slot("consent", consent_error)
        self.finish_layout()
        self.resize(560, 360)

    def can_submit(self) -> bool:
        return self.agency.count() > 0 and bool(self.purpose.toPlainText().strip())

    def make_job(self, client_id: str) -> Callable[[Session], Any]:
        agency_id, purpose, day = self.agency.currentData(), self.purpose.toPlainText(), from_qdate(self.date.date())
        return lambda s: make_referral(s, client_id, agency_id=agency_id, purpose=purpose, referred_on=day)
