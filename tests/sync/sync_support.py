"""Helpers shared by the sync tests: opening site copies, test people, a canonical dump."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entre_desktop.clock import FixedClock
from entre_desktop.domain.personnummer import luhn_check_digit
from entre_desktop.domain.users import User
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.security.roles import Role
from entre_desktop.services.session import Session
from entre_desktop.storage.connection import Connection, open_encrypted
from entre_desktop.storage.lock import DatabaseLock
from entre_desktop.storage.records import SYNCED_TABLES
from entre_desktop.sync import merge
from entre_desktop.sync.conflicts import current_conflicts
from entre_desktop.sync.hlc import HybridLogicalClock, Stamp

SITE_NAMES = ("Anstalten Kumla", "Frivården Malmö", "Häktet Göteborg", "Anstalten Hall", "Frivården Umeå")
BASE_TIME = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
PASSPHRASES = {"admin": "correct horse battery", "cora": "coordinator passphrase", "olle": "officer passphrase"}


@dataclass(frozen=True)
class SiteTemplate:
    name: str
    site_id: str
    path: Path
    key: bytes


def copy_site(template: SiteTemplate, folder: Path) -> Path:
    target = folder / template.site_id / "entre.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template.path, target)
    shutil.copyfile(slot_file_path(template.path), slot_file_path(target))
    return target


def open_site(template: SiteTemplate, path: Path, clock: FixedClock, user: str = "admin") -> Session:
    """The session an unlock as ``user`` would give, opened with the raw key (no KDF)."""
    conn = open_encrypted(path, template.key)
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    row = conn.execute("SELECT id, name, display_name, role FROM app_user WHERE name = ?", (user,)).fetchone()
    lock = DatabaseLock(path)
    lock.acquire()
    return Session(conn=conn, db_path=path, user=User(row[0], row[1], row[2], Role(row[3])), site_id=meta["site_id"],
                   site_name=meta["site_name"], db_id=meta["db_id"], clock=clock, key_generation=1, is_demo=False,
                   raw_key=bytearray(template.key), hlc=HybridLogicalClock(clock, meta["site_id"],
                                                                            Stamp.parse(meta["hlc_last"])),
                   lock=lock)


def personal_number(index: int) -> str:
    """A distinct valid personnummer for every index below 36 500."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=index % 3650)
    serial = f"{(index // 3650) * 10 + 2:03d}"
    digits = birth.strftime("%y%m%d") + serial
    return f"{birth:%Y%m%d}-{serial}{luhn_check_digit(digits)}"



def check_purged_along(dumps: list[dict[str, Any]]) -> None:
    """Records purged along with another exist at no site, and every site agrees on the rest."""
    along = {tuple(entry) for dump in dumps for entry in dump["purged_along"]}
    for index, dump in enumerate(dumps):
        held = {(table, row[0]) for table in SYNCED_TABLES for row in dump[table]}
        assert not held & along, f"site {index} holds a record purged along with another"
    rest = [{key: value for key, value in dump.items() if key != "purged_along"} for dump in dumps]
    for index, dump in enumerate(rest):
        assert dump == rest[0], f"site {index} differs from site 0"


def canonical_dump(conn: Connection) -> dict[str, Any]:
    """Everything sync must agree on: every synced row (tombstones too), purges and conflicts.

    ``purged_along`` (records erased because one they belonged to was purged) is kept apart: a site
    registers only those it held or received, so it is compared with ``check_purged_along``.
    """
    dump: dict[str, Any] = {}
    for table in sorted(SYNCED_TABLES):
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        dump[table] = [tuple(v.hex() if isinstance(v, bytes) else v for v in row) for row in rows]
    dump["purges"] = sorted(conn.execute("SELECT table_name, record_id, hlc FROM sync_purge WHERE hlc IS NOT NULL"))
    dump["purged_along"] = sorted(conn.execute("SELECT table_name, record_id FROM sync_purge WHERE hlc IS NULL"))
    dump["conflicts"] = sorted(
        (c.table, c.record_id, c.column, tuple(sorted((h.hlc, merge.decode_value(h.value)) for h in c.heads)))
        for c in current_conflicts(conn)
    )
    return dump
