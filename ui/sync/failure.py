"""Failures in the sync screens: a user's problem is said in the screen, a bug gets the error dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from entre_desktop.errors import EntreError
from ui.errors import describe, show_error
from ui.widgets.field_error import FieldError


def show_failure(parent: QWidget, where: FieldError, error: BaseException) -> None:
    """The core's message in ``where`` (it says what is wrong and what to do), else the error dialog."""
    if isinstance(error, EntreError):
        where.show_message(describe(error))
    else:
        where.clear_message()
        show_error(parent, error)
