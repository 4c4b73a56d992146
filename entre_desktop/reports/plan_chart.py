"""The monitoring chart: one line per assessment domain over time, with a legend.

Ratings are whole numbers 1-5, so lines for different domains often coincide; each domain is
drawn a little above or below its true value (at most 0.2) and with its own marker shape, so every
line stays visible in colour and in black-and-white print. The exact values are in the table that
follows the chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.graphics.charts.lineplots import LinePlot  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing, Line, String  # type: ignore[import-untyped]
from reportlab.graphics.widgets.markers import makeMarker  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]

from entre_desktop.reports.fonts import REGULAR
from entre_desktop.reports.plan_document import (
    DOMAINS,
    MAX_RATING,
    MIN_RATING,
    AssessmentPoint,
    DomainCode,
)
from entre_desktop.reports.plan_styles import CONTENT_WIDTH, GRID, INK, MUTED
from entre_desktop.reports.text import DOMAIN_LABELS, Tr

# Okabe-Ito and two darker tones: distinguishable with common colour-vision deficiencies.
_COLOURS = tuple(
    colors.HexColor(code)
    for code in (
        "#0072B2",
        "#D55E00",
        "#009E73",
        "#CC79A7",
        "#E69F00",
        "#56B4E9",
        "#000000",
        "#8C6D1F",
        "#7A5195",
        "#9E9E9E",
    )
)
_MARKERS = (
    "FilledCircle",
    "FilledSquare",
    "FilledDiamond",
    "FilledTriangle",
    "Circle",
    "Square",
    "Diamond",
    "Triangle",
    "FilledPentagon",
    "Cross",
)
_MAX_DATE_LABELS = 7
_PLOT_HEIGHT = 175.0
_LEGEND_COLUMNS = 4
_LEGEND_ROW_HEIGHT = 13.0
_AXIS_FONT_SIZE = 7.0
_BOTTOM_PADDING = 8.0


def _offset(index: int) -> float:
    return (index - (len(DOMAINS) - 1) / 2) * 0.045


def _tick_days(days: Sequence[int]) -> list[int]:
    if len(days) <= _MAX_DATE_LABELS:
        return list(days)
    step = (len(days) - 1) / (_MAX_DATE_LABELS - 1)
    return [days[round(i * step)] for i in range(_MAX_DATE_LABELS)]


def _date_label(ordinal: float) -> str:
    return dt.date.fromordinal(round(ordinal)).isoformat()


def _present(points: Sequence[AssessmentPoint]) -> list[tuple[int, DomainCode]]:
    """(colour index, domain) for the domains rated at least once; colours stay fixed per domain."""
    return [(i, d) for i, d in enumerate(DOMAINS) if any(d in point.ratings for point in points)]


def _plot(points: Sequence[AssessmentPoint], width: float, bottom: float) -> LinePlot:
    days = sorted({point.on.toordinal() for point in points})
    margin = max(7, (days[-1] - days[0]) // 20)
    ordered = sorted(points, key=lambda p: p.on)
    plot = LinePlot()
    plot.x, plot.y = 28, bottom
    plot.width, plot.height = width - 40, _PLOT_HEIGHT
    series = []
    for line_index, (index, domain) in enumerate(_present(points)):
        series.append([(p.on.toordinal(), p.ratings[domain] + _offset(index)) for p in ordered if domain in p.ratings])
        line = plot.lines[line_index]
        line.strokeColor = _COLOURS[index]
        line.strokeWidth = 1.1
        line.symbol = makeMarker(_MARKERS[index], size=4.5)
        line.symbol.fillColor = line.symbol.strokeColor = _COLOURS[index]
    plot.data = series
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = days[0] - margin, days[-1] + margin
    x_axis.valueSteps = _tick_days(days)
    x_axis.labelTextFormat = _date_label
    y_axis.valueMin, y_axis.valueMax = MIN_RATING - 0.5, MAX_RATING + 0.5
    y_axis.valueSteps = list(range(MIN_RATING, MAX_RATING + 1))
    y_axis.labelTextFormat = "%d"
    y_axis.visibleGrid = 1
    y_axis.gridStrokeColor = GRID
    y_axis.gridStrokeWidth = 0.3
    for axis in (x_axis, y_axis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = _AXIS_FONT_SIZE
        axis.labels.fillColor = MUTED
        axis.strokeColor = MUTED
        axis.strokeWidth = 0.5
    return plot


def _legend(drawing: Drawing, present: list[tuple[int, DomainCode]], tr: Tr, width: float) -> None:
    rows = -(-len(present) // _LEGEND_COLUMNS)
    column_width = (width - 28) / _LEGEND_COLUMNS
    for slot, (index, domain) in enumerate(present):
        row, column = divmod(slot, _LEGEND_COLUMNS)
        x = column * column_width + 28
        y = (rows - 1 - row) * _LEGEND_ROW_HEIGHT + _BOTTOM_PADDING
        drawing.add(Line(x, y + 3, x + 16, y + 3, strokeColor=_COLOURS[index], strokeWidth=1.3))
        marker = makeMarker(_MARKERS[index], size=4.5, x=x + 8, y=y + 3)
        marker.fillColor = marker.strokeColor = _COLOURS[index]
        drawing.add(marker)
        label = tr(DOMAIN_LABELS[domain])
        drawing.add(String(x + 20, y, label, fontName=REGULAR, fontSize=7, fillColor=INK))


def monitoring_chart(points: Sequence[AssessmentPoint], tr: Tr) -> Drawing:
    """A drawing as wide as the text column; ``points`` must not be empty."""
    width = CONTENT_WIDTH
    legend_height = -(-len(_present(points)) // _LEGEND_COLUMNS) * _LEGEND_ROW_HEIGHT + _BOTTOM_PADDING
    plot_bottom = legend_height + 22
    drawing = Drawing(width, plot_bottom + _PLOT_HEIGHT + 8)
    drawing.initialFontName = REGULAR  # else the renderer's start-up state references Helvetica
    drawing.add(_plot(points, width, plot_bottom))
    _legend(drawing, _present(points), tr, width)
    return drawing
