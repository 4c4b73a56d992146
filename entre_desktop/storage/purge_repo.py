"""SQL for purging a client: what is left of them, the local rows sync does not erase, VACUUM.

The synced records are erased by ``RecordWriter.purge`` (it follows the foreign keys). What is
left after it is checked against ``subject_repo.CLIENT_TABLES`` and the full-text index, the same
lists the data-subject export reads (a test keeps them complete against the schema), so a table
added later cannot keep a purged client's rows unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass

from entre_desktop.storage import subject_repo
from entre_desktop.storage.connection import Connection


@dataclass(frozen=True)
class PurgeTarget:
    client_id: str
    name: str
    tombstoned: bool


def purge_target(conn: Connection, client_id: str) -> PurgeTarget | None:
    """The client, tombstoned or not (a tombstoned client is still stored until purged)."""
    row = conn.execute("SELECT id, name, deleted FROM client WHERE id = ?", (client_id,)).fetchone()
    return PurgeTarget(str(row[0]), str(row[1]), bool(row[2])) if row else None


def delete_legal_holds(conn: Connection, client_id: str) -> int:
    """Remove the client's (released) legal holds: local rows that sync does not erase."""
    return int(conn.execute("DELETE FROM legal_hold WHERE client_id = ?", (client_id,)).rowcount)


def rows_left(conn: Connection, client_id: str) -> dict[str, int]:
    """Rows still referring to the client, per table; empty when the purge was complete."""
    left = {table: len(rows) for table, rows in subject_repo.client_rows(conn, client_id).items() if rows}
    indexed = int(conn.execute("SELECT count(*) FROM search_index WHERE client_id = ?", (client_id,)).fetchone()[0])
    if indexed:
        left["search_index"] = indexed
    return left


def record_count(conn: Connection, client_id: str) -> int:
    """How many rows the client has in the tables a purge empties (for the audit detail)."""
    return sum(len(rows) for rows in subject_repo.client_rows(conn, client_id).values())


def vacuum(conn: Connection) -> int:
    """Rebuild the file so no freed page keeps old content; returns the free pages left (0)."""
    if conn.in_transaction:
        raise RuntimeError("VACUUM cannot run inside a transaction")
    conn.execute("VACUUM")
    return int(conn.execute("PRAGMA freelist_count").fetchone()[0])
