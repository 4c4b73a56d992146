"""The exchange folder: a shared folder (or a removable drive) where sites drop bundles for each other.

One synchronisation imports every new bundle in the folder addressed to this site, then writes one
bundle for every trusted site. File names say who a bundle is for, so a site skips the bundles of
others without opening them:

    entre-<sender>-to-<recipient>-<YYYYMMDD-HHMMSS>-for-<first 8 hex digits of the recipient's id>.entre

Files named otherwise (renamed by hand, made with ``entre sync export``) are opened and checked.
After writing a new bundle for a site, this site's older bundles for that site are removed: the new
one carries every change that site has not acknowledged, so the older ones add nothing.

Threading: like every service, on the thread that owns the session (the UI's DB worker).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from entre_desktop.errors import EntreError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.roles import Action
from entre_desktop.services.session import Session
from entre_desktop.services.sync import ExportSummary, ImportSummary, export_bundle, import_bundle
from entre_desktop.services.sync_sites import site_keys, trusted_identities
from entre_desktop.storage import sync_repo
from entre_desktop.sync.envelope import BundleError
from entre_desktop.sync.sealing import seal_local_changes
from entre_desktop.sync.stream_envelope import MAX_HEADER_LENGTH, read_bundle_header

BUNDLE_SUFFIX = ".entre"
_ADDRESS = re.compile(r"-for-([0-9a-f]{8})(?:-\d+)?\.entre$")
# (what was done, done so far, how many in all): called on the worker thread.
Progress = Callable[[str, int, int], None]


class Outcome(StrEnum):
    IMPORTED = "imported"
    ALREADY_IMPORTED = "already_imported"
    NOT_FOR_THIS_SITE = "not_for_this_site"
    MADE_HERE = "made_here"
    UNTRUSTED_SENDER = "untrusted_sender"
    REFUSED = "refused"


@dataclass(frozen=True)
class FileResult:
    path: Path
    outcome: Outcome
    sender_name: str = ""
    summary: ImportSummary | None = None
    message: str = ""  # why a bundle was refused, from the core's error


@dataclass(frozen=True)
class ExchangeResult:
    folder: Path
    files: tuple[FileResult, ...] = ()
    exports: tuple[ExportSummary, ...] = ()
    removed: tuple[Path, ...] = ()
    skipped_sites: tuple[str, ...] = field(default=())  # trusted sites with nothing new to send

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def imported(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.outcome == Outcome.IMPORTED)

    @property
    def refused(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.outcome in (Outcome.REFUSED, Outcome.UNTRUSTED_SENDER))


def slug(name: str) -> str:
    """A site name as it appears in a file name: ASCII letters and digits joined by dashes."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "site"


def bundle_file_name(*, sender: str, recipient: str, recipient_id: str, when: dt.datetime) -> str:
    return (f"entre-{slug(sender)}-to-{slug(recipient)}-{when:%Y%m%d-%H%M%S}"
            f"-for-{recipient_id.replace('-', '')[:8]}{BUNDLE_SUFFIX}")


def addressed_to(name: str) -> str | None:
    """The recipient id prefix a file name carries, or None for a name without one."""
    match = _ADDRESS.search(name)
    return match.group(1) if match else None


def bundle_files(folder: Path) -> list[Path]:
    """The bundle files in ``folder``, oldest name first (names start with the time they were made)."""
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        raise ValidationError(
            _("Cannot open the exchange folder {path}: {reason}. Check that the drive is connected, or choose "
              "another folder.", path=folder, reason=error.strerror or str(error)),
            field="folder",
        ) from None
    return sorted((p for p in entries if p.suffix == BUNDLE_SUFFIX and not p.name.startswith(".") and p.is_file()),
                  key=lambda p: (p.stat().st_mtime_ns, p.name))


def synchronise(session: Session, folder: Path, progress: Progress | None = None) -> ExchangeResult:
    """Import the new bundles for this site from ``folder``, then write one for every trusted site."""
    session.require(Action.SYNC)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(
            _("The exchange folder {path} does not exist. Check that the drive is connected, or choose another "
              "folder.", path=folder),
            field="folder",
        )
    files = bundle_files(folder)
    results = []
    for done, path in enumerate(files, start=1):
        if progress:
            progress("import", done, len(files))
        results.append(_take(session, path))
    imported_any = any(r.summary is not None and r.summary.applied_changesets for r in results)
    exports, removed, skipped = _send(session, folder, imported_any, progress)
    return ExchangeResult(folder=folder, files=tuple(results), exports=tuple(exports), removed=tuple(removed),
                          skipped_sites=tuple(skipped))


def _take(session: Session, path: Path) -> FileResult:
    me = session.site_id.replace("-", "")[:8]
    address = addressed_to(path.name)
    if address is not None and address != me:
        return FileResult(path, Outcome.NOT_FOR_THIS_SITE)
    names = sync_repo.site_names(session.db)
    try:
        with open(path, "rb") as handle:
            sender = read_bundle_header(handle.read(MAX_HEADER_LENGTH)).sender_site_id
    except OSError as error:
        return FileResult(path, Outcome.REFUSED, message=_("Cannot read {path}: {reason}.", path=path.name,
                                                            reason=error.strerror or str(error)))
    except BundleError as error:
        return FileResult(path, Outcome.REFUSED, message=error.message)
    if sender == session.site_id:
        return FileResult(path, Outcome.MADE_HERE)
    trusted, _revoked = trusted_identities(session)
    if sender not in trusted:
        return FileResult(path, Outcome.UNTRUSTED_SENDER, sender_name=(names.get(sender) or ""),
                          message=_("This site does not trust the site that made it, or has revoked it."))
    try:
        summary = import_bundle(session, path)
    except EntreError as error:
        if getattr(error, "reason", "") == "not_addressed":
            return FileResult(path, Outcome.NOT_FOR_THIS_SITE, sender_name=(names.get(sender) or ""))
        return FileResult(path, Outcome.REFUSED, sender_name=(names.get(sender) or ""), message=error.message)
    outcome = Outcome.ALREADY_IMPORTED if summary.already_imported else Outcome.IMPORTED
    return FileResult(path, outcome, sender_name=summary.sender_name, summary=summary)


def pending_changes(session: Session, site_id: str) -> int:
    """How many changes ``site_id`` has not acknowledged (after sealing this site's new changes)."""
    keys = site_keys(session)
    with session.write():
        seal_local_changes(session.db, keys, now_iso=session.now_iso())
    acks = sync_repo.peer_acks(session.db, site_id)
    return sum(s.changes for s in sync_repo.exportable_changesets(session.db)
               if s.origin_site != site_id and acks.get(s.origin_site, 0) < s.last_seq)


def _send(session: Session, folder: Path, imported_any: bool,
          progress: Progress | None) -> tuple[list[ExportSummary], list[Path], list[str]]:
    """A bundle for every trusted site with changes to send; after an import, for every one (the
    bundle also carries acknowledgements, so the others stop sending what arrived here)."""
    trusted, _revoked = trusted_identities(session)
    names = sync_repo.site_names(session.db)
    exports: list[ExportSummary] = []
    removed: list[Path] = []
    skipped: list[str] = []
    targets = sorted(trusted, key=lambda site: (names.get(site) or site).casefold())
    for done, site in enumerate(targets, start=1):
        if progress:
            progress("export", done, len(targets))
        if not imported_any and pending_changes(session, site) == 0:
            skipped.append(names.get(site) or site)
            continue
        name = bundle_file_name(sender=session.site_name, recipient=(names.get(site) or site), recipient_id=site,
                                when=session.clock.now())
        target = _free_name(folder / name)
        summary = export_bundle(session, to=[site], output=target)
        exports.append(summary)
        removed.extend(_remove_older(session, folder, keep=target, recipient=site))
    return exports, removed, skipped


def _free_name(path: Path) -> Path:
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _remove_older(session: Session, folder: Path, *, keep: Path, recipient: str) -> list[Path]:
    address = recipient.replace("-", "")[:8]
    removed = []
    for path in bundle_files(folder):
        if path == keep or addressed_to(path.name) != address:
            continue
        try:
            with open(path, "rb") as handle:
                sender = read_bundle_header(handle.read(MAX_HEADER_LENGTH)).sender_site_id
        except (OSError, BundleError):
            continue
        if sender == session.site_id:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
