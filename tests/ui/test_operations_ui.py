"""Operations screens: backup, restore, the backup reminder, retention review, purge, data export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from entre_desktop.clock import FixedClock
from entre_desktop.services.clients import NewClient, add_client
from entre_desktop.services.database import unlock_database
from entre_desktop.services.retention import place_legal_hold
from entre_desktop.services.session import Session
from entre_desktop.services.stages import set_stage
from ui import prompts
from ui.controller import AppController
from ui.dialogs.settings_dialog import SettingsDialog
from ui.operations import files, retention_dialog
from ui.operations.backup_dialog import BackupDialog
from ui.operations.purge_dialog import PurgeDialog
from ui.operations.restore_dialog import RestoreDialog, RestoreRequest
from ui.operations.retention_dialog import RetentionDialog
from ui.session_info import SessionInfo
from ui.settings import AppSettings
from ui.tasks import TaskRunner

_TO_COMPLETED = ("assessed", "consented", "release_planning", "released", "completed")
Unlock = Callable[[TaskRunner, Path, str], SessionInfo]


def _ended_client(session: Session, clock: FixedClock, name: str, number: str, ended: dt.date | None) -> str:
    clock.set(dt.datetime(2012, 1, 1, 9, tzinfo=dt.UTC))
    client_id, _ = add_client(session, NewClient(name=name, personal_number=number))
    if ended is not None:
        clock.set(dt.datetime.combine(ended, dt.time(9), tzinfo=dt.UTC))
        for stage in _TO_COMPLETED:
            set_stage(session, client_id, stage)
    return client_id


@pytest.fixture
def retention_db(db_path: Path, passphrases: dict[str, str]) -> Path:
    """Two clients past retention, one on legal hold, one still in the programme."""
    clock = FixedClock(dt.datetime(2012, 1, 1, 9, tzinfo=dt.UTC))
    session = unlock_database(db_path, user_name="admin", passphrase=passphrases["admin"], clock=clock)
    try:
        _ended_client(session, clock, "Dora Dahlberg", "19811218-9876", dt.date(2016, 5, 1))
        _ended_client(session, clock, "Olof Olsson", "19900101-0017", dt.date(2017, 3, 1))
        held = _ended_client(session, clock, "Hedda Holm", "19850505-1238", dt.date(2015, 1, 1))
        _ended_client(session, clock, "Rut Ring", "19700707-7071", None)
        place_legal_hold(session, held, reason="Complaint to the Ombudsmen")
    finally:
        session.close()
    return db_path


def _open_retention(qtbot: QtBot, runner: TaskRunner, *, may_purge: bool) -> RetentionDialog:
    dialog = RetentionDialog(runner, may_purge=may_purge)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.overview is not None, timeout=10_000)
    return dialog


def _due_names(dialog: RetentionDialog) -> list[str]:
    return [c.name for c in dialog.due.rows]


def _select(dialog: RetentionDialog, name: str) -> None:
    row = _due_names(dialog).index(name)
    dialog.due_table.selectRow(row)


# ---------------------------------------------------------------- retention review

def test_retention_review_holds_and_purge(qtbot: QtBot, runner: TaskRunner, retention_db: Path, unlock: Unlock,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    unlock(runner, retention_db, "admin")
    dialog = _open_retention(qtbot, runner, may_purge=True)
    assert _due_names(dialog) == ["Dora Dahlberg", "Olof Olsson"]
    assert [h.name for h in dialog.held.rows] == ["Hedda Holm"]
    assert not dialog.purge_button.isEnabled() and not dialog.hold_button.isEnabled()

    # Place a hold (the reason is asked for), then release the other one.
    monkeypatch.setattr(retention_dialog, "ask_reason", lambda parent, title, label: "Court case 123")
    _select(dialog, "Olof Olsson")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog._hold_clicked()
    qtbot.waitUntil(lambda: _due_names(dialog) == ["Dora Dahlberg"], timeout=10_000)
    assert sorted(h.name for h in dialog.held.rows) == ["Hedda Holm", "Olof Olsson"]
    dialog.held_table.selectRow([h.name for h in dialog.held.rows].index("Hedda Holm"))
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog._release_clicked()
    qtbot.waitUntil(lambda: "Hedda Holm" in _due_names(dialog), timeout=10_000)

    # Purge: the button needs a reason and the confirmation word.
    _select(dialog, "Dora Dahlberg")
    dialog._purge_clicked()
    purge = dialog.purge_dialog
    assert isinstance(purge, PurgeDialog) and not purge.erasure
    assert not purge.purge_button.isEnabled()
    purge.reason.setPlainText("Retention rule: 5 years")
    purge.typed.setText("purg")
    assert not purge.purge_button.isEnabled()
    purge.typed.setText("PURGE")
    assert purge.purge_button.isEnabled()
    with qtbot.waitSignal(dialog.purged, timeout=20_000):
        purge.purge_button.click()
    qtbot.waitUntil(lambda: "Dora Dahlberg" not in _due_names(dialog), timeout=10_000)
    assert "purged" in dialog.status.text()


def test_coordinators_review_but_neither_purge_nor_change_rules(qtbot: QtBot, runner: TaskRunner,
                                                                retention_db: Path, unlock: Unlock) -> None:
    unlock(runner, retention_db, "cora")
    dialog = _open_retention(qtbot, runner, may_purge=False)
    assert _due_names(dialog) == ["Dora Dahlberg", "Olof Olsson"]
    _select(dialog, "Dora Dahlberg")
    assert dialog.hold_button.isEnabled()
    assert not dialog.purge_button.isVisibleTo(dialog) and not dialog.purge_button.isEnabled()
    assert not dialog.save_rules.isVisibleTo(dialog)
    assert not any(spin.isEnabled() for spin in dialog.years.values())


def test_admin_changes_a_rule(qtbot: QtBot, runner: TaskRunner, retention_db: Path, unlock: Unlock) -> None:
    unlock(runner, retention_db, "admin")
    dialog = _open_retention(qtbot, runner, may_purge=True)
    from entre_desktop.services.retention import RecordKind

    dialog.years[RecordKind.CLIENT_RECORD].setValue(30)
    dialog.save_rule_changes()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Rules saved."), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.overview is not None and _due_names(dialog) == [], timeout=10_000)
    rule = next(r for r in dialog.overview.rules if r.kind is RecordKind.CLIENT_RECORD)
    assert rule.years == 30 and not rule.is_default


def test_a_refused_purge_says_why_and_stays_open(qtbot: QtBot, runner: TaskRunner, retention_db: Path,
                                                  unlock: Unlock) -> None:
    unlock(runner, retention_db, "admin")
    dialog = _open_retention(qtbot, runner, may_purge=True)
    held = dialog.held.rows[0]
    purge = PurgeDialog(runner, client_id=held.hold.client_id, name=held.name, erasure=True)
    qtbot.addWidget(purge)
    purge.reason.setPlainText("Erasure request")
    purge.typed.setText("PURGE")
    purge.start()
    qtbot.waitUntil(lambda: purge.error.isVisibleTo(purge), timeout=10_000)
    assert "legal hold" in purge.error.text()
    assert purge.purge_button.isEnabled() and not purge.running


# ---------------------------------------------------------------- backup, reminder, restore

def _signed_in_admin(signed_in: Callable[[Path, str], AppController], ui_db: Path) -> AppController:
    controller = signed_in(ui_db, "admin")
    assert controller.window is not None
    return controller


def test_backup_from_the_menu_and_the_reminder(qtbot: QtBot, ui_db: Path, tmp_path: Path,
                                               signed_in: Callable[[Path, str], AppController],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    controller = _signed_in_admin(signed_in, ui_db)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.backup_reminder.isVisibleTo(window), timeout=10_000)
    assert "never been backed up" in window.backup_reminder.label.text()
    target = tmp_path / "out" / "site"
    target.parent.mkdir()
    monkeypatch.setattr(files, "choose_backup_target", lambda parent, suggested: target)
    window.backup_reminder.button.click()
    dialog = window.operations_dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: dialog.result_value is not None or dialog.error is not None, timeout=30_000)
    assert dialog.error is None and target.is_file()
    assert "verified" in dialog.status.text() and dialog.bar.value() == dialog.bar.maximum()
    assert not window.backup_reminder.isVisibleTo(window)
    dialog.accept()


def test_no_backup_reminder_for_officers(qtbot: QtBot, ui_db: Path,
                                         signed_in: Callable[[Path, str], AppController]) -> None:
    controller = signed_in(ui_db, "olle")
    window = controller.window
    assert window is not None
    qtbot.wait(300)
    assert not window.backup_reminder.isVisibleTo(window)
    assert not window.act_backup.isVisible() and not window.act_restore.isVisible()
    assert not window.act_retention.isVisible() and not window.act_erase.isVisible()


def test_restore_replaces_the_database_and_asks_to_unlock(qtbot: QtBot, ui_db: Path, tmp_path: Path,
                                                          signed_in: Callable[[Path, str], AppController],
                                                          passphrases: dict[str, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    controller = _signed_in_admin(signed_in, ui_db)
    window = controller.window
    assert window is not None
    clients_before = window.caseload.model.rowCount()
    backup = tmp_path / "site.entre-backup"
    monkeypatch.setattr(files, "choose_backup_target", lambda parent, suggested: backup)
    dialog = window.act_backup.trigger() or window.operations_dialog
    qtbot.waitUntil(lambda: backup.is_file() and not dialog.running, timeout=30_000)
    dialog.accept()

    # The restore dialog: reads the file, needs the passphrase, confirms.
    window.act_restore.trigger()
    restore = window.operations_dialog
    assert isinstance(restore, RestoreDialog)
    restore.set_backup(backup)
    qtbot.waitUntil(lambda: restore.info is not None, timeout=10_000)
    assert "Anstalten Kumla" in restore.details.text()
    assert not restore.restore_button.isEnabled()
    restore.passphrase.setText(passphrases["admin"])
    assert restore.restore_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, yes="": asked.append(text) or False)
    requests: list[object] = []
    restore.restore_requested.connect(requests.append)
    restore._confirm()
    assert asked and "kept aside" in asked[0] and not requests  # declined: nothing happens

    told: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda parent, title, text: told.append(text))
    controller.restore_from_backup(RestoreRequest(backup=backup, db_path=ui_db, user_name="admin",
                                                  passphrase=passphrases["admin"]))
    assert window.locked
    qtbot.waitUntil(lambda: bool(told) and controller.unlock_dialog is not None, timeout=30_000)
    assert "kept as" in told[0]
    assert list(ui_db.parent.glob("entre.db.before-restore-*"))
    unlock = controller.unlock_dialog
    unlock.user_edit.setText("admin")
    unlock.passphrase_edit.setText(passphrases["admin"])
    qtbot.waitUntil(unlock.unlock_button.isEnabled, timeout=5_000)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: not window.locked and window.caseload.model.rowCount() == clients_before,
                    timeout=15_000)


def test_backup_reminder_setting(qtbot: QtBot, settings: AppSettings) -> None:
    assert settings.backup_reminder_days == 7
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.backup_days.setValue(30)
    dialog.accept()
    assert AppSettings().backup_reminder_days == 30
    settings.backup_reminder_days = 0
    assert settings.backup_reminder_days == 1


# ---------------------------------------------------------------- about the person in the open record

def _open_first_record(qtbot: QtBot, controller: AppController) -> str:
    window = controller.window
    assert window is not None
    row = window.caseload.model.rows[0]
    record = window.open_client(row.id, row.name)
    qtbot.waitUntil(lambda: record.record is not None, timeout=10_000)
    return row.id


def test_export_data_about_the_person(qtbot: QtBot, ui_db: Path, tmp_path: Path,
                                      signed_in: Callable[[Path, str], AppController],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    controller = signed_in(ui_db, "cora")
    window = controller.window
    assert window is not None
    assert not window.act_export_data.isEnabled()  # no record open
    _open_first_record(qtbot, controller)
    assert window.act_export_data.isEnabled() and not window.act_erase.isVisible()
    monkeypatch.setattr(files, "choose_export_target", lambda parent, suggested: tmp_path / "extract.pdf")
    told: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda parent, title, text: told.append(text))
    window.act_export_data.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert (tmp_path / "extract.pdf").is_file() and (tmp_path / "extract.json").is_file()
    assert "secrecy" in told[0]


def test_erase_the_person_on_request(qtbot: QtBot, ui_db: Path,
                                     signed_in: Callable[[Path, str], AppController],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    controller = _signed_in_admin(signed_in, ui_db)
    window = controller.window
    assert window is not None
    before = window.caseload.model.rowCount()
    client_id = _open_first_record(qtbot, controller)
    monkeypatch.setattr(prompts, "info", lambda parent, title, text: None)
    window.act_erase.trigger()
    dialog = window.operations_dialog
    assert isinstance(dialog, PurgeDialog) and dialog.erasure
    dialog.reason.setPlainText("Erasure request 2026-11-20")
    dialog.typed.setText("PURGE")
    with qtbot.waitSignal(dialog.purged, timeout=20_000):
        dialog.purge_button.click()
    qtbot.waitUntil(lambda: window.record_for(client_id) is None, timeout=10_000)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == before - 1, timeout=10_000)
