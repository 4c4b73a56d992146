"""The Referrals and consent tab: consents per agency (with withdrawal) and referrals with status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.models import Consent, Referral
from entre_desktop.security.roles import Action
from entre_desktop.services.referrals import REFERRAL_STATUSES, referral_status_label, update_referral_status
from ui.record.consent_dialogs import ConsentDialog, ReferralDialog, WithdrawDialog
from ui.record.context import Loaded, RecordContext
from ui.record.dialogs import SubmitDialog, submit_with
from ui.record.models import ConsentModel, ReferralModel, consent_state
from ui.record.tab import RecordTab
from ui.record.tables import configure_table

HINT_STYLE = "color: #44546a;"


def referable_agencies(data: Loaded) -> tuple[list[tuple[str, str]], list[str]]:
    """(agency id, name) with a consent valid today, and the names of agencies whose consent has
    expired or been withdrawn (the ones an officer may expect to see and should be told about)."""
    valid = {c.agency_id: c.agency_name for c in data.record.consents if consent_state(c, data.today) == "valid"}
    allowed = sorted(valid.items(), key=lambda item: item[1].lower())
    lapsed = {c.agency_name for c in data.record.consents if c.agency_id not in valid}
    return allowed, sorted(lapsed, key=str.lower)


class ReferralsTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter)
        splitter.addWidget(self._consent_box())
        splitter.addWidget(self._referral_box())
        self.dialog: SubmitDialog | None = None

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent"))
        layout = QVBoxLayout(box)
        self.consents = ConsentModel(self)
        self.consent_table = QTableView()
        self.consent_table.setModel(self.consents)
        self.consent_table.setAccessibleName(self.tr("Consents"))
        configure_table(self.consent_table, stretch_column=1)
        layout.addWidget(self.consent_table)
        row = QHBoxLayout()
        self.consent_button = QPushButton(self.tr("Record &consent…"))
        self.consent_button.clicked.connect(self.open_consent)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.setToolTip(self.tr("The client withdraws the selected consent"))
        self.withdraw_button.clicked.connect(self.open_withdraw)
        self.consent_hint = QLabel()
        self.consent_hint.setStyleSheet(HINT_STYLE)
        self.consent_hint.setWordWrap(True)
        row.addWidget(self.consent_button)
        row.addWidget(self.withdraw_button)
        row.addWidget(self.consent_hint, 1)
        layout.addLayout(row)
        self.consent_table.selectionModel().selectionChanged.connect(self._update_buttons)
        return box

    def _referral_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Referrals"))
        layout = QVBoxLayout(box)
        self.referrals = ReferralModel(self)
        self.referral_table = QTableView()
        self.referral_table.setModel(self.referrals)
        self.referral_table.setAccessibleName(self.tr("Referrals"))
        configure_table(self.referral_table, stretch_column=2)
        layout.addWidget(self.referral_table)
        row = QHBoxLayout()
        self.referral_button = QPushButton(self.tr("New re&ferral…"))
        self.referral_button.clicked.connect(self.open_referral)
        self.status_button = QPushButton(self.tr("Record a&nswer"))
        self.status_button.setToolTip(self.tr("Record the agency's answer to the selected referral, or close it"))
        self.status_menu = QMenu(self.status_button)
        for status in REFERRAL_STATUSES[1:]:
            action = QAction(referral_status_label(status).capitalize(), self.status_menu)
            action.setData(status)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(s))
            self.status_menu.addAction(action)
        self.status_button.setMenu(self.status_menu)
        self.referral_hint = QLabel()
        self.referral_hint.setStyleSheet(HINT_STYLE)
        self.referral_hint.setWordWrap(True)
        row.addWidget(self.referral_button)
        row.addWidget(self.status_button)
        row.addWidget(self.referral_hint, 1)
        layout.addLayout(row)
        self.referral_table.selectionModel().selectionChanged.connect(self._update_buttons)
        return box

    def show_loaded(self, data: Loaded) -> None:
        self.consents.set_consents(data.record.consents, data.today)
        self.referrals.set_referrals(data.record.referrals)
        allowed, _missing = referable_agencies(data)
        if not data.agencies:
            self.consent_hint.setText(self.tr("No agencies are registered yet. A coordinator adds them under "
                                              "Agencies."))
        else:
            self.consent_hint.clear()
        if allowed:
            self.referral_hint.setText(self.tr("Referrals can be made to: {names}.").format(
                names=", ".join(name for _id, name in allowed)))
        else:
            self.referral_hint.setText(self.tr("No agency has a valid consent from the client, so no referral can "
                                               "be made. Record the client's consent first."))
        self._update_buttons()

    def selected_consent(self) -> Consent | None:
        rows = self.consent_table.selectionModel().selectedRows()
        return self.consents.item(rows[0].row()) if rows else None

    def selected_referral(self) -> Referral | None:
        rows = self.referral_table.selectionModel().selectedRows()
        return self.referrals.item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        data = self.ctx.data
        consent_ok = self.ctx.can(Action.MANAGE_CONSENT)
        refer_ok = self.ctx.can(Action.MAKE_REFERRALS)
        self.consent_button.setEnabled(consent_ok and bool(data and data.agencies))
        consent = self.selected_consent()
        self.withdraw_button.setEnabled(consent_ok and consent is not None and consent.withdrawn_on is None)
        self.referral_button.setEnabled(refer_ok and data is not None and bool(referable_agencies(data)[0]))
        referral = self.selected_referral()
        self.status_button.setEnabled(refer_ok and referral is not None and referral.status != "closed")
        for action in self.status_menu.actions():
            action.setEnabled(referral is not None and action.data() != referral.status)

    def open_consent(self) -> None:
        if self.ctx.data is None:
            return
        dialog = ConsentDialog(self.ctx.data.agencies, self.ctx.today, self)
        self.dialog = dialog
        client_id = self.ctx.client_id
        submit_with(dialog, self.ctx, lambda: dialog.make_job(client_id))

    def open_withdraw(self) -> None:
        consent = self.selected_consent()
        if consent is None:
            return
        dialog = WithdrawDialog(consent, self.ctx.today, self)
        self.dialog = dialog
        submit_with(dialog, self.ctx, dialog.make_job)

    def open_referral(self) -> None:
        if self.ctx.data is None:
            return
        allowed, missing = referable_agencies(self.ctx.data)
        dialog = ReferralDialog(allowed, missing, self.ctx.today, self)
        self.dialog = dialog
        client_id = self.ctx.client_id
        submit_with(dialog, self.ctx, lambda: dialog.make_job(client_id))

    def set_status(self, status: str) -> None:
        referral = self.selected_referral()
        if referral is None:
            return
        referral_id = referral.id
        self.ctx.change(lambda s: update_referral_status(s, referral_id, status), owner=self)

    def clear(self) -> None:
        self.consents.clear()
        self.referrals.clear()
        self.consent_hint.clear()
        self.referral_hint.clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
