"""The caseload strip's counts, and their speed on a large caseload."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest
from service_fixtures import ServiceDb, service_db_fixture  # noqa: F401

from entre_desktop.errors import PermissionDeniedError
from entre_desktop.services import clients, dashboard, plans, risk
from entre_desktop.services.dashboard import DashboardCounts


def test_empty(service_db: ServiceDb) -> None:
    assert dashboard.dashboard_counts(service_db.session) == DashboardCounts(0, 0, 0, 0, 0, 0)


def test_counts(service_db: ServiceDb) -> None:
    db = service_db
    session = db.session
    # Releases: today and day 30 are inside the 30-day window, day 31 and 90 only in the 90-day one.
    for serial, offset in ((1, 0), (2, 30), (3, 31), (4, 90), (5, 91), (6, -1)):
        db.add_client(serial, release_date=db.day(offset), sentence_start=db.day(-400))
    # A newer custody replaces the old one: the client is counted by the new release date only.
    moved = db.add_client(7, release_date=db.day(10), sentence_start=db.day(-400))
    clients.set_custody(session, moved, facility="Hall", conditional_release_date=db.day(200))

    # Plan A: draft with two overdue actions, one done, one due today, one cancelled overdue.
    a = db.add_client(8)
    plan_a, _ = plans.ensure_plan(session, a)
    draft_a = plan_repo_latest(db, plan_a)
    for due, status in ((-5, "planned"), (-1, "in_progress"), (-3, "done"), (0, "planned"), (-9, "cancelled")):
        plans.add_action(session, draft_a, area="health", action="x", due_on=db.day(due), status=status)
    # Plan B: a draft without actions is not awaiting approval.
    plans.ensure_plan(session, db.add_client(9))
    # Plan C: approved, awaiting issue; its overdue action counts.
    c = db.add_client(10)
    plan_c, _ = plans.ensure_plan(session, c)
    version_c = plan_repo_latest(db, plan_c)
    plans.add_action(session, version_c, area="safety", action="x", due_on=db.day(-2))
    plans.approve(session, version_c)
    # Plan D: issued v1 with an overdue action, then a v2 draft: only v2 (the latest) counts.
    d = db.add_client(11)
    plan_d, _ = plans.ensure_plan(session, d)
    version_d = plan_repo_latest(db, plan_d)
    plans.add_action(session, version_d, area="safety", action="x", due_on=db.day(-2))
    plans.approve(session, version_d)
    plans.issue(session, version_d)
    v2 = plans.new_version(session, plan_d)[0]
    (copied,) = [row[0] for row in session.db.execute("SELECT id FROM plan_action WHERE plan_version_id = ?", (v2,))]
    plans.update_action(session, copied, {"status": "done"})

    # Flags: overdue and within 14 days count; day 15 and inactive do not.
    flagged = db.add_client(12)
    old, _ = risk.add_risk_flag(session, flagged, kind="a", review_on=db.day(0))
    risk.add_risk_flag(session, flagged, kind="b", review_on=db.day(14))
    risk.add_risk_flag(session, flagged, kind="c", review_on=db.day(15))
    gone, _ = risk.add_risk_flag(session, flagged, kind="d", review_on=db.day(1))
    risk.review_risk_flag(session, gone, deactivate=True)
    db.clock.advance(days=1)
    counts_tomorrow = dashboard.dashboard_counts(session)
    db.clock.advance(days=-1)

    counts = dashboard.dashboard_counts(session)
    assert counts == DashboardCounts(
        releases_within_30_days=2, releases_within_90_days=4, overdue_actions=3,
        plans_awaiting_approval=2,  # A, and D's v2 (copied action)
        plans_awaiting_issue=1, risk_flags_due=2,
    )
    assert old
    # A day later: day-0 release has passed, day 31 enters the 30-day window, day 91 the 90-day one; the
    # action due "today" is overdue; the flag at day 15 is within 14 days.
    assert counts_tomorrow == DashboardCounts(2, 4, 4, 2, 1, 3)


def test_tombstoned_clients_and_plans_are_left_out(service_db: ServiceDb) -> None:
    db = service_db
    session = db.session
    kept = db.add_client(1, release_date=db.day(10), sentence_start=db.day(-400))
    gone = db.add_client(2, release_date=db.day(20), sentence_start=db.day(-400))
    for client_id in (kept, gone):
        plan_id, _ = plans.ensure_plan(session, client_id)
        plans.add_action(session, plan_repo_latest(db, plan_id), area="health", action="x", due_on=db.day(-1))
        risk.add_risk_flag(session, client_id, kind="a", review_on=db.day(1))
    other = db.add_client(3)
    other_plan, _ = plans.ensure_plan(session, other)
    other_version = plan_repo_latest(db, other_plan)
    plans.add_action(session, other_version, area="health", action="x", due_on=db.day(-1))
    plans.approve(session, other_version)
    assert dashboard.dashboard_counts(session) == DashboardCounts(2, 2, 3, 2, 1, 2)
    with session.write() as writer:  # as a delete arriving by sync would leave them
        writer.delete("client", gone)
        writer.delete("release_plan", other_plan)
    assert dashboard.dashboard_counts(session) == DashboardCounts(1, 1, 1, 1, 0, 1)


def plan_repo_latest(db: ServiceDb, plan_id: str) -> str:
    from entre_desktop.storage import plan_repo

    ref = plan_repo.latest_version_ref(db.session.db, plan_id)
    assert ref is not None
    return ref.id


def test_needs_view_permission(service_db: ServiceDb, monkeypatch: pytest.MonkeyPatch) -> None:
    from entre_desktop.security import roles

    monkeypatch.setitem(roles.PERMISSIONS, roles.Role.ADMIN, frozenset())
    with pytest.raises(PermissionDeniedError):
        dashboard.dashboard_counts(service_db.session)


def _bulk_caseload(db: ServiceDb, n: int) -> None:
    """``n`` clients shaped like the demo data (services/demo.py) but quick to make.

    Every client has a custody (one in ten an older one too) with release dates spread over two
    years; 56% have a plan (one in ten with a second version), versions are 14% draft, 10% approved,
    76% issued, with 14 actions each (a third of the open ones past due); about one active risk flag
    per client. Written with plain SQL (the dashboard never reads the change log, and writing it
    for 130,000 rows would take minutes), with a large page cache only while writing.
    """
    today = db.today
    day = lambda k: (today + dt.timedelta(days=k)).isoformat()  # noqa: E731
    rows: dict[str, list[dict[str, object]]] = {t: [] for t in (
        "client", "custody", "release_plan", "plan_version", "plan_action", "risk_flag")}
    final_status: list[tuple[str, str]] = []
    for i in range(n):
        cid = str(uuid.uuid4())
        rows["client"].append({"id": cid, "name": f"Client {i}", "personal_number": f"19800101-{i:05d}",
                               "id_kind": "personnummer", "date_of_birth": "1980-01-01"})
        rows["custody"].append({"client_id": cid, "facility": "Kumla", "sentence_start": day(-500 - i % 7),
                                "conditional_release_date": day(i % 730 - 365)})
        if i % 10 == 0:
            rows["custody"].append({"client_id": cid, "facility": "Hall", "sentence_start": day(-2000),
                                    "conditional_release_date": day(5)})
        rows["risk_flag"].append({"client_id": cid, "kind": "a", "review_on": day(i % 365 - 30),
                                  "active": int(i % 9 != 0)})
        if i % 25 >= 14:  # 44% without a plan
            continue
        pid = str(uuid.uuid4())
        rows["release_plan"].append({"id": pid, "client_id": cid})
        versions = 2 if i % 10 == 3 else 1
        for no in range(1, versions + 1):
            vid = str(uuid.uuid4())
            latest = ("draft",) * 14 + ("approved",) * 10 + ("issued",) * 76
            status = "issued" if no < versions else latest[(i * 7) % 100]
            # Inserted as drafts: an issued version takes no actions (the lock trigger), so the
            # statuses are set afterwards, as in real use.
            rows["plan_version"].append({"id": vid, "plan_id": pid, "version_no": no, "status": "draft"})
            final_status.append((status, vid))
            for k in range(14):
                rows["plan_action"].append({
                    "plan_version_id": vid, "area": "health", "action": "x", "due_on": day((i * 13 + k * 29) % 540 - 180),
                    "status": ("planned", "in_progress", "done", "done", "cancelled")[(i + k) % 5]})
    conn = db.session.db
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -262144")
    try:
        stamp = str(db.session.hlc.now())
        with db.session.write():
            for table, table_rows in rows.items():  # parents first: the dict keeps insertion order
                data = [c for c in table_rows[0] if c != "id"]
                columns = ", ".join(["id", *data, "created_hlc", "updated_hlc", "origin_site"])
                marks = ", ".join("?" for _ in range(len(data) + 4))
                conn.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                    ((r.get("id") or str(uuid.uuid4()), *(r[c] for c in data), stamp, stamp, db.session.site_id)
                     for r in table_rows),
                )
            conn.executemany("UPDATE plan_version SET status = ? WHERE id = ?", final_status)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def test_every_count_reads_covering_indexes_only(service_db: ServiceDb) -> None:
    """The structure that keeps the counts fast (migration 0004): no statement reads a table's rows,
    except the fallback for a draft without open actions."""
    from entre_desktop.storage import dashboard_repo

    params = {"today": "2026-01-01", "in30": "2026-01-31", "in90": "2026-04-01", "flags_by": "2026-01-15"}
    for sql in (dashboard_repo._RELEASES, dashboard_repo._OVERDUE, dashboard_repo._PENDING, dashboard_repo._FLAGS):
        steps = [row[3] for row in service_db.session.db.execute("EXPLAIN QUERY PLAN " + sql.format(scope=""), params)]
        reads = [s for s in steps if s.startswith(("SCAN", "SEARCH"))]
        assert reads, steps
        for step in reads:
            assert "COVERING INDEX" in step or "plan_action_version" in step, (sql, steps)


@pytest.mark.slow
def test_ten_thousand_clients_under_20_ms(service_db: ServiceDb, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("builds 10,000 clients (about two minutes): run with -m slow")
    _bulk_caseload(service_db, 10_000)
    session = service_db.session
    counts = dashboard.dashboard_counts(session)
    assert counts.releases_within_90_days > counts.releases_within_30_days > 0
    assert counts.overdue_actions > 0 and counts.plans_awaiting_approval > 0
    assert counts.plans_awaiting_issue > 0 and counts.risk_flags_due > 0
    timings = []
    for _ in range(15):
        started = time.perf_counter()
        dashboard.dashboard_counts(session)
        timings.append(time.perf_counter() - started)
    print(f"dashboard_counts on 10,000 clients: best {min(timings) * 1000:.2f} ms")
    assert min(timings) < 0.020, f"dashboard took {min(timings) * 1000:.1f} ms at best"


def test_caseload_rows_show_each_clients_next_open_action(service_db: ServiceDb) -> None:
    """The caseload reads the next open action in a pass of its own (storage/client_repo.py): each
    client gets the earliest due date among the open actions of its plan's live versions."""
    db = service_db
    session = db.session
    with_plan = db.add_client(1, name="örjan Öberg")
    without_plan = db.add_client(2, name="Åsa Ek")
    closed_only = db.add_client(3, name="adam Berg")
    plan, _ = plans.ensure_plan(session, with_plan)
    version = plan_repo_latest(db, plan)
    for due, status in ((-3, "done"), (5, "planned"), (2, "in_progress"), (-1, "cancelled"), (9, "planned")):
        plans.add_action(session, version, area="health", action="x", due_on=db.day(due), status=status)
    other, _ = plans.ensure_plan(session, closed_only)
    plans.add_action(session, plan_repo_latest(db, other), area="health", action="x", due_on=db.day(1), status="done")

    rows = clients.caseload(session)
    assert [row.name for row in rows] == ["adam Berg", "Åsa Ek", "örjan Öberg"]  # by name, case aside
    due = {row.id: row.next_action_due for row in rows}
    assert due == {with_plan: dt.date.fromisoformat(db.day(2)), without_plan: None, closed_only: None}
    assert sorted(clients.caseload(session, ordered=False), key=lambda row: row.name.casefold()) == rows
    found = clients.search(session, "örjan")  # a few ids: the same rows
    assert [(row.id, row.next_action_due) for row in found] == [(with_plan, due[with_plan])]
