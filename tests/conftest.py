"""Shared fixtures: isolation of every test, and one encrypted template database per session.

The template (built once, ~1 s) holds three users; ``db_path`` copies it (and its key-slot file)
into the test's own folder, so tests may change or damage their copy freely. Each unlock costs
about 0.2 s (Argon2id at the floor), so unlock only the sessions a test needs. A database is
open in one session at a time (the file lock), so a test uses at most one of the ``*_session``
fixtures at once.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from entre_desktop import i18n
from entre_desktop.clock import FixedClock
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services.session import Session

# CI replays the same examples every run, so a submission cannot pass or fail by luck; a local run
# (and ENTRE_SYNC_EXAMPLES=500 for the sync state machine) explores new ones each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

TEMPLATE_TIME = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
SITE_NAME = "Anstalten Kumla"

ADMIN, ADMIN_PASSPHRASE = "admin", "correct horse battery"
OFFICER, OFFICER_PASSPHRASE = "olle", "officer passphrase"
COORDINATOR, COORDINATOR_PASSPHRASE = "cora", "coordinator passphrase"
PASSPHRASES = {ADMIN: ADMIN_PASSPHRASE, OFFICER: OFFICER_PASSPHRASE, COORDINATOR: COORDINATOR_PASSPHRASE}


def _isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    for name in ("data", "logs", "home", "config", "share"):
        (root / name).mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("ENTRE_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("ENTRE_LOG_DIR", str(root / "logs"))
    monkeypatch.setenv("HOME", str(root / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "share"))
    # The floor (t=3, 64 MiB): real Argon2id, without calibrating to half a second per slot.
    monkeypatch.setenv("ENTRE_KDF_TARGET_SECONDS", "0")
    monkeypatch.delenv("ENTRE_DB", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test touches the real home, settings or data folders; the core speaks English."""
    _isolate(monkeypatch, tmp_path_factory.mktemp("env"))
    language = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(language)


@pytest.fixture
def passphrases() -> dict[str, str]:
    """The template's users and their passphrases: admin, olle (officer), cora (coordinator)."""
    return dict(PASSPHRASES)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEMPLATE_TIME)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted database with an admin, an officer and a coordinator. Never open it: copy it."""
    from entre_desktop.services.database import create_database
    from entre_desktop.services.users import add_user

    root = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(monkeypatch, root / "env")
        path = root / "entre.db"
        session = create_database(path, site_name=SITE_NAME, admin_name=ADMIN, passphrase=ADMIN_PASSPHRASE,
                                  clock=FixedClock(TEMPLATE_TIME))
        try:
            add_user(session, name=OFFICER, role="officer", passphrase=OFFICER_PASSPHRASE)
            add_user(session, name=COORDINATOR, role="coordinator", passphrase=COORDINATOR_PASSPHRASE)
        finally:
            session.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """This test's own copy of the template database and its key-slot file."""
    target = tmp_path / "db" / "entre.db"
    target.parent.mkdir()
    shutil.copy2(template_db, target)
    shutil.copy2(slot_file_path(template_db), slot_file_path(target))
    return target


def _unlock(db_path: Path, user_name: str, clock: FixedClock) -> Iterator[Session]:
    from entre_desktop.services.database import unlock_database

    session = unlock_database(db_path, user_name=user_name, passphrase=PASSPHRASES[user_name], clock=clock)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def admin_session(db_path: Path, clock: FixedClock) -> Iterator[Session]:
    yield from _unlock(db_path, ADMIN, clock)


@pytest.fixture
def officer_session(db_path: Path, clock: FixedClock) -> Iterator[Session]:
    yield from _unlock(db_path, OFFICER, clock)


@pytest.fixture
def coordinator_session(db_path: Path, clock: FixedClock) -> Iterator[Session]:
    yield from _unlock(db_path, COORDINATOR, clock)
