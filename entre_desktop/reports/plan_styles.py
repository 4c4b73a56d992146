"""Page geometry, colours and paragraph/table styles for printed plans (built once per process)."""

from __future__ import annotations

import dataclasses
import functools

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]

from entre_desktop.reports.fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_TOP = PAGE_HEIGHT - 25 * mm
FRAME_BOTTOM = 24 * mm

INK = colors.HexColor("#1d2733")
ACCENT = colors.HexColor("#1f4e79")
ALERT = colors.HexColor("#a23b2a")
MUTED_HEX = "#5b6775"  # for <font color> in Paragraph markup
MUTED = colors.HexColor(MUTED_HEX)
BAND = colors.HexColor("#e9eff5")
HEADER_FILL = colors.HexColor("#dce6f0")
GRID = colors.HexColor("#b4c2d0")
WATERMARK = colors.HexColor("#d5dde5")

BODY_SIZE = 10
CELL_SIZE = 9


@dataclasses.dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_bullet: ParagraphStyle
    header_cell: ParagraphStyle
    legend_note: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=13.5,
        textColor=INK,
        spaceAfter=4,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=11.5, spaceAfter=0)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT, spaceAfter=2
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=12.5, leading=16, spaceAfter=8),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=body,
        note=ParagraphStyle("note", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        bullet=ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=14,
            bulletIndent=3,
            bulletFontName=REGULAR,
            spaceAfter=2,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_bullet=ParagraphStyle("cell_bullet", parent=cell, leftIndent=10, bulletIndent=0, spaceAfter=1),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=BOLD, fontSize=8.5, leading=10.5),
        legend_note=ParagraphStyle("legend_note", parent=body, fontSize=8, leading=10, textColor=MUTED),
    )


# Light grid, shaded header row, top-aligned cells: shared by every table in the plan.
GRID_TABLE = (
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ("INNERGRID", (0, 0), (-1, -1), 0.35, GRID),
    ("BOX", (0, 0), (-1, -1), 0.5, GRID),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
)

# Label/value pairs (identity, key dates): shaded label column instead of a header row.
KEY_VALUE_TABLE = (
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (0, -1), BAND),
    ("INNERGRID", (0, 0), (-1, -1), 0.35, GRID),
    ("BOX", (0, 0), (-1, -1), 0.5, GRID),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
)
