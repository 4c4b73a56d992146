"""The client's own settings, kept in an ini file in the data folder.

An ini file beside the data (not the registry or ~/.config) keeps every installation's settings
with its data, and lets tests isolate them with ``ENTRE_DATA_DIR`` alone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from entre_desktop.i18n import SUPPORTED, system_language
from entre_desktop.paths import data_dir

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
DEFAULT_BACKUP_REMINDER_DAYS = 7
MIN_BACKUP_REMINDER_DAYS = 1
MAX_BACKUP_REMINDER_DAYS = 365


def settings_path() -> Path:
    return data_dir() / "settings.ini"


class AppSettings:
    """Typed access to the settings; cheap to create, every instance sees the same file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # -- language
    @property
    def language(self) -> str:
        value = str(self._qs.value("ui/language", "") or "")
        return value if value in SUPPORTED else system_language()

    @language.setter
    def language(self, value: str) -> None:
        if value not in SUPPORTED:
            raise ValueError(value)
        self._qs.setValue("ui/language", value)

    # -- locking
    @property
    def idle_minutes(self) -> int:
        try:
            value = int(str(self._qs.value("security/idle_lock_minutes", DEFAULT_IDLE_MINUTES)))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES
        return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, value))

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._qs.setValue("security/idle_lock_minutes", max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, int(value))))

    # -- printing (a placeholder until printing arrives)
    @property
    def default_printer(self) -> str:
        return str(self._qs.value("printing/default_printer", "") or "")

    @default_printer.setter
    def default_printer(self, value: str) -> None:
        self._qs.setValue("printing/default_printer", value.strip())

    # -- backups: remind administrators when the last one is older than this
    @property
    def backup_reminder_days(self) -> int:
        try:
            value = int(str(self._qs.value("backup/reminder_days", DEFAULT_BACKUP_REMINDER_DAYS)))
        except (TypeError, ValueError):
            return DEFAULT_BACKUP_REMINDER_DAYS
        return max(MIN_BACKUP_REMINDER_DAYS, min(MAX_BACKUP_REMINDER_DAYS, value))

    @backup_reminder_days.setter
    def backup_reminder_days(self, value: int) -> None:
        self._qs.setValue("backup/reminder_days",
                          max(MIN_BACKUP_REMINDER_DAYS, min(MAX_BACKUP_REMINDER_DAYS, int(value))))

    # -- the database last opened, and who opened it
    @property
    def database_path(self) -> Path | None:
        value = str(self._qs.value("database/path", "") or "")
        return Path(value) if value else None

    @database_path.setter
    def database_path(self, value: Path | None) -> None:
        self._qs.setValue("database/path", str(value) if value else "")

    @property
    def last_user(self) -> str:
        return str(self._qs.value("database/last_user", "") or "")

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._qs.setValue("database/last_user", value)

    # -- the exchange folder, where sites drop bundles for each other
    @property
    def exchange_folder(self) -> Path | None:
        value = str(self._qs.value("sync/exchange_folder", "") or "")
        return Path(value) if value else None

    @exchange_folder.setter
    def exchange_folder(self, value: Path | None) -> None:
        self._qs.setValue("sync/exchange_folder", str(value) if value else "")

    @property
    def exchange_on_unlock(self) -> bool:
        return str(self._qs.value("sync/exchange_on_unlock", "false")).lower() == "true"

    @exchange_on_unlock.setter
    def exchange_on_unlock(self, value: bool) -> None:
        self._qs.setValue("sync/exchange_on_unlock", "true" if value else "false")

    # -- window state
    def window_geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def header_state(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"window/header_{name}")
        return value if isinstance(value, QByteArray) else None

    def set_header_state(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/header_{name}", value)
