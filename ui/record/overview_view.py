"""The read-only part of the Overview tab: the four strands, identity, custody, consent, risk flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.areas import area_label
from entre_desktop.domain.stages import stage_label
from ui.record.context import Loaded
from ui.record.formatting import DASH, fmt_date, fmt_rating
from ui.record.glance import RECENT_DAYS, glance
from ui.record.labels import milieu_label
from ui.record.models import RiskFlagModel, consent_state
from ui.record.tables import configure_table

CARD_STYLE = (
    "QFrame#strandCard { background: palette(base); border: 1px solid #c9ced6; border-radius: 6px; }"
    " QLabel#strandTitle { color: #44546a; font-weight: bold; }"
    " QLabel#strandValue { font-size: 15pt; font-weight: bold; }"
)
SENSITIVE_STYLE = "color: #8a4b00; font-weight: bold;"
WARNING_STYLE = "color: #b00020; font-weight: bold;"


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class StrandCard(QFrame):
    """One strand: a title, one big value and a line of detail."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strandCard")
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("strandTitle")
        self.value = _value_label()
        self.value.setObjectName("strandValue")
        self.detail = _value_label()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        layout.addWidget(heading)
        layout.addWidget(self.value)
        layout.addWidget(self.progress)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setAccessibleName(title)

    def show_values(self, value: str, detail: str, progress: tuple[int, int] | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.progress.setVisible(progress is not None and progress[1] > 0)
        if progress is not None:
            self.progress.setRange(0, max(progress[1], 1))
            self.progress.setValue(progress[0])

    def clear(self) -> None:
        self.value.clear()
        self.detail.clear()
        self.progress.hide()


class OverviewView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self._values: list[QLabel] = []
        layout = QVBoxLayout(self)
        strands = QHBoxLayout()
        self.encouragement = StrandCard(self.tr("Encouragement: goals and progress"))
        self.monitoring = StrandCard(self.tr("Monitoring: assessments"))
        self.trust = StrandCard(self.tr("Trust: meetings and engagement"))
        self.referral = StrandCard(self.tr("Referral: Entré stage"))
        self.cards = (self.encouragement, self.monitoring, self.trust, self.referral)
        for card in self.cards:
            strands.addWidget(card, 1)
        layout.addLayout(strands)

        grid = QGridLayout()
        grid.addWidget(self._identity_group(), 0, 0)
        grid.addWidget(self._custody_group(), 0, 1)
        grid.addWidget(self._consent_group(), 1, 0)
        grid.addWidget(self._risk_group(), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    # -- building
    def _row(self, form: QFormLayout, caption: str) -> QLabel:
        label = _value_label()
        title = QLabel(caption)
        title.setBuddy(label)
        form.addRow(title, label)
        label.setAccessibleName(caption.rstrip(":"))
        self._values.append(label)
        return label

    def _identity_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identity"))
        form = QFormLayout(box)
        self.name = self._row(form, self.tr("Name:"))
        self.number_caption = QLabel(self.tr("Personal identity number:"))
        self.number = _value_label()
        form.addRow(self.number_caption, self.number)
        self._values.append(self.number)
        self.birth = self._row(form, self.tr("Date of birth:"))
        self.languages = self._row(form, self.tr("Languages:"))
        self.phone = self._row(form, self.tr("Phone:"))
        self.responsible = self._row(form, self.tr("Responsible officer:"))
        self.protected = self._row(form, self.tr("Protected address:"))
        self.address = self._row(form, self.tr("Address:"))
        self.milieu = self._row(form, self.tr("Milieu (sensitive):"))
        self.milieu.setStyleSheet(SENSITIVE_STYLE)
        self.milieu.setToolTip(self.tr("Special-category data: shown only inside this record, "
                                       "never in lists, searches or printed copies."))
        return box

    def _custody_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Custody"))
        form = QFormLayout(box)
        self.facility = self._row(form, self.tr("Facility:"))
        self.sentence = self._row(form, self.tr("Sentence:"))
        self.release = self._row(form, self.tr("Conditional release:"))
        self.supervision = self._row(form, self.tr("Supervision until:"))
        self.supervisor = self._row(form, self.tr("Supervisor:"))
        self.conditions = self._row(form, self.tr("Special conditions:"))
        self.gradual = self._row(form, self.tr("Gradual release:"))
        return box

    def _consent_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent"))
        layout = QVBoxLayout(box)
        self.consent = _value_label()
        self.consent.setAccessibleName(self.tr("Consent status"))
        self._values.append(self.consent)
        layout.addWidget(self.consent)
        layout.addStretch(1)
        return box

    def _risk_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Active risk flags"))
        layout = QVBoxLayout(box)
        self.risks = _value_label()
        self._values.append(self.risks)
        layout.addWidget(self.risks)
        self.risk_model = RiskFlagModel(self)
        self.risk_table = QTableView()
        self.risk_table.setModel(self.risk_model)
        self.risk_table.setAccessibleName(self.tr("Active risk flags"))
        configure_table(self.risk_table, stretch_column=1)
        self.risk_table.setMaximumHeight(150)
        layout.addWidget(self.risk_table)
        row = QHBoxLayout()
        self.add_risk_button = QPushButton(self.tr("Add &risk flag…"))
        self.review_risk_button = QPushButton(self.tr("Re&view…"))
        self.review_risk_button.setToolTip(self.tr("Review the selected risk flag"))
        row.addWidget(self.add_risk_button)
        row.addWidget(self.review_risk_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    # -- showing
    def show_loaded(self, data: Loaded) -> None:
        self._show_strands(data)
        self._show_identity(data)
        self._show_custody(data)
        self._show_consent(data)
        self._show_risks(data)

    def _show_strands(self, data: Loaded) -> None:
        g = glance(data.record, data.today)
        if g.actions_total:
            self.encouragement.show_values(
                self.tr("{done} of {total} actions done").format(done=g.actions_done, total=g.actions_total),
                (self.tr("1 goal in the current release plan") if g.goals == 1 else
                 self.tr("{n} goals in the current release plan").format(n=g.goals)),
                (g.actions_done, g.actions_total))
        else:
            self.encouragement.show_values(self.tr("No plan actions yet"),
                                           self.tr("Set goals with the client in the release plan."))
        if g.latest is not None:
            if g.domains_compared:
                trend = self.tr("Since the previous one: {up} domains rated higher, {down} lower, "
                                "{same} unchanged.").format(up=g.domains_up, down=g.domains_down,
                                                            same=g.domains_compared - g.domains_up - g.domains_down)
            else:
                trend = self.tr("No earlier assessment to compare with.")
            self.monitoring.show_values(
                self.tr("Mean {mean} on {date}").format(mean=fmt_rating(g.latest_mean),
                                                        date=fmt_date(g.latest.assessed_on)),
                f"{g.latest.instrument}. {trend}")
        else:
            self.monitoring.show_values(self.tr("Not assessed yet"),
                                        self.tr("Record an assessment on the Monitoring tab."))
        engagement = (self.tr("mean engagement {value}/5").format(value=fmt_rating(g.engagement_recent))
                      if g.engagement_recent is not None else self.tr("engagement not rated"))
        meetings = (self.tr("1 meeting in {days} days") if g.meetings_recent == 1
                    else self.tr("{n} meetings in {days} days")).format(n=g.meetings_recent, days=RECENT_DAYS)
        self.trust.show_values(
            meetings,
            self.tr("{missed} missed; {engagement}; last contact {date}.").format(
                missed=g.missed_recent, engagement=engagement, date=fmt_date(g.last_contact)))
        if g.stage is not None:
            since = self.tr("Since {date}.").format(date=fmt_date(g.stage_since)) if g.stage_since else ""
            self.referral.show_values(stage_label(g.stage).capitalize(), since)
        else:
            self.referral.show_values(self.tr("Not enrolled"), self.tr("No stage recorded."))

    def _show_identity(self, data: Loaded) -> None:
        c = data.record.client
        self.name.setText(c.name)
        self.number_caption.setText(self.tr("Coordination number:") if c.id_kind == "samordningsnummer"
                                    else self.tr("Personal identity number:"))
        self.number.setText(c.personal_number)
        self.birth.setText(fmt_date(c.date_of_birth))
        self.languages.setText(c.languages or DASH)
        self.phone.setText(c.phone or DASH)
        self.responsible.setText(c.responsible or DASH)
        if c.protected_address:
            self.protected.setText(self.tr("Yes: protected personal data. Never give out the address or put it "
                                           "on a copy that leaves the service."))
            self.protected.setStyleSheet(WARNING_STYLE)
        else:
            self.protected.setText(self.tr("No"))
            self.protected.setStyleSheet("")
        self.address.setText(c.address or DASH)
        self.milieu.setText(milieu_label(c.milieu) if c.milieu else DASH)

    def _show_custody(self, data: Loaded) -> None:
        custody = data.record.custody
        if custody is None:
            for label in (self.facility, self.sentence, self.release, self.supervision, self.supervisor,
                          self.conditions, self.gradual):
                label.setText(DASH)
            self.facility.setText(self.tr("No custody recorded"))
            return
        kinds = {"prison": self.tr("prison"), "remand": self.tr("remand prison"),
                 "probation": self.tr("probation service")}
        self.facility.setText(f"{custody.facility or DASH} ({kinds.get(custody.facility_kind, custody.facility_kind)})")
        self.sentence.setText(f"{fmt_date(custody.sentence_start)} – {fmt_date(custody.sentence_end)}")
        release = custody.conditional_release_date
        if release is not None:
            days = (release - data.today).days
            when = (self.tr("in {n} days").format(n=days) if days > 0
                    else self.tr("today") if days == 0 else self.tr("{n} days ago").format(n=-days))
            self.release.setText(f"{fmt_date(release)} ({when})")
        else:
            self.release.setText(DASH)
        self.supervision.setText(fmt_date(custody.supervision_end))
        self.supervisor.setText(custody.supervisor or DASH)
        self.conditions.setText(custody.conditions or DASH)
        self.gradual.setText(custody.gradual_release or DASH)

    def _show_consent(self, data: Loaded) -> None:
        valid = [c for c in data.record.consents if consent_state(c, data.today) == "valid"]
        if not valid:
            self.consent.setText(self.tr("No valid consent. Referrals cannot be made until the client gives "
                                         "consent for an agency."))
            return
        lines = [self.tr("{agency}: until {date} ({areas})").format(
            agency=c.agency_name, date=fmt_date(c.valid_until), areas=", ".join(area_label(a) for a in c.scope))
            for c in sorted(valid, key=lambda c: c.agency_name)]
        other = len(data.record.consents) - len(valid)
        if other:
            lines.append(self.tr("{n} expired or withdrawn.").format(n=other))
        self.consent.setText("\n".join(lines))

    def _show_risks(self, data: Loaded) -> None:
        self.risk_model.set_flags(data.record.risk_flags, data.today)
        count = self.risk_model.rowCount()
        self.risk_table.setVisible(count > 0)
        overdue = sum(f.review_on < data.today for f in self.risk_model.items())
        if count == 0:
            self.risks.setText(self.tr("None"))
        elif overdue:
            self.risks.setText(self.tr("{n} of {total} need review now.").format(n=overdue, total=count))
        else:
            self.risks.clear()
        self.risks.setVisible(bool(self.risks.text()))
        self.risks.setStyleSheet(WARNING_STYLE if overdue else "")

    def clear(self) -> None:
        for card in self.cards:
            card.clear()
        for label in self._values:
            label.clear()
        self.risk_model.clear()
