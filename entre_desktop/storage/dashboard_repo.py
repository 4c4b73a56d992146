"""The caseload strip's counts.

Every query reads index entries only (``db/migrations/0004_dashboard_indexes.sql``). They are
separate statements on purpose: SQLite would materialise subqueries in ``FROM`` into temporary
tables, and with SQLCipher's memory security each allocation that takes is costly. Records of
tombstoned clients and plans (normally none) are counted separately and subtracted, so the main
queries need no per-row check for them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from entre_desktop.storage.connection import Connection

# A custody counts only if it is the client's current one, as in the caseload: latest sentence
# start, then latest made. A plan version counts only if no newer live version of its plan exists.
_CURRENT_CUSTODY = """NOT EXISTS (
    SELECT 1 FROM custody n WHERE n.client_id = k.client_id AND n.deleted = 0
      AND (coalesce(n.sentence_start, '') > coalesce(k.sentence_start, '')
           OR (coalesce(n.sentence_start, '') = coalesce(k.sentence_start, '') AND n.created_hlc > k.created_hlc)))"""
_LATEST_VERSION = """NOT EXISTS (
    SELECT 1 FROM plan_version n WHERE n.plan_id = v.plan_id AND n.deleted = 0 AND n.version_no > v.version_no)"""

_RELEASES = f"""
SELECT total(k.conditional_release_date <= :in30), count(*) FROM custody k
WHERE k.deleted = 0 AND k.conditional_release_date BETWEEN :today AND :in90 {{scope}} AND {_CURRENT_CUSTODY}"""
_OVERDUE = f"""
SELECT count(*) FROM plan_version v
CROSS JOIN plan_action a ON a.plan_version_id = v.id AND a.deleted = 0
    AND a.status IN ('planned', 'in_progress') AND a.due_on < :today
WHERE v.deleted = 0 {{scope}} AND {_LATEST_VERSION}"""
# Whether a draft has an action is asked of the open-actions index first (already read for the
# overdue count); only a draft without open actions reads the action table itself.
_PENDING = f"""
SELECT total(v.status = 'draft'
             AND (EXISTS (SELECT 1 FROM plan_action a WHERE a.plan_version_id = v.id AND a.deleted = 0
                          AND a.status IN ('planned', 'in_progress'))
                  OR EXISTS (SELECT 1 FROM plan_action a WHERE a.plan_version_id = v.id AND a.deleted = 0))),
       total(v.status = 'approved')
FROM plan_version v
WHERE v.deleted = 0 AND v.status IN ('draft', 'approved') {{scope}} AND {_LATEST_VERSION}"""
_FLAGS = """
SELECT count(*) FROM risk_flag f WHERE f.deleted = 0 AND f.active = 1 AND f.review_on <= :flags_by {scope}"""

_ANY_TOMBSTONE = """
SELECT EXISTS (SELECT 1 FROM client WHERE deleted <> 0) OR EXISTS (SELECT 1 FROM release_plan WHERE deleted <> 0)"""
_DEAD_CLIENTS = "(SELECT id FROM client WHERE deleted <> 0)"
_DEAD_PLANS = f"(SELECT id FROM release_plan WHERE deleted <> 0 OR client_id IN {_DEAD_CLIENTS})"

Counts = tuple[int, int, int, int, int, int]


def _counts(conn: Connection, params: dict[str, Any], *, dead_only: bool) -> Counts:
    client_scope = f"AND {{alias}}.client_id IN {_DEAD_CLIENTS}" if dead_only else ""
    plan_scope = f"AND v.plan_id IN {_DEAD_PLANS}" if dead_only else ""
    within_30, within_90 = conn.execute(_RELEASES.format(scope=client_scope.format(alias="k")), params).fetchone()
    (overdue,) = conn.execute(_OVERDUE.format(scope=plan_scope), params).fetchone()
    drafts, approved = conn.execute(_PENDING.format(scope=plan_scope), params).fetchone()
    (flags,) = conn.execute(_FLAGS.format(scope=client_scope.format(alias="f")), params).fetchone()
    return int(within_30), int(within_90), int(overdue), int(drafts), int(approved), int(flags)


def counts(conn: Connection, *, today: dt.date, flags_within_days: int) -> Counts:
    """Releases within 30 and 90 days, overdue actions, plans awaiting approval and issue, flags due."""
    params = {
        "today": today.isoformat(),
        "in30": (today + dt.timedelta(days=30)).isoformat(),
        "in90": (today + dt.timedelta(days=90)).isoformat(),
        "flags_by": (today + dt.timedelta(days=flags_within_days)).isoformat(),
    }
    found = _counts(conn, params, dead_only=False)
    if not conn.execute(_ANY_TOMBSTONE).fetchone()[0]:
        return found
    dead = _counts(conn, params, dead_only=True)
    a, b, c, d, e, f = (total - removed for total, removed in zip(found, dead, strict=True))
    return a, b, c, d, e, f
