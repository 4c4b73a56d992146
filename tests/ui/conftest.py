"""Fixtures for the desktop client's tests: a small database with clients, a runner, helpers.

The shared ``tests/conftest.py`` isolates the data folder (``ENTRE_DATA_DIR``), so the client's
settings ini file lives in the test's own folder too.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.database import unlock_database
from tests.ui.helpers import CLIENTS, TODAY, FakeClock, personal_number
from ui.controller import AppController
from ui.pyside_workarounds import protect_from_refcount_leaks
from ui.session_info import SessionInfo
from ui.settings import AppSettings
from ui.tasks import TaskRunner

# The QApplication is created once per session, before function-scoped fixtures set the
# environment: choose the headless platform here, at import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

@pytest.fixture(scope="session", autouse=True)
def _true_and_none_survive_pyside() -> None:
    """The client's start-up work-around for PySide6 6.12.0's reference leaks on True and None
    (see ui/pyside_workarounds.py): without it a long test session aborts at exit."""
    protect_from_refcount_leaks()


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As the client does (ui/garbage.py): no automatic collection, which could run on a DB
    worker thread and destroy a widget there; collect on this thread between tests instead."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def ui_db(db_path: Path, passphrases: dict[str, str]) -> Path:
    """The shared template database (admin, olle, cora) with five clients added by the admin."""
    session = unlock_database(db_path, user_name="admin", passphrase=passphrases["admin"], audit_login=False)
    try:
        for n, (name, facility, days) in enumerate(CLIENTS):
            release = (TODAY + dt.timedelta(days=days)).isoformat() if days is not None else None
            sentence_start = (TODAY - dt.timedelta(days=800)).isoformat()
            add_client(session, NewClient(name=name, personal_number=personal_number(n), facility=facility,
                                          release_date=release, sentence_start=sentence_start))
    finally:
        session.close()
    return db_path


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def settings() -> AppSettings:
    return AppSettings()


@pytest.fixture
def unlock(qtbot: QtBot, passphrases: dict[str, str]) -> Callable[[TaskRunner, Path, str], SessionInfo]:
    """Unlock ``path`` as ``user`` inside ``runner`` (as the unlock dialog does) and wait for it."""

    def do(runner: TaskRunner, path: Path, user: str) -> SessionInfo:
        result: list[SessionInfo] = []

        def job() -> SessionInfo:
            session = unlock_database(path, user_name=user, passphrase=passphrases[user])
            runner.set_session(session)
            return SessionInfo.of(session)

        runner.run_plain(job, on_success=result.append)
        qtbot.waitUntil(lambda: bool(result), timeout=10_000)
        return result[0]

    return do


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_controller(qtbot: QtBot, settings: AppSettings, fake_clock: FakeClock) -> Iterator[Callable[..., AppController]]:
    """An AppController on a database, with a fake idle clock; shut down after the test."""
    made: list[AppController] = []

    def make(path: Path) -> AppController:
        controller = AppController(db_path=path, settings=settings, idle_clock=fake_clock, idle_check_ms=60_000)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        if controller.window is not None:
            controller.window.clear_for_lock()  # answers still on their way are dropped from now on
        controller.shutdown()  # wait for the worker, then deliver (and drop) its last answers
        QCoreApplication.processEvents()
        if controller.window is not None:
            controller.window.hide()
            controller.window.deleteLater()
        for dialog in (controller.unlock_dialog, controller.wizard):
            if dialog is not None:
                dialog.hide()
                dialog.deleteLater()
        controller.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def signed_in(qtbot: QtBot, make_controller: Callable[..., AppController],
              passphrases: dict[str, str]) -> Callable[[Path, str], AppController]:
    """Start the client on ``path``, unlock as ``user`` through the dialog, wait for the caseload."""

    def start(path: Path, user: str) -> AppController:
        controller = make_controller(path)
        controller.start()
        dialog = controller.unlock_dialog
        assert dialog is not None
        dialog.user_edit.setText(user)
        dialog.passphrase_edit.setText(passphrases[user])
        qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5_000)
        dialog.try_unlock()
        qtbot.waitUntil(lambda: controller.window is not None and not controller.window.locked, timeout=10_000)
        window = controller.window
        assert window is not None
        qtbot.waitUntil(lambda: window.caseload.model.rowCount() > 0 or not window.runner.busy, timeout=10_000)
        return controller

    return start
