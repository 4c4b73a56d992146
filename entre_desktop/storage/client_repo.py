"""SQL for clients: the caseload, search, and loading one client's whole record."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from entre_desktop.domain.models import (
    Assessment,
    AttachmentInfo,
    CaseloadRow,
    Client,
    ClientRecord,
    Consent,
    ContactEntry,
    Custody,
    Note,
    PlanAction,
    PlanVersion,
    Referral,
    ReleasePlan,
    RiskFlag,
    StageChange,
)
from entre_desktop.domain.stages import Stage
from entre_desktop.storage.connection import Connection

# One row per client; the latest custody is looked up per client through its index, so a handful
# of ids (a search) costs a handful of lookups, not a scan. The latest custody comes from the index
# custody_client_latest (its ORDER BY is that index's order: no sorting per client, and its rowid
# without reading the row), once for both columns. No ORDER BY: SQLite's sort of 10,000 rows cost
# a quarter of the query (locked allocations, memory security); Python sorts them in milliseconds,
# and the desktop client sorts its model itself.
_CASELOAD_SQL = """
SELECT c.id, c.name, c.personal_number, k.facility, e.stage, k.conditional_release_date,
       c.responsible_user_name
FROM client c
LEFT JOIN enrolment e ON e.client_id = c.id AND e.deleted = 0
LEFT JOIN custody k ON k.rowid = (
    SELECT l.rowid FROM custody l WHERE l.client_id = c.id AND l.deleted = 0
     ORDER BY coalesce(l.sentence_start, '') DESC, l.created_hlc DESC LIMIT 1)
WHERE c.deleted = 0 {where}
"""

# Each client's next open action, in one pass over the clients that have a plan (about half):
# asked per client inside the query above, it was a third of the caseload's time. The CROSS JOINs
# fix the order release plan → version → action: left to itself the planner may walk the index of
# all open actions by due date.
_NEXT_DUE_SQL = """
SELECT p.client_id, min(a.due_on) FROM release_plan p
  CROSS JOIN plan_version v CROSS JOIN plan_action a
 WHERE p.deleted = 0 AND v.plan_id = p.id AND v.deleted = 0
   AND a.plan_version_id = v.id AND a.deleted = 0
   AND a.status IN ('planned', 'in_progress') AND a.due_on IS NOT NULL {where}
 GROUP BY p.client_id
"""

_STAGES = {stage.value: stage for stage in Stage}


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _req_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


def caseload(conn: Connection, *, today: dt.date, ids: list[str] | None = None,
             ordered: bool = True) -> list[CaseloadRow]:
    """Every client's caseload row (or those of ``ids``), by name unless ``ordered`` is False."""
    params: tuple[str, ...] = ()
    where = ""
    if ids is not None:
        if not ids:
            return []
        params = (json.dumps(list(ids)),)
        where = "AND {} IN (SELECT value FROM json_each(?))"
    next_due = dict(conn.execute(_NEXT_DUE_SQL.format(where=where.format("p.client_id")), params).fetchall())
    dates: dict[str, dt.date] = {}  # many clients share a date: parse each once

    def date(text: str | None) -> dt.date | None:
        if not text:
            return None
        parsed = dates.get(text)
        if parsed is None:
            parsed = dates[text] = dt.date.fromisoformat(text)
        return parsed

    rows = []
    for cid, name, pnr, facility, stage, release, responsible in conn.execute(
            _CASELOAD_SQL.format(where=where.format("c.id")), params):
        release_date = date(release)
        rows.append(CaseloadRow(
            cid, name, pnr, facility or "", _STAGES[stage] if stage else None, release_date,
            (release_date - today).days if release_date else None, date(next_due.get(cid)), responsible,
        ))
    if ordered:
        rows.sort(key=lambda row: row.name.casefold())
    return rows


def fts_query(text: str) -> str:
    """Each word as a quoted prefix term, all required: safe for any user input.

    Personal numbers are stored with the century (19811218-9876); a number typed without it
    (811218-9876, 8112189876, 811218) also finds them.
    """
    terms = []
    for word in text.replace('"', " ").split():
        cleaned = "".join(ch for ch in word if ch.isalnum() or ch in "-+")
        cleaned = cleaned.replace("-", "").replace("+", "")
        if cleaned.isdigit() and len(cleaned) in (6, 10):
            terms.append(f'("{cleaned}"* OR "19{cleaned}"* OR "20{cleaned}"*)')
        elif cleaned:
            terms.append(f'"{cleaned}"*')
    return " AND ".join(terms)


# Above this many matching texts (a prefix of one or two letters, a word in most notes) the
# hits are not ranked by relevance: ranking reads every hit's stored row and size, about 80 ms
# for the 12,000 notes "an" matches among 10,000 demo clients, and relevance says little about a
# query that matches half the database.
RANKED_HITS = 2000


def search_client_ids(conn: Connection, text: str, *, limit: int = 500) -> list[str]:
    """Matching clients, best first: by relevance (bm25); or, when the query matches more than
    ``RANKED_HITS`` texts, clients whose name or personal number matches first, then clients with
    a matching note, each in the order they were recorded (the index is read in rowid order and
    only until ``limit`` clients are found)."""
    query = fts_query(text)
    if not query:
        return []
    hits = int(conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?", (query,)).fetchone()[0])
    if hits <= RANKED_HITS:
        rows = conn.execute(
            "SELECT client_id FROM search_index WHERE search_index MATCH ? GROUP BY client_id"
            " ORDER BY min(rank) LIMIT ?",
            (query, limit),
        ).fetchall()
        return [r[0] for r in rows]
    found: dict[str, None] = {}
    for match in (f"{{name}} : ({query})", f"{{text}} : ({query})"):
        # Ascending rowid: FTS5 streams it, and stops reading when the loop stops.
        cursor = conn.execute("SELECT client_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid",
                              (match,))
        try:
            for (client_id,) in cursor:
                found.setdefault(str(client_id), None)
                if len(found) >= limit:
                    return list(found)
        finally:
            cursor.close()
    return list(found)


def matching_client_ids(conn: Connection, text: str) -> frozenset[str]:
    """The clients with an indexed text matching ``text`` (as ``search_client_ids``), unranked."""
    query = fts_query(text)
    if not query:
        return frozenset()
    rows = conn.execute("SELECT DISTINCT client_id FROM search_index WHERE search_index MATCH ?", (query,))
    return frozenset(str(r[0]) for r in rows)


def client_exists(conn: Connection, client_id: str) -> bool:
    return conn.execute("SELECT 1 FROM client WHERE id = ? AND deleted = 0", (client_id,)).fetchone() is not None


def find_by_personal_number(conn: Connection, number: str) -> str | None:
    row = conn.execute("SELECT id FROM client WHERE personal_number = ? AND deleted = 0", (number,)).fetchone()
    return str(row[0]) if row else None


def enrolment_of(conn: Connection, client_id: str) -> tuple[str, Stage] | None:
    row = conn.execute("SELECT id, stage FROM enrolment WHERE client_id = ? AND deleted = 0", (client_id,)).fetchone()
    return (row[0], Stage(row[1])) if row else None


def latest_custody_id(conn: Connection, client_id: str) -> str | None:
    row = conn.execute(
        "SELECT id FROM custody WHERE client_id = ? AND deleted = 0"
        " ORDER BY coalesce(sentence_start, '') DESC, created_hlc DESC LIMIT 1",
        (client_id,),
    ).fetchone()
    return str(row[0]) if row else None


def load_client(conn: Connection, client_id: str) -> Client | None:
    row = conn.execute(
        "SELECT id, name, personal_number, id_kind, date_of_birth, languages, protected_address, address, phone,"
        " milieu, responsible_user_name FROM client WHERE id = ? AND deleted = 0",
        (client_id,),
    ).fetchone()
    if row is None:
        return None
    return Client(id=row[0], name=row[1], personal_number=row[2], id_kind=row[3], date_of_birth=_req_date(row[4]),
                  languages=row[5], protected_address=bool(row[6]), address=row[7], phone=row[8], milieu=row[9],
                  responsible=row[10])


def load_record(conn: Connection, client_id: str) -> ClientRecord | None:
    client = load_client(conn, client_id)
    if client is None:
        return None
    enrolment = enrolment_of(conn, client_id)
    return ClientRecord(
        client=client,
        stage=enrolment[1] if enrolment else None,
        custody=_custody(conn, client_id),
        stages=_stages(conn, client_id),
        notes=_notes(conn, client_id),
        assessments=_assessments(conn, client_id),
        consents=consents_of(conn, client_id),
        referrals=_referrals(conn, client_id),
        risk_flags=_risk_flags(conn, client_id),
        contacts=_contacts(conn, client_id),
        plan=plan_of(conn, client_id),
        attachments=_attachments(conn, client_id),
    )


def _custody(conn: Connection, client_id: str) -> Custody | None:
    row = conn.execute(
        "SELECT id, facility, facility_kind, sentence_start, sentence_end, conditional_release_date, supervision_end,"
        " supervisor, conditions, gradual_release FROM custody WHERE client_id = ? AND deleted = 0"
        " ORDER BY coalesce(sentence_start, '') DESC, created_hlc DESC LIMIT 1",
        (client_id,),
    ).fetchone()
    if row is None:
        return None
    return Custody(id=row[0], facility=row[1], facility_kind=row[2], sentence_start=_date(row[3]),
                   sentence_end=_date(row[4]), conditional_release_date=_date(row[5]), supervision_end=_date(row[6]),
                   supervisor=row[7], conditions=row[8], gradual_release=row[9])


def _stages(conn: Connection, client_id: str) -> tuple[StageChange, ...]:
    rows = conn.execute(
        "SELECT id, from_stage, to_stage, changed_on, reason, changed_by FROM stage_change"
        " WHERE client_id = ? AND deleted = 0 ORDER BY changed_on, created_hlc",
        (client_id,),
    ).fetchall()
    return tuple(StageChange(id=r[0], from_stage=Stage(r[1]) if r[1] else None, to_stage=Stage(r[2]),
                             changed_on=_req_date(r[3]), reason=r[4], changed_by=r[5]) for r in rows)


def _notes(conn: Connection, client_id: str) -> tuple[Note, ...]:
    rows = conn.execute(
        "SELECT id, written_at, author, body, corrects_id FROM note WHERE client_id = ? AND deleted = 0"
        " ORDER BY written_at, created_hlc",
        (client_id,),
    ).fetchall()
    return tuple(Note(*r) for r in rows)


def _assessments(conn: Connection, client_id: str) -> tuple[Assessment, ...]:
    rows = conn.execute(
        "SELECT a.id, a.assessed_on, a.instrument, a.assessor, a.comment, r.domain, r.rating"
        " FROM assessment a LEFT JOIN assessment_rating r ON r.assessment_id = a.id AND r.deleted = 0"
        " WHERE a.client_id = ? AND a.deleted = 0 ORDER BY a.assessed_on, a.created_hlc",
        (client_id,),
    ).fetchall()
    found: dict[str, Assessment] = {}
    for aid, on, instrument, assessor, comment, domain, rating in rows:
        if aid not in found:
            found[aid] = Assessment(id=aid, assessed_on=_req_date(on), instrument=instrument, assessor=assessor,
                                    comment=comment, ratings={})
        if domain is not None:
            found[aid].ratings[domain] = int(rating)
    return tuple(found.values())


def consents_of(conn: Connection, client_id: str) -> tuple[Consent, ...]:
    rows = conn.execute(
        "SELECT c.id, c.agency_id, g.name, c.scope, c.given_on, c.valid_until, c.withdrawn_on FROM consent c"
        " JOIN agency g ON g.id = c.agency_id WHERE c.client_id = ? AND c.deleted = 0 ORDER BY c.given_on",
        (client_id,),
    ).fetchall()
    return tuple(
        Consent(id=r[0], agency_id=r[1], agency_name=r[2], scope=tuple(s for s in r[3].split(",") if s),
                given_on=_req_date(r[4]), valid_until=_req_date(r[5]), withdrawn_on=_date(r[6]))
        for r in rows
    )


def _referrals(conn: Connection, client_id: str) -> tuple[Referral, ...]:
    rows = conn.execute(
        "SELECT r.id, r.agency_id, g.name, r.consent_id, r.referred_on, r.purpose, r.status FROM referral r"
        " JOIN agency g ON g.id = r.agency_id WHERE r.client_id = ? AND r.deleted = 0 ORDER BY r.referred_on",
        (client_id,),
    ).fetchall()
    return tuple(Referral(id=r[0], agency_id=r[1], agency_name=r[2], consent_id=r[3], referred_on=_req_date(r[4]),
                          purpose=r[5], status=r[6]) for r in rows)


def _risk_flags(conn: Connection, client_id: str) -> tuple[RiskFlag, ...]:
    rows = conn.execute(
        "SELECT id, kind, description, review_on, active FROM risk_flag WHERE client_id = ? AND deleted = 0"
        " ORDER BY review_on",
        (client_id,),
    ).fetchall()
    return tuple(RiskFlag(id=r[0], kind=r[1], description=r[2], review_on=_req_date(r[3]), active=bool(r[4]))
                 for r in rows)


def _contacts(conn: Connection, client_id: str) -> tuple[ContactEntry, ...]:
    rows = conn.execute(
        "SELECT id, occurred_on, kind, attended, engagement, summary, recorded_by FROM contact_log"
        " WHERE client_id = ? AND deleted = 0 ORDER BY occurred_on, created_hlc",
        (client_id,),
    ).fetchall()
    return tuple(ContactEntry(id=r[0], occurred_on=_req_date(r[1]), kind=r[2], attended=bool(r[3]), engagement=r[4],
                              summary=r[5], recorded_by=r[6]) for r in rows)


def plan_of(conn: Connection, client_id: str) -> ReleasePlan | None:
    row = conn.execute(
        "SELECT id, lead_coordinator, next_review_on FROM release_plan WHERE client_id = ? AND deleted = 0"
        " ORDER BY created_hlc LIMIT 1",
        (client_id,),
    ).fetchone()
    if row is None:
        return None
    versions = conn.execute(
        "SELECT id, plan_id, version_no, status, client_goals, strengths, risk_factors, protective_factors,"
        " warning_signs, contingency, first_72_hours, client_agreement, approved_by, approved_at, issued_at, checksum"
        " FROM plan_version WHERE plan_id = ? AND deleted = 0 ORDER BY version_no",
        (row[0],),
    ).fetchall()
    actions = conn.execute(
        "SELECT a.plan_version_id, a.id, a.area, a.goal, a.action, a.agency_id, coalesce(g.name, ''),"
        " a.contact_name, a.due_on, a.status FROM plan_action a"
        " JOIN plan_version v ON v.id = a.plan_version_id LEFT JOIN agency g ON g.id = a.agency_id"
        " WHERE v.plan_id = ? AND a.deleted = 0 ORDER BY a.area, a.due_on, a.created_hlc",
        (row[0],),
    ).fetchall()
    by_version: dict[str, list[PlanAction]] = {}
    for r in actions:
        by_version.setdefault(r[0], []).append(
            PlanAction(id=r[1], area=r[2], goal=r[3], action=r[4], agency_id=r[5], agency_name=r[6],
                       contact_name=r[7], due_on=_date(r[8]), status=r[9])
        )
    return ReleasePlan(
        id=row[0], lead_coordinator=row[1], next_review_on=_date(row[2]),
        versions=tuple(_plan_version(v, tuple(by_version.get(v[0], []))) for v in versions),
    )


def _plan_version(v: tuple[Any, ...], actions: tuple[PlanAction, ...]) -> PlanVersion:
    return PlanVersion(
        id=v[0], plan_id=v[1], version_no=v[2], status=v[3], client_goals=v[4], strengths=v[5], risk_factors=v[6],
        protective_factors=v[7], warning_signs=v[8], contingency=v[9], first_72_hours=v[10], client_agreement=v[11],
        approved_by=v[12], approved_at=v[13], issued_at=v[14], checksum=v[15], actions=actions,
    )


def _attachments(conn: Connection, client_id: str) -> tuple[AttachmentInfo, ...]:
    rows = conn.execute(
        "SELECT id, file_name, media_type, size, added_at, added_by FROM attachment"
        " WHERE client_id = ? AND deleted = 0 ORDER BY added_at",
        (client_id,),
    ).fetchall()
    return tuple(AttachmentInfo(*r) for r in rows)
