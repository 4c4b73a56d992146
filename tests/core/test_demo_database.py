"""A new demo database made in a worker process and rekeyed here (services/demo_database.py)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from entre_desktop.clock import FixedClock
from entre_desktop.errors import ConflictError, DatabaseDamagedError, EntreError, ValidationError
from entre_desktop.security import kdf
from entre_desktop.security.audit import verify_chain
from entre_desktop.services import demo_database
from entre_desktop.services.clients import caseload
from entre_desktop.services.database import create_database, unlock_database
from entre_desktop.services.demo_database import create_demo_database
from entre_desktop.storage.connection import open_encrypted

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
PASSPHRASE = "correct horse battery"


def _make(path: Path, clients: int = 4, **kwargs: object):  # type: ignore[no-untyped-def]
    return create_demo_database(path, site_name="Demo", admin_name="admin", passphrase=PASSPHRASE, clients=clients,
                                seed=3, clock=FixedClock(NOW), kdf=kdf.FLOOR, **kwargs)


def test_the_demo_database_opens_with_the_passphrase_and_holds_the_clients(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    session, summary = _make(tmp_path / "demo.db", progress=lambda done, total: calls.append((done, total)))
    try:
        assert summary.clients == 4 and summary.rows > 0
        assert session.is_demo
        assert len(caseload(session)) == 4
        assert verify_chain(session.db).ok
    finally:
        session.close()
    assert calls and calls[-1] == (4, 4)
    again = unlock_database(tmp_path / "demo.db", user_name="admin", passphrase=PASSPHRASE, clock=FixedClock(NOW))
    again.close()
    # Nothing of the worker's staging is left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.keys", "demo.db.lock"]


def test_the_key_made_in_the_worker_no_longer_opens_the_database(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes] = []
    fill = demo_database._fill_in_worker

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        summary, key = fill(*args, **kwargs)
        seen.append(key)
        return summary, key

    monkeypatch.setattr(demo_database, "_fill_in_worker", spy)
    session, _summary = _make(tmp_path / "demo.db")
    session.close()
    assert len(seen) == 1
    with pytest.raises(DatabaseDamagedError):
        open_encrypted(tmp_path / "demo.db", seen[0])


def test_an_existing_database_and_bad_input_are_refused_before_any_work(tmp_path: Path) -> None:
    existing = create_database(tmp_path / "real.db", site_name="Site", admin_name="admin", passphrase=PASSPHRASE,
                               clock=FixedClock(NOW), kdf=kdf.FLOOR)
    existing.close()
    before = (tmp_path / "real.db").read_bytes()
    with pytest.raises(ConflictError):
        _make(tmp_path / "real.db")
    assert (tmp_path / "real.db").read_bytes() == before
    with pytest.raises(ValidationError):
        _make(tmp_path / "new.db", clients=0)
    assert not (tmp_path / "new.db").exists()


def test_a_worker_that_dies_leaves_nothing_behind(tmp_path: Path) -> None:
    def kill_the_worker(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            if child.name == "entre-demo-worker":
                child.kill()

    with pytest.raises(EntreError, match="stopped unexpectedly"):
        _make(tmp_path / "demo.db", clients=300, progress=kill_the_worker)
    assert list(tmp_path.iterdir()) == []


def test_without_memory_security_a_process_opens_only_the_demo_it_fills(tmp_path: Path) -> None:
    real = create_database(tmp_path / "real.db", site_name="Site", admin_name="admin", passphrase=PASSPHRASE,
                           clock=FixedClock(NOW), kdf=kdf.FLOOR)
    key = bytes(real.raw_key)
    real.close()
    script = textwrap.dedent(f"""
        from pathlib import Path
        from entre_desktop.errors import SecuritySettingError
        from entre_desktop.storage import connection
        connection.run_without_memory_security(Path({str(tmp_path / "fictional.db")!r}))
        try:
            connection.open_encrypted(Path({str(tmp_path / "real.db")!r}), bytes.fromhex({key.hex()!r}))
        except SecuritySettingError:
            print("refused")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "refused"


def test_the_site_keys_are_replaced_under_the_new_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    worker_keys: list[str] = []
    adopt = demo_database._adopt

    def spy(staging: Path, throwaway_key: bytes, *args, **kwargs):  # type: ignore[no-untyped-def]
        conn = open_encrypted(staging, throwaway_key)
        worker_keys.extend(str(r[0]) for r in conn.execute("SELECT keys FROM sync_site_keys"))
        conn.close()
        return adopt(staging, throwaway_key, *args, **kwargs)

    monkeypatch.setattr(demo_database, "_adopt", spy)
    session, _summary = _make(tmp_path / "demo.db")
    try:
        final = [str(r[0]) for r in session.db.execute("SELECT keys FROM sync_site_keys")]
    finally:
        session.close()
    assert len(worker_keys) == 1 and len(final) == 1
    assert final != worker_keys


def test_a_worker_error_keeps_its_kind() -> None:
    from entre_desktop.errors import StorageWriteError

    assert type(demo_database._worker_error("StorageWriteError", "disk full")) is StorageWriteError
    assert type(demo_database._worker_error("NoSuchError", "odd")) is EntreError
    assert type(demo_database._worker_error("ValueError", "not ours")) is EntreError
