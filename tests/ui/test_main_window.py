"""The officer's day in the main window: caseload, search, new client, roles, locking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.helpers import CLIENTS, FakeClock
from ui.controller import AppController
from ui.main_window import MainWindow


def window_of(controller: AppController) -> MainWindow:
    assert controller.window is not None
    return controller.window


def test_caseload_shows_every_client_and_the_dashboard(qtbot: QtBot, signed_in: Callable[..., AppController],
                                                       ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "admin"))
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == len(CLIENTS), timeout=10_000)
    names = sorted(r.name for r in window.caseload.model.rows)
    assert names == sorted(c[0] for c in CLIENTS)
    assert "Anstalten Kumla" in window.windowTitle()
    assert "DEMO" not in window.windowTitle()
    strip = window.caseload.dashboard
    qtbot.waitUntil(lambda: strip.tiles["release30"].value_text == "1", timeout=5_000)
    assert strip.tiles["release90"].value_text == "2"


def test_search_filters_the_caseload(qtbot: QtBot, signed_in: Callable[..., AppController], ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "admin"))
    page = window.caseload
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CLIENTS), timeout=10_000)
    window.find_client()
    assert page.search_box.hasFocus() or not window.isActiveWindow()
    with qtbot.waitSignal(page.search_finished, timeout=5_000):
        qtbot.keyClicks(page.search_box, "Testss")
    assert [page.model.row_of(i) is not None for i in page.visible_ids()] == [True]
    assert [page.proxy.row_at(0).name] == ["Anna Testsson"]
    assert "1 of 5" in page.count_label.text()
    with qtbot.waitSignal(page.search_finished, timeout=5_000):
        cecilia = next(r for r in page.model.rows if r.name == "Cecilia Exempel")
        page.search_box.setText(cecilia.personal_number.replace("-", ""))
    assert [page.proxy.row_at(n).name for n in range(page.proxy.rowCount())] == ["Cecilia Exempel"]
    with qtbot.waitSignal(page.search_finished, timeout=5_000):
        page.search_box.clear()
    assert page.proxy.rowCount() == len(CLIENTS)


def test_filters_by_stage_facility_and_release(qtbot: QtBot, signed_in: Callable[..., AppController],
                                               ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "admin"))
    page = window.caseload
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CLIENTS), timeout=10_000)
    page.facility_filter.setCurrentIndex(page.facility_filter.findData("Hall"))
    assert sorted(page.proxy.row_at(n).name for n in range(page.proxy.rowCount())) == \
        ["Cecilia Exempel", "David Demosson"]
    page.dashboard.tiles["release90"].click()
    assert page.proxy.rowCount() == 0  # Hall has nobody released within 90 days
    page.reset_filters()
    page.dashboard.tiles["release90"].click()
    assert sorted(page.proxy.row_at(n).name for n in range(page.proxy.rowCount())) == \
        ["Anna Testsson", "Bertil Provsson"]
    page.reset_filters()
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("referred"))
    assert page.proxy.rowCount() == len(CLIENTS)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("completed"))
    assert page.proxy.rowCount() == 0


def test_adding_a_client_shows_it_in_the_caseload(qtbot: QtBot, signed_in: Callable[..., AppController],
                                                  ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "olle"))
    page = window.caseload
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CLIENTS), timeout=10_000)
    window.act_new_client.trigger()
    dialog = window.new_client_dialog
    dialog.name.setText("Filip Nykomling")
    dialog.personal_number.setText("811218-9870")  # wrong check digit
    dialog.facility.setCurrentText("Kumla")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.errors["personal_number"].isHidden(), timeout=5_000)
    assert dialog.errors["personal_number"].text()
    assert dialog.errors["name"].isHidden()
    dialog.personal_number.setText("811218-9876")
    dialog.release_date.setText("not a date")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.errors["release_date"].isHidden(), timeout=5_000)
    assert dialog.errors["personal_number"].isHidden()
    dialog.release_date.setText("2030-01-05")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.submit()
    assert page.model.rowCount() == len(CLIENTS) + 1
    assert page.current_client_id() == dialog.client_id
    row = page.model.row_at(page.model.row_of(dialog.client_id or ""))  # type: ignore[arg-type]
    assert (row.name, row.facility, row.release_date.isoformat() if row.release_date else "") == \
        ("Filip Nykomling", "Kumla", "2030-01-05")


def test_an_officer_sees_no_administration(qtbot: QtBot, signed_in: Callable[..., AppController],
                                           ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "olle"))
    assert not window.act_users.isVisible()
    assert not window.act_audit.isVisible()
    assert not window.act_trusted.isVisible()
    assert not window.admin_menu.menuAction().isVisible()
    assert window.act_new_client.isVisible()
    assert window.act_lock.isEnabled()


def test_a_coordinator_sees_the_audit_log_but_not_users(qtbot: QtBot, signed_in: Callable[..., AppController],
                                                        ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "cora"))
    assert window.act_audit.isVisible()
    assert not window.act_users.isVisible()
    assert window.admin_menu.menuAction().isVisible()


def test_an_administrator_sees_everything(qtbot: QtBot, signed_in: Callable[..., AppController],
                                          ui_db: Path) -> None:
    window = window_of(signed_in(ui_db, "admin"))
    assert window.act_users.isVisible() and window.act_audit.isVisible()


def test_enter_opens_the_client_record_in_a_tab(qtbot: QtBot, signed_in: Callable[..., AppController],
                                                ui_db: Path) -> None:
    from PySide6.QtCore import Qt

    window = window_of(signed_in(ui_db, "admin"))
    page = window.caseload
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CLIENTS), timeout=10_000)
    client_id = page.model.rows[0].id
    assert page.select_client(client_id)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    record = window.current_record()
    assert record is not None and record.client_id == client_id
    qtbot.waitUntil(lambda: record.record is not None, timeout=10_000)
    assert window.tabs.tabText(window.tabs.currentIndex()) == record.record.client.name  # type: ignore[union-attr]
    window.open_client(client_id)  # the same client again: the same tab
    assert len(window.records()) == 1
    window.close_current_tab()
    assert window.records() == []


def test_idle_lock_clears_every_view_and_unlock_returns_to_the_client(
        qtbot: QtBot, signed_in: Callable[..., AppController], ui_db: Path, fake_clock: FakeClock,
        passphrases: dict[str, str]) -> None:
    controller = signed_in(ui_db, "admin")
    window = window_of(controller)
    page = window.caseload
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CLIENTS), timeout=10_000)
    client_id = page.model.rows[1].id
    record = window.open_client(client_id)
    qtbot.waitUntil(lambda: record.record is not None, timeout=10_000)

    fake_clock.advance(9 * 60)
    controller.idle.check()
    assert not window.locked  # nine minutes are not ten
    fake_clock.advance(60)
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        controller.idle.check()
    assert window.locked
    assert page.model.rowCount() == 0
    assert record.record is None and record.name_label.text() == ""
    assert page.dashboard.tiles["release30"].value_text == "–"
    qtbot.waitUntil(lambda: not controller.runner.has_session, timeout=5_000)
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.user_edit.text() == "admin"
    assert not controller.idle.active

    dialog.passphrase_edit.setText(passphrases["admin"])
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CLIENTS), timeout=10_000)
    assert window.current_record() is record
    qtbot.waitUntil(lambda: record.record is not None, timeout=10_000)
    assert record.client_id == client_id
    assert controller.idle.active


def test_input_events_keep_the_session_open(qtbot: QtBot, signed_in: Callable[..., AppController], ui_db: Path,
                                            fake_clock: FakeClock) -> None:
    from PySide6.QtCore import Qt

    controller = signed_in(ui_db, "admin")
    window = window_of(controller)
    fake_clock.advance(9 * 60)
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_Down)
    fake_clock.advance(9 * 60)
    controller.idle.check()
    assert not window.locked


def test_ctrl_l_locks(qtbot: QtBot, signed_in: Callable[..., AppController], ui_db: Path) -> None:
    controller = signed_in(ui_db, "admin")
    window = window_of(controller)
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        window.act_lock.trigger()
    assert window.locked and window.caseload.model.rowCount() == 0
    assert "locked" in window.windowTitle()


def test_keyboard_shortcuts_and_accessible_names(qtbot: QtBot, signed_in: Callable[..., AppController],
                                                 ui_db: Path) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QComboBox, QLineEdit

    window = window_of(signed_in(ui_db, "admin"))
    shortcuts = {name: getattr(window, name).shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                 for name in ("act_new_client", "act_find", "act_print", "act_lock", "act_save", "act_quit")}
    assert shortcuts == {"act_new_client": "Ctrl+N", "act_find": "Ctrl+F", "act_print": "Ctrl+P",
                         "act_lock": "Ctrl+L", "act_save": "Ctrl+S", "act_quit": "Ctrl+Q"}
    page = window.caseload
    for widget in page.findChildren(QLineEdit) + page.findChildren(QComboBox):
        if widget.isVisibleTo(page) and widget.parent() is page:
            assert widget.accessibleName(), widget.objectName()
    assert page.table.accessibleName() == "Caseload"


def test_every_sync_action_opens_its_screen(qtbot: QtBot, signed_in: Callable[..., AppController],
                                            ui_db: Path) -> None:
    from ui.sync.conflicts_dialog import ConflictsDialog
    from ui.sync.exchange_dialog import ExchangeFolderDialog
    from ui.sync.export_dialog import ExportBundleDialog
    from ui.sync.import_dialog import ImportBundleDialog
    from ui.sync.trusted_sites import TrustedSitesDialog

    window = window_of(signed_in(ui_db, "admin"))
    screens = {window.act_export: ExportBundleDialog, window.act_import: ImportBundleDialog,
               window.act_exchange: ExchangeFolderDialog, window.act_conflicts: ConflictsDialog,
               window.act_trusted: TrustedSitesDialog}
    for action, screen in screens.items():
        assert action.isVisible() and action.isEnabled(), action.objectName()
        action.trigger()
        dialog = window.sync_dialog
        assert isinstance(dialog, screen)
        assert dialog.isVisible()
        dialog.reject()
