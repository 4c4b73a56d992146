"""Assessment ratings per domain over time, one line per domain (QtCharts).

Ratings are whole numbers 1 to 5, so lines often coincide; as on the printed plan, each domain is
drawn slightly apart (``offset``) so equal ratings stay visible. Tooltips give the real rating.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLegend, QLegendMarker, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from entre_desktop.domain.assessment_domains import DOMAINS, MAX_RATING, MIN_RATING, domain_label
from entre_desktop.domain.models import Assessment

# Ten colours that stay apart for most kinds of colour vision (Tableau 10).
COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#7f7f7f")


def offset(index: int) -> float:
    return (index - (len(DOMAINS) - 1) / 2) * 0.045


def at(day: dt.date, hour: int = 0) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def msecs(day: dt.date) -> float:
    return float(at(day, 12).toMSecsSinceEpoch())


class AssessmentChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Ratings per domain (1 = great need of support, 5 = no need)"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(self.tr("Chart of assessment ratings per domain over time"))
        self.setMinimumHeight(260)
        self.axis_x = QDateTimeAxis()
        self.axis_x.setFormat("yyyy-MM-dd")
        self.axis_x.setTitleText(self.tr("Date"))
        self.axis_y = QValueAxis()
        self.axis_y.setRange(MIN_RATING - 0.3, MAX_RATING + 0.3)
        self.axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        self.axis_y.setTickAnchor(MIN_RATING)
        self.axis_y.setTickInterval(1)
        self.axis_y.setLabelFormat("%d")
        self.axis_y.setTitleText(self.tr("Rating"))
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series: dict[str, QLineSeries] = {}
        self._ratings: dict[str, list[int]] = {}
        for index, domain in enumerate(DOMAINS):
            series = QLineSeries()
            series.setName(domain_label(domain))
            pen = QPen(QColor(COLOURS[index]))
            pen.setWidthF(2.0)
            series.setPen(pen)
            series.setPointsVisible(True)
            series.setMarkerSize(5)
            chart.addSeries(series)
            series.attachAxis(self.axis_x)
            series.attachAxis(self.axis_y)
            series.hovered.connect(lambda point, state, d=domain: self._hover(d, point, state))
            self.series[domain] = series
        for marker in chart.legend().markers():
            marker.clicked.connect(lambda m=marker: self._toggle(m))
        self._set_range([])

    def show_assessments(self, assessments: Iterable[Assessment]) -> None:
        ordered = sorted(assessments, key=lambda a: a.assessed_on)
        for index, domain in enumerate(DOMAINS):
            rated = [(a.assessed_on, a.ratings[domain]) for a in ordered if domain in a.ratings]
            self.series[domain].replace([QPointF(msecs(day), value + offset(index)) for day, value in rated])
        self._set_range([a.assessed_on for a in ordered])

    def _set_range(self, days: list[dt.date]) -> None:
        if not days:
            today = dt.date.today()
            first, last = today - dt.timedelta(days=90), today
        else:
            first, last = min(days), max(days)
        pad = max(7, (last - first).days // 20)
        start, end = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
        self.axis_x.setRange(at(start), at(end))
        self.axis_x.setTickCount(min(6, max(2, len(set(days)) + 1)))

    def point_count(self, domain: str | None = None) -> int:
        if domain is not None:
            return self.series[domain].count()
        return sum(s.count() for s in self.series.values())

    def _hover(self, domain: str, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        day = QDateTime.fromMSecsSinceEpoch(int(point.x())).date()
        day_text = day.toString("yyyy-MM-dd")
        QToolTip.showText(self.cursor().pos(), f"{domain_label(domain)}: {round(point.y())} ({day_text})", self)

    def _toggle(self, marker: QLegendMarker) -> None:
        """Clicking a legend entry hides or shows that domain's line."""
        series = marker.series()
        series.setVisible(not series.isVisible())
        marker.setVisible(True)
        colour = marker.labelBrush().color()
        colour.setAlphaF(1.0 if series.isVisible() else 0.4)
        marker.setLabelBrush(colour)

    def clear(self) -> None:
        for series in self.series.values():
            series.clear()
        self._set_range([])

