"""PDF bytes into Qt: the preview's QPdfDocument, and pages painted onto a QPrinter.

Qt cannot send a PDF to a printer as it is, so each page is rendered to an image (at the printer's
resolution, at most ``MAX_PRINT_DPI``) and painted full-size onto the page, one copy after the
other in one print job. ``paint_copies`` is meant for a worker thread: it creates and destroys its
own QPdfDocument there, and Qt allows painting on a QPrinter outside the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from entre_desktop.errors import EntreError

# 300 dpi is what office laser printers print text at; a 1200 dpi bitmap of an A4 page would be
# 140 million pixels (over half a gigabyte) for no visible gain.
MAX_PRINT_DPI = 300


class PrinterError(EntreError):
    """The printer could not be opened or stopped part-way; ``message`` is translated."""


def open_pdf(document: QPdfDocument, data: bytes) -> QBuffer:
    """Load ``data`` into ``document``; keep the returned buffer alive as long as the document is open."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def paint_copies(printer: QPrinter, pdfs: Sequence[bytes], *, failed: str) -> int:
    """Paint every page of every PDF onto ``printer``, as one print job; the number of pages sent.

    ``failed`` is the (translated) message for a printer that cannot be opened.
    """
    printer.setFullPage(True)  # the PDF page already has its margins: print it at its true size
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(failed)
    pages = 0
    try:
        for data in pdfs:
            document = QPdfDocument()
            buffer = open_pdf(document, data)
            try:
                if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
                    raise PrinterError(failed)
                for page in range(document.pageCount()):
                    if pages and not printer.newPage():
                        raise PrinterError(failed)
                    _paint_page(painter, printer, document, page)
                    pages += 1
            finally:
                document.close()
                buffer.close()
                del document, buffer
    finally:
        painter.end()
    return pages


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    size = document.pagePointSize(page)  # points (1/72 inch)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    image = document.render(page, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)))
    target = printer.paperRect(QPrinter.Unit.DevicePixel)
    # Scale to the paper, keeping the page's proportions (A4 on Letter paper fits, centred).
    scale = min(target.width() / size.width(), target.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    left = target.x() + (target.width() - width) / 2
    top = target.y() + (target.height() - height) / 2
    painter.drawImage(QRectF(left, top, width, height), image)
