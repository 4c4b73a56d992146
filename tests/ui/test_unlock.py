"""The unlock dialog: the right passphrase opens, a wrong one explains and makes the next wait longer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from entre_desktop.errors import AuthenticationError
from entre_desktop.services.database import unlock_database
from ui.dialogs.unlock import MAX_DELAY_SECONDS, UnlockDialog, unlock_delay
from ui.tasks import TaskRunner


def make_dialog(qtbot: QtBot, runner: TaskRunner, path: Path, user: str = "admin") -> UnlockDialog:
    dialog = UnlockDialog(runner, path, user_name=user)
    dialog.tick_ms = 10
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(qtbot: QtBot, dialog: UnlockDialog, passphrase: str) -> None:
    qtbot.waitUntil(lambda: dialog.remaining_delay == 0 and dialog.passphrase_edit.isEnabled(), timeout=10_000)
    dialog.passphrase_edit.setText(passphrase)
    assert dialog.unlock_button.isEnabled()
    dialog.try_unlock()
    qtbot.waitUntil(lambda: dialog.info is not None or bool(dialog.message), timeout=10_000)


def test_delay_grows_and_is_capped() -> None:
    assert [unlock_delay(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 30, 30]
    assert unlock_delay(100) == MAX_DELAY_SECONDS


def test_right_passphrase_unlocks(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                  passphrases: dict[str, str]) -> None:
    dialog = make_dialog(qtbot, runner, ui_db)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as signal:
        attempt(qtbot, dialog, passphrases["admin"])
    info = signal.args[0]
    assert info.user_name == "admin" and info.site_name == "Anstalten Kumla"
    assert runner.has_session
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    assert dialog.passphrase_edit.text() == ""


def test_wrong_passphrase_explains_and_the_wait_grows(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                                      passphrases: dict[str, str]) -> None:
    dialog = make_dialog(qtbot, runner, ui_db)
    dialog.tick_ms = 60_000  # keep the countdown still while the test looks at it
    attempt(qtbot, dialog, "not the passphrase")
    assert "Wrong user name or passphrase" in dialog.message
    assert not runner.has_session
    qtbot.waitUntil(lambda: dialog.remaining_delay == 1, timeout=5_000)
    assert not dialog.unlock_button.isEnabled()
    assert "1" in dialog.unlock_button.text()

    dialog.tick_ms = 10
    dialog.start_delay(1)  # restart the countdown quickly
    attempt(qtbot, dialog, "still not it")
    qtbot.waitUntil(lambda: dialog.remaining_delay in (2, 1), timeout=5_000)
    dialog.tick_ms = 60_000
    dialog.start_delay(2)
    assert dialog.remaining_delay == 2

    # A new dialog (or a restart) remembers the failures: they are kept beside the database.
    again = make_dialog(qtbot, runner, ui_db)
    again.tick_ms = 60_000
    qtbot.waitUntil(lambda: again.remaining_delay == 2, timeout=5_000)
    assert not again.unlock_button.isEnabled()
    again.tick_ms = 10
    again.start_delay(0)
    with qtbot.waitSignal(again.unlocked, timeout=10_000):
        attempt(qtbot, again, passphrases["admin"])


def test_damaged_database_is_named_as_such(qtbot: QtBot, runner: TaskRunner, ui_db: Path,
                                           passphrases: dict[str, str]) -> None:
    data = bytearray(ui_db.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 4)):
        data[offset] ^= 0x5A
    ui_db.write_bytes(bytes(data))
    dialog = make_dialog(qtbot, runner, ui_db)
    attempt(qtbot, dialog, passphrases["admin"])
    assert dialog.info is None
    assert dialog.message.startswith("Damaged database")


def test_database_open_elsewhere(qtbot: QtBot, runner: TaskRunner, ui_db: Path, passphrases: dict[str, str]) -> None:
    other = unlock_database(ui_db, user_name="olle", passphrase=passphrases["olle"])
    try:
        dialog = make_dialog(qtbot, runner, ui_db)
        attempt(qtbot, dialog, passphrases["admin"])
        assert dialog.message.startswith("Database in use")
        assert "already open" in dialog.message
    finally:
        other.close()


def test_missing_key_slot_file(qtbot: QtBot, runner: TaskRunner, ui_db: Path, tmp_path: Path,
                               passphrases: dict[str, str]) -> None:
    lonely = tmp_path / "lonely.db"
    shutil.copy2(ui_db, lonely)
    dialog = make_dialog(qtbot, runner, lonely)
    attempt(qtbot, dialog, passphrases["admin"])
    assert dialog.info is None
    assert dialog.message


@pytest.mark.parametrize("user", ["", "admin"])
def test_unlock_button_needs_user_and_passphrase(qtbot: QtBot, runner: TaskRunner, ui_db: Path, user: str) -> None:
    dialog = make_dialog(qtbot, runner, ui_db, user=user)
    assert not dialog.unlock_button.isEnabled()
    dialog.user_edit.setText("admin")
    dialog.passphrase_edit.setText("x")
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled(), timeout=5_000)


def test_the_wait_is_looked_up_also_when_the_window_is_not_painted(qtbot: QtBot, runner: TaskRunner,
                                                                   ui_db: Path) -> None:
    """The look-up waits for the first paint (start-up speed), but never for ever."""
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            unlock_database(ui_db, user_name="admin", passphrase="not the passphrase")
    dialog = UnlockDialog(runner, ui_db, user_name="admin")
    dialog.tick_ms = 60_000
    qtbot.addWidget(dialog)  # never shown
    qtbot.waitUntil(lambda: dialog.remaining_delay == unlock_delay(2), timeout=5_000)
    assert not dialog.unlock_button.isEnabled()
