"""The system's own dialogs used when printing. Module-level, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog for ``printer``; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintChoosers", "Print release plan"))
    # Whole copies only: every printed copy is numbered and logged as one.
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save a PDF copy; None if cancelled. A missing ``.pdf`` suffix is added."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PrintChoosers", "Save release plan as PDF"), str(suggested),
        QCoreApplication.translate("PrintChoosers", "PDF documents (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def choose_folder(parent: QWidget | None, start: Path) -> Path | None:
    """A folder to write a batch of PDFs into; None if cancelled."""
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("PrintChoosers", "Folder for the release plans"), str(start))
    return Path(name) if name else None
