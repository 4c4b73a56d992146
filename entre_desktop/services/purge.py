"""Purging a client: erase everything stored about them, here and (through sync) at every site.

When a purge is allowed (decided here, documented in docs/operations.md):

- Administrators only (``Action.PURGE``), always with a reason, which goes into the audit event.
- Never while the client has an active legal hold: release the hold first (that is audited too).
- On the retention basis (the default) only when the client's record is past its retention period
  (``retention.clients_past_retention`` would list them). Before that, only as an **erasure**
  (``erasure=True``): the person asked to be erased and the request was granted. The audit event
  says which basis was used.

What is removed: the client and every synced record that cannot exist without them (through
``RecordWriter.purge``, which registers the purge and logs one ``purge`` change so that every
site erases the same records and keeps them erased), the field history and the data of their
change-log entries, the full-text index rows, and the client's released legal holds (local rows).
Inside the same transaction the tables of ``subject_repo.CLIENT_TABLES`` and the index are
checked to be empty for the client; if anything is left the purge is rolled back.

Kept: the audit events about the client (the log is insert-only and hash-chained; they carry the
client's id, never the name) and the purge register entry (ids only). Copies inside change sets
sealed for sync before the purge stay, encrypted, until they are pruned (see docs/sync.md).

After the commit the file is rebuilt with VACUUM: with ``secure_delete`` on, freed pages are
already zeroed, and VACUUM leaves no free page behind (``PRAGMA freelist_count`` is 0).

Threading: runs on the DB worker thread; the VACUUM can take a while on a large database.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum

from entre_desktop.errors import ConflictError, IntegrityFailure, NotFoundError, StorageWriteError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services import retention
from entre_desktop.services.changes import Changes, Kind
from entre_desktop.services.inputs import clean_text
from entre_desktop.services.session import Session
from entre_desktop.storage import operations_repo, purge_repo

log = logging.getLogger(__name__)

MAX_REASON = 1_000


class PurgeBasis(StrEnum):
    RETENTION = "retention"
    """The retention period is over."""
    ERASURE = "erasure"
    """The person's request to be erased was granted (before the period is over)."""


@dataclass(frozen=True)
class PurgeResult:
    client_id: str
    basis: PurgeBasis
    records: int
    """Rows removed from the client's tables (the full-text index not counted)."""
    free_pages: int
    """Free pages left in the file after VACUUM: 0 when every freed page is gone."""
    changes: Changes


def retention_end(session: Session, client_id: str) -> dt.date | None:
    """The last day the client's record is kept, or None while their programme has not ended."""
    years = {rule.kind: rule.years for rule in retention.retention_rules(session)}[retention.RecordKind.CLIENT_RECORD]
    for end in operations_repo.programme_ends(session.db):
        if end.client_id == client_id:
            return retention.add_years(end.ended_on, years)
    return None


def _check_basis(session: Session, target: purge_repo.PurgeTarget, erasure: bool) -> PurgeBasis:
    if erasure:
        return PurgeBasis.ERASURE
    kept_until = None if target.tombstoned else retention_end(session, target.client_id)
    if kept_until is None:
        raise ConflictError(
            _("This client's programme has not ended, so the record is not past its retention period. Purge it "
              "only if the person's request to be erased was granted, and then mark the purge as an erasure.")
        )
    if session.clock.today() <= kept_until:
        raise ConflictError(
            _("This client's record is kept until {date} under the retention rules. Purge it before then only if "
              "the person's request to be erased was granted, and then mark the purge as an erasure.",
              date=kept_until.isoformat())
        )
    return PurgeBasis.RETENTION


def purge_client(session: Session, client_id: str, *, reason: str, erasure: bool = False,
                 vacuum: bool = True) -> PurgeResult:
    """Erase the client (see the module docstring for the rules); raises before changing anything."""
    session.require(Action.PURGE)
    why = clean_text(reason, field="reason", limit=MAX_REASON,
                     required_message=_("Give the reason for the purge, for example the retention rule or the "
                                        "erasure request it carries out."))
    target = purge_repo.purge_target(session.db, client_id)
    if target is None:
        raise NotFoundError(_("There is no client with id {id}. Check the id with 'entre client list'.", id=client_id))
    holds = operations_repo.legal_holds(session.db, client_id=client_id)
    if holds:
        raise ConflictError(
            _("This client has a legal hold (placed {placed_at} by {placed_by}), so nothing may be purged. "
              "Release the hold first if it no longer applies.", placed_at=holds[0].placed_at,
              placed_by=holds[0].placed_by)
        )
    basis = _check_basis(session, target, erasure)
    with session.write() as writer:
        records = purge_repo.record_count(session.db, client_id)
        purge_repo.delete_legal_holds(session.db, client_id)
        writer.purge("client", client_id)
        left = purge_repo.rows_left(session.db, client_id)
        if left:
            # A table the purge does not reach: roll everything back rather than purge in part.
            log.error("purge incomplete, rolled back: tables=%s", sorted(left))
            raise IntegrityFailure(
                _("The purge could not remove everything stored about the client ({tables}), so nothing was "
                  "purged. Report this to support.", tables=", ".join(sorted(left)))
            )
        session.audit(AuditAction.PURGE, target=client_id, detail=f"purge basis={basis.value} records={records}",
                      reason=why)
    log.info("client purged: client=%s basis=%s records=%d", client_id, basis.value, records)
    free_pages = compact(session) if vacuum else -1
    return PurgeResult(client_id=client_id, basis=basis, records=records, free_pages=free_pages,
                       changes=Changes.of(Kind.CLIENTS, Kind.AUDIT, client_id=client_id))


def compact(session: Session) -> int:
    """VACUUM the database; the purge is committed already, so a failure here says so."""
    try:
        return purge_repo.vacuum(session.db)
    except Exception as error:  # the purge stands; only the rebuild failed
        log.warning("vacuum after purge failed: %s", type(error).__name__)
        raise StorageWriteError(
            _("The client was purged (freed space is overwritten, so it holds none of their data), but the "
              "database file could not be compacted afterwards: {reason}. Free some disk space; the file is "
              "compacted again after the next purge.", reason=error)
        ) from error
