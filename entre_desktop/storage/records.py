"""Writing synced records: every insert, update and tombstone also lands in the change log.

This is the one place that writes rows of synced tables, so nothing can change without a
change-log entry that sync can export.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from entre_desktop.storage.connection import Connection
from entre_desktop.sync.hlc import HybridLogicalClock

SYNCED_TABLES = frozenset(
    {
        "site", "client", "custody", "enrolment", "stage_change", "agency", "agency_contact",
        "consent", "referral", "assessment", "assessment_rating", "risk_flag", "contact_log",
        "note", "release_plan", "plan_version", "plan_action", "print_log", "attachment",
    }
)
_BOOKKEEPING = ("created_hlc", "updated_hlc", "origin_site", "deleted")


def new_id() -> str:
    return str(uuid.uuid4())


def _check_table(table: str) -> None:
    if table not in SYNCED_TABLES:
        raise ValueError(f"{table} is not a synced table")


def _loggable(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.hex() if isinstance(v, bytes) else v) for k, v in values.items()}


class RecordWriter:
    """Writes synced records for one site, stamping them with its hybrid logical clock."""

    def __init__(self, conn: Connection, hlc: HybridLogicalClock, site_id: str) -> None:
        self.conn = conn
        self.hlc = hlc
        self.site_id = site_id

    def insert(self, table: str, values: Mapping[str, Any]) -> str:
        _check_table(table)
        stamp = str(self.hlc.now())
        row = dict(values)
        row.setdefault("id", new_id())
        row.update(created_hlc=stamp, updated_hlc=stamp, origin_site=self.site_id)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        self._log(stamp, table, row["id"], "insert", row)
        return str(row["id"])

    def update(self, table: str, record_id: str, values: Mapping[str, Any]) -> None:
        _check_table(table)
        if not values:
            return
        if any(k in _BOOKKEEPING or k == "id" for k in values):
            raise ValueError("bookkeeping columns are not updated directly")
        stamp = str(self.hlc.now())
        assignments = ", ".join(f"{k} = ?" for k in values)
        self.conn.execute(
            f"UPDATE {table} SET {assignments}, updated_hlc = ? WHERE id = ?",
            (*values.values(), stamp, record_id),
        )
        self._log(stamp, table, record_id, "update", dict(values))

    def delete(self, table: str, record_id: str) -> None:
        """A tombstone: the row stays, marked deleted, so the delete can sync."""
        _check_table(table)
        stamp = str(self.hlc.now())
        self.conn.execute(
            f"UPDATE {table} SET deleted = 1, updated_hlc = ? WHERE id = ?", (stamp, record_id)
        )
        self._log(stamp, table, record_id, "delete", {})

    def insert_many(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Bulk insert (demo data, imports): one executemany for rows and one for the log."""
        _check_table(table)
        if not rows:
            return
        stamps = [str(self.hlc.now()) for _ in rows]
        prepared = []
        for row, stamp in zip(rows, stamps, strict=True):
            full = dict(row)
            full.setdefault("id", new_id())
            full.update(created_hlc=stamp, updated_hlc=stamp, origin_site=self.site_id)
            prepared.append(full)
        columns = list(prepared[0])
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        self.conn.executemany(sql, (tuple(r[c] for c in columns) for r in prepared))
        self.conn.executemany(
            "INSERT INTO change_log (hlc, site_id, table_name, record_id, op, data) VALUES (?, ?, ?, ?, 'insert', ?)",
            (
                (r["created_hlc"], self.site_id, table, r["id"], json.dumps(_loggable(r), sort_keys=True))
                for r in prepared
            ),
        )

    def _log(self, stamp: str, table: str, record_id: str, op: str, data: Mapping[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO change_log (hlc, site_id, table_name, record_id, op, data) VALUES (?, ?, ?, ?, ?, ?)",
            (stamp, self.site_id, table, record_id, op, json.dumps(_loggable(data), sort_keys=True)),
        )


def rows_as_dicts(cursor: Iterable[Sequence[Any]], description: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    names = [d[0] for d in description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
