"""Numbered SQL migrations applied in one transaction that bumps ``PRAGMA user_version``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.errors import DatabaseNewerError, StorageWriteError
from entre_desktop.i18n import _
from entre_desktop.paths import migrations_dir
from entre_desktop.storage.atomic import describe_os_error, durable_copy
from entre_desktop.storage.connection import Connection

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available_migrations(folder: Path | None = None) -> list[Migration]:
    folder = folder or migrations_dir()
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations in {folder} are not numbered 1..n: {versions}")
    return found


def latest_version(folder: Path | None = None) -> int:
    return len(available_migrations(folder))


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_path_for(db_path: Path, from_version: int) -> Path:
    return db_path.with_name(f"{db_path.name}.before-v{from_version + 1}.bak")


def check_not_newer(conn: Connection, *, folder: Path | None = None) -> int:
    """The schema version; DatabaseNewerError when this program does not know it. Reads only."""
    known = latest_version(folder)
    current = schema_version(conn)
    if current > known:
        raise DatabaseNewerError(
            _(
                "This database was written by a newer version of Entré Desktop (schema {found}, "
                "this program knows {known}). Install the newer version to open it.",
                found=current,
                known=known,
            )
        )
    return current


def migrate(conn: Connection, *, db_path: Path | None, folder: Path | None = None) -> int:
    """Bring the schema up to date; returns the number of migrations applied.

    A file that already has a schema is copied aside first (it stays encrypted). All pending
    migrations run in one transaction, so a failure leaves the database exactly as it was.
    """
    migrations = available_migrations(folder)
    current = check_not_newer(conn, folder=folder)
    pending = migrations[current:]
    if not pending:
        return 0
    if current > 0 and db_path is not None:
        _backup_file(db_path, backup_path_for(db_path, current))
    script = "".join(m.sql() + "\n;\n" for m in pending)
    try:
        conn.executescript(
            f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {pending[-1].version};\nCOMMIT;"
        )
    except dbapi2.Error as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        # The transaction rolled back: the database is exactly as it was, at its old version.
        raise StorageWriteError(
            _("The change could not be saved: {reason}. Nothing was changed.", reason=error)
        ) from error
    return len(pending)


def _backup_file(source: Path, target: Path) -> None:
    """Copy beside the target, flush, then rename: a crash never leaves a half-copied backup
    that looks complete."""
    try:
        durable_copy(source, target)
    except OSError as error:
        raise StorageWriteError(
            _("Could not back up the database before upgrading it. {reason}", reason=describe_os_error(error, target))
        ) from error
