"""Printing plans from stored data: variants, consent, print and audit logs, atomic output, batch."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.errors import StorageWriteError, ValidationError
from entre_desktop.security.kdf import FLOOR
from entre_desktop.services import printing
from entre_desktop.services.database import create_database
from entre_desktop.services.demo import generate_demo
from entre_desktop.services.session import Session
from entre_desktop.storage import client_repo

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("print-demo")
    session = create_database(folder / "demo.db", site_name="Demo", admin_name="admin",
                              passphrase="correct horse battery", clock=FixedClock(dt.datetime(2026, 11, 24, 9)),
                              kdf=FLOOR, is_demo=True)
    generate_demo(session, clients=25, seed=7)
    session.close()
    return folder


@pytest.fixture
def session(demo_template: Path, tmp_path: Path):
    from entre_desktop.services.database import unlock_database

    for name in ("demo.db", "demo.db.keys"):
        shutil.copy(demo_template / name, tmp_path / name)
    opened = unlock_database(tmp_path / "demo.db", user_name="admin", passphrase="correct horse battery",
                             clock=FixedClock(dt.datetime(2026, 11, 24, 9)))
    yield opened
    opened.close()


def _client_with_plan(session: Session, *, protected: bool | None = None) -> str:
    for row in client_repo.caseload(session.db, today=session.clock.today()):
        record = client_repo.load_record(session.db, row.id)
        assert record is not None
        if record.plan and record.plan.current and record.consents and (
            protected is None or record.client.protected_address == protected
        ):
            return row.id
    pytest.skip("the demo data has no such client")


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_internal_copy_is_logged_and_audited(session: Session, tmp_path: Path) -> None:
    client_id = _client_with_plan(session)
    copy, _ = printing.print_plan(session, client_id, tmp_path / "p.pdf", language="sv")
    text = _text(tmp_path / "p.pdf")
    assert "Frigivningsplan" in text and "Sida 1 av" in text and "INTERNT EXEMPLAR" in text
    logged = session.db.execute("SELECT variant, copy_no, document_hash FROM print_log WHERE client_id = ?",
                                (client_id,)).fetchall()
    assert logged == [("internal", 1, copy.document_hash)]
    audit = session.db.execute("SELECT detail FROM audit_event WHERE action = 'print' AND target = ?",
                               (client_id,)).fetchall()
    assert len(audit) == 1 and "copy=1" in audit[0][0]
    second, _ = printing.print_plan(session, client_id, tmp_path / "p2.pdf", language="sv")
    assert second.copy_number == 2 and second.document_hash == copy.document_hash


def test_agency_copy_needs_consent_and_hides_risk(session: Session, tmp_path: Path) -> None:
    client_id = _client_with_plan(session)
    record = client_repo.load_record(session.db, client_id)
    assert record is not None
    valid = [c for c in record.consents if c.is_valid_on(session.clock.today())]
    if not valid:
        pytest.skip("no valid consent in the demo data for this client")
    printing.print_plan(session, client_id, tmp_path / "a.pdf", variant="agency", agency_id=valid[0].agency_id,
                        language="en")
    text = _text(tmp_path / "a.pdf")
    assert "AGENCY COPY" in text
    assert "Risk factors" not in text and "Warning signs" not in text
    assert record.client.address not in text or not record.client.address
    unrelated = session.db.execute(
        "SELECT id FROM agency WHERE id NOT IN (SELECT agency_id FROM consent WHERE client_id = ?) LIMIT 1",
        (client_id,),
    ).fetchone()
    with pytest.raises(ValidationError, match="no valid consent"):
        printing.print_plan(session, client_id, tmp_path / "b.pdf", variant="agency", agency_id=unrelated[0])
    assert not (tmp_path / "b.pdf").exists()


def test_client_without_plan_and_unwritable_path(session: Session, tmp_path: Path) -> None:
    from entre_desktop.services.clients import NewClient, add_client

    client_id, _ = add_client(session, NewClient(name="No Plan Person", personal_number="811218-9876"))
    with pytest.raises(ValidationError, match="no release plan"):
        printing.print_plan(session, client_id, tmp_path / "x.pdf")
    planned = _client_with_plan(session)
    before = session.db.execute("SELECT count(*) FROM print_log").fetchone()[0]
    with pytest.raises(StorageWriteError):
        printing.print_plan(session, planned, tmp_path / "missing-folder" / "x.pdf")
    assert session.db.execute("SELECT count(*) FROM print_log").fetchone()[0] == before


def test_demo_database_prints_demo_watermark_and_client_copy_is_plain(session: Session, tmp_path: Path) -> None:
    client_id = _client_with_plan(session)
    printing.print_plan(session, client_id, tmp_path / "c.pdf", variant="client", language="en")
    text = _text(tmp_path / "c.pdf")
    assert "DEMO" in text and "CLIENT COPY" in text and "Risk factors" not in text


def test_batch_prints_every_release_within_days(session: Session, tmp_path: Path) -> None:
    ids = printing.releases_within(session, 3650)
    result = printing.print_releases_within(session, 3650, tmp_path / "batch", language="en")
    assert len(result.printed) + len(result.skipped) == len(ids)
    assert sorted(p.name for p in (tmp_path / "batch").iterdir()) == sorted(c.path.name for c in result.printed if c.path)
