"""SQL for printing plans: copy numbers, contact details, releases coming up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from entre_desktop.storage.connection import Connection


def next_copy_number(conn: Connection, plan_version_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(max(copy_no), 0) FROM print_log WHERE plan_version_id = ?", (plan_version_id,)
    ).fetchone()
    return int(row[0]) + 1


def contact_phones(conn: Connection, agency_ids: Iterable[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """(agency id, contact name) → (role, phone) for the agencies' contact persons."""
    ids = sorted(set(agency_ids))
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(
        f"SELECT agency_id, name, role, phone FROM agency_contact WHERE deleted = 0 AND agency_id IN ({marks})", ids
    ).fetchall()
    return {(r[0], r[1]): (r[2], r[3]) for r in rows}


def clients_releasing_within(conn: Connection, *, today: dt.date, days: int) -> list[str]:
    """Clients with a plan whose conditional release falls in [today, today + days], soonest first."""
    rows = conn.execute(
        "SELECT c.id FROM client c"
        " JOIN custody k ON k.client_id = c.id AND k.deleted = 0"
        " JOIN release_plan p ON p.client_id = c.id AND p.deleted = 0"
        " WHERE c.deleted = 0 AND k.conditional_release_date BETWEEN ? AND ?"
        " GROUP BY c.id ORDER BY min(k.conditional_release_date), c.name",
        (today.isoformat(), (today + dt.timedelta(days=days)).isoformat()),
    ).fetchall()
    return [r[0] for r in rows]
