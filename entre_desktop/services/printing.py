"""Printing release support plans: one copy or a batch, each traced in the print and audit logs."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from entre_desktop.domain.models import ClientRecord, PlanVersion
from entre_desktop.errors import StorageWriteError, ValidationError
from entre_desktop.i18n import _, current_language
from entre_desktop.reports import plan_document as pd
from entre_desktop.reports.plan_pdf import render_plan_pdf, short_hash
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.clients import require_client
from entre_desktop.services.plan_document_mapping import PROGRAM_VERSION, plan_document
from entre_desktop.services.session import Session
from entre_desktop.storage import client_repo, print_repo
from entre_desktop.storage.atomic import atomic_write_bytes, describe_os_error
from entre_desktop.version import build_id


@dataclass(frozen=True)
class PrintedCopy:
    client_id: str
    path: Path | None
    copy_number: int
    document_hash: str
    pdf: bytes


@dataclass(frozen=True)
class BatchResult:
    printed: tuple[PrintedCopy, ...]
    skipped: tuple[tuple[str, str], ...]  # (client id, why)


def _check_options(variant: str, language: str | None, agency_id: str | None) -> str:
    if variant not in pd.VARIANTS:
        raise ValidationError(_("Unknown copy type {variant}: choose internal, agency or client.", variant=variant),
                              field="variant")
    if variant == "agency" and not agency_id:
        raise ValidationError(_("An agency copy needs the receiving agency (--agency ID)."), field="agency")
    if variant != "agency" and agency_id:
        raise ValidationError(_("Only an agency copy is addressed to an agency; leave out --agency."), field="agency")
    language = language or current_language()
    if language not in pd.LANGUAGES:
        raise ValidationError(_("Plans print in Swedish (sv) or English (en)."), field="language")
    return language


def _printable(session: Session, client_id: str) -> tuple[ClientRecord, PlanVersion]:
    require_client(session, client_id)
    record = client_repo.load_record(session.db, client_id)
    assert record is not None
    version = record.plan.current if record.plan else None
    if version is None:
        raise ValidationError(
            _("{name} has no release plan yet. Create the plan in the client's record first.", name=record.client.name),
            field="plan",
        )
    return record, version


def _consent_check(record: ClientRecord, agency_id: str | None, today: dt.date) -> None:
    if agency_id is None:
        return
    if not any(c.agency_id == agency_id and c.is_valid_on(today) for c in record.consents):
        raise ValidationError(
            _("{name} has no valid consent for this agency, so no agency copy can be printed for it. "
              "Record the client's consent first, or print an internal copy.", name=record.client.name),
            field="agency",
        )


def build_copy(session: Session, client_id: str, *, variant: str = "internal", language: str | None = None,
               agency_id: str | None = None) -> tuple[pd.PlanDocument, str]:
    """The document for the next copy and its plan version id; nothing is recorded."""
    session.require(Action.PRINT_PLANS)
    language = _check_options(variant, language, agency_id)
    record, version = _printable(session, client_id)
    printed_at = session.clock.now().astimezone()
    _consent_check(record, agency_id, printed_at.date())
    phones = print_repo.contact_phones(session.db, (a.agency_id for a in version.actions if a.agency_id))
    printing = pd.PrintMetadata(
        variant=variant, language=language, copy_number=print_repo.next_copy_number(session.db, version.id),  # type: ignore[arg-type]
        printed_at=printed_at, printed_by=session.user.display_name, program_version=PROGRAM_VERSION,
        build_id=build_id(),
        recipient_agency_id=agency_id, is_demo=session.is_demo,
    )
    doc = plan_document(record, version, phones=phones, printing=printing, officer_name=record.client.responsible)
    return doc, version.id


def preview(session: Session, client_id: str, **options: str | None) -> bytes:
    """Render the next copy without recording a print (for the on-screen preview)."""
    doc, _version_id = build_copy(session, client_id, **options)  # type: ignore[arg-type]
    return render_plan_pdf(doc)


def print_plan(session: Session, client_id: str, output: Path | None, *, variant: str = "internal",
               language: str | None = None, agency_id: str | None = None) -> tuple[PrintedCopy, Changes]:
    """Render one copy, write it atomically (when ``output`` is given) and log it, all or nothing."""
    doc, version_id = build_copy(session, client_id, variant=variant, language=language, agency_id=agency_id)
    pdf = render_plan_pdf(doc)
    digest = short_hash(doc)
    written = False
    try:
        with session.write() as writer:
            writer.insert("print_log", {
                "client_id": client_id, "plan_version_id": version_id, "variant": variant,
                "recipient_agency_id": agency_id, "language": doc.printing.language,
                "copy_no": doc.printing.copy_number, "printed_at": session.now_iso(),
                "printed_by": session.user.name, "document_hash": digest,
            })
            session.audit(AuditAction.PRINT, target=client_id,
                          detail=f"variant={variant} agency={agency_id or '-'} copy={doc.printing.copy_number} "
                                 f"lang={doc.printing.language} hash={digest}")
            if output is not None:
                atomic_write_bytes(Path(output), pdf)
                written = True
    except BaseException:
        if written and output is not None:
            with contextlib.suppress(OSError):
                Path(output).unlink()
        raise
    copy = PrintedCopy(client_id=client_id, path=Path(output) if output else None,
                       copy_number=doc.printing.copy_number, document_hash=digest, pdf=pdf)
    return copy, Changes.of(Kind.PLANS, client_id=client_id)


def releases_within(session: Session, days: int) -> list[str]:
    session.require(Action.PRINT_PLANS)
    if days < 0 or days > 3650:
        raise ValidationError(_("Give the number of days as a whole number from 0 to 3650."), field="days")
    return print_repo.clients_releasing_within(session.db, today=session.clock.today(), days=days)


def print_releases_within(session: Session, days: int, out_dir: Path, *, variant: str = "internal",
                          language: str | None = None,
                          progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """Internal or client copies for everyone released within ``days``; one file per client."""
    if variant == "agency":
        raise ValidationError(_("A batch prints internal or client copies; print agency copies one by one."),
                              field="variant")
    ids = releases_within(session, days)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(describe_os_error(error, out_dir)) from error
    printed, skipped = [], []
    for index, client_id in enumerate(ids):
        if cancelled is not None and cancelled():
            break
        try:
            copy, _changes = print_plan(session, client_id, out_dir / f"plan-{client_id}-{variant}.pdf",
                                        variant=variant, language=language)
            printed.append(copy)
        except ValidationError as error:
            skipped.append((client_id, error.message))
        if progress is not None:
            progress(index + 1, len(ids))
    return BatchResult(printed=tuple(printed), skipped=tuple(skipped))
