"""The style sheet still parses when the program lives in a folder with spaces and accents."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

import ui.app

ROOT = Path(__file__).resolve().parents[2]


def test_style_sheet_parses_from_a_folder_with_spaces_and_accents(qtbot: QtBot, qtlog: Any,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    resources = tmp_path / "Entré Desktop (x86)" / "resources"
    shutil.copytree(ROOT / "resources" / "style", resources / "style")
    shutil.copytree(ROOT / "resources" / "icons", resources / "icons")
    monkeypatch.setattr(ui.app, "resources_dir", lambda: resources)
    sheet = ui.app.style_sheet()
    assert str(resources.as_posix()) in sheet
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.styleSheet()
    try:
        combo = QComboBox()
        qtbot.addWidget(combo)
        combo.setStyleSheet(sheet)
        combo.show()
        combo.ensurePolished()
        assert not [r for r in qtlog.records if "parse" in r.message.lower()]
    finally:
        app.setStyleSheet(previous)
