"""The strip above the caseload: what needs attention soon.

Counts come from ``services.dashboard.dashboard_counts``; until they arrive (or if that fails)
the release counts are worked out from the caseload rows already on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from entre_desktop.domain.models import CaseloadRow
from entre_desktop.services.dashboard import DashboardCounts


@dataclass(frozen=True)
class StripCounts:
    releases_30: int | None = None
    releases_90: int | None = None
    overdue_actions: int | None = None
    plans_awaiting_approval: int | None = None
    risk_flags_due: int | None = None

    @classmethod
    def from_service(cls, counts: DashboardCounts) -> StripCounts:
        return cls(counts.releases_within_30_days, counts.releases_within_90_days, counts.overdue_actions,
                   counts.plans_awaiting_approval, counts.risk_flags_due)

    @classmethod
    def from_rows(cls, rows: Iterable[CaseloadRow], today: dt.date) -> StripCounts:
        releases_30 = releases_90 = overdue = 0
        for row in rows:
            if row.days_to_release is not None and 0 <= row.days_to_release <= 90:
                releases_90 += 1
                if row.days_to_release <= 30:
                    releases_30 += 1
            if row.next_action_due is not None and row.next_action_due < today:
                overdue += 1
        return cls(releases_30, releases_90, overdue, None, None)


class Tile(QToolButton):
    """A number and what it counts; clicking it may apply a matching filter."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("dashboardTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._number = QLabel("–", self)
        self._number.setObjectName("tileNumber")
        self._caption = QLabel(self)
        self._caption.setObjectName("tileCaption")
        for label in (self._number, self._caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        layout.addWidget(self._number)
        layout.addWidget(self._caption)
        self.setMinimumHeight(64)
        self.setMinimumWidth(150)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        inner = layout.sizeHint() if layout is not None else QSize(150, 64)
        return QSize(max(150, inner.width()), max(64, inner.height()))

    def set_caption(self, caption: str) -> None:
        self._caption.setText(caption)
        self._update_accessible()

    def set_value(self, value: int | None) -> None:
        self._number.setText("–" if value is None else str(value))
        self.setProperty("attention", bool(value) and self.key in ("overdue", "risk"))
        self.style().unpolish(self)
        self.style().polish(self)
        self._update_accessible()

    @property
    def value_text(self) -> str:
        return self._number.text()

    def _update_accessible(self) -> None:
        self.setAccessibleName(f"{self._caption.text()}: {self._number.text()}")


class DashboardStrip(QWidget):
    """Emits ``filter_requested(days)`` when a release tile is clicked."""

    filter_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardStrip")
        self.tiles = {key: Tile(key, self) for key in ("release30", "release90", "overdue", "approval", "risk")}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for tile in self.tiles.values():
            layout.addWidget(tile)
        layout.addStretch(1)
        self.tiles["release30"].clicked.connect(lambda: self.filter_requested.emit(30))
        self.tiles["release90"].clicked.connect(lambda: self.filter_requested.emit(90))
        self.counts = StripCounts()
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "release30": self.tr("Releases in 30 days"),
            "release90": self.tr("Releases in 90 days"),
            "overdue": self.tr("Overdue actions"),
            "approval": self.tr("Plans awaiting approval"),
            "risk": self.tr("Risk flags due"),
        }
        for key, tile in self.tiles.items():
            tile.set_caption(captions[key])
        self.tiles["release30"].setToolTip(self.tr("Show the clients released in the next 30 days"))
        self.tiles["release90"].setToolTip(self.tr("Show the clients released in the next 90 days"))
        self.tiles["risk"].setToolTip(self.tr("Active risk flags to review within 14 days, overdue ones included"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_counts(self, counts: StripCounts) -> None:
        self.counts = counts
        self.tiles["release30"].set_value(counts.releases_30)
        self.tiles["release90"].set_value(counts.releases_90)
        self.tiles["overdue"].set_value(counts.overdue_actions)
        self.tiles["approval"].set_value(counts.plans_awaiting_approval)
        self.tiles["risk"].set_value(counts.risk_flags_due)

    def clear(self) -> None:
        self.set_counts(StripCounts())
