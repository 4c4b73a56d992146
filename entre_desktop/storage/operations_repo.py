"""SQL for operations: backup bookkeeping, retention rules, programme ends and legal holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from entre_desktop.storage.connection import Connection

LAST_BACKUP_KEY = "last_backup_at"
# A client's programme has ended when the enrolment is at one of these stages.
ENDED_STAGES = ("completed", "withdrawn")


# ---------------------------------------------------------------- backups

def table_counts(conn: Connection) -> dict[str, int]:
    """Rows in every table (virtual full-text tables and their shadow tables included)."""
    names = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    # Names come from sqlite_master, not from input; quoting keeps odd names working.
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def meta_value(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_meta_value(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def user_role(conn: Connection, user_id: str) -> tuple[str, str, bool] | None:
    """(name, role, active) of a user who is not deleted."""
    row = conn.execute("SELECT name, role, active FROM app_user WHERE id = ? AND deleted = 0", (user_id,)).fetchone()
    return (str(row[0]), str(row[1]), bool(row[2])) if row else None


# ---------------------------------------------------------------- retention rules

def retention_rules(conn: Connection) -> dict[str, int]:
    return {str(kind): int(years) for kind, years in conn.execute("SELECT kind, years FROM retention_rule")}


def set_retention_rule(conn: Connection, *, kind: str, years: int, changed_by: str, changed_at: str) -> None:
    conn.execute(
        "INSERT INTO retention_rule (kind, years, changed_by, changed_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (kind) DO UPDATE SET years = excluded.years, changed_by = excluded.changed_by,"
        " changed_at = excluded.changed_at",
        (kind, years, changed_by, changed_at),
    )


@dataclass(frozen=True)
class ProgrammeEnd:
    client_id: str
    stage: str
    ended_on: dt.date


def programme_ends(conn: Connection) -> list[ProgrammeEnd]:
    """Clients whose enrolment is completed or withdrawn, with the day of that stage change.

    The day is that of the latest stage change into the current stage; the enrolment's
    ``stage_since`` is the fallback for a history that lacks it (an import from elsewhere).
    """
    marks = ", ".join("?" for _ in ENDED_STAGES)
    rows = conn.execute(
        "SELECT e.client_id, e.stage, coalesce((SELECT max(s.changed_on) FROM stage_change s"
        "   WHERE s.enrolment_id = e.id AND s.to_stage = e.stage AND s.deleted = 0), e.stage_since)"
        " FROM enrolment e JOIN client c ON c.id = e.client_id AND c.deleted = 0"
        f" WHERE e.deleted = 0 AND e.stage IN ({marks}) ORDER BY e.client_id",
        ENDED_STAGES,
    ).fetchall()
    return [ProgrammeEnd(str(r[0]), str(r[1]), dt.date.fromisoformat(str(r[2]))) for r in rows]


# ---------------------------------------------------------------- legal holds

@dataclass(frozen=True)
class LegalHoldRow:
    id: str
    client_id: str
    reason: str
    placed_by: str
    placed_at: str
    released_by: str | None
    released_at: str | None
    release_reason: str


_HOLD_COLUMNS = "id, client_id, reason, placed_by, placed_at, released_by, released_at, release_reason"


def legal_holds(conn: Connection, *, client_id: str | None = None, active_only: bool = True) -> list[LegalHoldRow]:
    clauses = ["deleted = 0"]
    params: list[str] = []
    if active_only:
        clauses.append("released_at IS NULL")
    if client_id is not None:
        clauses.append("client_id = ?")
        params.append(client_id)
    rows = conn.execute(
        f"SELECT {_HOLD_COLUMNS} FROM legal_hold WHERE {' AND '.join(clauses)} ORDER BY placed_at, id", params
    ).fetchall()
    return [LegalHoldRow(*r) for r in rows]


def legal_hold(conn: Connection, hold_id: str) -> LegalHoldRow | None:
    row = conn.execute(f"SELECT {_HOLD_COLUMNS} FROM legal_hold WHERE id = ? AND deleted = 0", (hold_id,)).fetchone()
    return LegalHoldRow(*row) if row else None


def held_client_ids(conn: Connection) -> set[str]:
    return {
        str(r[0])
        for r in conn.execute("SELECT DISTINCT client_id FROM legal_hold WHERE deleted = 0 AND released_at IS NULL")
    }


def insert_legal_hold(conn: Connection, *, hold_id: str, client_id: str, reason: str, placed_by: str,
                      placed_at: str, stamp: str, site_id: str) -> None:
    # Written here rather than through RecordWriter, which accepts only the tables sync knows;
    # see the note in db/migrations/0002_operations.sql.
    conn.execute(
        "INSERT INTO legal_hold (id, client_id, reason, placed_by, placed_at, created_hlc, updated_hlc, origin_site)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (hold_id, client_id, reason, placed_by, placed_at, stamp, stamp, site_id),
    )


def release_legal_hold(conn: Connection, *, hold_id: str, released_by: str, released_at: str, reason: str,
                       stamp: str) -> None:
    conn.execute(
        "UPDATE legal_hold SET released_by = ?, released_at = ?, release_reason = ?, updated_hlc = ?"
        " WHERE id = ? AND released_at IS NULL",
        (released_by, released_at, reason, stamp, hold_id),
    )


def client_names(conn: Connection, client_ids: set[str]) -> dict[str, str]:
    """Names of the given clients (tombstoned ones too), for the retention review."""
    if not client_ids:
        return {}
    marks = ", ".join("?" for _ in client_ids)
    rows = conn.execute(f"SELECT id, name FROM client WHERE id IN ({marks})", tuple(sorted(client_ids)))
    return {str(r[0]): str(r[1]) for r in rows}
