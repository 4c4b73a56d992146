"""Adding a trusted site: its identity file, and the fingerprint its administrator reads out by phone.

The file is read and checked on the worker; the typed fingerprint is compared by the core's
``trust_site``, which refuses a mismatch with a message saying what to do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.errors import ValidationError
from entre_desktop.services.sync import SiteInfo, read_identity, trust_site
from entre_desktop.sync.identity import SiteIdentity
from ui.guard import while_alive
from ui.sync import file_choice
from ui.sync.failure import show_failure
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError


def _read_identity_file(path: Path) -> tuple[bytes, SiteIdentity]:
    try:
        data = path.read_bytes()
    except OSError as error:
        message = QCoreApplication.translate("AddSiteDialog", "Cannot read the identity file %1: %2.")
        raise ValidationError(message.replace("%1", str(path)).replace("%2", error.strerror or str(error)),
                              field="file") from None
    return data, read_identity(data)


class AddSiteDialog(QDialog):
    """Emits ``trusted(SiteInfo)`` once the core trusted the site."""

    trusted = Signal(object)

    def __init__(self, runner: TaskRunner, *, start_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._start_folder = start_folder
        self._data: bytes | None = None
        self.setObjectName("addSiteDialog")
        self.setWindowTitle(self.tr("Add a trusted site"))
        self.setMinimumWidth(560)
        steps = QLabel("\n".join((
            self.tr("1. Ask the other site's administrator for their identity file (Admin → Trusted sites → Save "
                    "identity file) and choose it here."),
            self.tr("2. Phone them and have them read their fingerprint aloud. Type it as you hear it; do not copy "
                    "it from the file or an e-mail. If the digits differ, do not trust the file."))), self)
        steps.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("Identity file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.site_name = QLabel("–", self)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint read out by the other site"))
        self.fingerprint.setPlaceholderText("12345 67890 12345 67890 12345 67890 12345 67890")
        self.fingerprint.textChanged.connect(lambda _t: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Identity &file:"), file_row)
        form.addRow(self.tr("Site:"), self.site_name)
        form.addRow(self.tr("F&ingerprint:"), self.fingerprint)
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.trust_button = self.buttons.addButton(self.tr("&Trust this site"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.trust_button.clicked.connect(self.trust)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(steps)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.trust_button.setEnabled(self._data is not None and bool(self.fingerprint.text().strip()))

    def _browse(self) -> None:
        chosen = file_choice.open_file(self, self.tr("Choose the other site's identity file"), self._start_folder,
                                       self.tr("Identity files (*.identity);;All files (*)"))
        if chosen is not None:
            self.load(chosen)

    def load(self, path: Path) -> None:
        """Read and check ``path`` on the worker; show whose identity it is."""
        self.path.setText(str(path))
        self._data = None
        self.site_name.setText("–")
        self.error.clear_message()
        self._update()
        self._runner.run_plain(lambda: _read_identity_file(path), on_success=while_alive(self, self._loaded),
                               on_failure=while_alive(self, self._failed))

    def _loaded(self, loaded: tuple[bytes, SiteIdentity]) -> None:
        self._data, identity = loaded
        self.site_name.setText(self.tr("%1 (id %2)").replace("%1", identity.site_name).replace("%2", identity.site_id))
        self._update()
        self.fingerprint.setFocus()

    def trust(self) -> None:
        data, typed = self._data, self.fingerprint.text()
        if data is None:
            return
        self.error.clear_message()
        self.trust_button.setEnabled(False)
        self._runner.run(lambda s: trust_site(s, data, typed), on_success=while_alive(self, self._trusted),
                         on_failure=while_alive(self, self._failed))

    def _trusted(self, site: SiteInfo) -> None:
        self.trusted.emit(site)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._update()
        show_failure(self, self.error, error)
