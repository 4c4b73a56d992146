"""Admin → Trusted sites…: this site's identity and fingerprint, the sites it trusts, adding and revoking.

Everyone who may synchronise sees this site's identity and the list; adding and revoking sites
are for administrators (the core refuses them to anyone else too).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.services.exchange_folder import slug
from entre_desktop.services.session import Session
from entre_desktop.services.sync import IdentityExport, SiteInfo, export_identity, list_sites, revoke_site
from ui import prompts
from ui.guard import while_alive
from ui.models.simple_table import SimpleTableModel
from ui.sync import file_choice
from ui.sync.add_site_dialog import AddSiteDialog
from ui.sync.failure import show_failure
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError
from ui.widgets.tables import setup_table


def _date(iso: str | None) -> str:
    return (iso or "")[:16].replace("T", " ")


def status_text(site: SiteInfo) -> str:
    if not site.revoked:
        return QCoreApplication.translate("TrustedSitesDialog", "Trusted")
    text = QCoreApplication.translate("TrustedSitesDialog", "Revoked %1 by %2").replace("%1", _date(site.revoked_at)).replace("%2", site.revoked_by or "")
    return f"{text}: {site.revoke_reason}" if site.revoke_reason else text


def sites_model(parent: QWidget) -> SimpleTableModel[SiteInfo]:
    return SimpleTableModel[SiteInfo]([
        (lambda: QCoreApplication.translate("TrustedSitesDialog", "Site"), lambda s: s.name),
        (lambda: QCoreApplication.translate("TrustedSitesDialog", "Fingerprint"), lambda s: s.fingerprint),
        (lambda: QCoreApplication.translate("TrustedSitesDialog", "Trusted on"), lambda s: f"{_date(s.trusted_at)} ({s.trusted_by})"),
        (lambda: QCoreApplication.translate("TrustedSitesDialog", "Last import"), lambda s: _date(s.last_import_at) or "–"),
        (lambda: QCoreApplication.translate("TrustedSitesDialog", "Status"), status_text),
    ], parent)


def load_trust(session: Session) -> tuple[IdentityExport, list[SiteInfo]]:
    return export_identity(session), list_sites(session)


class RevokeDialog(QDialog):
    def __init__(self, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revoke %1").replace("%1", site.name))
        text = QLabel(self.tr("From now on this site refuses every bundle from %1, and changes made there that other "
                              "sites pass on. Do this when its keys may be in the wrong hands (a lost or stolen "
                              "computer) or the site closes. Trusting a new identity file from it lifts the "
                              "revocation.").replace("%1", site.name), self)
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        buttons = QDialogButtonBox(self)
        self.revoke_button = buttons.addButton(self.tr("&Revoke"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.revoke_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.revoke_button.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)


class TrustedSitesDialog(QDialog):
    """Emits ``changed()`` after a site was trusted or revoked."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, *, may_manage: bool, start_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._may_manage = may_manage
        self._start_folder = start_folder
        self.identity: IdentityExport | None = None
        self.add_dialog: AddSiteDialog | None = None
        self.setObjectName("trustedSitesDialog")
        self.setWindowTitle(self.tr("Trusted sites"))
        self.resize(880, 520)

        own = QGroupBox(self.tr("This site"), self)
        self.own_name = QLabel("–", own)
        self.own_fingerprint = QLabel("–", own)
        self.own_fingerprint.setObjectName("fingerprint")
        self.own_fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("&Copy fingerprint"), own)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.save_button = QPushButton(self.tr("&Save identity file…"), own)
        self.save_button.clicked.connect(self._save_identity)
        own_buttons = QHBoxLayout()
        own_buttons.addWidget(self.copy_button)
        own_buttons.addWidget(self.save_button)
        own_buttons.addStretch(1)
        own_form = QFormLayout(own)
        own_form.addRow(self.tr("Name:"), self.own_name)
        own_form.addRow(self.tr("Fingerprint:"), self.own_fingerprint)
        own_form.addRow(own_buttons)

        self.model = sites_model(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, widths=(180, 330, 170, 130))
        self.table.setAccessibleName(self.tr("Trusted sites"))
        self.add_button = QPushButton(self.tr("&Add site…"), self)
        self.revoke_button = QPushButton(self.tr("Re&voke…"), self)
        self.add_button.clicked.connect(self._add_clicked)
        self.revoke_button.clicked.connect(self._revoke_clicked)
        for button in (self.add_button, self.revoke_button):
            button.setVisible(may_manage)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("secondaryText")
        self.status.setWordWrap(True)
        self.error = FieldError(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(QLabel(self.tr("Sites this site exchanges bundles with:"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        self.reload()

    # -- data
    def reload(self) -> None:
        self._runner.run(load_trust, on_success=while_alive(self, self._loaded),
                         on_failure=while_alive(self, self._failed))

    def _loaded(self, loaded: tuple[IdentityExport, list[SiteInfo]]) -> None:
        self.identity, sites = loaded
        self.own_name.setText(self.identity.site_name)
        self.own_fingerprint.setText(self.identity.fingerprint)
        self.model.set_rows(sorted(sites, key=lambda s: (s.revoked, s.name.casefold())))
        self._update_buttons()

    def selected(self) -> SiteInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        for n, site in enumerate(self.model.rows):
            if site.name == name:
                self.table.selectRow(n)

    def _update_buttons(self) -> None:
        site = self.selected()
        self.revoke_button.setEnabled(site is not None and not site.revoked)
        self.copy_button.setEnabled(self.identity is not None)
        self.save_button.setEnabled(self.identity is not None)

    # -- this site's identity
    def copy_fingerprint(self) -> None:
        if self.identity is not None:
            QGuiApplication.clipboard().setText(self.identity.fingerprint)
            self.status.setText(self.tr("The fingerprint is copied."))

    def _save_identity(self) -> None:
        if self.identity is None:
            return
        suggested = self._start_folder / f"{slug(self.identity.site_name)}.identity"
        chosen = file_choice.save_file(self, self.tr("Save this site's identity file"), suggested,
                                       self.tr("Identity files (*.identity)"))
        if chosen is not None:
            self.save_identity(chosen)

    def save_identity(self, path: Path) -> None:
        self.error.clear_message()
        self._runner.run(lambda s: export_identity(s, path),
                         on_success=while_alive(self, lambda _e: self.status.setText(
                             self.tr("Saved %1. Send it to the other site; then read them the fingerprint by "
                                     "phone.").replace("%1", str(path)))),
                         on_failure=while_alive(self, self._failed))

    # -- trusting and revoking
    def _add_clicked(self) -> None:
        dialog = AddSiteDialog(self._runner, start_folder=self._start_folder, parent=self)
        dialog.trusted.connect(self._trusted)
        self.add_dialog = dialog
        dialog.open()

    def _trusted(self, site: SiteInfo) -> None:
        self.status.setText(self.tr("%1 is now trusted.").replace("%1", site.name))
        self.changed.emit()
        self.reload()

    def _revoke_clicked(self) -> None:
        site = self.selected()
        if site is None:
            return
        dialog = RevokeDialog(site, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and prompts.confirm(
                self, self.tr("Revoke %1").replace("%1", site.name),
                self.tr("Refuse everything from %1 from now on?").replace("%1", site.name), yes=self.tr("Revoke")):
            self.revoke(site.name, dialog.reason.text())

    def revoke(self, name: str, reason: str) -> None:
        self.error.clear_message()
        self._runner.run(lambda s: revoke_site(s, name, reason=reason), on_success=while_alive(self, self._revoked),
                         on_failure=while_alive(self, self._failed))

    def _revoked(self, site: SiteInfo) -> None:
        self.status.setText(self.tr("%1 is revoked.").replace("%1", site.name))
        self.changed.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        show_failure(self, self.error, error)
