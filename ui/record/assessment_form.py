"""The form that records a new assessment: date, instrument, a rating per domain, comment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.assessment_domains import DOMAINS, MAX_RATING, domain_label
from entre_desktop.services.assessments import record_assessment
from entre_desktop.services.session import Session
from ui.record.fields import FieldForm, date_edit
from ui.record.formatting import from_qdate, to_qdate
from ui.record.signals import Notifier

NOT_RATED = 0


class AssessmentForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New assessment"), parent)
        self.save_requested = Notifier()
        outer = QVBoxLayout(self)
        form_layout = QFormLayout()
        outer.addLayout(form_layout)
        self.fields = FieldForm(form_layout, self)
        self.date = date_edit()
        self.fields.add("assessed_on", self.tr("&Date:"), self.date)
        self.instrument = QLineEdit()
        self.instrument.setPlaceholderText(self.tr("e.g. the structured interview used at your unit"))
        self.fields.add("instrument", self.tr("&Instrument:"), self.instrument)
        hint = QLabel(self.tr("1 = great need of support, 5 = no need. Leave a domain at “not rated” to skip it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #44546a;")
        form_layout.addRow(hint)
        self._last_instrument = ""
        self.ratings: dict[str, QSpinBox] = {}
        for domain in DOMAINS:
            spin = QSpinBox()
            spin.setRange(NOT_RATED, MAX_RATING)
            spin.setSpecialValueText(self.tr("not rated"))
            self.fields.add(f"ratings.{domain}", domain_label(domain) + ":", spin)
            self.ratings[domain] = spin
        ratings_error = QLabel()
        form_layout.addRow(ratings_error)
        self.fields.add_error_slot("ratings", ratings_error)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(80)
        self.fields.add("comment", self.tr("C&omment:"), self.comment)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.save_button = QPushButton(self.tr("&Save assessment"))
        self.save_button.setToolTip(self.tr("Save the assessment (Ctrl+S)"))
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.save_button.clicked.connect(lambda: self.save_requested())
        self.clear_button.clicked.connect(lambda: self.reset(None))
        self.fields.edited.connect(self._update_buttons)
        self.fields.mark_clean()
        self._update_buttons()

    def reset(self, today: dt.date | None) -> None:
        """Back to an empty form (dated today), which counts as unchanged."""
        if today is not None:
            self.date.setMaximumDate(to_qdate(today))
            self.date.setDate(to_qdate(today))
        self.instrument.setText(self._last_instrument)
        for spin in self.ratings.values():
            spin.setValue(NOT_RATED)
        self.comment.clear()
        self.fields.mark_clean()
        self._update_buttons()

    def set_instruments(self, names: list[str]) -> None:
        """Offer the instruments used before; the form starts with the latest one filled in."""
        self.instrument.setCompleter(QCompleter(names, self.instrument) if names else None)
        self._last_instrument = names[-1] if names else ""

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.is_dirty())
        self.clear_button.setEnabled(self.is_dirty())

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and self.is_dirty())

    def job(self, client_id: str) -> Callable[[Session], Any]:
        day = from_qdate(self.date.date())
        instrument = self.instrument.text()
        ratings = {d: spin.value() for d, spin in self.ratings.items() if spin.value() != NOT_RATED}
        comment = self.comment.toPlainText()
        return lambda s: record_assessment(s, client_id, assessed_on=day, instrument=instrument, ratings=ratings,
                                           comment=comment)
