"""Sync between sites: exporting bundles, previewing and importing them (docs/sync.md).

The UI calls these from its DB worker thread; ``progress(done, total)`` is called on that thread
and must not block. Trust functions (identity files, trusting and revoking sites) are in
``sync_sites`` and re-exported here; conflicts are in ``conflicts``.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.errors import EntreError, StorageWriteError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.audit import AuditAction
from entre_desktop.security.roles import Action
from entre_desktop.services.session import Session
from entre_desktop.services.sync_sites import (
    IdentityExport,
    SiteInfo,
    export_identity,
    find_site,
    list_sites,
    read_identity,
    revoke_site,
    site_keys,
    trust_site,
    trusted_identities,
)
from entre_desktop.storage import sync_repo
from entre_desktop.storage.atomic import atomic_write
from entre_desktop.storage.connection import page_cache
from entre_desktop.sync.envelope import BundleError
from entre_desktop.sync.hlc import HybridLogicalClock, Stamp
from entre_desktop.sync.importer import AlreadyImported, BundleImport, ImportResult
from entre_desktop.sync.payload import (
    FRAME_CHANGESET,
    FRAME_END,
    FRAME_MANIFEST,
    ChangesetInfo,
    Manifest,
    clock_range,
    frame,
    payload_prefix,
)
from entre_desktop.sync.sealing import seal_local_changes
from entre_desktop.sync.stream_envelope import (
    MAX_HEADER_LENGTH,
    SUPPORTED_VERSIONS,
    open_bundle_stream,
    read_bundle_header,
    write_bundle,
)

__all__ = [
    "BundleRefusedError", "ExportSummary", "IdentityExport", "ImportPreview", "ImportSummary", "SiteInfo",
    "export_bundle", "export_identity", "find_site", "import_bundle", "list_sites", "preview_import",
    "read_identity", "revoke_site", "trust_site",
]

Progress = Callable[[int, int], None]
# The page cache while a bundle is applied: a large bundle spreads its rows over every index, and
# with the usual cache the same pages were written and read back many times (docs/sync.md).
IMPORT_CACHE_KIB = 128 * 1024
# Refusals that say nothing about the file being damaged: CLI exit status 1, not 4.
_REFUSAL_REASONS = frozenset({"unknown_sender", "revoked_sender", "own_bundle", "not_addressed"})


class BundleRefusedError(EntreError):
    """A sound bundle this site will not import (untrusted or revoked sender, not for this site, …)."""

    exit_code = 1

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ExportSummary:
    bundle_id: str
    recipients: tuple[str, ...]
    recipient_ids: tuple[str, ...]
    changesets: int
    changes: int
    size: int
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Gap:
    origin_id: str
    origin_name: str
    first_missing: int
    last_missing: int


@dataclass(frozen=True)
class ImportSummary:
    bundle_id: str
    sender_id: str
    sender_name: str
    created_at: str
    dry_run: bool
    already_imported: bool
    changesets: int
    changes: int
    applied_changesets: int = 0
    duplicate_changesets: int = 0
    held_changesets: int = 0
    clients: int = 0
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    purged: dict[str, int] = field(default_factory=dict)
    dropped: int = 0
    new_conflicts: int = 0
    conflicts: int = 0
    gaps: tuple[Gap, ...] = ()
    untrusted: dict[str, int] = field(default_factory=dict)

    @property
    def records(self) -> int:
        return sum(self.added.values()) + sum(self.changed.values()) + sum(self.deleted.values())


@dataclass(frozen=True)
class ImportPreview(ImportSummary):
    """What importing would do; nothing was changed."""


# ---------------------------------------------------------------- export

def export_bundle(session: Session, *, to: Sequence[str], all_changes: bool = False,
                  progress: Progress | None = None, output: Path | None = None) -> ExportSummary:
    """A bundle for the sites ``to`` (names or ids) with every change they have not acknowledged
    (``all_changes``: everything this site holds). Written atomically to ``output`` when given,
    otherwise returned in ``ExportSummary.data``."""
    session.require(Action.SYNC)
    keys = site_keys(session)
    targets = list(dict.fromkeys(find_site(session, name).site_id for name in to))
    if not targets:
        raise ValidationError(_("Choose at least one site to send the bundle to."), field="recipients")
    trusted, _revoked = trusted_identities(session)
    for target in targets:
        if target not in trusted:
            raise BundleRefusedError(
                _("Site {site} is revoked here; bundles are not made for it.", site=find_site(session, target).name),
                reason="revoked_recipient",
            )
    with session.write():
        seal_local_changes(session.db, keys, now_iso=session.now_iso())
    acks = {target: sync_repo.peer_acks(session.db, target) for target in targets}
    chosen = [s for s in sync_repo.exportable_changesets(session.db)
              if any(t != s.origin_site and (all_changes or acks[t].get(s.origin_site, 0) < s.last_seq)
                     for t in targets)]
    infos = tuple(ChangesetInfo(origin=s.origin_site, first_seq=s.first_seq, last_seq=s.last_seq, count=s.changes,
                                min_hlc=s.min_hlc, max_hlc=s.max_hlc, sha256=s.sha256) for s in chosen)
    low, high = clock_range(infos)
    manifest = Manifest(bundle_id=str(uuid.uuid4()), sender=keys.site_id, recipients=tuple(targets),
                        created_at=session.now_iso(), acks=sync_repo.applied_vector(session.db), changesets=infos,
                        changes=sum(i.count for i in infos), min_hlc=low, max_hlc=high)

    def payload() -> Iterator[bytes]:
        yield payload_prefix()
        yield frame(FRAME_MANIFEST, manifest.to_json())
        for done, stored in enumerate(chosen, start=1):
            signature, body = sync_repo.changeset_content(session.db, stored.id)
            yield frame(FRAME_CHANGESET, signature + body)
            if progress:
                progress(done, len(chosen))
        yield frame(FRAME_END, b"")

    identities = [trusted[t] for t in targets]
    data: bytes | None = None
    if output is not None:
        size = atomic_write(Path(output), lambda f: write_bundle(f, payload(), sender=keys, recipients=identities))
    else:
        buffer = io.BytesIO()
        size = write_bundle(buffer, payload(), sender=keys, recipients=identities)
        data = buffer.getvalue()
    session.audit(AuditAction.EXPORT, target=",".join(targets),
                  detail=f"bundle={manifest.bundle_id} changesets={len(infos)} changes={manifest.changes}"
                         f"{' all' if all_changes else ''}")
    names = sync_repo.site_names(session.db)
    return ExportSummary(bundle_id=manifest.bundle_id, recipients=tuple(names.get(t, t) for t in targets),
                         recipient_ids=tuple(targets), changesets=len(infos), changes=manifest.changes, size=size,
                         path=Path(output) if output is not None else None, data=data)


# ---------------------------------------------------------------- import

def preview_import(session: Session, data: bytes | Path, progress: Progress | None = None) -> ImportPreview:
    """Everything ``import_bundle`` checks and counts, without changing anything (no audit either)."""
    session.require(Action.SYNC)
    summary = _import(session, data, dry_run=True, progress=progress)
    assert isinstance(summary, ImportPreview)
    return summary


def import_bundle(session: Session, data: bytes | Path, progress: Progress | None = None) -> ImportSummary:
    """Verify, decrypt, check and apply a bundle in one transaction; audited, refusals too.

    A bundle imported before changes nothing (``already_imported``). Raises BundleError (exit 4)
    for a damaged or altered bundle, BundleRefusedError or ValidationError (exit 1) for one this
    site will not take; either way the database is unchanged apart from one audit event.
    """
    session.require(Action.SYNC)
    return _import(session, data, dry_run=False, progress=progress)


def _import(session: Session, source: bytes | Path, *, dry_run: bool, progress: Progress | None) -> ImportSummary:
    conn = session.db
    prefix = _read_prefix(source)
    sender = ""
    try:
        sender = read_bundle_header(prefix).sender_site_id
        with page_cache(conn, IMPORT_CACHE_KIB):
            return _run_import(session, source, sender=sender, dry_run=dry_run, progress=progress)
    except AlreadyImported as done:
        _rollback(session)
        return _summary(session, done.manifest, None, dry_run=dry_run, already=True)
    except EntreError as error:
        _rollback(session)
        refused = _as_refusal(error)
        if not dry_run:
            session.audit(AuditAction.IMPORT, target=sender, detail=f"refused reason={_reason(refused)}")
        raise refused from (error if refused is not error else None)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _run_import(session: Session, source: bytes | Path, *, sender: str, dry_run: bool,
                progress: Progress | None) -> ImportSummary:
    conn = session.db
    keys = site_keys(session, create=not dry_run)
    trusted, revoked = trusted_identities(session)
    importer = BundleImport(conn, me=keys.site_id, sender=sender, identities=trusted, now_iso=session.now_iso(),
                            user_name=session.user.name, check_clock=_clock_check(session), progress=progress)

    def feed(chunk: bytes) -> None:
        try:
            importer.feed(chunk)
        except (dbapi2.IntegrityError, dbapi2.InterfaceError, dbapi2.ProgrammingError, dbapi2.DataError) as error:
            # A verified change this database cannot take (a constraint, a value of a type it cannot
            # store): a refusal like any other, rolled back and audited once.
            raise _rejected(sender, error) from None

    open_bundle_stream(source, me=keys, trusted=trusted, revoked=revoked, sink=feed)
    try:
        result = importer.complete()
    except dbapi2.IntegrityError as error:
        raise _rejected(sender, error) from None
    summary = _summary(session, result.manifest, result, dry_run=dry_run, already=False)
    if dry_run:
        conn.execute("ROLLBACK")
        return summary
    if result.manifest.max_hlc is not None:
        session.hlc.observe(Stamp.parse(result.manifest.max_hlc))
    sync_repo.set_meta(conn, "hlc_last", str(session.hlc.last))
    session.audit(AuditAction.IMPORT, target=sender,
                  detail=f"bundle={result.manifest.bundle_id} changesets={result.applied_sets}"
                         f" changes={summary.records} held={result.held_sets} conflicts={result.new_conflicts}")
    try:
        conn.execute("COMMIT")
    except dbapi2.IntegrityError:
        raise BundleRefusedError(
            _("The bundle from site {site} holds changes to records that this site does not have yet, so it was "
              "not imported. Import the earlier bundles from that site first, or ask it to export with --all.",
              site=summary.sender_name),
            reason="missing_records",
        ) from None
    except dbapi2.OperationalError as error:
        raise StorageWriteError(_("The change could not be saved: {reason}. Nothing was changed.",
                                  reason=error)) from error
    return summary


def _read_prefix(source: bytes | Path) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source[:MAX_HEADER_LENGTH])
    try:
        with open(source, "rb") as handle:
            return handle.read(MAX_HEADER_LENGTH)
    except OSError as error:
        raise ValidationError(_("Cannot read {path}: {reason}.", path=source, reason=error.strerror or str(error)),
                              field="path") from None


def _clock_check(session: Session) -> Callable[[str], None]:
    def check(stamp: str) -> None:
        # A throwaway clock: refuses a stamp too far in the future without moving this site's clock.
        HybridLogicalClock(session.clock, session.site_id).observe(Stamp.parse(stamp))

    return check


def _rollback(session: Session) -> None:
    if session.db.in_transaction:
        session.db.execute("ROLLBACK")


def _as_refusal(error: EntreError) -> EntreError:
    reason = getattr(error, "reason", "")
    version = getattr(error, "version", 0)
    if reason in _REFUSAL_REASONS or (reason == "unsupported_version" and version > max(SUPPORTED_VERSIONS)):
        return BundleRefusedError(error.message, reason=reason)
    return error


def _reason(error: EntreError) -> str:
    reason = str(getattr(error, "reason", "") or type(error).__name__)
    detail = getattr(error, "detail", "")
    return f"{reason} ({detail})" if detail else reason


class ChangeRejectedError(BundleError):
    reason = "change_rejected"


def _rejected(sender: str, error: Exception) -> ChangeRejectedError:
    return ChangeRejectedError(
        _("A change in the bundle cannot be applied here ({reason}). Nothing was imported. The sending site may "
          "run a different version of Entré Desktop; update both, then export again.", reason=error),
        site_id=sender,
    )


def _summary(session: Session, manifest: Manifest, result: ImportResult | None, *, dry_run: bool,
             already: bool) -> ImportSummary:
    names = sync_repo.site_names(session.db)
    counts: dict[str, Any] = {}
    if result is not None:
        stats = result.stats
        counts = dict(
            applied_changesets=result.applied_sets, duplicate_changesets=result.duplicate_sets,
            held_changesets=result.held_sets, new_conflicts=result.new_conflicts, conflicts=result.conflicts,
            gaps=tuple(Gap(o, names.get(o, o), first, last) for o, first, last in result.gaps),
            untrusted={names.get(o, o): n for o, n in result.untrusted.items()},
            clients=len(stats.clients), added=dict(stats.inserted), changed=dict(stats.updated),
            deleted=dict(stats.deleted), purged=dict(stats.purged), dropped=stats.dropped,
        )
    kind = ImportPreview if dry_run else ImportSummary
    return kind(bundle_id=manifest.bundle_id, sender_id=manifest.sender,
                sender_name=names.get(manifest.sender, manifest.sender), created_at=manifest.created_at,
                dry_run=dry_run, already_imported=already, changesets=len(manifest.changesets),
                changes=manifest.changes, **counts)
