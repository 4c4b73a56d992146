"""Opening the sync screens from the main window's menus, and synchronising after unlocking.

Threading: main thread only. ``window`` is the MainWindow (runner, settings, info, locked, apply_changes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from entre_desktop.security.roles import Action
from ui.sync.background import BackgroundExchange


def _may(window: Any, action: Action) -> bool:
    return not window.locked and window.info is not None and window.info.may(action)


def start_folder(window: Any) -> Path:
    """Where file choosers start: the exchange folder when it is there, else the home folder."""
    folder = window.settings.exchange_folder
    return folder if folder is not None and folder.is_dir() else Path.home()


def _open(window: Any, dialog: QDialog) -> QDialog:
    window.sync_dialog = dialog  # kept, so tests (and a second menu click) can find it
    dialog.open()
    return dialog


def open_export(window: Any) -> QDialog | None:
    if not _may(window, Action.SYNC):
        return None
    from ui.sync.export_dialog import ExportBundleDialog

    return _open(window, ExportBundleDialog(window.runner, start_folder=start_folder(window), parent=window))


def open_import(window: Any) -> QDialog | None:
    if not _may(window, Action.SYNC):
        return None
    from ui.sync.import_dialog import ImportBundleDialog

    dialog = ImportBundleDialog(window.runner, start_folder=start_folder(window), parent=window)
    dialog.changed.connect(window.apply_changes)
    return _open(window, dialog)


def open_exchange(window: Any) -> QDialog | None:
    if not _may(window, Action.SYNC):
        return None
    from ui.sync.exchange_dialog import ExchangeFolderDialog

    dialog = ExchangeFolderDialog(window.runner, window.settings, parent=window)
    dialog.changed.connect(window.apply_changes)
    return _open(window, dialog)


def open_conflicts(window: Any) -> QDialog | None:
    if not _may(window, Action.REVIEW_CONFLICTS):
        return None
    from ui.sync.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(window.runner, parent=window)
    dialog.changed.connect(window.apply_changes)
    return _open(window, dialog)


def open_trusted_sites(window: Any) -> QDialog | None:
    if not _may(window, Action.SYNC):
        return None
    from ui.sync.trusted_sites import TrustedSitesDialog

    return _open(window, TrustedSitesDialog(window.runner, may_manage=window.info.may(Action.MANAGE_SITE_TRUST),
                                            start_folder=start_folder(window), parent=window))


def synchronise_on_unlock(window: Any) -> bool:
    """Start a background synchronisation when the settings ask for one; the status bar reports."""
    folder = window.settings.exchange_folder
    if folder is None or not window.settings.exchange_on_unlock or not _may(window, Action.SYNC):
        return False
    background = window.findChild(BackgroundExchange)
    if background is None:
        background = BackgroundExchange(window.runner, window)
    return bool(background.start(folder))
