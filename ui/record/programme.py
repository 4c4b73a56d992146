"""The Programme tab: where the client is in Entré, how they got there, and moving them on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.stages import Stage, stage_label
from entre_desktop.security.roles import Action
from entre_desktop.services.stages import set_stage
from ui.record.context import Loaded, RecordContext
from ui.record.dialogs import submit_with
from ui.record.models import StageHistoryModel
from ui.record.stage_dialog import StageDialog, next_stages
from ui.record.tab import RecordTab
from ui.record.tables import configure_table

# The usual path through the programme, shown as a strip; endings are shown only when reached.
PATH = (Stage.REFERRED, Stage.ASSESSED, Stage.CONSENTED, Stage.ACTIVE_IN_CUSTODY, Stage.RELEASE_PLANNING,
        Stage.RELEASED, Stage.FOLLOW_UP, Stage.COMPLETED)


class ProgrammeTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.current = QLabel()
        self.current.setStyleSheet("font-size: 12pt; font-weight: bold;")
        top.addWidget(self.current, 1)
        self.change_button = QPushButton(self.tr("C&hange stage…"))
        self.change_button.clicked.connect(self.open_stage_dialog)
        top.addWidget(self.change_button)
        layout.addLayout(top)
        self.path = QLabel()
        self.path.setWordWrap(True)
        self.path.setAccessibleName(self.tr("Programme path"))
        layout.addWidget(self.path)
        caption = QLabel(self.tr("Stage history"))
        caption.setStyleSheet("font-weight: bold;")
        layout.addWidget(caption)
        self.model = StageHistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Stage history"))
        configure_table(self.table, stretch_column=3)
        caption.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.dialog: StageDialog | None = None
        self.change_button.setEnabled(False)

    def show_loaded(self, data: Loaded) -> None:
        record = data.record
        if record.stage is not None:
            self.current.setText(self.tr("Current stage: {stage}").format(stage=stage_label(record.stage)))
        else:
            self.current.setText(self.tr("Not enrolled in the programme"))
        self.path.setText(self._path_html(record.stage))
        self.model.set_stages(record.stages)
        self.table.scrollToBottom()
        self.change_button.setEnabled(self.ctx.can(Action.CHANGE_STAGE) and bool(next_stages(record.stage)))

    def _path_html(self, stage: Stage | None) -> str:
        steps = []
        for step in PATH:
            label = stage_label(step)
            if step == stage:
                label = f"<b><u>{label}</u></b>"
            steps.append(label)
        text = " → ".join(steps)
        if stage in (Stage.WITHDRAWN, Stage.RECALLED):
            text += "<br>" + self.tr("Now: <b>{stage}</b>").format(stage=stage_label(stage))
        return text

    def open_stage_dialog(self) -> None:
        record = self.ctx.record
        if record is None:
            return
        self.dialog = StageDialog(record.stage, self.ctx.today, self)
        dialog = self.dialog
        client_id = self.ctx.client_id

        def job():  # type: ignore[no-untyped-def]
            stage, reason, day = dialog.chosen()
            return lambda s: set_stage(s, client_id, stage, reason=reason, on=day.isoformat())

        submit_with(dialog, self.ctx, job)

    def clear(self) -> None:
        self.current.clear()
        self.path.clear()
        self.model.clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
