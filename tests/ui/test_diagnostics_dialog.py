"""Help → Diagnostics: the report support asks for, with the client's settings and no personal data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from entre_desktop.logging_setup import log_file_path
from entre_desktop.version import version_string
from tests.ui.helpers import CLIENTS, personal_number
from ui.controller import AppController
from ui.dialogs import diagnostics as diagnostics_module
from ui.dialogs.diagnostics import DiagnosticsDialog
from ui.main_window import MainWindow
from ui.settings import AppSettings
from ui.tasks import TaskRunner

EXCHANGE_FOLDER_CANARY = "Kanarie Utbytesmapp"


def _open_from_menu(qtbot: QtBot, window: MainWindow) -> DiagnosticsDialog:
    assert window.act_diagnostics in window.help_menu.actions()
    assert window.act_diagnostics.isVisible() and window.act_diagnostics.isEnabled()
    window.act_diagnostics.trigger()
    dialog = window.diagnostics_dialog
    assert isinstance(dialog, DiagnosticsDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    return dialog


@pytest.fixture
def bare_window(qtbot: QtBot, runner: TaskRunner, settings: AppSettings) -> Iterator[MainWindow]:
    """A main window with nothing unlocked: no session in the runner at all."""
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.hide()


def test_report_has_version_settings_and_copies(qtbot: QtBot, signed_in: Callable[..., AppController],
                                                ui_db: Path, settings: AppSettings) -> None:
    settings.idle_minutes = 17
    settings.backup_reminder_days = 23
    settings.exchange_folder = Path("/media") / EXCHANGE_FOLDER_CANARY
    settings.sync()
    # A log line that quotes a client (as a careless library might): the report must not repeat it.
    log = log_file_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"2026-01-01 10:00:00 WARNING somewhere: looked up {personal_number(0)}\n")
        handle.write("2026-01-01 10:00:01 INFO entre_desktop: diagnostics canary line\n")

    controller = signed_in(ui_db, "olle")  # an officer: the least privileged role
    assert controller.window is not None
    dialog = _open_from_menu(qtbot, controller.window)
    text = dialog.view.toPlainText()

    assert version_string() in text
    assert "diagnostics canary line" in text  # the end of the log is there...
    for n, (name, _facility, _days) in enumerate(CLIENTS):  # ...but nobody from the database
        assert name not in text and name.split()[0] not in text
        number = personal_number(n)
        assert number not in text and number.replace("-", "") not in text
    assert "olle" not in text and "Anstalten Kumla" not in text  # nor who is signed in, nor the site
    assert "Desktop client settings" in text
    assert "Lock after idle minutes: 17" in text
    assert "Backup reminder after days: 23" in text
    assert "Exchange folder set: yes" in text
    assert EXCHANGE_FOLDER_CANARY not in text  # the folder a user chose is not named
    assert "Language: en" in text or "Language: sv" in text

    assert dialog.copy_button.isEnabled()
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text == dialog.text()

    dialog.close_button.click()
    assert not dialog.isVisible()


def test_works_with_nothing_unlocked(qtbot: QtBot, bare_window: MainWindow, settings: AppSettings) -> None:
    assert bare_window.locked and not bare_window.runner.has_session
    dialog = _open_from_menu(qtbot, bare_window)
    text = dialog.text()
    assert version_string() in text
    assert "Exchange folder set: no" in text
    assert f"Lock after idle minutes: {settings.idle_minutes}" in text


def test_a_failure_to_gather_still_shows_the_settings(qtbot: QtBot, runner: TaskRunner, settings: AppSettings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_kwargs: object) -> str:
        raise RuntimeError("no log today")

    monkeypatch.setattr(diagnostics_module, "diagnostics_text", broken)
    dialog = DiagnosticsDialog(runner, settings)
    qtbot.addWidget(dialog)
    assert dialog.view.toPlainText() == "Gathering the report…" and not dialog.copy_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    text = dialog.view.toPlainText()
    assert text.startswith("The report could not be gathered:")
    assert "no log today" not in text  # an unexpected error's message is not shown (it may quote input)
    assert "Desktop client settings" in text and dialog.copy_button.isEnabled()


def test_the_dialog_speaks_swedish(qtbot: QtBot, qapp: QApplication, runner: TaskRunner,
                                   settings: AppSettings) -> None:
    from ui.translations import Translations

    translations = Translations(qapp)
    translations.apply("sv")
    try:
        dialog = DiagnosticsDialog(runner, settings)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
        assert dialog.windowTitle() == "Diagnostik"
        assert "Inställningar i skrivbordsprogrammet" in dialog.text()
    finally:
        translations.apply("en")
