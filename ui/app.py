"""Start the desktop client: ``entre-desktop`` or ``python -m ui.app``.

Options: ``--db PATH`` (which database), ``--lang sv|en``, ``--smoke`` (open the demo database,
show the caseload, exit 0: used by tests and packaging), ``--self-test`` (check the installation
without a window; see entre_desktop/self_test.py) and ``--screenshot PATH`` (like
``--smoke`` but save a picture of the window first; for the user guide).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from entre_desktop.i18n import set_language
from entre_desktop.paths import default_db_path, resources_dir
from entre_desktop.version import version_string

ORGANISATION = "Kriminalvården"
ORGANISATION_DOMAIN = "kriminalvarden.se"
APPLICATION = "Entré Desktop"
SMOKE_TIMEOUT_MS = 20_000


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="entre-desktop", description="Entré Desktop")
    parser.add_argument("--db", type=Path, help="the database file to open (default: the last one used)")
    parser.add_argument("--lang", choices=("sv", "en"), help="language of the interface")
    parser.add_argument("--smoke", action="store_true",
                        help="open the demo database, show the main window and exit (a start-up check)")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="like --smoke, and save a picture of the main window to PATH")
    parser.add_argument("--open-client", metavar="NAME",
                        help="with --screenshot: open the first client whose name contains NAME")
    parser.add_argument("--smoke-clients", type=int, default=8, help=argparse.SUPPRESS)
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (cryptography, database, PDF, bundles, Qt) and exit")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version_string()}")
    return parser.parse_args(list(sys.argv[1:] if argv is None else argv))


def style_sheet() -> str:
    path = resources_dir() / "style" / "app.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    return text.replace("@ICONS@", (resources_dir() / "icons").as_posix())


def create_application(argv: Sequence[str]) -> object:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scaling (125 %, 150 %) is applied exactly: Qt 6's default rounding policy is
        # PassThrough, so there is nothing to set (and no need to load Qt's enums before the
        # first window).
        app = QApplication([sys.argv[0] if sys.argv else "entre-desktop", *argv])
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(version_string())
    app.setStyle("Fusion")
    icon = resources_dir() / "icons" / "entre.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyleSheet(style_sheet())
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:
        from ui.self_test import run_self_test

        if args.lang:
            set_language(args.lang)
        return run_self_test()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.controller import AppController
    from ui.errors import ExceptHook, print_traceback
    from ui.garbage import MainThreadGarbageCollector
    from ui.pyside_workarounds import protect_from_refcount_leaks
    from ui.settings import AppSettings
    from ui.translations import Translations

    app = create_application([])
    assert isinstance(app, QApplication)
    protect_from_refcount_leaks()
    collector = MainThreadGarbageCollector(app)
    hook = ExceptHook()
    hook.install()
    try:
        settings = AppSettings()
        translations = Translations(app)
        translations.apply(args.lang or settings.language)
        if args.smoke or args.screenshot:
            from ui.smoke import run_smoke

            return run_smoke(app, settings=settings, translations=translations, db_path=args.db,
                             screenshot=args.screenshot, open_client=args.open_client, clients=args.smoke_clients,
                             timeout_ms=SMOKE_TIMEOUT_MS + 250 * args.smoke_clients)
        db_path = args.db or settings.database_path or default_db_path()
        controller = AppController(db_path=Path(db_path), settings=settings, translations=translations)
        app.aboutToQuit.connect(controller.shutdown)
        QTimer.singleShot(0, controller.start)
        return int(app.exec())
    except Exception as error:  # start-up failed before the event loop could show a dialog
        print_traceback(error)
        return 1
    finally:
        hook.uninstall()
        collector.stop()

if __name__ == "__main__":
    if os.environ.get("ENTRE_DESKTOP_TRACE"):
        import faulthandler

        faulthandler.enable()
    raise SystemExit(main())
