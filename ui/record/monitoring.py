"""The Monitoring tab: the assessment chart, the list of assessments, and the form for a new one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget

from entre_desktop.security.roles import Action
from ui.record.assessment_chart import AssessmentChart
from ui.record.assessment_form import AssessmentForm
from ui.record.context import Loaded, RecordContext
from ui.record.models import AssessmentModel
from ui.record.tab import RecordTab
from ui.record.tables import configure_table


class MonitoringTab(RecordTab):
    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        left = QSplitter(Qt.Orientation.Vertical)
        self.chart = AssessmentChart()
        left.addWidget(self.chart)
        self.model = AssessmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Assessments"))
        configure_table(self.table, stretch_column=5)
        left.addWidget(self.table)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        splitter.addWidget(left)
        self.form = AssessmentForm()
        self.form.save_requested.connect(lambda: self.save())
        self.form.fields.edited.connect(self.update_dirty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(360)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.form.reset(ctx.today)

    def show_loaded(self, data: Loaded) -> None:
        record = data.record
        self.chart.show_assessments(record.assessments)
        self.model.set_assessments(record.assessments)
        names = list(dict.fromkeys(a.instrument for a in sorted(record.assessments, key=lambda a: a.assessed_on)))
        self.form.set_instruments(names)
        self.form.setEnabled(self.ctx.can(Action.RECORD_ASSESSMENTS))
        if not self.form.is_dirty():
            self.form.reset(data.today)

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def discard(self) -> None:
        self.form.reset(self.ctx.today)
        self.update_dirty()

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        self.form.fields.clear_errors()
        self.form.set_busy(True)

        def done(_result: object) -> None:
            self.form.reset(self.ctx.today)
            self.update_dirty()
            if on_saved:
                on_saved()

        self.ctx.change(self.form.job(self.ctx.client_id), owner=self, on_done=done,
                        on_error=self.form.fields.show_error, on_finished=lambda: self.form.set_busy(False))

    def clear(self) -> None:
        self.chart.clear()
        self.model.clear()
        self.form.set_instruments([])
        self.form.reset(None)
        self.update_dirty()
