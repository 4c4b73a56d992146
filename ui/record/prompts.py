"""The few modal questions the record asks. Module-level so tests can replace them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from entre_desktop.errors import EntreError


def ask_unsaved(parent: QWidget | None) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for edits that are not saved yet."""
    buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
               | QMessageBox.StandardButton.Cancel)
    return QMessageBox.question(
        parent, QCoreApplication.translate("RecordPrompts", "Unsaved changes"),
        QCoreApplication.translate("RecordPrompts", "You have changes that are not saved yet. Save them before you go on?"),
        buttons, QMessageBox.StandardButton.Save,
    )


def error_text(error: BaseException) -> str:
    """The message to show for a failed job: the core's own message, or a calm generic one."""
    if isinstance(error, EntreError):
        return error.message
    return QCoreApplication.translate("RecordPrompts", "Something went wrong and nothing was changed. Try again; if it happens again, "
               "tell your administrator.") + f"\n\n({type(error).__name__}: {error})"


def show_error(parent: QWidget | None, error: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("RecordPrompts", "Could not complete"), error_text(error))


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
