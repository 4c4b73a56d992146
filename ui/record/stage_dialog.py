"""Choosing the next programme stage: only stages the programme allows from the current one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from entre_desktop.domain.stages import Stage, allowed_next, stage_label
from ui.record.dialogs import SubmitDialog
from ui.record.fields import date_edit
from ui.record.formatting import from_qdate, to_qdate


def next_stages(current: Stage | None) -> list[Stage]:
    # A client without an enrolment starts as if withdrawn (see services.stages.set_stage).
    return allowed_next(current if current is not None else Stage.WITHDRAWN)


class StageDialog(SubmitDialog):
    def __init__(self, current: Stage | None, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change stage"), self.tr("Change stage"), parent)
        where = stage_label(current) if current else self.tr("not enrolled")
        if next_stages(current):
            self.set_intro(self.tr("The client is now at stage: {stage}. Choose the next stage and say why.")
                           .format(stage=where))
        else:
            self.set_intro(self.tr("The client is now at stage: {stage}. No stage can follow it.").format(stage=where))
        self.stage_combo = QComboBox()
        for stage in next_stages(current):
            self.stage_combo.addItem(stage_label(stage), stage.value)
        self.fields.add("stage", self.tr("&Next stage:"), self.stage_combo)
        self.date = date_edit(today)
        self.date.setMaximumDate(to_qdate(today))
        self.fields.add("changed_on", self.tr("&Date:"), self.date)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why the client moves to this stage"))
        self.fields.add("reason", self.tr("&Reason:"), self.reason)
        self.finish_layout()
        self.resize(480, 300)

    def can_submit(self) -> bool:
        return self.stage_combo.count() > 0 and bool(self.reason.toPlainText().strip())

    def offered(self) -> list[Stage]:
        return [Stage(self.stage_combo.itemData(i)) for i in range(self.stage_combo.count())]

    def chosen(self) -> tuple[Stage, str, dt.date]:
        return (Stage(self.stage_combo.currentData()), self.reason.toPlainText().strip(),
                from_qdate(self.date.date()))
