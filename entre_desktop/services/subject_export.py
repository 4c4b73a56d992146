"""Data-subject access: everything stored about one client, as JSON and as a readable PDF.

``export_subject_data(session, client_id, output)`` writes two files: ``<output>.json`` (every
field of every row, attachments base64-encoded, the change history and the audit events about
the client) and ``<output>.pdf`` (the same, for a person to read). A ``.json`` or ``.pdf``
ending on ``output`` is dropped first, so ``-o extract.pdf`` gives extract.json and extract.pdf.
Both are written atomically; if the second cannot be written, the first is removed again and
the disclosure is not recorded. Nothing is recorded as disclosed unless both files exist.

Which tables are read: :data:`entre_desktop.storage.subject_repo.CLIENT_TABLES` (a test checks
that list against the schema). The export is not redacted: before handing it over, staff must
review it under the Public Access to Information and Secrecy Act (e.g. other people's details,
information that may not be disclosed to the person).

Permissions: the export includes the audit events about the client, which only coordinators and
administrators may see, so it needs ``Action.VIEW_AUDIT`` as well as ``Action.VIEW_CLIENTS``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entre_desktop import __version__
from entre_desktop.i18n import current_language
from entre_desktop.reports.subject_pdf import render_subject_pdf
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.clients import require_client
from entre_desktop.services.session import Session
from entre_desktop.storage import subject_repo
from entre_desktop.storage.atomic import atomic_write_bytes
from entre_desktop.version import build_id

log = logging.getLogger(__name__)

FORMAT = "entre-subject-export"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SubjectExportResult:
    json_path: Path
    pdf_path: Path
    rows: dict[str, int]
    attachments: int


def export_paths(output: Path) -> tuple[Path, Path]:
    """(JSON file, PDF file) for the ``-o`` the user gave."""
    output = Path(output)
    base = output.with_suffix("") if output.suffix.lower() in (".json", ".pdf") else output
    return base.with_name(base.name + ".json"), base.with_name(base.name + ".pdf")


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def build_document(session: Session, client_id: str) -> dict[str, Any]:
    """The export as one JSON-ready dictionary (what the JSON file holds)."""
    session.require(Action.VIEW_CLIENTS)
    session.require(Action.VIEW_AUDIT)
    require_client(session, client_id)
    conn = session.db
    tables = subject_repo.client_rows(conn, client_id)
    binary_columns = sorted(
        {f"{table}.{column}" for table, rows in tables.items() for row in rows
         for column, value in row.items() if isinstance(value, bytes | bytearray | memoryview)}
    )
    tables = {table: [{k: _jsonable(v) for k, v in row.items()} for row in rows] for table, rows in tables.items()}
    record_ids = {table: {str(row["id"]) for row in rows if "id" in row} for table, rows in tables.items()}
    agency_ids = {str(row[column]) for rows in tables.values() for row in rows
                  for column in ("agency_id", "recipient_agency_id") if row.get(column)}
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "generated_at": session.now_iso(),
        "generated_by": session.user.name,
        "program_version": __version__,
        "build_id": build_id(),
        "site": {"id": session.site_id, "name": session.site_name},
        "client_id": client_id,
        "binary_encoding": "base64",
        "binary_columns": binary_columns,
        "tables": tables,
        "change_history": [{k: _jsonable(v) for k, v in row.items()}
                           for row in subject_repo.change_history(conn, record_ids)],
        "access_log": subject_repo.access_log(conn, client_id),
        "agencies": subject_repo.agency_names(conn, agency_ids),
    }


def export_subject_data(session: Session, client_id: str, output: Path, *,
                        language: str | None = None) -> SubjectExportResult:
    """Write the JSON and PDF files and record the disclosure in the audit log."""
    document = build_document(session, client_id)
    json_path, pdf_path = export_paths(output)
    json_bytes = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    pdf_bytes = render_subject_pdf(document, language=language or current_language(),
                                   generated_at=session.clock.now(), is_demo=session.is_demo)
    rows = {table: len(found) for table, found in document["tables"].items()}
    attachments = rows.get("attachment", 0)
    written: list[Path] = []
    try:
        with session.write():
            # Recorded in the same transaction that the files are written under: if either file
            # cannot be written the event is rolled back, and if the event cannot be committed
            # the files are removed.
            session.audit(AuditAction.DISCLOSURE, target=client_id,
                          detail=f"subject_export rows={sum(rows.values())} attachments={attachments}"
                                 f" files={json_path.name},{pdf_path.name}")
            for path, data in ((json_path, json_bytes), (pdf_path, pdf_bytes)):
                atomic_write_bytes(path, data)
                written.append(path)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    log.info("subject export written: client=%s rows=%d attachments=%d", client_id, sum(rows.values()), attachments)
    return SubjectExportResult(json_path=json_path, pdf_path=pdf_path, rows=rows, attachments=attachments)
