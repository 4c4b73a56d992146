"""Start-up pieces: settings in the data folder, the error hook, main-thread GC, the style sheet."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from entre_desktop.errors import AuthenticationError
from tests.ui.helpers import FakeClock
from ui.app import parse_args, style_sheet
from ui.errors import ExceptHook, describe, title_for
from ui.garbage import MainThreadGarbageCollector
from ui.idle import IdleWatcher
from ui.settings import DEFAULT_IDLE_MINUTES, AppSettings, settings_path


def test_settings_live_in_an_ini_file_in_the_data_folder() -> None:
    path = settings_path()
    assert path.parent == Path(os.environ["ENTRE_DATA_DIR"])
    settings = AppSettings()
    assert settings.idle_minutes == DEFAULT_IDLE_MINUTES
    settings.idle_minutes = 0  # clamped
    settings.language = "sv"
    settings.database_path = Path("/somewhere/entre.db")
    settings.sync()
    again = AppSettings()
    assert (again.idle_minutes, again.language, again.database_path) == (1, "sv", Path("/somewhere/entre.db"))
    assert "[ui]" in path.read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        settings.language = "de"


def test_uncaught_exceptions_are_shown_and_printed(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[BaseException] = []
    hook = ExceptHook(show=shown.append)
    try:
        raise ValueError("a bug")
    except ValueError as error:
        hook.hook(ValueError, error, error.__traceback__)
    assert isinstance(shown[0], ValueError)
    assert "ValueError: a bug" in capsys.readouterr().err
    assert describe(shown[0]).startswith("Something unexpected went wrong")
    thread = threading.Thread(target=lambda: hook.report(RuntimeError("on a worker")))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5_000)  # delivered to the main thread
    assert str(shown[1]) == "on a worker"


def test_user_errors_keep_their_own_message() -> None:
    error = AuthenticationError("Wrong user name or passphrase. Check both and try again.")
    assert describe(error) == error.message
    assert title_for(error) == "Wrong user name or passphrase"


def test_garbage_is_collected_by_the_main_thread_timer(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = MainThreadGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()

        class Node:
            pass

        for _ in range(5_000):  # cycles only the cyclic collector can free
            a, b = Node(), Node()
            a.other, b.other = b, a  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: gc.get_count()[0] < 5_000, timeout=5_000)
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()


def test_idle_watcher_counts_from_the_last_input(qtbot: QtBot) -> None:
    clock = FakeClock()
    watcher = IdleWatcher(limit_seconds=60, clock=clock, check_interval_ms=60_000)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.check()
    assert fired == []  # not armed yet
    watcher.start()
    clock.advance(59)
    watcher.check()
    watcher.touch()
    clock.advance(59)
    watcher.check()
    assert fired == []
    clock.advance(1)
    watcher.check()
    watcher.check()
    assert fired == [True] and not watcher.active  # once, then disarmed until unlocked again


def test_the_idle_watcher_listens_to_input_only_while_armed(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    clock = FakeClock()
    watcher = IdleWatcher(limit_seconds=60, clock=clock, check_interval_ms=60_000)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    clock.advance(30)
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert watcher.idle_seconds() == 30  # locked: no filter, input not watched
    watcher.start()
    clock.advance(30)
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert watcher.idle_seconds() == 0
    watcher.stop()
    clock.advance(30)
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert watcher.idle_seconds() == 30


def test_command_line_and_style_sheet() -> None:
    args = parse_args(["--db", "x.db", "--lang", "sv", "--smoke"])
    assert (args.db, args.lang, args.smoke) == (Path("x.db"), "sv", True)
    sheet = style_sheet()
    assert "QTableView" in sheet and "@ICONS@" not in sheet
    assert "close-tab.svg" in sheet
