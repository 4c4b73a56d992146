"""Where the program finds its shipped files and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "EntreDesktop"
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _shipped(package_dir: str, source_dir: Path) -> Path:
    """A data folder: in the packaged program's folder, beside the package when installed, or at
    the repository root in a checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # installer.spec puts the data where an installed package has it, under the bundle root.
        return Path(bundle) / "entre_desktop" / package_dir
    installed = Path(__file__).resolve().parent / package_dir
    if installed.is_dir():
        return installed
    return source_dir


def migrations_dir() -> Path:
    return _shipped("_migrations", _SOURCE_ROOT / "db" / "migrations")


def resources_dir() -> Path:
    return _shipped("_resources", _SOURCE_ROOT / "resources")


def data_dir() -> Path:
    import platformdirs  # only when a default folder is needed: it takes a few ms to load

    override = os.environ.get("ENTRE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get("ENTRE_DB")
    return Path(override) if override else data_dir() / "entre.db"


def log_dir() -> Path:
    import platformdirs  # only when a default folder is needed: it takes a few ms to load

    override = os.environ.get("ENTRE_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def slot_file_path(db_path: Path) -> Path:
    """The key-slot file beside a database (security/keyslots.py reads and writes it)."""
    return db_path.with_name(db_path.name + ".keys")


def database_exists(db_path: Path) -> bool:
    """A database or its key-slot file is there (cheap: the client asks before loading the core)."""
    return db_path.exists() or slot_file_path(db_path).exists()
