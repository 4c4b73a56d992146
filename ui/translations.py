"""Loading the client's translations, compiling them from the .ts sources when needed.

The compiled ``.qm`` files are build products and not kept in the repository. At start-up a
``.qm`` is used from ``resources/translations`` when it is at least as new as its ``.ts``;
otherwise the ``.ts`` is compiled with ``lrelease`` into the data folder's cache. Without
``lrelease`` the client quietly stays in English.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

import entre_desktop.i18n
from entre_desktop.paths import data_dir, resources_dir

LANGUAGES = ("sv", "en")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def cache_dir() -> Path:
    return data_dir() / "cache" / "translations"


def lrelease_command() -> list[str] | None:
    """PySide6's own lrelease, else one on PATH."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if bundled.is_file():
            return [str(bundled)]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    import shutil

    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        local = scripts / (f"{name}.exe" if os.name == "nt" else name)
        if local.is_file():
            return [str(local)]
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Run lrelease on one file; False (and nothing half-written) when it cannot."""
    import subprocess  # only when a catalogue must be compiled, not at every start

    command = lrelease_command()
    if command is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(qm.name + ".tmp")
    try:
        result = subprocess.run([*command, "-silent", str(ts), "-qm", str(tmp)],
                                capture_output=True, timeout=60, check=False)
        if result.returncode != 0 or not tmp.is_file():
            return False
        os.replace(tmp, qm)
        return True
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        if tmp.exists():
            tmp.unlink()


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def qm_for(language: str) -> Path | None:
    """The compiled catalogue for ``language``, compiling it into the cache if needed."""
    ts = translations_dir() / f"entre_{language}.ts"
    shipped = translations_dir() / f"entre_{language}.qm"
    if _fresh(shipped, ts):
        return shipped
    cached = cache_dir() / f"entre_{language}.qm"
    if _fresh(cached, ts):
        return cached
    if ts.is_file() and compile_ts(ts, cached):
        return cached
    return None


class Translations:
    """Installs the client's and Qt's own translators; switching language retranslates live."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "en"
        had_translators = bool(self._translators)
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        entre_desktop.i18n.set_language(language)
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden) if language == "sv"
                           else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        if language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt = QTranslator(self._app)
            if qt.load(f"qtbase_{language}", qt_dir):
                self._install(qt)
            path = qm_for(language)
            own = QTranslator(self._app)
            if path is not None and own.load(str(path)):
                self._install(own)
        if not had_translators and not self._translators:
            # Qt sends LanguageChange when translators come or go; the core's own catalogue
            # (stage names, error messages) may still have changed, so tell the windows anyway.
            QCoreApplication.sendEvent(self._app, QEvent(QEvent.Type.LanguageChange))

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._translators.append(translator)
