"""SQL for a data-subject access export: every row about one client, from every table.

``CLIENT_TABLES`` is the list the exporter reads, in the order the document shows them. A test
compares it with the schema (foreign keys and ``client_id`` columns): a new table that refers to a
client and is neither listed here nor in ``NOT_EXPORTED`` (with the reason) fails that test.

Tombstoned rows (``deleted = 1``) are exported too: until a purge they are still stored.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import Any

from entre_desktop.storage.connection import Connection
from entre_desktop.storage.records import rows_as_dicts


@dataclass(frozen=True)
class TableSpec:
    table: str
    where: str
    """A condition with one ``?`` for the client id."""
    order: str = "created_hlc, id"


_PLAN_VERSIONS = "SELECT v.id FROM plan_version v JOIN release_plan p ON p.id = v.plan_id WHERE p.client_id = ?"

CLIENT_TABLES: tuple[TableSpec, ...] = (
    TableSpec("client", "id = ?"),
    TableSpec("enrolment", "client_id = ?"),
    TableSpec("stage_change", "client_id = ?", "changed_on, created_hlc, id"),
    TableSpec("custody", "client_id = ?"),
    TableSpec("note", "client_id = ?", "written_at, created_hlc, id"),
    TableSpec("contact_log", "client_id = ?", "occurred_on, created_hlc, id"),
    TableSpec("assessment", "client_id = ?", "assessed_on, created_hlc, id"),
    TableSpec("assessment_rating", "assessment_id IN (SELECT id FROM assessment WHERE client_id = ?)"),
    TableSpec("risk_flag", "client_id = ?"),
    TableSpec("consent", "client_id = ?", "given_on, created_hlc, id"),
    TableSpec("referral", "client_id = ?", "referred_on, created_hlc, id"),
    TableSpec("release_plan", "client_id = ?"),
    TableSpec("plan_version", "plan_id IN (SELECT id FROM release_plan WHERE client_id = ?)", "version_no, id"),
    TableSpec("plan_action", f"plan_version_id IN ({_PLAN_VERSIONS})"),
    TableSpec("print_log", "client_id = ?", "printed_at, id"),
    TableSpec("attachment", "client_id = ?", "added_at, created_hlc, id"),
    TableSpec("legal_hold", "client_id = ?", "placed_at, id"),
)

# Tables that refer to a client but are not read row by row, and why.
NOT_EXPORTED: dict[str, str] = {
    "search_index": "a full-text index derived from the client and note rows, which are exported",
}

# Exported besides CLIENT_TABLES: the change history of every exported row and the audit events
# that name the client (who viewed, searched, printed or changed the record, and when).
HISTORY_TABLE = "change_log"
ACCESS_TABLE = "audit_event"


def exported_tables() -> set[str]:
    return {spec.table for spec in CLIENT_TABLES} | {HISTORY_TABLE, ACCESS_TABLE}


def client_rows(conn: Connection, client_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table in ``CLIENT_TABLES`` that belongs to the client."""
    found: dict[str, list[dict[str, Any]]] = {}
    for spec in CLIENT_TABLES:
        cursor = conn.execute(f"SELECT * FROM {spec.table} WHERE {spec.where} ORDER BY {spec.order}", (client_id,))
        found[spec.table] = rows_as_dicts(cursor, cursor.description)
    return found


def change_history(conn: Connection, record_ids: dict[str, set[str]]) -> list[dict[str, Any]]:
    """Change-log entries of the given records (table -> ids), oldest first; ``data`` parsed."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS export_records (table_name TEXT, record_id TEXT)")
    conn.execute("DELETE FROM temp.export_records")
    try:
        conn.executemany(
            "INSERT INTO temp.export_records VALUES (?, ?)",
            ((table, rid) for table, ids in record_ids.items() for rid in ids),
        )
        cursor = conn.execute(
            "SELECT l.* FROM change_log l JOIN temp.export_records r"
            " ON r.table_name = l.table_name AND r.record_id = l.record_id ORDER BY l.seq"
        )
        rows = rows_as_dicts(cursor, cursor.description)
    finally:
        conn.execute("DELETE FROM temp.export_records")
    for row in rows:
        with contextlib.suppress(TypeError, ValueError):  # else kept as the stored text
            row["data"] = json.loads(row["data"])
    return rows


def access_log(conn: Connection, client_id: str) -> list[dict[str, Any]]:
    cursor = conn.execute(
        "SELECT seq, at, user_name, action, target, detail, reason FROM audit_event WHERE target = ? ORDER BY seq",
        (client_id,),
    )
    return rows_as_dicts(cursor, cursor.description)


def agency_names(conn: Connection, agency_ids: set[str]) -> dict[str, str]:
    if not agency_ids:
        return {}
    marks = ", ".join("?" for _ in agency_ids)
    return {str(r[0]): str(r[1]) for r in conn.execute(f"SELECT id, name FROM agency WHERE id IN ({marks})",
                                                         tuple(sorted(agency_ids)))}


def client_referring_tables(conn: Connection) -> set[str]:
    """Every table with a path of foreign keys (or a ``client_id`` column) to ``client``.

    Read from the live schema, so it knows tables added by any migration.
    """
    tables = [
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    references: dict[str, set[str]] = {}
    direct: set[str] = set()
    for table in tables:
        columns = {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}
        keys = {str(r[2]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
        references[table] = keys
        if "client" in keys or "client_id" in columns:
            direct.add(table)
    referring = set(direct)
    changed = True
    while changed:
        changed = False
        for table, keys in references.items():
            if table not in referring and keys & referring:
                referring.add(table)
                changed = True
    return referring | {"client"}
