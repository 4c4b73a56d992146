"""SQL for release plans, their versions and actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from entre_desktop.domain.models import PlanAction, PlanVersion
from entre_desktop.storage.connection import Connection

_VERSION_COLUMNS = (
    "v.id, v.plan_id, v.version_no, v.status, v.client_goals, v.strengths, v.risk_factors, v.protective_factors,"
    " v.warning_signs, v.contingency, v.first_72_hours, v.client_agreement, v.approved_by, v.approved_at,"
    " v.issued_at, v.checksum"
)


@dataclass(frozen=True)
class VersionRef:
    """Where a plan version sits: enough to check what may be done with it."""

    id: str
    plan_id: str
    client_id: str
    version_no: int
    status: str


def plan_id_of(conn: Connection, client_id: str) -> str | None:
    """The client's release plan (the first made, as in ``client_repo.plan_of``)."""
    row = conn.execute(
        "SELECT id FROM release_plan WHERE client_id = ? AND deleted = 0 ORDER BY created_hlc LIMIT 1", (client_id,)
    ).fetchone()
    return str(row[0]) if row else None


def plan_client(conn: Connection, plan_id: str) -> str | None:
    row = conn.execute("SELECT client_id FROM release_plan WHERE id = ? AND deleted = 0", (plan_id,)).fetchone()
    return str(row[0]) if row else None


def version_ref(conn: Connection, version_id: str) -> VersionRef | None:
    row = conn.execute(
        "SELECT v.id, v.plan_id, p.client_id, v.version_no, v.status FROM plan_version v"
        " JOIN release_plan p ON p.id = v.plan_id AND p.deleted = 0 WHERE v.id = ? AND v.deleted = 0",
        (version_id,),
    ).fetchone()
    return VersionRef(*row) if row else None


def latest_version_ref(conn: Connection, plan_id: str) -> VersionRef | None:
    row = conn.execute(
        "SELECT v.id, v.plan_id, p.client_id, v.version_no, v.status FROM plan_version v"
        " JOIN release_plan p ON p.id = v.plan_id WHERE v.plan_id = ? AND v.deleted = 0"
        " ORDER BY v.version_no DESC LIMIT 1",
        (plan_id,),
    ).fetchone()
    return VersionRef(*row) if row else None


def next_version_no(conn: Connection, plan_id: str) -> int:
    """One more than any version ever made, tombstoned ones included (version numbers are unique)."""
    row = conn.execute("SELECT max(version_no) FROM plan_version WHERE plan_id = ?", (plan_id,)).fetchone()
    return int(row[0] or 0) + 1


def action_version_id(conn: Connection, action_id: str) -> str | None:
    row = conn.execute("SELECT plan_version_id FROM plan_action WHERE id = ? AND deleted = 0", (action_id,)).fetchone()
    return str(row[0]) if row else None


def count_actions(conn: Connection, version_id: str) -> int:
    row = conn.execute(
        "SELECT count(*) FROM plan_action WHERE plan_version_id = ? AND deleted = 0", (version_id,)
    ).fetchone()
    return int(row[0])


def load_version(conn: Connection, version_id: str) -> PlanVersion | None:
    """One version with its actions (ordered by area, due date, creation)."""
    row = conn.execute(f"SELECT {_VERSION_COLUMNS} FROM plan_version v WHERE v.id = ? AND v.deleted = 0",
                       (version_id,)).fetchone()
    if row is None:
        return None
    actions = conn.execute(
        "SELECT a.id, a.area, a.goal, a.action, a.agency_id, coalesce(g.name, ''), a.contact_name, a.due_on, a.status"
        " FROM plan_action a LEFT JOIN agency g ON g.id = a.agency_id"
        " WHERE a.plan_version_id = ? AND a.deleted = 0 ORDER BY a.area, a.due_on, a.created_hlc",
        (version_id,),
    ).fetchall()
    return _version(row, tuple(_action(a) for a in actions))


def _action(r: tuple[Any, ...]) -> PlanAction:
    return PlanAction(id=r[0], area=r[1], goal=r[2], action=r[3], agency_id=r[4], agency_name=r[5],
                      contact_name=r[6], due_on=dt.date.fromisoformat(r[7]) if r[7] else None, status=r[8])


def _version(v: tuple[Any, ...], actions: tuple[PlanAction, ...]) -> PlanVersion:
    return PlanVersion(
        id=v[0], plan_id=v[1], version_no=v[2], status=v[3], client_goals=v[4], strengths=v[5], risk_factors=v[6],
        protective_factors=v[7], warning_signs=v[8], contingency=v[9], first_72_hours=v[10], client_agreement=v[11],
        approved_by=v[12], approved_at=v[13], issued_at=v[14], checksum=v[15], actions=actions,
    )
