"""Showing errors: a user's mistake gets its message, a bug gets a calm dialog and a traceback.

Nothing may end the program silently: ``install_excepthook`` routes uncaught exceptions on any
thread to stderr and, on the main thread, to a message box.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QWidget

from entre_desktop.errors import (
    AuthenticationError,
    DatabaseDamagedError,
    DatabaseInUseError,
    DatabaseNewerError,
    EntreError,
    KeySlotFileError,
)


def describe(error: BaseException) -> str:
    """The text to show for ``error``: the core's translated message, or a calm generic one."""
    # Imported here: this module is loaded before the unlock window, the session's code after it.
    from entre_desktop.services.session import SessionClosedError

    if isinstance(error, SessionClosedError):
        return QCoreApplication.translate("Errors", "The database is locked. Unlock it to go on.")
    if isinstance(error, EntreError):
        return error.message
    return QCoreApplication.translate("Errors", "Something unexpected went wrong. Your saved work is safe. "
              "If it happens again, tell your administrator what you were doing.")


def title_for(error: BaseException) -> str:
    if isinstance(error, AuthenticationError):
        return QCoreApplication.translate("Errors", "Wrong user name or passphrase")
    if isinstance(error, DatabaseDamagedError | KeySlotFileError):
        return QCoreApplication.translate("Errors", "Damaged database")
    if isinstance(error, DatabaseInUseError):
        return QCoreApplication.translate("Errors", "Database in use")
    if isinstance(error, DatabaseNewerError):
        return QCoreApplication.translate("Errors", "Newer database")
    if isinstance(error, EntreError):
        return QCoreApplication.translate("Errors", "Could not do that")
    return QCoreApplication.translate("Errors", "Unexpected problem")


def show_error(parent: QWidget | None, error: BaseException, *, log: bool = True) -> None:
    """A message box for ``error``; unexpected errors also go to stderr with their traceback."""
    if log and not isinstance(error, EntreError):
        print_traceback(error)
    from PySide6.QtWidgets import QMessageBox  # its type and enums are built on first use, not at start-up

    box = QMessageBox(QMessageBox.Icon.Warning if isinstance(error, EntreError) else QMessageBox.Icon.Critical,
                      title_for(error), describe(error), QMessageBox.StandardButton.Ok, parent)
    if not isinstance(error, EntreError):
        box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


def print_traceback(error: BaseException) -> None:
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    sys.stderr.flush()


class _MainThreadRelay(QObject):
    report = Signal(object)


class ExceptHook:
    """Uncaught exceptions: stderr always; a message box on the main thread, one at a time."""

    def __init__(self, show: Callable[[BaseException], None] | None = None) -> None:
        self._showing = False
        self._relay = _MainThreadRelay()
        self._relay.report.connect(self._show_on_main)
        self._show = show or (lambda error: show_error(QApplication.activeWindow(), error, log=False))
        self.seen: list[BaseException] = []

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__

    def hook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        self.report(error)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value)

    def report(self, error: BaseException) -> None:
        self.seen.append(error)
        if not isinstance(error, EntreError):
            print_traceback(error)
        app = QCoreApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is app.thread():
            self._show_on_main(error)
        else:
            self._relay.report.emit(error)

    def _show_on_main(self, error: BaseException) -> None:
        if self._showing:
            return  # one dialog at a time: a loop of errors must not stack hundreds of boxes
        self._showing = True
        try:
            self._show(error)
        finally:
            self._showing = False
