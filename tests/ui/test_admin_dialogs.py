"""Users (administrators) and the audit log (coordinators and administrators)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from entre_desktop.security.roles import Role
from ui import prompts
from ui.dialogs.audit_log import AuditLogDialog
from ui.dialogs.users import UsersDialog
from ui.session_info import SessionInfo
from ui.tasks import TaskRunner


def names(dialog: UsersDialog) -> list[str]:
    return [u.name for u in dialog.model.rows]


def test_users_add_change_role_and_remove(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                          unlock: Callable[[TaskRunner, Path, str], SessionInfo],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    info = unlock(runner, ui_db, "admin")
    dialog = UsersDialog(runner, info)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: names(dialog) == ["admin", "cora", "olle"], timeout=5_000)

    with qtbot.waitSignal(dialog.changed, timeout=15_000):
        dialog.add(name="nina", role=Role.OFFICER, passphrase="nina has a long passphrase", display_name="Nina N")
    qtbot.waitUntil(lambda: "nina" in names(dialog), timeout=5_000)

    with qtbot.waitSignal(dialog.changed, timeout=5_000):
        dialog.change_role(name="nina", role=Role.COORDINATOR)
    qtbot.waitUntil(lambda: any(u.name == "nina" and u.role == Role.COORDINATOR for u in dialog.model.rows),
                    timeout=5_000)

    dialog.select("nina")
    assert dialog.remove_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, yes="": asked.append(text) or True)
    with qtbot.waitSignal(dialog.changed, timeout=15_000):
        dialog._remove_clicked()
    assert "new encryption key" in asked[0]
    qtbot.waitUntil(lambda: "nina" not in names(dialog), timeout=5_000)

    dialog.select("admin")  # yourself: neither removable nor demotable here
    assert not dialog.remove_button.isEnabled() and not dialog.role_button.isEnabled()


def test_users_show_the_cores_refusal(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                      unlock: Callable[[TaskRunner, Path, str], SessionInfo],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    info = unlock(runner, ui_db, "admin")
    dialog = UsersDialog(runner, info)
    qtbot.addWidget(dialog)
    shown: list[BaseException] = []
    monkeypatch.setattr("ui.dialogs.users.show_error", lambda parent, error: shown.append(error))
    dialog.add(name="x y", role=Role.OFFICER, passphrase="a long enough passphrase")
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert "user name" in str(shown[0])


def test_audit_log_filters_by_action_and_user(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                              unlock: Callable[[TaskRunner, Path, str], SessionInfo]) -> None:
    unlock(runner, ui_db, "cora")
    dialog = AuditLogDialog(runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5_000)
    assert {e.action for e in dialog.model.rows} >= {"create", "login"}
    dialog.set_filters(action="login")
    qtbot.waitUntil(lambda: {e.action for e in dialog.model.rows} == {"login"}, timeout=5_000)
    dialog.set_filters(action="create", user_name="admin")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and all(
        e.action == "create" and e.user_name == "admin" for e in dialog.model.rows), timeout=5_000)
    assert dialog.model.index(0, 3).data() == "Created"
    dialog.set_filters(user_name="olle")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=5_000)


def test_change_own_passphrase(qtbot: QtBot, runner: TaskRunner, ui_db: Path, passphrases: dict[str, str],
                               unlock: Callable[[TaskRunner, Path, str], SessionInfo]) -> None:
    from entre_desktop.services.database import unlock_database
    from ui.dialogs.change_passphrase import ChangePassphraseDialog

    unlock(runner, ui_db, "olle")
    dialog = ChangePassphraseDialog(runner)
    qtbot.addWidget(dialog)
    dialog.current.setText("not my passphrase")
    dialog.new.setText("a brand new long passphrase")
    dialog.repeat.setText("a brand new long passphrase")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.current_error.isHidden(), timeout=10_000)
    assert "Wrong user name or passphrase" in dialog.current_error.text()
    dialog.current.setText(passphrases["olle"])
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    runner.lock()
    qtbot.waitUntil(lambda: not runner.has_session, timeout=5_000)
    unlock_database(ui_db, user_name="olle", passphrase="a brand new long passphrase", audit_login=False).close()


def test_agencies_add_edit_and_contacts(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                        unlock: Callable[[TaskRunner, Path, str], SessionInfo]) -> None:
    from ui.dialogs.agencies import AgenciesDialog

    unlock(runner, ui_db, "cora")
    dialog = AgenciesDialog(runner, may_edit=True)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    start = dialog.model.rowCount()

    dialog.add_agency()
    form = dialog.form
    assert form is not None
    form.inputs["name"].setText("Socialtjänsten Hallsberg")  # type: ignore[union-attr]
    form.inputs["phone"].setText("not a phone")  # type: ignore[union-attr]
    form.submit()
    qtbot.waitUntil(lambda: not form.errors["phone"].isHidden(), timeout=5_000)
    form.inputs["phone"].setText("0582-68 50 00")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.changed, timeout=5_000):
        form.submit()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == start + 1 and dialog.selected() is not None, timeout=5_000)
    assert dialog.selected().name == "Socialtjänsten Hallsberg"  # type: ignore[union-attr]

    dialog.add_contact()
    contact = dialog.form
    assert contact is not None and contact is not form
    contact.inputs["name"].setText("Sara Socionom")  # type: ignore[union-attr]
    contact.inputs["email"].setText("sara@hallsberg.se")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.changed, timeout=5_000):
        contact.submit()
    qtbot.waitUntil(lambda: [c.name for c in dialog.contacts.rows] == ["Sara Socionom"], timeout=5_000)

    dialog.edit_agency()
    editing = dialog.form
    assert editing is not None
    editing.inputs["address"].setText("Box 1, Hallsberg")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.changed, timeout=5_000):
        editing.submit()
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.selected().address == "Box 1, Hallsberg",  # type: ignore[union-attr]
                    timeout=5_000)


def test_officers_see_agencies_read_only(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                         unlock: Callable[[TaskRunner, Path, str], SessionInfo]) -> None:
    from ui.dialogs.agencies import AgenciesDialog

    unlock(runner, ui_db, "olle")
    dialog = AgenciesDialog(runner, may_edit=False)
    qtbot.addWidget(dialog)
    assert dialog.add_button.isHidden() and dialog.contact_button.isHidden()
