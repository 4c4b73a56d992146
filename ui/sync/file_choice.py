"""File and folder choosers of the sync screens. Module-level, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def open_file(parent: QWidget | None, title: str, start: Path, filters: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(start), filters)
    return Path(name) if name else None


def save_file(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None
