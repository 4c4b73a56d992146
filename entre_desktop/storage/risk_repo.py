"""SQL for risk flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from entre_desktop.domain.models import RiskFlag
from entre_desktop.storage.connection import Connection


@dataclass(frozen=True)
class DueRiskFlag:
    """A flag whose review is due, with the client it belongs to (for the dashboard)."""

    client_id: str
    client_name: str
    flag: RiskFlag


def find_flag(conn: Connection, flag_id: str) -> tuple[str, RiskFlag] | None:
    """The flag and its client's id."""
    row = conn.execute(
        "SELECT id, kind, description, review_on, active, client_id FROM risk_flag WHERE id = ? AND deleted = 0",
        (flag_id,),
    ).fetchone()
    if row is None:
        return None
    return str(row[5]), RiskFlag(id=row[0], kind=row[1], description=row[2],
                                 review_on=dt.date.fromisoformat(row[3]), active=bool(row[4]))


def flags_due(conn: Connection, *, by: dt.date) -> list[DueRiskFlag]:
    """Active flags to be reviewed on or before ``by`` (overdue ones included), soonest first."""
    rows = conn.execute(
        "SELECT f.id, f.kind, f.description, f.review_on, f.active, c.id, c.name FROM risk_flag f"
        " JOIN client c ON c.id = f.client_id AND c.deleted = 0"
        " WHERE f.deleted = 0 AND f.active = 1 AND f.review_on <= ?"
        " ORDER BY f.review_on, c.name COLLATE NOCASE, f.created_hlc",
        (by.isoformat(),),
    ).fetchall()
    return [
        DueRiskFlag(client_id=r[5], client_name=r[6],
                    flag=RiskFlag(id=r[0], kind=r[1], description=r[2], review_on=dt.date.fromisoformat(r[3]),
                                  active=bool(r[4])))
        for r in rows
    ]
