"""The caseload: the dashboard strip, the filters, the search box and the table of clients.

Threading: everything here runs on the main thread; data comes from the runner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.models import CaseloadRow
from entre_desktop.domain.stages import ORDER, Stage
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import caseload, search_ids
from entre_desktop.services.dashboard import dashboard_counts
from ui.guard import while_alive
from ui.models.caseload_model import CaseloadFilter, CaseloadModel, Column, stage_text
from ui.tasks import TaskRunner
from ui.widgets.dashboard import DashboardStrip, StripCounts
from ui.widgets.tables import setup_table

SEARCH_DEBOUNCE_MS = 120
RELEASE_WINDOWS = (30, 60, 90, 180, 365)
REFRESH_KINDS = (Kind.CLIENTS, Kind.CUSTODY, Kind.STAGES, Kind.PLANS, Kind.RISK_FLAGS)


class CaseloadTable(QTableView):
    """Enter or a double click opens the client."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadTable")
        setup_table(self)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSectionsMovable(True)
        self.doubleClicked.connect(self.open_requested.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CaseloadPage(QWidget):
    """Emits ``open_client(client_id, name)``; ``load()`` fetches the caseload through the runner."""

    open_client = Signal(str, str)
    loaded = Signal()
    search_finished = Signal()

    def __init__(self, runner: TaskRunner, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self._generation = 0  # bumps on clear(): answers to older requests are dropped
        self._search_seq = 0
        self._pending_select: str | None = None
        self.model = CaseloadModel(self, today=today)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)

        self.dashboard = DashboardStrip(self)
        self.dashboard.filter_requested.connect(self.set_release_window)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.stage_filter = QComboBox(self)
        self.facility_filter = QComboBox(self)
        self.facility_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.release_filter = QComboBox(self)
        self.clear_filters = QPushButton(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("secondaryText")
        self.table = CaseloadTable(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(int(Column.NAME), Qt.SortOrder.AscendingOrder)
        self.table.open_requested.connect(self._open_index)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search_box)
        self._stage_label = QLabel(self)
        self._stage_label.setBuddy(self.stage_filter)
        self._facility_label = QLabel(self)
        self._facility_label.setBuddy(self.facility_filter)
        self._release_label = QLabel(self)
        self._release_label.setBuddy(self.release_filter)
        for widget in (self._search_label, self.search_box, self._stage_label, self.stage_filter,
                       self._facility_label, self.facility_filter, self._release_label, self.release_filter,
                       self.clear_filters, self.count_label):
            filters.addWidget(widget, 1 if widget is self.search_box else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(self.dashboard)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.search_box, self.stage_filter)
        self.setTabOrder(self.stage_filter, self.facility_filter)
        self.setTabOrder(self.facility_filter, self.release_filter)
        self.setTabOrder(self.release_filter, self.clear_filters)
        self.setTabOrder(self.clear_filters, self.table)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(self._search_text_changed)
        self.stage_filter.currentIndexChanged.connect(self._filters_changed)
        self.facility_filter.currentIndexChanged.connect(self._filters_changed)
        self.release_filter.currentIndexChanged.connect(self._filters_changed)
        self.clear_filters.clicked.connect(self.reset_filters)
        # A scattered filter change arrives as thousands of small row removals: count once after.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._update_count)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._count_timer.start)
        self.retranslate()

    # -- text
    def retranslate(self) -> None:
        self._search_label.setText(self.tr("&Search:"))
        self.search_box.setPlaceholderText(self.tr("Name, personal identity number or note text (Ctrl+F)"))
        self.search_box.setAccessibleName(self.tr("Search clients"))
        self._stage_label.setText(self.tr("S&tage:"))
        self.stage_filter.setAccessibleName(self.tr("Filter by stage"))
        self._facility_label.setText(self.tr("F&acility:"))
        self.facility_filter.setAccessibleName(self.tr("Filter by facility"))
        self._release_label.setText(self.tr("&Release:"))
        self.release_filter.setAccessibleName(self.tr("Filter by release date"))
        self.clear_filters.setText(self.tr("Clear filters"))
        self.table.setAccessibleName(self.tr("Caseload"))
        self._fill_stage_filter()
        self._fill_release_filter()
        self._fill_facility_filter()
        self.model.retranslate()
        self.fit_columns()  # after a language change the saved widths may no longer fit
        self._update_count()

    def fit_columns(self) -> None:
        """Widths that fit each header in the current language (until the user resizes a column)."""
        header = self.table.horizontalHeader()
        minimum = {Column.NAME: 220, Column.FACILITY: 150, Column.STAGE: 160, Column.RELEASE: 110,
                   Column.DAYS: 80, Column.NEXT_ACTION: 110, Column.RESPONSIBLE: 140}
        self.table.ensurePolished()  # the style sheet's font, not the default one
        metrics = self.table.fontMetrics()
        minimum[Column.STAGE] = max(minimum[Column.STAGE],
                                    max(metrics.horizontalAdvance(stage_text(s)) for s in ORDER) + 32)
        for column in Column:
            if column != Column.RESPONSIBLE:  # the last section stretches
                self.table.setColumnWidth(int(column), max(minimum[column], header.sectionSizeHint(int(column)) + 16))

    def restore_header(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        header.restoreState(state)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_stage_filter(self) -> None:
        current = self.stage_filter.currentData()
        self.stage_filter.blockSignals(True)
        self.stage_filter.clear()
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in ORDER:
            self.stage_filter.addItem(stage_text(stage), stage.value)
        self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(current)) if current else 0)
        self.stage_filter.blockSignals(False)

    def _fill_release_filter(self) -> None:
        current = self.release_filter.currentData()
        self.release_filter.blockSignals(True)
        self.release_filter.clear()
        self.release_filter.addItem(self.tr("Any time"), None)
        for days in RELEASE_WINDOWS:
            self.release_filter.addItem(self.tr("Within %1 days").replace("%1", str(days)), days)
        self.release_filter.setCurrentIndex(max(0, self.release_filter.findData(current)) if current else 0)
        self.release_filter.blockSignals(False)

    def _fill_facility_filter(self) -> None:
        current = self.facility_filter.currentData()
        self.facility_filter.blockSignals(True)
        self.facility_filter.clear()
        self.facility_filter.addItem(self.tr("All facilities"), None)
        for facility in self.model.facilities():
            self.facility_filter.addItem(facility, facility)
        index = self.facility_filter.findData(current) if current else 0
        self.facility_filter.setCurrentIndex(max(0, index))
        self.facility_filter.blockSignals(False)
        if current and index < 0:
            self._filters_changed()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%1 clients").replace("%1", str(total)))
        else:
            self.count_label.setText(self.tr("Showing %1 of %2 clients").replace("%1", str(shown))
                                     .replace("%2", str(total)))

    # -- loading
    def load(self, *, select: str | None = None) -> None:
        """Fetch the caseload (and then the dashboard counts) through the runner."""
        if select:
            self._pending_select = select
        generation = self._generation
        # Unordered: the model sorts by its own column and language (models/caseload_model.py).
        self._runner.run(partial(caseload, ordered=False), on_success=while_alive(self, lambda rows: self._loaded(generation, rows)),
                         on_failure=while_alive(self, lambda error: self._failed(generation, error)))

    def _loaded(self, generation: int, rows: list[CaseloadRow]) -> None:
        if generation != self._generation:
            return
        keep = self._pending_select or self.current_client_id()
        self._pending_select = None
        self.model.set_rows(rows)
        self._fill_facility_filter()
        self.dashboard.set_counts(StripCounts.from_rows(rows, self._today()))
        self._load_dashboard(generation)
        if self.search_box.text().strip():
            self._run_search()
        if keep:
            self.select_client(keep)
        self._update_count()
        self.loaded.emit()

    def _load_dashboard(self, generation: int) -> None:
        def shown(counts: object) -> None:
            if generation == self._generation and counts is not None:
                self.dashboard.set_counts(StripCounts.from_service(counts))  # type: ignore[arg-type]

        # Until the counts arrive the strip shows what the rows tell; a failure keeps that.
        self._runner.run(dashboard_counts, on_success=while_alive(self, shown), on_failure=lambda _error: None)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        from ui.errors import show_error

        show_error(self, error)

    def apply_changes(self, changes: Changes, *, select: str | None = None) -> None:
        if changes.touches(*REFRESH_KINDS):
            self.load(select=select)

    def clear(self) -> None:
        """Forget every row (on lock); answers still on their way are dropped."""
        self._generation += 1
        self._search_seq += 1
        self._debounce.stop()
        self.model.clear()
        self.proxy.set_ids(None)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.dashboard.clear()
        self._fill_facility_filter()
        self._update_count()

    # -- searching
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_text_changed(self, text: str) -> None:
        if not text.strip():
            self._debounce.stop()
            self._search_seq += 1
            self.proxy.set_ids(None)
            self._update_count()
            self.search_finished.emit()
            return
        self._debounce.start()

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        self._search_seq += 1
        seq, generation = self._search_seq, self._generation

        def found(ids: frozenset[str]) -> None:
            if seq == self._search_seq and generation == self._generation:
                self.proxy.set_ids(ids)
                self._update_count()
                self.search_finished.emit()

        # The table already holds every client: only which ones match is needed, not their rows.
        self._runner.run(lambda s: search_ids(s, text), on_success=while_alive(self, found),
                         on_failure=while_alive(self, lambda error: self._failed(generation, error)))

    # -- filters
    def _filters_changed(self, *_args: object) -> None:
        stage = self.stage_filter.currentData()
        self.proxy.set_stage(Stage(stage) if stage else None)
        self.proxy.set_facility(self.facility_filter.currentData() or None)
        self.proxy.set_release_within(self.release_filter.currentData())
        self._update_count()

    def set_release_window(self, days: int) -> None:
        index = self.release_filter.findData(days)
        if index >= 0:
            self.release_filter.setCurrentIndex(index)

    def reset_filters(self) -> None:
        for combo in (self.stage_filter, self.facility_filter, self.release_filter):
            combo.setCurrentIndex(0)
        self.search_box.clear()

    # -- selection and opening
    def visible_ids(self) -> list[str]:
        return [self.proxy.row_at(n).id for n in range(self.proxy.rowCount())]

    def current_client_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.row_at(index.row()).id

    def select_client(self, client_id: str) -> bool:
        row = self.model.row_of(client_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.proxy.row_at(index.row())
        self.open_client.emit(row.id, row.name)

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())
