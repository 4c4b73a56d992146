"""The base of every tab in a client record, and the page that builds a tab on first view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.record.context import Loaded, RecordContext
from ui.record.signals import Notifier


class RecordTab(QWidget):
    """One tab. Subclasses fill ``show_loaded`` and ``clear``; forms also the dirty protocol."""

    def __init__(self, ctx: RecordContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dirty_changed = Notifier()  # called with the new state when unsaved edits start or end
        self._was_dirty = False

    def show_loaded(self, data: Loaded) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Drop every personal datum this tab shows (called on lock)."""
        raise NotImplementedError

    # -- unsaved edits
    def is_dirty(self) -> bool:
        return False

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        """Save the dirty form; ``on_saved`` runs only if that worked."""
        if on_saved:
            on_saved()

    def discard(self) -> None:
        """Forget unsaved edits and show the loaded values again."""

    def update_dirty(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed(dirty)


class LazyPage(QWidget):
    """Holds a tab's place in the QTabWidget; creates the tab the first time it is needed."""

    def __init__(self, factory: Callable[[QWidget], RecordTab], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.tab: RecordTab | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> RecordTab:
        if self.tab is None:
            # Born in this page: moving a built (and styled) tab into place would style it all again.
            self.tab = self._factory(self)
            self.layout().addWidget(self.tab)
        return self.tab

    def drop(self) -> None:
        """Clear and destroy the tab so no widget keeps personal data (even in an undo history)."""
        if self.tab is not None:
            self.tab.clear()
            self.tab.hide()
            self.tab.setParent(None)
            self.tab.deleteLater()
            self.tab = None
