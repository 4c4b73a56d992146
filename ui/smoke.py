"""``--smoke`` and ``--screenshot``: start for real on the demo database, show the caseload, exit.

Packaging and the tests run this to prove the installed program starts: Qt loads, the database
opens, the main window fills. Exit status 0 when it did, 1 on an error, 2 on a time-out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.controller import AppController
from ui.demo_db import demo_path, open_or_create_demo
from ui.errors import describe
from ui.session_info import SessionInfo
from ui.settings import AppSettings
from ui.translations import Translations


def run_smoke(app: QApplication, *, settings: AppSettings, translations: Translations, db_path: Path | None,
              screenshot: Path | None, open_client: str | None, clients: int, timeout_ms: int) -> int:
    path = db_path or demo_path()
    controller = AppController(db_path=path, settings=settings, translations=translations, remember=False)
    status = {"code": 2}

    def finish(code: int) -> None:
        status["code"] = code
        app.quit()

    def job() -> SessionInfo:
        session = open_or_create_demo(path, clients=clients)
        controller.runner.set_session(session)
        return SessionInfo.of(session)

    def opened(info: SessionInfo) -> None:
        controller.show_unlocked(info)
        window = controller.window
        assert window is not None
        window.resize(1360, 820)
        window.caseload.loaded.connect(lambda: QTimer.singleShot(300, caseload_shown))

    def caseload_shown() -> None:
        window = controller.window
        assert window is not None
        if open_client:
            match = next((r for r in window.caseload.model.rows if open_client.casefold() in r.name.casefold()), None)
            if match is not None:
                record = window.open_client(match.id, match.name)
                record.loaded.connect(lambda: QTimer.singleShot(600, done))
                return
        done()

    def done() -> None:
        window = controller.window
        assert window is not None
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(screenshot)):
                print(f"could not save {screenshot}", file=sys.stderr)
                finish(1)
                return
        rows = window.caseload.model.rowCount()
        print(f"smoke ok: {rows} clients shown")
        finish(0)

    def failed(error: BaseException) -> None:
        print(f"smoke failed: {describe(error)}", file=sys.stderr)
        if not hasattr(error, "message"):
            from ui.errors import print_traceback

            print_traceback(error)
        finish(1)

    def timed_out() -> None:
        print("smoke failed: the main window did not fill in time", file=sys.stderr)
        finish(2)

    controller.runner.run_plain(job, on_success=opened, on_failure=failed)
    QTimer.singleShot(timeout_ms, timed_out)
    try:
        app.exec()
    finally:
        if controller.window is not None:
            controller.window.hide()
        controller.shutdown()
    return status["code"]
