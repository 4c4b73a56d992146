"""The agencies the programme works with, and their contact people (coordinators and administrators)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from entre_desktop.domain.models import Agency, AgencyContact
from entre_desktop.services.agencies import (
    AGENCY_KINDS,
    add_agency,
    add_agency_contact,
    agency_kind_label,
    list_agencies,
    update_agency,
)
from entre_desktop.services.changes import Changes
from ui.dialogs.form_dialog import Field, FormDialog
from ui.errors import show_error
from ui.guard import while_alive
from ui.models.simple_table import SimpleTableModel
from ui.tasks import TaskRunner
from ui.widgets.tables import setup_table


def agency_model(parent: QWidget) -> SimpleTableModel[Agency]:
    return SimpleTableModel[Agency]([
        (lambda: QCoreApplication.translate("AgenciesDialog", "Name"), lambda a: a.name),
        (lambda: QCoreApplication.translate("AgenciesDialog", "Kind"), lambda a: agency_kind_label(a.kind)),
        (lambda: QCoreApplication.translate("AgenciesDialog", "Phone"), lambda a: a.phone),
        (lambda: QCoreApplication.translate("AgenciesDialog", "Address"), lambda a: a.address),
    ], parent)


def contact_model(parent: QWidget) -> SimpleTableModel[AgencyContact]:
    return SimpleTableModel[AgencyContact]([
        (lambda: QCoreApplication.translate("AgenciesDialog", "Contact person"), lambda c: c.name),
        (lambda: QCoreApplication.translate("AgenciesDialog", "Role"), lambda c: c.role),
        (lambda: QCoreApplication.translate("AgenciesDialog", "Phone"), lambda c: c.phone),
        (lambda: QCoreApplication.translate("AgenciesDialog", "E-mail"), lambda c: c.email),
    ], parent)


class AgenciesDialog(QDialog):
    """Emits ``changed(Changes)`` after each change (open records refresh their agency lists)."""

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, *, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._may_edit = may_edit
        self.form: FormDialog | None = None
        self.setObjectName("agenciesDialog")
        self.setWindowTitle(self.tr("Agencies and organisations"))
        self.resize(980, 560)
        self.model = agency_model(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, widths=(260, 220, 140))
        self.table.setAccessibleName(self.tr("Agencies"))
        self.contacts = contact_model(self)
        self.contact_table = QTableView(self)
        self.contact_table.setModel(self.contacts)
        setup_table(self.contact_table, widths=(220, 220, 140))
        self.contact_table.setAccessibleName(self.tr("Contact people at the selected agency"))
        contacts_title = QLabel(self.tr("Contact people"), self)
        contacts_title.setObjectName("sectionHeading")
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(contacts_title)
        lower_layout.addWidget(self.contact_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([320, 200])
        self.add_button = QPushButton(self.tr("&Add agency…"), self)
        self.edit_button = QPushButton(self.tr("&Edit agency…"), self)
        self.contact_button = QPushButton(self.tr("Add &contact person…"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.contact_button):
            buttons.addWidget(button)
            button.setVisible(may_edit)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_agency)
        self.edit_button.clicked.connect(self.edit_agency)
        self.contact_button.clicked.connect(self.add_contact)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()
        self.reload()

    def reload(self, *, select: str | None = None) -> None:
        current = self.selected()
        keep = select or (current.id if current is not None else None)

        def shown(agencies: list[Agency]) -> None:
            self.model.set_rows(agencies)
            for n, agency in enumerate(agencies):
                if agency.id == keep:
                    self.table.selectRow(n)
            self._selection_changed()

        self._runner.run(list_agencies, on_success=while_alive(self, shown),
                         on_failure=while_alive(self, lambda error: show_error(self, error)))

    def selected(self) -> Agency | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        agency = self.selected()
        self.contacts.set_rows(agency.contacts if agency else ())
        self.edit_button.setEnabled(agency is not None)
        self.contact_button.setEnabled(agency is not None)

    def _kinds(self) -> list[tuple[str, str]]:
        return [(kind, agency_kind_label(kind)) for kind in AGENCY_KINDS]

    def _open_form(self, form: FormDialog, *, select_new: bool = False) -> None:
        """``select_new``: the form adds an agency, whose id comes back first: select it."""
        form.submitted.connect(lambda result: self._after_change(result, select_new))
        self.form = form
        form.open()

    def _after_change(self, result: Any, select_new: bool) -> None:
        new_id, changes = result if isinstance(result, tuple) else (None, result)
        if isinstance(changes, Changes):
            self.changed.emit(changes)
        self.reload(select=new_id if select_new else None)

    def add_agency(self) -> None:
        def job(values: dict[str, str]) -> Any:
            return lambda s: add_agency(s, name=values["name"], kind=values["kind"], phone=values["phone"],
                                        address=values["address"])

        self._open_form(FormDialog(self._runner, title=self.tr("Add an agency"), fields=self._agency_fields(None),
                                   submit_job=job, parent=self), select_new=True)

    def edit_agency(self) -> None:
        agency = self.selected()
        if agency is None:
            return
        agency_id = agency.id

        def job(values: dict[str, str]) -> Any:
            return lambda s: update_agency(s, agency_id, values)

        self._open_form(FormDialog(self._runner, title=self.tr("Edit agency"), fields=self._agency_fields(agency),
                                   submit_job=job, parent=self))

    def _agency_fields(self, agency: Agency | None) -> list[Field]:
        return [
            Field("name", self.tr("&Name:"), self.tr("Name"), value=agency.name if agency else ""),
            Field("kind", self.tr("&Kind:"), self.tr("Kind"), choices=self._kinds(),
                  value=agency.kind if agency else "social_services"),
            Field("phone", self.tr("&Phone:"), self.tr("Phone"), value=agency.phone if agency else ""),
            Field("address", self.tr("A&ddress:"), self.tr("Address"), value=agency.address if agency else ""),
        ]

    def add_contact(self) -> None:
        agency = self.selected()
        if agency is None:
            return
        agency_id = agency.id

        def job(values: dict[str, str]) -> Any:
            return lambda s: add_agency_contact(s, agency_id, name=values["name"], role=values["role"],
                                                phone=values["phone"], email=values["email"])

        fields = [
            Field("name", self.tr("&Name:"), self.tr("Name")),
            Field("role", self.tr("&Role:"), self.tr("Role")),
            Field("phone", self.tr("&Phone:"), self.tr("Phone")),
            Field("email", self.tr("&E-mail:"), self.tr("E-mail")),
        ]
        title = self.tr("Add a contact person at %1").replace("%1", agency.name)
        self._open_form(FormDialog(self._runner, title=title, fields=fields, submit_job=job, parent=self))
