"""Unlocking the database: user name and passphrase, with a growing wait after failures.

The wait comes from the failures the core keeps in the key-slot file (``recent_failures``), so
closing and reopening the dialog, or restarting the program, does not reset it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.errors import AuthenticationError, EntreError
from ui.demo_db import DEMO_PASSPHRASE, DEMO_USER
from ui.errors import describe, title_for
from ui.guard import while_alive
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from ui.session_info import SessionInfo

MAX_DELAY_SECONDS = 30
DELAY_LOOKUP_FALLBACK_MS = 500  # see UnlockDialog.paintEvent


def unlock_delay(failures: int) -> int:
    """Seconds to wait before the next attempt: 0, 1, 2, 4, 8, 16, 30, 30, …"""
    if failures <= 0:
        return 0
    return int(min(MAX_DELAY_SECONDS, 2 ** (failures - 1)))


class UnlockDialog(QDialog):
    """Emits ``unlocked(SessionInfo)`` and accepts once the runner holds the new session."""

    unlocked = Signal(object)

    def __init__(self, runner: TaskRunner, db_path: Path, *, user_name: str = "", demo: bool = False,
                 site_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._db_path = db_path
        self._demo = demo
        self._site_hint = site_hint
        self._remaining = 0
        self.tick_ms = 1000  # tests shorten the countdown
        self.info: SessionInfo | None = None
        self.last_error: BaseException | None = None
        self.setObjectName("unlockDialog")
        self.setModal(True)
        self.setMinimumWidth(440)

        self._heading = QLabel(self)
        self._heading.setObjectName("dialogHeading")
        self._where = QLabel(self)
        self._where.setObjectName("secondaryText")
        self._where.setWordWrap(True)
        self.user_edit = QLineEdit(self)
        self.user_edit.setText(DEMO_USER if demo and not user_name else user_name)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._demo_hint = QLabel(self)
        self._demo_hint.setObjectName("demoHint")
        self._demo_hint.setWordWrap(True)
        if demo:
            from PySide6.QtCore import Qt

            self._demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._demo_hint.setVisible(demo)
        # Its text format is set with its first message. ``Qt`` is imported where it is used, not
        # at the top: its first import builds all of its enums (about 15 ms), which the start-up
        # window does not need to wait for.
        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setFixedHeight(6)
        self._busy.hide()

        # By keyword: given positionally, PySide6 weighs the overload that takes a Qt.Orientation and
        # so builds all of the Qt namespace's enums first (15 ms before the first paint).
        self._buttons = QDialogButtonBox(parent=self)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self._buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self._quit = self._buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self._buttons.accepted.connect(self.try_unlock)
        self._buttons.rejected.connect(self.reject)

        self._form = QFormLayout()
        self._form.addRow(QLabel(self), self.user_edit)
        self._form.addRow(QLabel(self), self.passphrase_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self._where)
        layout.addSpacing(8)
        layout.addLayout(self._form)
        layout.addWidget(self._demo_hint)
        layout.addWidget(self.message_label)
        layout.addWidget(self._busy)
        layout.addWidget(self._buttons)
        self.setTabOrder(self.user_edit, self.passphrase_edit)
        self.setTabOrder(self.passphrase_edit, self.unlock_button)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.user_edit.textChanged.connect(self._update_button)
        self.passphrase_edit.textChanged.connect(self._update_button)
        self._retranslate()
        self._update_button()
        # The wait left from earlier failures is looked up once the window is painted: that first
        # job sets up the runner's delivery, which builds Qt's enums (about 15 ms) the window does
        # not need. Should it not be painted soon (hidden, minimised), the look-up runs anyway.
        self._delay_looked_up = not self.user_edit.text()
        if self.user_edit.text():
            self.passphrase_edit.setFocus()
            QTimer.singleShot(DELAY_LOOKUP_FALLBACK_MS, self, self._look_up_delay)
        else:
            self.user_edit.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._delay_looked_up:
            QTimer.singleShot(0, self, self._look_up_delay)

    # -- text
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unlock Entré Desktop"))
        self._heading.setText(self.tr("Unlock the database"))
        where = self._site_hint or str(self._db_path)
        self._where.setText(self.tr("Database: %1").replace("%1", where))
        label = self._form.labelForField(self.user_edit)
        if isinstance(label, QLabel):
            label.setText(self.tr("&User name:"))
            label.setBuddy(self.user_edit)
        label = self._form.labelForField(self.passphrase_edit)
        if isinstance(label, QLabel):
            label.setText(self.tr("&Passphrase:"))
            label.setBuddy(self.passphrase_edit)
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self._demo_hint.setText(
            self.tr("This is the demo database of fictional people. User name: %1, passphrase: %2")
            .replace("%1", DEMO_USER).replace("%2", DEMO_PASSPHRASE))
        self._quit.setText(self.tr("Quit"))
        self._update_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- state
    @property
    def remaining_delay(self) -> int:
        return self._remaining

    @property
    def message(self) -> str:
        """The problem shown to the user, as plain text ('' when none)."""
        return self.message_label.accessibleName() if not self.message_label.isHidden() else ""

    def _update_button(self) -> None:
        working = self._busy.isVisible()
        if self._remaining > 0:
            self.unlock_button.setText(self.tr("Wait %1 s").replace("%1", str(self._remaining)))
        else:
            self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setEnabled(not working and self._remaining == 0 and bool(self.user_edit.text().strip())
                                and bool(self.passphrase_edit.text()))

    def _set_working(self, working: bool) -> None:
        self._busy.setVisible(working)
        self.user_edit.setEnabled(not working)
        self.passphrase_edit.setEnabled(not working)
        self._update_button()

    def _show_message(self, title: str, text: str) -> None:
        from PySide6.QtCore import Qt

        self.message_label.setTextFormat(Qt.TextFormat.RichText)  # the text is escaped below
        if title:
            self.message_label.setText(f"<b>{_escape(title)}</b><br>{_escape(text)}")
            self.message_label.setAccessibleName(f"{title}. {text}")
        else:
            self.message_label.setText(_escape(text))
            self.message_label.setAccessibleName(text)
        self.message_label.show()

    # -- delay after failures
    def _look_up_delay(self) -> None:
        if not self._delay_looked_up:
            self._delay_looked_up = True
            self._check_delay()

    def _check_delay(self) -> None:
        user = self.user_edit.text().strip()
        path = self._db_path
        def failures() -> int:
            # Imported here, on the worker: the unlock window shows before the core is loaded.
            from entre_desktop.services.database import recent_failures

            return recent_failures(path, user)

        self._runner.run_plain(failures, on_success=while_alive(self, self.start_delay),
                               on_failure=lambda _error: None)

    def start_delay(self, failures: int) -> None:
        self._remaining = unlock_delay(failures)
        if self._remaining > 0:
            self._timer.start(self.tick_ms)
        self._update_button()

    def _tick(self) -> None:
        self._remaining = max(0, self._remaining - 1)
        if self._remaining == 0:
            self._timer.stop()
            self.passphrase_edit.setFocus()
        self._update_button()

    # -- unlocking
    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        user = self.user_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        path = self._db_path
        runner = self._runner

        def job() -> SessionInfo:
            from entre_desktop.services.database import unlock_database
            from ui.session_info import SessionInfo  # on the worker, after the window is up

            session = unlock_database(path, user_name=user, passphrase=passphrase)
            runner.set_session(session)
            return SessionInfo.of(session)

        self.message_label.hide()
        self._set_working(True)
        runner.run_plain(job, on_success=while_alive(self, self._succeeded),
                         on_failure=while_alive(self, self._failed))

    def _succeeded(self, info: SessionInfo) -> None:
        self._set_working(False)
        self.passphrase_edit.clear()
        self.info = info
        self.unlocked.emit(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self._set_working(False)
        # The core's own message already says "wrong user name or passphrase": no heading above it.
        self._show_message("" if isinstance(error, AuthenticationError) else title_for(error), describe(error))
        if isinstance(error, AuthenticationError):
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            self._check_delay()
        elif not isinstance(error, EntreError):
            from ui.errors import print_traceback

            print_traceback(error)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
