"""The desktop client names its version and build, and checks its own installation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import entre_desktop
from entre_desktop import version
from ui import prompts
from ui.app import main as app_main
from ui.controller import AppController
from ui.self_test import qt_checks


def test_about_shows_the_version_and_build(qtbot: QtBot, signed_in: Callable[..., AppController], ui_db: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    controller = signed_in(ui_db, "admin")
    assert controller.window is not None
    shown: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(version, "build_id", lambda: "abc1234")
    controller.window.about()
    assert len(shown) == 1 and f"Entré Desktop {entre_desktop.__version__} (abc1234)" in shown[0]


def test_version_option_shows_the_build(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(version, "build_id", lambda: "abc1234")
    with pytest.raises(SystemExit) as exit_info:
        app_main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"entre-desktop {entre_desktop.__version__} (abc1234)"


def test_desktop_self_test_adds_the_qt_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert app_main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for check in qt_checks():
        assert any(line.startswith(f"ok     {check.name}") for line in lines), (check.name, lines)
    assert lines[-1].startswith("Self-test passed")


def test_a_missing_compiled_translation_fails_the_desktop_check(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    from ui import self_test as ui_self_test

    monkeypatch.setattr(ui_self_test, "qm_for", lambda _language: None)
    with pytest.raises(ui_self_test.SelfTestFailure, match="Swedish interface translation"):
        ui_self_test.check_interface_translations(tmp_path)
