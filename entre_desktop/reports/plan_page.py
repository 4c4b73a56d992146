"""What every page of a printed plan carries: header band, footer with "Page X of Y", watermarks.

The page count is only known at the end, so :class:`PlanCanvas` keeps each finished page's state
and draws the header and footer when the document is saved (reportlab's "numbered canvas"
pattern): one layout pass instead of two. Watermarks are drawn when a page starts, beneath the
content, by :func:`draw_watermarks`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import IO, Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate  # type: ignore[import-untyped]

from entre_desktop.reports.fonts import BOLD, REGULAR
from entre_desktop.reports.plan_styles import (
    ACCENT,
    ALERT,
    BAND,
    BODY_SIZE,
    CONTENT_WIDTH,
    FRAME_BOTTOM,
    FRAME_TOP,
    INK,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    WATERMARK,
)
from entre_desktop.reports.text import Tr

_BAND_TOP = PAGE_HEIGHT - 10 * mm
_BAND_HEIGHT = 30.0
_FOOTER_RULE = 58.0
_FOOTER_SIZE = 7.0


@dataclasses.dataclass(frozen=True, kw_only=True)
class PageFurniture:
    """The texts repeated on every page, translated once per document."""

    tr: Tr
    variant_label: str
    """e.g. "AGENCY COPY — Socialtjänsten Malmö"; the band adds the watermark words after it."""
    classification: str
    running_title: str
    footer_lines: tuple[str, ...]
    watermarks: tuple[str, ...]
    printed_at: dt.datetime


def pdf_date(moment: dt.datetime) -> str:
    """A PDF date string (``D:YYYYMMDDHHmmSS+HH'mm'``) for the document info dictionary."""
    offset = moment.strftime("%z") or "+0000"
    return f"D:{moment.strftime('%Y%m%d%H%M%S')}{offset[:3]}'{offset[3:]}'"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` (a long name must not overrun)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_band(canvas: Canvas, furniture: PageFurniture) -> None:
    """Variant label and watermark words on the first line; running title and classification below."""
    bottom = _BAND_TOP - _BAND_HEIGHT
    left, right = MARGIN_X + 9, MARGIN_X + CONTENT_WIDTH - 7
    canvas.setFillColor(BAND)
    canvas.rect(MARGIN_X, bottom, CONTENT_WIDTH, _BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN_X, bottom, 3, _BAND_HEIGHT, stroke=0, fill=1)
    # The watermark words are repeated as plain text: a faint or rotated watermark may be lost
    # in printing or in text extraction, this label is not.
    marks = " · ".join(furniture.watermarks)
    marks_width = stringWidth(marks, BOLD, 9) + 12 if marks else 0
    canvas.setFont(BOLD, 9)
    canvas.drawString(left, bottom + 17.5, _fit(furniture.variant_label, BOLD, 9, right - left - marks_width))
    if marks:
        canvas.setFillColor(ALERT)
        canvas.drawRightString(right, bottom + 17.5, marks)
    classification_width = stringWidth(furniture.classification, REGULAR, 8) + 12
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(INK)
    canvas.drawRightString(right, bottom + 6.5, furniture.classification)
    canvas.setFillColor(MUTED)
    title = _fit(furniture.running_title, REGULAR, 8, right - left - classification_width)
    canvas.drawString(left, bottom + 6.5, title)


def _draw_footer(canvas: Canvas, furniture: PageFurniture, page: int, pages: int) -> None:
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, _FOOTER_RULE, MARGIN_X + CONTENT_WIDTH, _FOOTER_RULE)
    page_label = furniture.tr("Page {page} of {pages}", page=page, pages=pages)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 8)
    canvas.drawRightString(MARGIN_X + CONTENT_WIDTH, _FOOTER_RULE - 11, page_label)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, _FOOTER_SIZE)
    y = _FOOTER_RULE - 11
    room = CONTENT_WIDTH - stringWidth(page_label, BOLD, 8) - 12  # only the first line shares its row
    for line in furniture.footer_lines:
        canvas.drawString(MARGIN_X, y, _fit(line, REGULAR, _FOOTER_SIZE, room))
        y -= 9
        room = CONTENT_WIDTH


def draw_watermarks(canvas: Canvas, furniture: PageFurniture) -> None:
    if not furniture.watermarks:
        return
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(40)
    count = len(furniture.watermarks)
    for index, word in enumerate(furniture.watermarks):
        size = 84 if count == 1 else 68
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(0, (count - 1) * 45 - index * 110, word)
    canvas.restoreState()


class PlanCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws the header band and footer once the page count is known."""

    def __init__(self, *args: Any, furniture: PageFurniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._page_states: list[dict[str, Any]] = []
        stamp = pdf_date(furniture.printed_at)
        self.setDateFormatter(lambda *_parts: stamp)

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._page_states)
        for page, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            _draw_band(self, self._furniture)
            _draw_footer(self, self._furniture, page, pages)
            super().showPage()
        super().save()


PDF_LANGUAGE = {"en": "en-GB", "sv": "sv-SE"}


def document_template(buffer: IO[bytes], furniture: PageFurniture, *, template_id: str, title: str, subject: str,
                      author: str, creator: str, language: str) -> BaseDocTemplate:
    """An A4 document with one body frame, the page furniture's watermarks on every page, the
    embedded font from the first glyph, and no clock or random id (the same input gives the same
    bytes). Build it with ``canvasmaker=functools.partial(PlanCanvas, furniture=furniture)``."""
    template = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        title=title,  # never a client's name: file browsers and indexers show the metadata
        subject=subject,
        author=author,
        creator=creator,
        lang=PDF_LANGUAGE.get(language, "en-GB"),
        initialFontName=REGULAR,  # reportlab falls back to Helvetica, which is not embedded
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(MARGIN_X, FRAME_BOTTOM, CONTENT_WIDTH, FRAME_TOP - FRAME_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    page = PageTemplate(id=template_id, frames=[frame], onPage=lambda canvas, _doc: draw_watermarks(canvas, furniture))
    template.addPageTemplates([page])
    return template
