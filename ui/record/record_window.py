"""The client record an officer works in: a header and one tab per part of the case.

Threading: all methods run on the main thread. The record is read and changed only through the
``TaskRunner`` (one DB worker thread); callbacks that arrive after ``clear()`` are dropped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from entre_desktop.domain.models import ClientRecord
from entre_desktop.domain.stages import stage_label
from entre_desktop.security.roles import Role
from entre_desktop.services.changes import Changes, Kind
from ui.record import prompts
from ui.record.context import Loaded, RecordContext, load_job
from ui.record.tab import LazyPage, RecordTab
from ui.tasks import TaskRunner

Factory = Callable[[RecordContext, QWidget], RecordTab]  # (context, the page the tab lives in)


def _lazy(module: str, name: str) -> Factory:
    """A tab's factory that imports its module when the tab is first shown (the monitoring tab's
    QtCharts, for one, loads only then). The packaged program includes every ``ui`` module."""

    def build(ctx: RecordContext, parent: QWidget) -> RecordTab:
        tab: RecordTab = getattr(importlib.import_module(f"ui.record.{module}"), name)(ctx, parent)
        return tab

    return build


@dataclass
class _Page:
    key: str
    title: str
    page: LazyPage


class ClientRecordWidget(QWidget):
    """One client's record.

    ``changed`` carries the ``Changes`` of every service call made here (the caseload refreshes
    from it); ``loaded`` is emitted each time a fresh copy of the record is shown.
    """

    changed = Signal(object)
    loaded = Signal()
    load_failed = Signal(object)

    def __init__(self, runner: TaskRunner, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.ctx = RecordContext(runner, client_id, self)
        self.ctx.changed.connect(self._on_changed)
        self._current = 0
        self._switching = False

        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.status = QLabel(self.tr("Opening the record…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Parts of the client record"))
        layout.addWidget(self.tabs, 1)
        self._pages: list[_Page] = []
        for key, title, factory in self._specs():
            page = LazyPage(self._builder(factory))
            self._pages.append(_Page(key, title, page))
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_current)
        # The read starts first; the visible tab is built while the worker reads (when the record is
        # first shown, or when the data arrives): built in its final place, its widgets are styled once.
        self.reload()

    def _specs(self) -> list[tuple[str, str, Factory]]:
        return [
            ("overview", self.tr("Overview"), _lazy("overview", "OverviewTab")),
            ("programme", self.tr("Programme"), _lazy("programme", "ProgrammeTab")),
            ("monitoring", self.tr("Monitoring"), _lazy("monitoring", "MonitoringTab")),
            ("contacts", self.tr("Contacts and meetings"), _lazy("contacts", "ContactsTab")),
            ("notes", self.tr("Notes"), _lazy("notes", "NotesTab")),
            ("referrals", self.tr("Referrals and consent"), _lazy("referrals", "ReferralsTab")),
            ("plan", self.tr("Release plan"), _lazy("plan", "PlanTab")),
            ("attachments", self.tr("Attachments"), _lazy("attachments", "AttachmentsTab")),
        ]

    def _builder(self, factory: Factory) -> Callable[[QWidget], RecordTab]:
        def build(page: QWidget) -> RecordTab:
            tab = factory(self.ctx, page)
            tab.dirty_changed.connect(self._update_titles)
            return tab

        return build

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.name_label = QLabel()
        self.name_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number_label = QLabel()
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_label = QLabel()
        self.stage_label.setStyleSheet("color: #44546a;")
        row.addWidget(self.name_label)
        row.addSpacing(12)
        row.addWidget(self.number_label)
        row.addStretch(1)
        row.addWidget(self.stage_label)
        return row

    # -- public API
    @property
    def client_id(self) -> str:
        return self.ctx.client_id

    @property
    def role(self) -> Role | None:
        """The signed-in user's role, known once the record has loaded."""
        return self.ctx.data.role if self.ctx.data else None

    @property
    def record(self) -> ClientRecord | None:
        return self.ctx.record

    def tab(self, key: str) -> RecordTab:
        """The tab called ``key`` ('overview', 'programme', ...), built now if it was not yet."""
        index = next(n for n, p in enumerate(self._pages) if p.key == key)
        return self._ensure(index)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(next(n for n, p in enumerate(self._pages) if p.key == key))

    def reload(self) -> None:
        """Read the record again (after a change here or elsewhere, or after unlocking)."""
        self.ctx.run(load_job(self.ctx.client_id), on_success=self._on_loaded, on_failure=self._on_load_failed)

    def apply_changes(self, changes: Changes) -> None:
        """Reload if changes made elsewhere touch this client (or the agencies it refers to)."""
        if self.ctx.client_id in changes.client_ids or changes.touches(Kind.AGENCIES):
            self.reload()

    def has_unsaved_changes(self) -> bool:
        return any(p.page.tab is not None and p.page.tab.is_dirty() for p in self._pages)

    def clear(self) -> None:
        """Drop every displayed personal datum (on lock). Unsaved edits are dropped without asking."""
        self.ctx.forget()
        for label in (self.name_label, self.number_label, self.stage_label):
            label.clear()
        for entry in self._pages:
            entry.page.drop()
        self._update_titles()
        self.status.setText(self.tr("The record is closed while the database is locked."))
        self.status.show()

    def maybe_leave(self, proceed: Callable[[], object] | None = None) -> bool:
        """Ask about unsaved edits before the record goes away.

        True: go on now (nothing unsaved, or discarded). False: stay (cancelled, or saving;
        ``proceed`` is called once every save has succeeded).
        """
        dirty = [p.page.tab for p in self._pages if p.page.tab is not None and p.page.tab.is_dirty()]
        if not dirty:
            return True
        answer = prompts.ask_unsaved(self)
        if answer == QMessageBox.StandardButton.Discard:
            for tab in dirty:
                tab.discard()
            return True
        if answer == QMessageBox.StandardButton.Save:
            self._save_all([t for t in dirty if t is not None], proceed)
        return False

    def save_current(self) -> None:
        tab = self._pages[self.tabs.currentIndex()].page.tab
        if tab is not None and tab.is_dirty():
            tab.save()

    # -- internals
    def _save_all(self, tabs: list[RecordTab], then: Callable[[], object] | None) -> None:
        if not tabs:
            if then:
                then()
            return
        tabs[0].save(lambda: self._save_all(tabs[1:], then))

    def _ensure(self, index: int) -> RecordTab:
        page = self._pages[index].page
        fresh = page.tab is None
        tab = page.ensure()
        if fresh and self.ctx.data is not None:
            tab.show_loaded(self.ctx.data)
        return tab

    def _on_loaded(self, data: Loaded) -> None:
        self.ctx.data = data
        client = data.record.client
        self.name_label.setText(client.name)
        self.number_label.setText(client.personal_number)
        self.stage_label.setText(self.tr("Stage: {stage}").format(stage=stage_label(data.record.stage))
                                 if data.record.stage else self.tr("Not enrolled"))
        self.status.hide()
        self._ensure(self.tabs.currentIndex())
        for entry in self._pages:
            if entry.page.tab is not None:
                entry.page.tab.show_loaded(data)
        self.loaded.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tabs.currentIndex() >= 0:
            self._ensure(self.tabs.currentIndex())

    def _on_load_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The record could not be opened: {reason}").format(
            reason=prompts.error_text(error)))
        self.status.setStyleSheet("color: #b00020;")
        self.status.show()
        self.load_failed.emit(error)

    def _on_changed(self, changes: Changes) -> None:
        self.changed.emit(changes)
        self.reload()

    def _on_tab_changed(self, index: int) -> None:
        if self._switching or index < 0:
            return
        previous = self._pages[self._current].page.tab
        if previous is not None and previous.is_dirty() and index != self._current:
            answer = prompts.ask_unsaved(self)
            if answer == QMessageBox.StandardButton.Cancel:
                self._go_back()
                return
            if answer == QMessageBox.StandardButton.Save:
                self._go_back()
                previous.save(lambda: self.tabs.setCurrentIndex(index))
                return
            previous.discard()
        self._current = index
        self._ensure(index)

    def _go_back(self) -> None:
        self._switching = True
        try:
            self.tabs.setCurrentIndex(self._current)
        finally:
            self._switching = False

    def _update_titles(self, _dirty: bool = False) -> None:
        for n, entry in enumerate(self._pages):
            dirty = entry.page.tab is not None and entry.page.tab.is_dirty()
            self.tabs.setTabText(n, entry.title + (" ●" if dirty else ""))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_leave(self.close):
            event.accept()
        else:
            event.ignore()
