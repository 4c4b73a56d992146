"""Writing synced records: every insert, update and tombstone also lands in the change log.

This is the one place that writes rows of synced tables, so nothing can change without a
change-log entry that sync can export.
"""

from __future__ import annotations

import json
import operator
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from json import encoder as json_encoder
from typing import Any

from entre_desktop.storage import bulk, sync_repo
from entre_desktop.storage.connection import Connection
from entre_desktop.sync.hlc import HybridLogicalClock, Stamp

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


def _hex_bytes(value: object) -> object:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _make_log_json() -> Callable[[Mapping[str, Any]], str]:
    """``json.dumps(_loggable(values), sort_keys=True)``, without building an encoder per row."""
    # The C encoder json.dumps itself uses, made once; same arguments as dumps(sort_keys=True).
    make = getattr(json_encoder, "c_make_encoder", None)
    escape = getattr(json_encoder, "c_encode_basestring_ascii", None)
    if make is None or escape is None:  # a Python without the C accelerator
        return json.JSONEncoder(sort_keys=True, default=_hex_bytes).encode
    encode = make(None, _hex_bytes, escape, None, ": ", ", ", True, False, True)
    return lambda values: "".join(encode(values, 0))


_log_json = _make_log_json()
_MAX_COUNTER = 999_999  # a stamp's counter has six digits
_LOG_COLUMNS = ("hlc", "site_id", "table_name", "record_id", "op", "data")


class RecordWriter:
    """Writes synced records for one site, stamping them with its hybrid logical clock."""

    def __init__(self, conn: Connection, hlc: HybridLogicalClock, site_id: str, *, author: str = "") -> None:
        self.conn = conn
        self.hlc = hlc
        self.site_id = site_id
        self.author = author  # who edits: shown beside each value of a sync conflict

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
        # Sync: which earlier writes of each field this one replaces (docs/sync.md).
        sync_repo.record_local_writes(self.conn, table, record_id, _loggable(values), stamp, author=self.author)

    def delete(self, table: str, record_id: str) -> None:
        """A tombstone: the row stays, marked deleted, so the delete can sync."""
        _check_table(table)
        stamp = str(self.hlc.now())
        self.conn.execute(
            f"UPDATE {table} SET deleted = 1, updated_hlc = ? WHERE id = ?", (stamp, record_id)
        )
        self._log(stamp, table, record_id, "delete", {})
        sync_repo.record_local_writes(self.conn, table, record_id, {"deleted": 1}, stamp, author=self.author)

    def purge(self, table: str, record_id: str) -> None:
        """Erase a record, and the records that cannot exist without it, here and (through sync)
        at every site. A purged record stays purged: changes to it that arrive later are dropped."""
        _check_table(table)
        stamp = str(self.hlc.now())
        erased = sync_repo.purge(self.conn, table, record_id, stamp, synced=SYNCED_TABLES)
        # The ids (no data) of what went with it, so every site registers the same purges.
        self._log(stamp, table, record_id, "purge", {"cascade": sorted(erased[1:])})

    def insert_many(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Bulk insert (demo data, imports): a few statements for the rows and for the log (storage.bulk).

        Every row must have the keys of the first row (its keys are the columns). The rows' stamps
        are consecutive ticks of the clock, and the log entries are the ones ``insert`` writes.
        """
        _check_table(table)
        if not rows:
            return
        site = self.site_id
        prepared = []
        for row, stamp in zip(rows, self._stamps(len(rows)), strict=True):
            full = dict(row)
            if "id" not in full:
                full["id"] = new_id()
            full["created_hlc"] = full["updated_hlc"] = stamp
            full["origin_site"] = site
            prepared.append(full)
        columns = list(prepared[0])
        bulk.insert_rows(self.conn, table, columns, map(operator.itemgetter(*columns), prepared),
                         blobs=bulk.blob_columns(self.conn, table))
        log_rows = ((r["created_hlc"], site, table, r["id"], "insert", _log_json(r)) for r in prepared)
        bulk.insert_rows(self.conn, "change_log", _LOG_COLUMNS, log_rows)

    def _stamps(self, count: int) -> list[str]:
        """``count`` stamps, as ``count`` calls of ``hlc.now()`` made within one millisecond give."""
        first = self.hlc.now()
        last = first.counter + count - 1
        if count == 1 or last > _MAX_COUNTER:
            return [str(first)] + [str(self.hlc.now()) for _ in range(count - 1)]
        self.hlc.observe(Stamp(first.wall_ms, last, first.site_id))  # the clock moves past them all
        return [str(Stamp(first.wall_ms, n, first.site_id)) for n in range(first.counter, last + 1)]

    def _log(self, stamp: str, table: str, record_id: str, op: str, data: Mapping[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO change_log (hlc, site_id, table_name, record_id, op, data) VALUES (?, ?, ?, ?, ?, ?)",
            (stamp, self.site_id, table, record_id, op, json.dumps(_loggable(data), sort_keys=True)),
        )


def rows_as_dicts(cursor: Iterable[Sequence[Any]], description: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    names = [d[0] for d in description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
