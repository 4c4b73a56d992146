"""Swedish and English: the .ts sources compile at start-up, and switching language is live."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from entre_desktop import i18n
from ui import translations
from ui.controller import AppController
from ui.dialogs.settings_dialog import SettingsDialog
from ui.settings import AppSettings
from ui.translations import Translations

SOURCES = Path(translations.__file__).resolve().parents[1] / "resources" / "translations"


def test_every_swedish_message_is_translated() -> None:
    root = ET.parse(SOURCES / "entre_sv.ts").getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if not (m.findtext("translation") or "").strip()
                    or m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert untranslated == []


def test_placeholders_survive_translation() -> None:
    import re

    root = ET.parse(SOURCES / "entre_sv.ts").getroot()
    for message in root.iter("message"):
        source, translated = message.findtext("source") or "", message.findtext("translation") or ""
        pattern = r"%\d|\{\w+\}"
        assert sorted(re.findall(pattern, source)) == sorted(re.findall(pattern, translated)), source


def test_the_ts_is_compiled_into_the_cache_when_no_qm_ships(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "translations"
    shipped.mkdir()
    shutil.copy2(SOURCES / "entre_sv.ts", shipped / "entre_sv.ts")
    monkeypatch.setattr(translations, "translations_dir", lambda: shipped)
    qm = translations.qm_for("sv")
    assert qm is not None and qm.parent == translations.cache_dir() and qm.stat().st_size > 1000
    assert translations.qm_for("sv") == qm  # fresh now: not compiled again


def test_without_lrelease_the_client_stays_in_english(qapp: QApplication, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "translations"
    shipped.mkdir()
    shutil.copy2(SOURCES / "entre_sv.ts", shipped / "entre_sv.ts")
    monkeypatch.setattr(translations, "translations_dir", lambda: shipped)
    monkeypatch.setattr(translations, "lrelease_command", lambda: None)
    assert translations.qm_for("sv") is None
    language = Translations(qapp)
    try:
        language.apply("sv")  # quietly: no exception, no dialog
        assert qapp.translate("MainWindow", "&File") == "&File"
    finally:
        language.apply("en")


def test_switching_language_retranslates_the_main_window(
        qtbot: QtBot, signed_in: Callable[..., AppController], ui_db: Path, settings: AppSettings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    controller = signed_in(ui_db, "admin")
    controller.translations = Translations(app)
    window = controller.window
    assert window is not None
    assert window.file_menu.title() == "&File"
    controller.show_settings()
    dialog = controller.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    try:
        dialog.language.setCurrentIndex(dialog.language.findData("sv"))
        # Qt posts LanguageChange to each window: it arrives with the next turn of the event loop.
        qtbot.waitUntil(lambda: window.file_menu.title() == "&Arkiv", timeout=5_000)
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Inställningar", timeout=5_000)
        assert window.tabs.tabText(0) == "Klientlista"
        assert window.caseload.model.headerData(0, Qt.Orientation.Horizontal) == "Namn"
        assert i18n.current_language() == "sv"
        dialog.idle_minutes.setValue(3)
        dialog.accept()
        assert AppSettings().language == "sv"
        assert AppSettings().idle_minutes == 3
        assert controller.idle.limit_seconds == 180
    finally:
        controller.set_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=5_000)
    assert i18n.current_language() == "en"


def test_cancelling_settings_restores_the_language(qtbot: QtBot, settings: AppSettings) -> None:
    chosen: list[str] = []
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_chosen.connect(chosen.append)
    original = settings.language
    dialog.language.setCurrentIndex(dialog.language.findData("sv" if original == "en" else "en"))
    dialog.reject()
    assert chosen[-1] == original


def test_no_wrapper_hides_strings_from_lupdate() -> None:
    """lupdate only sees literals given to tr() or QCoreApplication.translate(): a helper such as
    ``def _tr(text): return translate("Ctx", text)`` would leave its strings untranslated."""
    import ui

    wrappers = re.compile(r"translate\(\s*[\"']\w+[\"']\s*,\s*[a-z_]+\s*\)|translate\(\s*[A-Z_]+\s*,")
    found = [f"{path.name}: {match.group(0)}"
             for path in Path(ui.__file__).parent.rglob("*.py")
             for match in wrappers.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
