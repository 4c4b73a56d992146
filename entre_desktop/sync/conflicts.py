"""Finding the fields in conflict: more than one head, with different values (see ``merge``)."""

from __future__ import annotations

from dataclasses import dataclass

from entre_desktop.storage import sync_repo
from entre_desktop.storage.connection import Connection
from entre_desktop.sync import merge


@dataclass(frozen=True)
class FieldConflict:
    table: str
    record_id: str
    column: str
    heads: tuple[sync_repo.FieldWrite, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.record_id, self.column)


def current_conflicts(conn: Connection) -> list[FieldConflict]:
    found = []
    for table, record_id, column in sync_repo.conflicted_fields(conn):
        heads = sync_repo.heads(conn, table, record_id, column) or []
        if merge.is_conflict(heads):
            found.append(FieldConflict(table, record_id, column, tuple(heads)))
    return found


def conflict_keys(conn: Connection) -> set[tuple[str, str, str]]:
    return {conflict.key for conflict in current_conflicts(conn)}
