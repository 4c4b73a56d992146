"""Small layout blocks shared by the plan's sections: paragraphs, bullet lists and tables.

Every table cell is a Paragraph so that long text wraps inside its column; free text is escaped
here (``esc``) so a ``<`` or ``&`` in a name can never break the layout or inject markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle  # type: ignore[import-untyped]

from entre_desktop.reports.plan_styles import BAND, CONTENT_WIDTH, GRID_TABLE, KEY_VALUE_TABLE, styles
from entre_desktop.reports.text import esc

Cell: TypeAlias = str | Flowable | list[Flowable]

_GRID_STYLE = TableStyle(list(GRID_TABLE))
_KEY_VALUE_STYLE = TableStyle(list(KEY_VALUE_TABLE))


def para(markup: str, style_name: str = "body") -> Paragraph:
    """A paragraph from markup whose text parts are already escaped with ``esc``."""
    return Paragraph(markup, getattr(styles(), style_name))


def text(value: str, style_name: str = "body") -> Paragraph:
    """A paragraph of free text from the plan."""
    return Paragraph(esc(value), getattr(styles(), style_name))


def bullets(items: Sequence[str], style_name: str = "bullet") -> list[Flowable]:
    style = getattr(styles(), style_name)
    return [Paragraph(esc(item), style, bulletText="•") for item in items]


def numbered(items: Sequence[str]) -> list[Flowable]:
    style = styles().bullet
    return [Paragraph(esc(item), style, bulletText=f"{n}.") for n, item in enumerate(items, 1)]


def _cell(value: Cell, style_name: str) -> Flowable | list[Flowable]:
    return text(value, style_name) if isinstance(value, str) else value


def _widths(fractions: Sequence[float]) -> list[float]:
    total = sum(fractions)
    return [CONTENT_WIDTH * f / total for f in fractions]


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], fractions: Sequence[float]) -> Table:
    """A table with a shaded header row that repeats when the table continues on the next page."""
    data = [[text(label, "header_cell") for label in header]]
    data.extend([_cell(value, "cell") for value in row] for row in rows)
    # splitInRow: a row taller than the space left (a very long action) continues on the next page
    # instead of failing the whole document; each part is at least 36 pt high.
    return Table(data, colWidths=_widths(fractions), repeatRows=1, splitInRow=36, style=_GRID_STYLE, hAlign="LEFT")


def key_value_table(pairs: Sequence[tuple[str, Cell]], fractions: Sequence[float] = (0.32, 0.68)) -> Table:
    """Label/value rows; with four fractions the pairs are laid out two per row."""
    per_row = len(fractions) // 2
    data: list[list[Flowable | list[Flowable] | str]] = []
    for start in range(0, len(pairs), per_row):
        row: list[Flowable | list[Flowable] | str] = []
        for label, value in pairs[start : start + per_row]:
            row.extend([text(label, "cell_bold"), _cell(value, "cell")])
        data.append(row + [""] * (len(fractions) - len(row)))
    if per_row == 1:
        return Table(data, colWidths=_widths(fractions), splitInRow=36, style=_KEY_VALUE_STYLE, hAlign="LEFT")
    last = len(data) - 1
    lone = len(pairs) % 2 == 1
    commands: list[tuple[object, ...]] = [*KEY_VALUE_TABLE]
    commands.append(("BACKGROUND", (2, 0), (2, last - 1 if lone else last), BAND))
    if lone:
        # A lone pair in the last row: its value spans the empty label and value cells.
        commands.append(("SPAN", (1, last), (3, last)))
    return Table(data, colWidths=_widths(fractions), splitInRow=36, style=TableStyle(commands), hAlign="LEFT")
