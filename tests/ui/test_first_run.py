"""The first-run wizard: create a site database, or the demo, without blocking the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from entre_desktop.security.kdf import FLOOR
from entre_desktop.services.database import database_exists
from ui.controller import AppController
from ui.dialogs.first_run import Choice, FirstRunWizard, PageId
from ui.tasks import TaskRunner

PASSPHRASE = "tegelsten moln fiol sju"


def fill_create_page(wizard: FirstRunWizard, *, repeat: str = PASSPHRASE) -> None:
    page = wizard.create_page
    page.site.setText("Anstalten Hall")
    page.admin.setText("anna.admin")
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(repeat)


def test_wizard_creates_a_database(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    path = tmp_path / "site" / "entre.db"
    wizard = FirstRunWizard(runner, path)
    wizard.kdf = FLOOR
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == PageId.CHOICE
    wizard.choice_page.set_choice(Choice.CREATE)
    wizard.next()
    assert wizard.currentId() == PageId.CREATE
    assert not wizard.create_page.isComplete()
    fill_create_page(wizard, repeat="something else entirely")
    assert not wizard.create_page.isComplete()
    assert "not the same" in wizard.create_page.problem()
    wizard.create_page.repeat.setText(PASSPHRASE)
    assert wizard.create_page.isComplete()
    wizard.next()
    assert wizard.currentId() == PageId.WORK
    qtbot.waitUntil(lambda: wizard.info is not None or wizard.work_page.error is not None, timeout=15_000)
    assert wizard.work_page.error is None
    info = wizard.info
    assert info is not None and (info.user_name, info.site_name, info.is_demo) == ("anna.admin", "Anstalten Hall", False)
    assert database_exists(path)
    assert runner.has_session
    assert wizard.work_page.isComplete()


def test_weak_passphrase_is_refused(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    wizard = FirstRunWizard(runner, tmp_path / "entre.db")
    qtbot.addWidget(wizard)
    page = wizard.create_page
    page.site.setText("Kumla")
    page.admin.setText("admin")
    for weak in ("short", "password1234", "aaaaaaaaaaaaaaa"):
        page.passphrase.setText(weak)
        page.repeat.setText(weak)
        assert not page.isComplete(), weak
    page.admin.setText("has spaces")
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE)
    assert "user name" in page.problem()


def test_first_start_shows_the_wizard_then_the_main_window(
        qtbot: QtBot, make_controller: Callable[..., AppController], tmp_path: Path) -> None:
    path = tmp_path / "new" / "entre.db"
    controller = make_controller(path)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.kdf = FLOOR
    wizard.next()
    fill_create_page(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.info is not None, timeout=15_000)
    wizard.accept()
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=5_000)
    window = controller.window
    assert window is not None and not window.locked
    assert "Anstalten Hall" in window.windowTitle()
    assert window.act_users.isVisible()  # the creator is the administrator
    assert controller.settings.database_path == path


def test_demo_database_from_the_wizard(qtbot: QtBot, make_controller: Callable[..., AppController],
                                       tmp_path: Path) -> None:
    controller = make_controller(tmp_path / "entre.db")
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    wizard.demo_db_path = tmp_path / "demo.db"
    wizard.demo_clients = 6
    wizard.choice_page.set_choice(Choice.DEMO)
    wizard.next()
    assert wizard.currentId() == PageId.WORK
    qtbot.waitUntil(lambda: wizard.info is not None or wizard.work_page.error is not None, timeout=30_000)
    assert wizard.work_page.error is None
    assert wizard.info is not None and wizard.info.is_demo
    wizard.accept()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=5_000)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 6, timeout=10_000)
    assert window.windowTitle().startswith("DEMO")
    assert controller.db_path == tmp_path / "demo.db"


def test_open_an_existing_file_goes_to_unlock(qtbot: QtBot, make_controller: Callable[..., AppController],
                                              ui_db: Path, tmp_path: Path) -> None:
    controller = make_controller(tmp_path / "none.db")
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    wizard.choice_page.set_choice(Choice.OPEN)
    assert not wizard.choice_page.isComplete()
    wizard.choice_page.choose_file = lambda: str(ui_db)
    wizard.choice_page._browse_clicked()
    assert wizard.choice_page.isComplete() and wizard.choice_page.isFinalPage()
    wizard.accept()
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None, timeout=5_000)
    assert controller.db_path == ui_db
