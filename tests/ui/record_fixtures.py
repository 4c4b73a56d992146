"""Fixtures for the client-record tests: a database (a copy of the session template in
``tests/conftest.py``) with one client, a TaskRunner holding a session, the widget, and recorded
answers for the record's modal questions (so no test ever blocks on a message box).

Import the fixtures into a test module by name::

    from record_fixtures import admin_record_fixture, prompts_fixture  # noqa: F401 - used by name
"""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt makes one per session, before function fixtures run).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from entre_desktop.clock import FixedClock
from entre_desktop.domain.areas import AREAS
from entre_desktop.domain.assessment_domains import DOMAINS
from entre_desktop.services.agencies import add_agency
from entre_desktop.services.assessments import record_assessment
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.consent import give_consent
from entre_desktop.services.contacts import log_contact
from entre_desktop.services.database import unlock_database
from entre_desktop.services.notes import add_note
from entre_desktop.services.plans import add_action, ensure_plan
from entre_desktop.services.referrals import make_referral
from entre_desktop.services.session import Session
from ui.record import prompts as record_prompts
from ui.record.record_window import ClientRecordWidget
from ui.tasks import TaskRunner

CLIENT_NAME = "Anna Åberg"
CLIENT_NUMBER = "19811218-9876"
PASSPHRASES = {"admin": "correct horse battery", "olle": "officer passphrase", "cora": "coordinator passphrase"}
WAIT_MS = 5000


@dataclass
class Prompts:
    """What the record asked or told; ``unsaved_answer`` is the reply to 'save your changes?'."""

    unsaved_answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    confirm_answer: bool = True
    unsaved_asked: int = 0
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)


@pytest.fixture(name="prompts")
def prompts_fixture(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    seen = Prompts()

    def ask_unsaved(_parent: QWidget | None) -> QMessageBox.StandardButton:
        seen.unsaved_asked += 1
        return seen.unsaved_answer

    def confirm(_parent: QWidget | None, _title: str, text: str) -> bool:
        seen.confirms.append(text)
        return seen.confirm_answer

    monkeypatch.setattr(record_prompts, "ask_unsaved", ask_unsaved)
    monkeypatch.setattr(record_prompts, "show_error",
                        lambda _parent, error: seen.errors.append(record_prompts.error_text(error)))
    monkeypatch.setattr(record_prompts, "show_info", lambda _parent, _title, text: seen.infos.append(text))
    monkeypatch.setattr(record_prompts, "confirm", confirm)
    return seen


@dataclass
class RecordDb:
    path: Path
    clock: FixedClock
    client_id: str
    agency_ids: dict[str, str]


@pytest.fixture(name="record_db")
def record_db_fixture(db_path: Path, clock: FixedClock) -> RecordDb:
    """The template database with one client (custody included) and two agencies."""
    session = unlock_database(db_path, user_name="admin", passphrase=PASSPHRASES["admin"], clock=clock)
    try:
        client_id, _ = add_client(session, NewClient(
            name=CLIENT_NAME, personal_number="8112189876", facility="Kumla", sentence_start="2025-01-10",
            release_date="2027-05-01", languages="svenska, arabiska", address="Storgatan 1, Örebro"))
        agencies = {}
        for name, kind in (("Socialtjänsten Örebro", "social_services"), ("Arbetsförmedlingen", "employment_service")):
            agencies[name], _ = add_agency(session, name=name, kind=kind)
    finally:
        session.close()
    return RecordDb(db_path, clock, client_id, agencies)


def fill_record(db: RecordDb) -> None:
    """Give the client a long history: the size of record a busy officer opens."""
    session = unlock_database(db.path, user_name="admin", passphrase=PASSPHRASES["admin"], clock=db.clock,
                              audit_login=False)
    try:
        today = db.clock.today()
        cid = db.client_id
        for n in range(120):
            on = today - dt.timedelta(days=7 * n + 1)
            log_contact(session, cid, occurred_on=on, kind=("meeting", "phone", "visit")[n % 3], attended=n % 5 != 0,
                        engagement=None if n % 5 == 0 else 1 + n % 5, summary=f"Contact {n}: talked about the plan.")
            add_note(session, cid, f"Note {n}. " + "The client talked about work and housing. " * 4)
        for n in range(12):
            record_assessment(session, cid, assessed_on=today - dt.timedelta(days=60 * n + 2), instrument="EDR",
                              ratings={d: 1 + (n + i) % 5 for i, d in enumerate(DOMAINS)}, comment=f"Round {n}")
        for name, agency_id in db.agency_ids.items():
            give_consent(session, cid, agency_id=agency_id, scope=["accommodation", "work_education"],
                         given_on=today - dt.timedelta(days=30), valid_until=today + dt.timedelta(days=300))
            make_referral(session, cid, agency_id=agency_id, purpose=f"Support from {name}")
        plan_id, _ = ensure_plan(session, cid)
        version_id = session.db.execute("SELECT id FROM plan_version WHERE plan_id = ?", (plan_id,)).fetchone()[0]
        for n in range(24):
            add_action(session, version_id, area=AREAS[n % len(AREAS)], goal=f"Goal {n % 6}", action=f"Action {n}",
                       agency_id=list(db.agency_ids.values())[n % 2], due_on=today + dt.timedelta(days=10 * n),
                       status=("planned", "in_progress", "done")[n % 3])
    finally:
        session.close()


def collect_garbage() -> None:
    """Collect cyclic garbage now, on the main thread, while no DB worker runs.

    Python's cycle collector runs in whichever thread happens to allocate; if it ran on a DB worker
    and freed a Qt object owned by Python (a top-level widget of an earlier test), Qt would destroy
    that object on the wrong thread and crash. Collecting before a runner starts and after it
    stops keeps every such destruction on the main thread.
    """
    gc.collect()


def start_runner(db: RecordDb, user: str) -> tuple[TaskRunner, Session]:
    collect_garbage()
    session = unlock_database(db.path, user_name=user, passphrase=PASSPHRASES[user], clock=db.clock)
    runner = TaskRunner()
    runner.run_plain(lambda: runner.set_session(session)).result()
    return runner, session


def stop(runner: TaskRunner, *widgets: ClientRecordWidget) -> None:
    """Clear the records (no questions asked), stop the worker, then free everything on this thread."""
    for widget in widgets:
        widget.clear()
        widget.close()
    runner.shutdown()
    for widget in widgets:
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    collect_garbage()


def open_record(qtbot: QtBot, runner: TaskRunner, client_id: str) -> ClientRecordWidget:
    widget = ClientRecordWidget(runner, client_id)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitUntil(lambda: widget.record is not None, timeout=WAIT_MS)
    return widget


def _record_fixture(user: str) -> Callable[..., Iterator[ClientRecordWidget]]:
    def fixture(qtbot: QtBot, record_db: RecordDb, prompts: Prompts) -> Iterator[ClientRecordWidget]:
        runner, _session = start_runner(record_db, user)
        widget = open_record(qtbot, runner, record_db.client_id)
        yield widget
        stop(runner, widget)

    return fixture


admin_record_fixture = pytest.fixture(_record_fixture("admin"), name="admin_record")
officer_record_fixture = pytest.fixture(_record_fixture("olle"), name="officer_record")
coordinator_record_fixture = pytest.fixture(_record_fixture("cora"), name="coordinator_record")


def settle(qtbot: QtBot, widget: ClientRecordWidget) -> None:
    """Wait until every job the record submitted has answered (and the reload it caused)."""
    qtbot.waitUntil(lambda: not widget.runner.busy, timeout=WAIT_MS)


def save_and_wait(qtbot: QtBot, widget: ClientRecordWidget, action: Callable[[], Any]) -> Any:
    """Run ``action`` and wait for the record's ``changed`` and the reload that follows."""
    with qtbot.waitSignal(widget.changed, timeout=WAIT_MS) as blocker, \
            qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        action()
    return blocker.args[0]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
