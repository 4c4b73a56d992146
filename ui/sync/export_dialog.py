"""File → Export bundle…: choose trusted sites, what to send and where; the bundle is written on the worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.services.exchange_folder import BUNDLE_SUFFIX, slug
from entre_desktop.services.sync import ExportSummary, SiteInfo, export_bundle, list_sites
from ui.guard import while_alive
from ui.sync import file_choice
from ui.sync.failure import show_failure
from ui.sync.progress import ProgressRelay
from ui.sync.summary_text import export_line
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError

SITE_ROLE = Qt.ItemDataRole.UserRole


def suggested_name(sites: list[str], today: dt.date) -> str:
    """``entre-<site>-<date>.entre``; several sites: ``entre-<n>-sites-<date>.entre``."""
    who = slug(sites[0]) if len(sites) == 1 else f"{len(sites)}-sites"
    return f"entre-{who}-{today:%Y%m%d}{BUNDLE_SUFFIX}"


class ExportBundleDialog(QDialog):
    def __init__(self, runner: TaskRunner, *, start_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._start_folder = start_folder
        self._path_edited = False
        self.summary: ExportSummary | None = None
        self.last_error: BaseException | None = None
        self.setObjectName("exportBundleDialog")
        self.setWindowTitle(self.tr("Export bundle"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr("A bundle carries this site's changes, signed and encrypted so that only the "
                               "chosen sites can read it. Take it to them on a removable drive or through a "
                               "shared folder."), self)
        intro.setWordWrap(True)
        self.sites = QListWidget(self)
        self.sites.setAccessibleName(self.tr("Sites to send the bundle to"))
        self.no_sites = QLabel(self.tr("This site trusts no other site yet. An administrator adds sites under "
                                       "Admin → Trusted sites."), self)
        self.no_sites.setWordWrap(True)
        self.no_sites.hide()
        self.unacknowledged = QRadioButton(self.tr("Changes these sites have &not acknowledged yet (normal)"), self)
        self.everything = QRadioButton(self.tr("&All changes (for a site that was set up again or lost data)"),
                                       self)
        self.unacknowledged.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.unacknowledged)
        group.addButton(self.everything)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Bundle file"))
        self.path.textEdited.connect(self._path_typed)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Send to:"), self))
        layout.addWidget(self.sites, 1)
        layout.addWidget(self.no_sites)
        layout.addWidget(self.unacknowledged)
        layout.addWidget(self.everything)
        layout.addWidget(QLabel(self.tr("Save as:"), self))
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.sites.itemChanged.connect(self._sites_changed)
        self.export_button.setEnabled(False)
        self._runner.run(list_sites, on_success=while_alive(self, self._sites_loaded),
                         on_failure=while_alive(self, self._failed))

    # -- sites
    def _sites_loaded(self, sites: list[SiteInfo]) -> None:
        usable = [s for s in sites if not s.revoked]
        self.sites.clear()
        for site in sorted(usable, key=lambda s: s.name.casefold()):
            item = QListWidgetItem(site.name, self.sites)
            item.setData(SITE_ROLE, site.site_id)
            item.setToolTip(site.fingerprint)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if len(usable) == 1 else Qt.CheckState.Unchecked)
        self.no_sites.setVisible(not usable)
        self.sites.setVisible(bool(usable))
        self._sites_changed()

    def chosen(self) -> list[tuple[str, str]]:
        """(site id, name) of the ticked sites."""
        items = (self.sites.item(n) for n in range(self.sites.count()))
        return [(str(i.data(SITE_ROLE)), i.text()) for i in items if i.checkState() == Qt.CheckState.Checked]

    def choose(self, *names: str) -> None:
        for n in range(self.sites.count()):
            item = self.sites.item(n)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def _sites_changed(self, *_args: object) -> None:
        chosen = self.chosen()
        if chosen and not self._path_edited:
            name = suggested_name([n for _i, n in chosen], dt.date.today())
            self.path.setText(str(self._start_folder / name))
        self.export_button.setEnabled(bool(chosen) and bool(self.path.text().strip()) and self.progress.isHidden())

    # -- file
    def _path_typed(self, _text: str) -> None:
        self._path_edited = True
        self._sites_changed()

    def _browse(self) -> None:
        current = Path(self.path.text().strip() or str(self._start_folder))
        chosen = file_choice.save_file(self, self.tr("Save the bundle as"), current,
                                       self.tr("Entré bundles (*.entre)"))
        if chosen is not None:
            if chosen.suffix != BUNDLE_SUFFIX:
                chosen = chosen.with_name(chosen.name + BUNDLE_SUFFIX)
            self.path.setText(str(chosen))
            self._path_edited = True
            self._sites_changed()

    # -- exporting
    def export(self) -> None:
        chosen = self.chosen()
        text = self.path.text().strip()
        if not chosen or not text:
            return
        target = Path(text)
        self.error.clear_message()
        if not target.parent.is_dir():
            self.error.show_message(self.tr("The folder %1 does not exist. Choose another place for the bundle.")
                                .replace("%1", str(target.parent)))
            return
        ids = [site_id for site_id, _name in chosen]
        everything = self.everything.isChecked()
        relay = ProgressRelay()
        relay.follow(self.progress)
        self.progress.show()
        self.status.setText(self.tr("Writing the bundle…"))
        self.export_button.setEnabled(False)
        self._runner.run(lambda s: export_bundle(s, to=ids, all_changes=everything, progress=relay, output=target),
                         on_success=while_alive(self, self._exported), on_failure=while_alive(self, self._failed))

    def _exported(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.progress.hide()
        if summary.changes == 0:
            self.status.setText(export_line(summary) + " " + self.tr(
                "There were no new changes for these sites; the bundle still tells them what this site has "
                "received."))
        else:
            self.status.setText(export_line(summary))
        self.export_button.hide()

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.progress.hide()
        self.status.setText("")
        self._sites_changed()
        show_failure(self, self.error, error)
