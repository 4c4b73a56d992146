"""File choosers for the operations screens. Module-level functions, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

BACKUP_SUFFIX = ".entre-backup"




def choose_backup_target(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("OperationsFiles", "Save the backup as"), str(suggested),
                                                QCoreApplication.translate("OperationsFiles", "Entré Desktop backups (*.entre-backup)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(BACKUP_SUFFIX)


def choose_backup_file(parent: QWidget | None, start: Path) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("OperationsFiles", "Choose a backup to restore"), str(start),
                                                QCoreApplication.translate("OperationsFiles", "Entré Desktop backups (*.entre-backup);;All files (*)"))
    return Path(name) if name else None


def choose_export_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to write the register extract; the JSON file goes beside the PDF."""
    name, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("OperationsFiles", "Save the register extract as"), str(suggested),
                                                QCoreApplication.translate("OperationsFiles", "PDF and JSON files (*.pdf)"))
    return Path(name) if name else None
