"""Kill -9 at random points: the database always opens again, whole, with a passphrase that works.

Each test starts ``kill9_worker.py`` in a subprocess on its own copy of a database, kills it
(SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs) after a random delay, and
checks the result; several times per operation. The seed is printed on failure and can be set
with ENTRE_KILL9_SEED to repeat a run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.errors import AuthenticationError
from entre_desktop.security import kdf
from entre_desktop.security.audit import verify_chain
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services.backup import read_backup_info, restore_backup
from entre_desktop.services.database import create_database, unlock_database
from entre_desktop.services.session import Session
from entre_desktop.storage.migrations import latest_version, schema_version

pytestmark = pytest.mark.reliability

WORKER = Path(__file__).with_name("kill9_worker.py")
REPO = Path(__file__).resolve().parents[2]
FIXTURE_V1 = REPO / "tests" / "migrations" / "fixtures" / "v1.db"
PASSPHRASE = "correct horse battery"
OTHER_PASSPHRASE = "a second horse battery staple"
KILLS = 4
BUNDLE_CLIENTS = 120
SEED = int(os.environ.get("ENTRE_KILL9_SEED", str(time.time_ns() % 1_000_000)))


@pytest.fixture
def rng() -> random.Random:
    return random.Random(SEED)


def copy_db(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "entre.db"
    shutil.copyfile(source, target)
    shutil.copyfile(slot_file_path(source), slot_file_path(target))
    return target


@dataclass
class Worker:
    process: subprocess.Popen[str]
    started: float

    def wait_for(self, word: str, timeout: float = 30.0) -> float:
        """Read lines until ``word``; returns the time it came."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"the worker ended before '{word}': {self.error_output()}")
            if line.strip() == word:
                return time.monotonic()
        raise AssertionError(f"no '{word}' from the worker within {timeout} s")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)

    def error_output(self) -> str:
        self.process.wait(timeout=30)
        return self.process.stderr.read() if self.process.stderr is not None else ""


def start(scenario: str, db: Path, *extra: str) -> Worker:
    env = dict(os.environ, PYTHONPATH=str(REPO), ENTRE_KDF_TARGET_SECONDS="0")
    process = subprocess.Popen([sys.executable, str(WORKER), scenario, str(db), *extra], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return Worker(process, time.monotonic())


def run_and_kill(scenario: str, db: Path, delay: float, *extra: str) -> None:
    worker = start(scenario, db, *extra)
    try:
        worker.wait_for("ready")
        time.sleep(delay)
    finally:
        worker.kill()


def unlock_any(db: Path, passphrases: tuple[str, ...] = (PASSPHRASE,)) -> Session:
    for passphrase in passphrases:
        try:
            return unlock_database(db, user_name="admin", passphrase=passphrase)
        except AuthenticationError:
            continue
    raise AssertionError(f"no passphrase opens {db} (seed {SEED})")


def assert_whole(session: Session) -> None:
    db = session.db
    assert [r[0] for r in db.execute("PRAGMA integrity_check")] == ["ok"], f"seed {SEED}"
    assert db.execute("PRAGMA cipher_integrity_check").fetchall() == [], f"seed {SEED}"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == [], f"seed {SEED}"
    assert verify_chain(db).ok, f"seed {SEED}"


def opens_whole(db: Path, passphrases: tuple[str, ...] = (PASSPHRASE,)) -> Iterator[Session]:
    session = unlock_any(db, passphrases)
    try:
        assert_whole(session)
        yield session
    finally:
        session.close()


# ---------------------------------------------------------------- the operations

def test_kill_while_saving(db_path: Path, tmp_path: Path, rng: random.Random) -> None:
    for attempt in range(KILLS):
        run_and_kill("save", db_path, rng.uniform(0.05, 1.0))
        for session in opens_whole(db_path):
            # A client is registered in one transaction with its custody, enrolment and first stage.
            incomplete = session.db.execute(
                "SELECT count(*) FROM client c WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.client_id = c.id)"
                " OR NOT EXISTS (SELECT 1 FROM stage_change s WHERE s.client_id = c.id)").fetchone()[0]
            assert incomplete == 0, f"attempt {attempt}, seed {SEED}"
    for session in opens_whole(db_path):
        assert session.db.execute("SELECT count(*) FROM client").fetchone()[0] > 0, "the worker never saved"


def test_kill_while_migrating(tmp_path: Path, rng: random.Random) -> None:
    reference = copy_db(FIXTURE_V1, tmp_path / "reference")
    worker = start("migrate", reference)
    ready = worker.wait_for("ready")
    duration = worker.wait_for("done") - ready
    worker.process.wait(timeout=30)
    for attempt in range(KILLS):
        db = copy_db(FIXTURE_V1, tmp_path / f"attempt{attempt}")
        run_and_kill("migrate", db, rng.uniform(0, duration * 1.1))
        for session in opens_whole(db):
            assert schema_version(session.db) == latest_version(), f"attempt {attempt}, seed {SEED}"
            names = [r[0] for r in session.db.execute("SELECT name FROM client")]
            assert names == ["Fixture Fixtursson"], f"attempt {attempt}, seed {SEED}"
            assert session.db.execute("SELECT count(*) FROM note").fetchone()[0] == 1


def test_kill_while_changing_the_passphrase(db_path: Path, rng: random.Random) -> None:
    both = (PASSPHRASE, OTHER_PASSPHRASE)
    for attempt in range(KILLS):
        run_and_kill("passphrase", db_path, rng.uniform(0.0, 1.5))
        for session in opens_whole(db_path, both):
            assert session.user.name == "admin", f"attempt {attempt}, seed {SEED}"
    # The other users' slots were never touched.
    session = unlock_database(db_path, user_name="olle", passphrase="officer passphrase")
    session.close()


def test_kill_while_backing_up(db_path: Path, tmp_path: Path, rng: random.Random) -> None:
    target = tmp_path / "backups" / "site.entre-backup"
    target.parent.mkdir()
    for attempt in range(KILLS):
        run_and_kill("backup", db_path, rng.uniform(0.0, 1.5), str(target))
        for session in opens_whole(db_path):
            assert session.user.name == "admin"
        if target.exists():  # only ever renamed into place whole
            assert read_backup_info(target).db_size > 0, f"attempt {attempt}, seed {SEED}"
    if target.exists():  # a backup left in place is a whole one: it restores
        restored = tmp_path / "restored" / "entre.db"
        restore_backup(target, restored, user_name="admin", passphrase=PASSPHRASE)
        for session in opens_whole(restored):
            assert session.db_id


# ---------------------------------------------------------------- importing a bundle

@dataclass(frozen=True)
class BundleCase:
    receiver: Path
    bundle: Path


@pytest.fixture(scope="module")
def bundle_case(tmp_path_factory: pytest.TempPathFactory) -> BundleCase:
    """Two sites that trust each other, and a bundle of many clients from the first to the second."""
    from kill9_worker import personal_number

    from entre_desktop.services.clients import NewClient, add_client
    from entre_desktop.services.notes import add_note
    from entre_desktop.services.sync import export_bundle, export_identity, trust_site

    root = tmp_path_factory.mktemp("kill9-sites")
    clock = FixedClock(dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC))
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ENTRE_KDF_TARGET_SECONDS", "0")
        sender = create_database(root / "a" / "entre.db", site_name="Anstalten Kumla", admin_name="admin",
                                 passphrase=PASSPHRASE, clock=clock, kdf=kdf.FLOOR)
        receiver = create_database(root / "b" / "entre.db", site_name="Frivården Malmö", admin_name="admin",
                                   passphrase=PASSPHRASE, clock=clock, kdf=kdf.FLOOR)
        try:
            for one, other in ((sender, receiver), (receiver, sender)):
                identity = export_identity(other)
                trust_site(one, identity.data, identity.fingerprint)
            for index in range(BUNDLE_CLIENTS):
                client_id, _ = add_client(sender, NewClient(name=f"Bundle Client {index}",
                                                            personal_number=personal_number(index)))
                add_note(sender, client_id, f"Bundle note {index}")
            bundle = root / "to-malmo.entre"
            summary = export_bundle(sender, to=[receiver.site_name])
            assert summary.data is not None
            bundle.write_bytes(summary.data)
        finally:
            sender.close()
            receiver.close()
    return BundleCase(receiver=root / "b" / "entre.db", bundle=bundle)


def _clients(session: Session) -> int:
    return int(session.db.execute("SELECT count(*) FROM client").fetchone()[0])


def test_kill_while_importing_a_bundle(bundle_case: BundleCase, tmp_path: Path, rng: random.Random) -> None:
    from entre_desktop.services.sync import import_bundle

    reference = copy_db(bundle_case.receiver, tmp_path / "reference")
    worker = start("import", reference, str(bundle_case.bundle))
    ready = worker.wait_for("ready")
    duration = worker.wait_for("done") - ready
    worker.process.wait(timeout=30)
    for attempt in range(KILLS):
        db = copy_db(bundle_case.receiver, tmp_path / f"attempt{attempt}")
        run_and_kill("import", db, rng.uniform(0, duration * 1.2), str(bundle_case.bundle))
        for session in opens_whole(db):
            clients = _clients(session)
            seen = session.db.execute("SELECT count(*) FROM sync_bundle_seen").fetchone()[0]
            context = f"attempt {attempt}: {clients} clients, seen {seen}, seed {SEED}"
            assert (clients, seen) in ((0, 0), (BUNDLE_CLIENTS, 1)), context
            again = import_bundle(session, bundle_case.bundle)
            assert again.already_imported == (seen == 1), context
            assert _clients(session) == BUNDLE_CLIENTS, context
            assert import_bundle(session, bundle_case.bundle).already_imported, context
