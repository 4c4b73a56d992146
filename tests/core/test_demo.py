"""Demo databases (entre_desktop.services.demo): fictional, deterministic, consistent, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import _isolate

from entre_desktop.clock import FixedClock
from entre_desktop.domain import demo_names
from entre_desktop.domain.personnummer import luhn_check_digit, parse_personal_number
from entre_desktop.domain.stages import Stage, allowed_next
from entre_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from entre_desktop.security import kdf
from entre_desktop.security.audit import verify_chain
from entre_desktop.services import clients
from entre_desktop.services import demo as demo_module
from entre_desktop.services.database import create_database, unlock_database
from entre_desktop.services.demo import (
    DOMAINS,
    TABLE_ORDER,
    DemoSummary,
    IdStream,
    demo_chunks,
    generate_demo,
)
from entre_desktop.services.session import Session
from entre_desktop.services.users import add_user

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
PASSPHRASE = "correct horse battery"
CLIENTS = 20
ALL_TABLES = ("agency", "agency_contact", *TABLE_ORDER, "change_log", "audit_event", "search_index")


def new_db(path: Path, *, is_demo: bool = True) -> Session:
    return create_database(path, site_name="Demo", admin_name="admin", passphrase=PASSPHRASE,
                           clock=FixedClock(NOW), kdf=kdf.FLOOR, is_demo=is_demo)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary, list[tuple[int, int]]]:
    """One demo database of 20 clients shared by the read-only tests; returns its path."""
    root = tmp_path_factory.mktemp("demo")
    path = root / "d.db"
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(monkeypatch, root / "env")
        monkeypatch.setattr(demo_module, "CHUNK_CLIENTS", 8)
        session = new_db(path)
        calls: list[tuple[int, int]] = []
        try:
            summary = generate_demo(session, clients=CLIENTS, seed=7, progress=lambda d, t: calls.append((d, t)))
        finally:
            session.close()
    return path, summary, calls


@pytest.fixture
def demo(generated: tuple[Path, DemoSummary, list[tuple[int, int]]]) -> Iterator[Session]:
    session = unlock_database(generated[0], user_name="admin", passphrase=PASSPHRASE, clock=FixedClock(NOW),
                              audit_login=False)
    yield session
    session.close()


def rows(session: Session, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in session.db.execute(sql, params).fetchall()]


def counts(session: Session) -> dict[str, int]:
    return {t: int(session.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in ALL_TABLES}


def test_demo_ids_are_version_4_uuids_from_the_random_stream() -> None:
    reference, ids = random.Random(5), IdStream(random.Random(5))
    for _ in range(9000):  # more than two batches
        assert ids() == str(uuid.UUID(int=reference.getrandbits(128), version=4))


def test_every_table_gets_rows_with_the_same_keys() -> None:
    """RecordWriter.insert_many takes its columns from a chunk's first row."""
    for chunk in demo_chunks(random.Random(3), clients=30, today=TODAY, chunk_clients=10):
        for table, table_rows in chunk.rows.items():
            assert {frozenset(r) for r in table_rows} == {frozenset(table_rows[0])}, table
        assert len({frozenset(v) for _, v in chunk.updates}) <= 1


def test_bulk_inserts_are_stamped_and_logged_like_single_ones(tmp_path: Path) -> None:
    session = new_db(tmp_path / "d.db")
    try:
        first_seq = rows(session, "SELECT max(seq) FROM change_log")[0][0]
        with session.write() as writer:
            writer.insert_many("agency", [{"name": f"Byrå {n}", "kind": "other"} for n in range(5)])
            writer.insert("agency", {"name": "Byrå 5", "kind": "other"})
        logged = rows(session, "SELECT hlc, record_id, data FROM change_log WHERE seq > ? ORDER BY seq", first_seq)
        stamps = [str(h) for h, _, _ in logged]
        assert stamps == sorted(set(stamps)) and len(stamps) == 6
        assert str(session.hlc.last) == stamps[-1]
        for hlc, record_id, data in logged:
            stored = session.db.execute("SELECT id, name, kind, created_hlc, updated_hlc, origin_site FROM agency"
                                        " WHERE id = ?", (record_id,)).fetchone()
            expected = dict(zip(("id", "name", "kind", "created_hlc", "updated_hlc", "origin_site"), stored,
                                strict=True))
            assert json.loads(str(data)) == expected and str(data) == json.dumps(expected, sort_keys=True)
            assert expected["created_hlc"] == hlc
    finally:
        session.close()


def test_summary_counts_what_was_written(demo: Session, generated: tuple[Path, DemoSummary, list[tuple[int, int]]]) -> None:
    summary = generated[1]
    assert summary.clients == CLIENTS and not summary.cancelled
    tables = dict(summary.tables)
    for table, count in tables.items():
        assert count == rows(demo, f"SELECT count(*) FROM {table}")[0][0] - (1 if table == "site" else 0)
    assert summary.rows == sum(tables.values())
    assert 60 <= summary.rows / CLIENTS <= 160, "about 100 rows of history per client"


def test_every_synced_row_written_is_in_the_change_log(demo: Session,
                                                       generated: tuple[Path, DemoSummary, list[tuple[int, int]]]) -> None:
    summary = generated[1]
    # The new database's own site row is the only change before the demo.
    log = Counter(r[0] for r in rows(demo, "SELECT op FROM change_log WHERE table_name != 'site'"))
    assert log["insert"] == summary.rows
    assert log["update"] == summary.updates
    assert sum(log.values()) == summary.rows + summary.updates
    missing = rows(demo, "SELECT count(*) FROM note n WHERE NOT EXISTS (SELECT 1 FROM change_log l"
                         " WHERE l.table_name = 'note' AND l.record_id = n.id AND l.op = 'insert')")
    assert missing == [(0,)]


def test_progress_is_reported_per_chunk_up_to_the_total(generated: tuple[Path, DemoSummary, list[tuple[int, int]]]) -> None:
    assert generated[2] == [(0, CLIENTS), (8, CLIENTS), (16, CLIENTS), (CLIENTS, CLIENTS)]


def test_generation_is_audited_and_the_chain_holds(demo: Session) -> None:
    events = rows(demo, "SELECT detail FROM audit_event WHERE action = 'demo_generated'")
    assert len(events) == 1 and f"clients={CLIENTS} seed=7" in str(events[0][0])
    assert verify_chain(demo.db).ok


def test_personal_numbers_are_valid_unique_adults(demo: Session) -> None:
    found = rows(demo, "SELECT personal_number, id_kind, date_of_birth FROM client")
    assert len({n for n, _, _ in found}) == CLIENTS
    for number, kind, born in found:
        parsed = parse_personal_number(str(number), today=TODAY)
        assert parsed.canonical() == number
        assert parsed.kind.value == kind
        assert parsed.birth_date.isoformat() == born
        age = TODAY.year - parsed.birth_date.year - ((TODAY.month, TODAY.day) < (parsed.birth_date.month, parsed.birth_date.day))
        assert 18 <= age <= 65


def test_names_are_recognisably_fictional(demo: Session) -> None:
    for (name,) in rows(demo, "SELECT name FROM client"):
        first, last = str(name).rsplit(" ", 1)
        assert last in demo_names.SURNAMES
        assert first in demo_names.MALE_FIRST_NAMES + demo_names.FEMALE_FIRST_NAMES
    for (phone,) in rows(demo, "SELECT phone FROM client WHERE phone != ''"):
        assert str(phone).startswith("070-174 06 ")


def test_stage_histories_follow_the_allowed_transitions(demo: Session) -> None:
    for client_id, stage, since in rows(demo, "SELECT client_id, stage, stage_since FROM enrolment"):
        history = rows(demo, "SELECT from_stage, to_stage, changed_on FROM stage_change WHERE client_id = ?"
                             " ORDER BY changed_on, created_hlc", client_id)
        assert history[0][0] is None and history[0][1] == Stage.REFERRED.value
        for (_, previous_to, previous_on), (from_stage, to_stage, on) in itertools.pairwise(history):
            assert from_stage == previous_to
            assert Stage(str(to_stage)) in allowed_next(Stage(str(previous_to)))
            assert str(previous_on) <= str(on) <= TODAY.isoformat()
        assert (history[-1][1], history[-1][2]) == (stage, since)


def test_referrals_only_where_consent_was_in_force(demo: Session) -> None:
    referrals = rows(demo, "SELECT r.client_id, r.agency_id, r.referred_on, c.client_id, c.agency_id, c.given_on,"
                           " c.valid_until, c.withdrawn_on FROM referral r LEFT JOIN consent c ON c.id = r.consent_id")
    assert referrals, "the demo should contain referrals"
    for client, agency, on, consent_client, consent_agency, given, until, withdrawn in referrals:
        assert (consent_client, consent_agency) == (client, agency)
        assert str(given) <= str(on) <= str(until)
        assert withdrawn is None or str(on) < str(withdrawn)
    scopes = {str(s) for (s,) in rows(demo, "SELECT scope FROM consent")}
    areas = {"accommodation", "work_education", "finances_id_benefits", "health", "substance_use",
             "family_network_leisure", "attitudes_disengagement", "safety"}
    assert all(set(s.split(",")) <= areas for s in scopes)


def test_assessments_rate_every_domain_from_1_to_5(demo: Session) -> None:
    for (assessment_id,) in rows(demo, "SELECT id FROM assessment"):
        ratings = rows(demo, "SELECT domain, rating FROM assessment_rating WHERE assessment_id = ?", assessment_id)
        assert sorted(d for d, _ in ratings) == sorted(DOMAINS)
        assert all(1 <= int(str(r)) <= 5 for _, r in ratings)


def test_release_plans_have_versions_and_actions(demo: Session) -> None:
    versions = rows(demo, "SELECT id, status, checksum, approved_by FROM plan_version")
    assert versions
    for version_id, status, checksum, approved_by in versions:
        actions = rows(demo, "SELECT area, due_on, status FROM plan_action WHERE plan_version_id = ?", version_id)
        assert 8 <= len(actions) <= 20
        assert (checksum is not None) == (status == "issued")
        assert (approved_by is not None) == (status != "draft")


def test_the_record_of_a_demo_client_loads(demo: Session) -> None:
    client_id = str(rows(demo, "SELECT id FROM client ORDER BY name LIMIT 1")[0][0])
    record = clients.get_record(demo, client_id)
    assert record.client.id == client_id and record.stages
    assert clients.search(demo, record.client.name.split()[1][:4])
    assert len(clients.caseload(demo)) == CLIENTS


def test_the_same_seed_gives_the_same_people_in_two_databases(tmp_path: Path) -> None:
    found = []
    for name in ("a.db", "b.db"):
        session = new_db(tmp_path / name)
        try:
            generate_demo(session, clients=5, seed=99)
            found.append((rows(session, "SELECT id, name, personal_number FROM client ORDER BY id"),
                          rows(session, "SELECT id, body FROM note ORDER BY id"),
                          rows(session, "SELECT id, domain, rating FROM assessment_rating ORDER BY id")))
        finally:
            session.close()
    assert found[0] == found[1]
    other = new_db(tmp_path / "c.db")
    try:
        generate_demo(other, clients=5, seed=100)
        assert rows(other, "SELECT id, name, personal_number FROM client ORDER BY id") != found[0][0]
    finally:
        other.close()


def test_a_second_run_adds_new_people_and_reuses_the_agencies(tmp_path: Path) -> None:
    session = new_db(tmp_path / "d.db")
    try:
        cache = rows(session, "PRAGMA cache_size")
        generate_demo(session, clients=3, seed=1)
        assert rows(session, "PRAGMA cache_size") == cache  # the large cache is only for generating
        agencies = rows(session, "SELECT count(*) FROM agency")
        second = generate_demo(session, clients=3, seed=1)
        assert second.clients == 3
        assert rows(session, "SELECT count(DISTINCT personal_number), count(*) FROM client") == [(6, 6)]
        assert rows(session, "SELECT count(*) FROM agency") == agencies
    finally:
        session.close()


def test_cancelling_leaves_the_database_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_module, "CHUNK_CLIENTS", 4)
    session = new_db(tmp_path / "d.db")
    try:
        before = counts(session)
        asked = []

        def cancel() -> bool:
            asked.append(1)
            return len(asked) > 1  # after the first chunk has been written

        summary = generate_demo(session, clients=12, seed=3, cancelled=cancel)
        assert summary.cancelled and summary.clients == 0 and summary.rows == 0
        assert counts(session) == before
        assert not session.db.in_transaction
        assert verify_chain(session.db).ok
    finally:
        session.close()


def test_refuses_a_database_with_real_clients(tmp_path: Path) -> None:
    session = new_db(tmp_path / "real.db", is_demo=False)
    try:
        number = f"19800101-001{luhn_check_digit('800101001')}"
        clients.add_client(session, clients.NewClient(name="Anna Andersson", personal_number=number))
        before = counts(session)
        with pytest.raises(ConflictError, match="not a demo database"):
            generate_demo(session, clients=2, seed=1)
        assert counts(session) == before
    finally:
        session.close()


def test_an_empty_database_that_is_not_marked_as_demo_may_be_filled(tmp_path: Path) -> None:
    session = new_db(tmp_path / "empty.db", is_demo=False)
    try:
        assert generate_demo(session, clients=2, seed=1).clients == 2
    finally:
        session.close()


def test_only_an_administrator_may_generate(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    session = new_db(path)
    try:
        add_user(session, name="olle", role="officer", passphrase="officer passphrase")
    finally:
        session.close()
    officer = unlock_database(path, user_name="olle", passphrase="officer passphrase", clock=FixedClock(NOW))
    try:
        with pytest.raises(PermissionDeniedError):
            generate_demo(officer, clients=1, seed=1)
    finally:
        officer.close()


@pytest.mark.parametrize("count", [0, -1, 200_001])
def test_the_number_of_clients_is_checked(tmp_path: Path, count: int) -> None:
    session = new_db(tmp_path / "d.db")
    try:
        with pytest.raises(ValidationError):
            generate_demo(session, clients=count, seed=1)
    finally:
        session.close()
