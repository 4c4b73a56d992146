"""A non-blocking reminder in the status bar when the last backup is older than the setting.

Shown after unlocking, to those who may back up (administrators); "Back up now" starts the
same flow as File → Backup…, "Dismiss" hides it until the next unlock.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from entre_desktop.services.backup import backup_overdue, last_backup_at
from entre_desktop.services.session import Session


def overdue_since(session: Session, days: int) -> tuple[bool, dt.datetime | None]:
    """(a reminder is due, the last backup's time). Runs on the worker."""
    return backup_overdue(session, days), last_backup_at(session)


class BackupReminder(QFrame):
    back_up_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupReminder")
        self.label = QLabel(self)
        self.label.setObjectName("warningText")
        self.button = QPushButton(self.tr("Back up now"), self)
        self.button.clicked.connect(self.back_up_requested.emit)
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setFlat(True)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addWidget(self.dismiss)
        self.hide()

    def show_for(self, last: dt.datetime | None, days: int) -> None:
        if last is None:
            text = self.tr("This database has never been backed up.")
        else:
            text = self.tr("The last backup was made %1, more than %2 days ago.") \
                .replace("%1", last.astimezone().strftime("%Y-%m-%d")).replace("%2", str(days))
        self.label.setText(text)
        self.show()
