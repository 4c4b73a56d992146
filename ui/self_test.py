"""``entre-desktop --self-test``: the core's checks plus the Qt parts the desktop client needs.

Runs without a window or an application object, so it works on a workstation with no one logged
in to a desktop: the Qt modules and plug-ins a packaged build must carry (charts, SVG icons, the
PDF engine) and the compiled interface translations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtGui import QImageReader

from entre_desktop.paths import resources_dir
from entre_desktop.self_test import Check, SelfTestFailure, core_checks, run_and_print
from ui.translations import qm_for


def check_qt_modules(_folder: Path) -> str:
    import PySide6
    from PySide6 import QtCharts, QtPdf, QtSvg  # noqa: F401 - importing them is the check

    return f"Qt {PySide6.__version__}: QtCharts, QtSvg, QtPdf"


def check_svg_icons(_folder: Path) -> str:
    icon = resources_dir() / "icons" / "entre.svg"
    reader = QImageReader(str(icon))
    image = reader.read()
    if image.isNull():
        raise SelfTestFailure(QCoreApplication.translate("SelfTest", "Cannot draw the icon {path} ({reason}).")
                              .replace("{path}", str(icon)).replace("{reason}", reader.errorString()))
    return f"{image.width()}×{image.height()}"


def check_pdf_preview(folder: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    from entre_desktop.reports.plan_pdf import write_plan_pdf
    from entre_desktop.reports.sample import sample_plan_document

    path = folder / "preview.pdf"
    write_plan_pdf(sample_plan_document(variant="client", language="sv"), path)
    document = QPdfDocument(None)
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise SelfTestFailure(QCoreApplication.translate("SelfTest", "The PDF engine cannot open a plan ({reason}).").replace("{reason}", error.name))
        page = document.render(0, QSize(200, 283))
        if page.isNull():
            raise SelfTestFailure(QCoreApplication.translate("SelfTest", "The PDF engine cannot draw a page."))
        return str(document.pageCount())
    finally:
        document.close()


def check_interface_translations(_folder: Path) -> str:
    path = qm_for("sv")
    translator = QTranslator()
    if path is None or not translator.load(str(path)) or translator.isEmpty():
        raise SelfTestFailure(QCoreApplication.translate("SelfTest", "The compiled Swedish interface translation is missing."))
    return path.name


def qt_checks() -> list[Check]:
    return [
        Check(QCoreApplication.translate("SelfTest", "Qt modules"), check_qt_modules),
        Check(QCoreApplication.translate("SelfTest", "Icons (SVG)"), check_svg_icons),
        Check(QCoreApplication.translate("SelfTest", "PDF preview"), check_pdf_preview),
        Check(QCoreApplication.translate("SelfTest", "Interface translations"), check_interface_translations),
    ]


def run_self_test() -> int:
    """Exit status 0 when every check passed, 1 otherwise."""
    return 0 if run_and_print([*core_checks(), *qt_checks()]) else 1
