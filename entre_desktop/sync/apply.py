"""Applying verified change sets to the database (docs/sync.md, "Applying changes").

The caller holds one open transaction; foreign keys are checked at its COMMIT (every key is
declared deferred, migration 7): a bundle's change sets come from several sites, and a record may
arrive before the record it belongs to. Every
rule here is order-independent, so sites that applied the same changes in any order agree:

* an insert creates the record (once); a field write goes through the field's history
  (``sync_repo.add_write``), and the value shown is the highest-stamped head;
* a write for a record not here yet is kept and merged in when the record arrives;
* a purge erases the record and what belongs to it, and registers it: anything for a purged
  record that arrives later is dropped;
* the local guard triggers (issued plans are locked) are lifted while replicating, because the
  changes were already accepted at the site that made them; append-only notes stay guarded.

Thread safety: one Applier per import, on the thread that owns the connection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from entre_desktop.storage import bulk, sync_repo
from entre_desktop.storage.connection import Connection
from entre_desktop.storage.records import SYNCED_TABLES
from entre_desktop.sync import merge
from entre_desktop.sync.payload import Change, invalid

APPEND_ONLY_TABLES = frozenset({"note", "contact_log"})
_BOOKKEEPING = frozenset({"id", "created_hlc", "updated_hlc", "origin_site", "deleted"})
_INSERT_BATCH = 1000


@dataclass
class ApplyStats:
    inserted: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    purged: Counter[str] = field(default_factory=Counter)
    dropped: int = 0
    changes: int = 0
    clients: set[str] = field(default_factory=set)


class Applier:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.stats = ApplyStats()
        self._columns: dict[str, dict[str, sync_repo.ColumnInfo]] = {}
        self._keys = sync_repo.foreign_keys(conn)
        self._parents: dict[str, list[sync_repo.ForeignKey]] = {}
        for key in self._keys:
            self._parents.setdefault(key.child_table, []).append(key)
        self._purged = set(sync_repo.purge_register(conn))
        self._orphans = sync_repo.orphan_records(conn)
        self._suspended: list[tuple[str, str]] = []

    # -- the transaction's frame ----------------------------------------------------------------

    def begin(self) -> None:
        """Call right after BEGIN: lift the guard triggers for this transaction."""
        self._suspended = sync_repo.guard_triggers(self.conn, sorted(SYNCED_TABLES - APPEND_ONLY_TABLES))
        for name, _sql in self._suspended:
            sync_repo.drop_trigger(self.conn, name)

    def end(self) -> None:
        """Call before COMMIT: put the guard triggers back."""
        for _name, sql in self._suspended:
            sync_repo.create_trigger(self.conn, sql)
        self._suspended = []

    # -- changes --------------------------------------------------------------------------------

    def apply(self, origin: str, changes: Sequence[Change]) -> None:
        index = 0
        while index < len(changes):
            change = changes[index]
            if change.op == "insert":
                end = index
                while end < len(changes) and changes[end].op == "insert" and changes[end].table == change.table:
                    end += 1
                self._insert_run(origin, changes[index:end])
                index = end
                continue
            self._check_table(change)
            if change.op == "purge":
                self._purge(change.table, change.record_id, change.hlc)
                for table, record_id in self._cascade(change):
                    self._purge(table, record_id, None)
            elif (change.table, change.record_id) in self._purged:
                self.stats.dropped += 1
            elif change.op == "delete":
                self._write_fields(change, {"deleted": 1})
                self.stats.deleted[change.table] += 1
            else:
                self._write_fields(change, self._checked_values(change))
                self.stats.updated[change.table] += 1
            self._note_client(change.table, change.record_id, change.data)
            index += 1
        self.stats.changes += len(changes)

    def _insert_run(self, origin: str, run: Sequence[Change]) -> None:
        table = run[0].table
        self._check_table(run[0])
        columns = self._table(table)
        names = columns.keys()
        purged = self._purged
        has_parents = bool(self._parents.get(table))
        groups: dict[tuple[str, ...], list[list[Any]]] = {}
        arrived: list[str] = []
        for change in run:  # every inserted record of a bundle: a million in a full one
            record_id = change.record_id
            row = dict(change.data)
            if (not row.keys() <= names or row.get("id") != record_id
                    or row.get("created_hlc") != change.hlc or row.get("origin_site") != origin):
                raise invalid("inserted record", site_id=origin)
            if purged and (table, record_id) in purged:
                self.stats.dropped += 1
                continue
            if purged and has_parents and self._belongs_to_purged(table, row):
                self._purge(table, record_id, None)
                self.stats.dropped += 1
                continue
            row["updated_hlc"] = change.hlc
            groups.setdefault(tuple(row), []).append(list(row.values()))
            arrived.append(record_id)
            self._note_client(table, record_id, row)
        inserted = 0
        for group, rows in groups.items():
            blobs = {name for name in group if columns[name].declared_type == "BLOB"}  # hex, as logged
            for start in range(0, len(rows), _INSERT_BATCH):
                inserted += bulk.insert_json(self.conn, table, group, bulk.encode_batch(rows[start : start + _INSERT_BATCH]),
                                             blobs=blobs, ignore_existing=True)
        self.stats.inserted[table] += inserted
        if self._orphans:
            for record_id in arrived:
                if (table, record_id) in self._orphans:
                    self._merge_orphan(table, record_id)

    def _write_fields(self, change: Change, values: dict[str, Any]) -> None:
        table, record_id = change.table, change.record_id
        exists = sync_repo.row_exists(self.conn, table, record_id)
        shown = False
        for column, value in values.items():
            parents = change.parents.get(column, [])
            result = sync_repo.add_write(self.conn, table=table, record_id=record_id, column=column,
                                         stamp=change.hlc, value=merge.encode_value(value), parents=parents,
                                         author=change.author)
            if result and exists:
                stored = self._stored(self._table(table)[column], self._scrub(table, column, value))
                sync_repo.set_field(self.conn, table, record_id, column, stored, change.hlc)
                shown = True
        if not exists:
            sync_repo.add_orphan(self.conn, table, record_id)
            self._orphans.add((table, record_id))
        elif not shown:
            sync_repo.set_field(self.conn, table, record_id, None, None, change.hlc)

    def _merge_orphan(self, table: str, record_id: str) -> None:
        """Writes that arrived before their record: show each field's winning value now."""
        columns = self._table(table)
        for column, stamp, value in sync_repo.field_winners(self.conn, table, record_id):
            stored = self._stored(columns[column], self._scrub(table, column, merge.decode_value(value)))
            sync_repo.set_field(self.conn, table, record_id, column, stored, stamp)
        newest = sync_repo.newest_write(self.conn, table, record_id)
        if newest:
            sync_repo.set_field(self.conn, table, record_id, None, None, newest)
        sync_repo.remove_orphan(self.conn, table, record_id)
        self._orphans.discard((table, record_id))

    def _purge(self, table: str, record_id: str, stamp: str | None) -> None:
        for key in sync_repo.purge(self.conn, table, record_id, stamp, synced=SYNCED_TABLES, keys=self._keys):
            self._purged.add(key)
            self._orphans.discard(key)
            self.stats.purged[key[0]] += 1
        self._purged.add((table, record_id))

    # -- checks and conversions -----------------------------------------------------------------

    def _check_table(self, change: Change) -> None:
        if change.table not in SYNCED_TABLES:
            raise invalid(f"unknown table {change.table[:40]}")
        if change.op == "delete" and change.data:
            raise invalid("change data")
        if change.op == "purge" and set(change.data) - {"cascade"}:
            raise invalid("change data")

    def _cascade(self, change: Change) -> list[tuple[str, str]]:
        """The records the origin purged along with the one it named (ids only)."""
        listed = change.data.get("cascade", [])
        if not isinstance(listed, list) or not all(
            isinstance(item, list) and len(item) == 2 and item[0] in SYNCED_TABLES and isinstance(item[1], str)
            for item in listed
        ):
            raise invalid("purge")
        return [(str(item[0]), str(item[1])) for item in listed]

    def _checked_values(self, change: Change) -> dict[str, Any]:
        columns = self._table(change.table)
        values = dict(change.data)
        if not values or set(values) & _BOOKKEEPING or set(values) - set(columns):
            raise invalid("updated fields")
        if set(change.parents) - set(values):
            raise invalid("change parents")
        if not all(value is None or isinstance(value, str | int | float) for value in values.values()):
            raise invalid("updated fields")  # a field holds a scalar; an object or a list is no value
        return values

    def _table(self, table: str) -> dict[str, sync_repo.ColumnInfo]:
        if table not in self._columns:
            self._columns[table] = sync_repo.table_columns(self.conn, table)
        return self._columns[table]

    def _belongs_to_purged(self, table: str, row: dict[str, Any]) -> bool:
        """Empties references to purged records (in ``row``); True if the record cannot exist without one."""
        for key in self._parents.get(table, ()):
            target = row.get(key.child_column)
            if target is not None and (key.parent_table, target) in self._purged:
                if key.not_null:
                    return True
                row[key.child_column] = None
        return False

    def _scrub(self, table: str, column: str, value: Any) -> Any:
        for key in self._parents.get(table, ()):
            if key.child_column == column and not key.not_null and (key.parent_table, value) in self._purged:
                return None
        return value

    @staticmethod
    def _stored(column: sync_repo.ColumnInfo, value: Any) -> Any:
        # The change log writes bytes as hex (RecordWriter._loggable); BLOB columns get bytes back.
        if column.declared_type == "BLOB" and isinstance(value, str):
            try:
                return bytes.fromhex(value)
            except ValueError:
                raise invalid("binary field") from None
        return value

    def _note_client(self, table: str, record_id: str, data: dict[str, Any]) -> None:
        if table == "client":
            self.stats.clients.add(record_id)
        elif isinstance(data.get("client_id"), str):
            self.stats.clients.add(data["client_id"])
