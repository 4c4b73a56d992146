"""Answers from the DB worker for widgets that may be gone by the time the answer arrives."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

T = TypeVar("T")


def while_alive(owner: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """``callback``, dropped quietly if ``owner`` (a dialog, a page) was deleted meanwhile."""

    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call
