"""Reading a bundle's payload frame by frame and applying it inside one transaction.

``BundleImport.feed`` receives decrypted bytes as they come out of age. The first frame must be
the manifest: it has to name the envelope's verified sender and this site as a recipient, must not
be a bundle imported before, and its clock range must not lie in the future. Then each change set
must be the next one the manifest lists, with the hash it lists; its origin's signature is checked
(a relaying site cannot alter it), it is stored for relaying and applied, or held when earlier
change sets of its origin are missing (a gap). ``complete`` checks that nothing is missing, records
the sender's acknowledgements and the bundle. The caller owns COMMIT and ROLLBACK: the transaction
starts at the manifest and must be committed only after age has authenticated the whole stream.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from entre_desktop.i18n import _
from entre_desktop.storage import sync_repo
from entre_desktop.storage.connection import Connection
from entre_desktop.sync.apply import Applier, ApplyStats
from entre_desktop.sync.conflicts import conflict_keys
from entre_desktop.sync.envelope import BundleError
from entre_desktop.sync.identity import SiteIdentity
from entre_desktop.sync.payload import (
    FRAME_CHANGESET,
    FRAME_END,
    FRAME_MANIFEST,
    ChangesetInfo,
    FrameParser,
    Manifest,
    changeset_header,
    decode_changes,
    invalid,
    split_changeset_frame,
)
from entre_desktop.sync.signing import verify_changeset

Progress = Callable[[int, int], None]


class ReusedChangeNumbersError(BundleError):
    reason = "origin_reused_numbers"

    def __init__(self, origin: str, name: str) -> None:
        super().__init__(
            _("Site {site} has sent different changes under numbers it had used before: its database was "
              "restored from a backup, or copied to another computer, after it had sent bundles. Nothing was "
              "imported. Site {site} must be set up again from another site's data before its bundles can be "
              "accepted; its administrator finds the steps under 'Restoring a site that exchanges bundles' in "
              "the operations guide.", site=name),
            site_id=origin,
        )


class AlreadyImported(Exception):
    """Control flow: the bundle was imported before; stop reading it."""

    def __init__(self, manifest: Manifest) -> None:
        super().__init__(manifest.bundle_id)
        self.manifest = manifest


@dataclass
class ImportResult:
    manifest: Manifest
    applied_sets: int = 0
    held_sets: int = 0
    duplicate_sets: int = 0
    untrusted: Counter[str] = field(default_factory=Counter)
    gaps: list[tuple[str, int, int]] = field(default_factory=list)
    new_conflicts: int = 0
    conflicts: int = 0
    stats: ApplyStats = field(default_factory=ApplyStats)


class BundleImport:
    def __init__(self, conn: Connection, *, me: str, sender: str, identities: Mapping[str, SiteIdentity],
                 now_iso: str, user_name: str, check_clock: Callable[[str], None],
                 progress: Progress | None = None) -> None:
        self.conn = conn
        self.me = me
        self.sender = sender
        self.identities = identities
        self.now_iso = now_iso
        self.user_name = user_name
        self.check_clock = check_clock
        self.progress = progress
        self.parser = FrameParser()
        self.result: ImportResult | None = None
        self.applier: Applier | None = None
        self._index = 0
        self._vector: dict[str, int] = {}
        self._conflicts_before: set[tuple[str, str, str]] = set()
        self._done_changes = 0

    def feed(self, chunk: bytes) -> None:
        for kind, body in self.parser.feed(chunk):
            if self.result is None:
                if kind != FRAME_MANIFEST:
                    raise invalid("the manifest must come first", site_id=self.sender)
                self._manifest(Manifest.from_json(body))
            elif kind == FRAME_CHANGESET:
                self._changeset(body)
            elif kind == FRAME_MANIFEST:
                raise invalid("a second manifest", site_id=self.sender)
            elif kind == FRAME_END and self._index != len(self.result.manifest.changesets):
                raise invalid("change sets missing", site_id=self.sender)

    def _manifest(self, manifest: Manifest) -> None:
        if manifest.sender != self.sender:
            # The outer signature is over the ciphertext: a site that saw the bundle could re-sign it
            # as its own. The sender named inside the encryption settles who made it.
            raise invalid("the sender named inside is not the site that signed the bundle", site_id=self.sender)
        if self.me not in manifest.recipients:
            raise invalid("this site is not among the recipients named inside", site_id=self.sender)
        if sync_repo.bundle_seen(self.conn, manifest.bundle_id):
            raise AlreadyImported(manifest)
        if manifest.max_hlc is not None:
            self.check_clock(manifest.max_hlc)
        self.conn.execute("BEGIN IMMEDIATE")
        self.applier = Applier(self.conn)
        self.applier.begin()
        self._vector = sync_repo.applied_vector(self.conn)
        self._conflicts_before = conflict_keys(self.conn)
        self.result = ImportResult(manifest=manifest)
        self._report()

    def _changeset(self, body: bytes) -> None:
        assert self.result is not None and self.applier is not None
        sets = self.result.manifest.changesets
        if self._index >= len(sets):
            raise invalid("a change set the manifest does not list", site_id=self.sender)
        entry = sets[self._index]
        self._index += 1
        signed = split_changeset_frame(body)
        if signed.sha256 != entry.sha256:
            raise invalid("a change set does not match its hash in the manifest", site_id=self.sender)
        origin = entry.origin
        identity = self.identities.get(origin)
        if origin == self.me or identity is None:
            if origin != self.me:
                self.result.untrusted[origin] += 1
            return self._advance(entry)
        verify_changeset(signed.body, signed.signature, identity)
        info = changeset_header(signed.body)
        if _described(info) != _described(entry):
            raise invalid("a change set's header differs from the manifest", site_id=origin)
        applied = self._vector.get(origin, 0)
        known = sync_repo.changeset_hash(self.conn, origin, info.first_seq)
        if known is not None and known != signed.sha256:
            # The origin signed two different change sets for the same change numbers: it was
            # restored from a backup (or copied) after sending the first. Skipping the second as a
            # duplicate would lose its changes without a word.
            raise ReusedChangeNumbersError(origin, identity.site_name)
        if known is not None or info.last_seq <= applied:
            self.result.duplicate_sets += 1
            return self._advance(entry)
        if info.first_seq <= applied:
            raise ReusedChangeNumbersError(origin, identity.site_name)
        changes = decode_changes(signed.body, info)
        in_order = info.first_seq == applied + 1
        sync_repo.insert_changeset(
            self.conn, origin=origin, first_seq=info.first_seq, last_seq=info.last_seq, changes=info.count,
            min_hlc=info.min_hlc, max_hlc=info.max_hlc, sha256=signed.sha256, body=signed.body,
            signature=signed.signature, applied=in_order, received_at=self.now_iso,
        )
        if not in_order:
            return self._advance(entry)
        self.applier.apply(origin, changes)
        self._applied(origin, info.last_seq)
        self._apply_held(origin)
        self._advance(entry)

    def _apply_held(self, origin: str) -> None:
        """Change sets held earlier for want of this one can follow it now."""
        assert self.result is not None and self.applier is not None
        while (held := sync_repo.held_changeset(self.conn, origin, self._vector[origin] + 1)) is not None:
            changeset_id, _last, body = held
            info = changeset_header(body)
            self.applier.apply(origin, decode_changes(body, info))
            sync_repo.mark_applied(self.conn, changeset_id)
            self._applied(origin, info.last_seq)

    def _applied(self, origin: str, last_seq: int) -> None:
        assert self.result is not None
        self._vector[origin] = last_seq
        sync_repo.set_applied(self.conn, origin, last_seq)
        self.result.applied_sets += 1

    def _advance(self, entry: ChangesetInfo) -> None:
        self._done_changes += entry.count
        self._report()

    def _report(self) -> None:
        if self.progress and self.result is not None:
            self.progress(self._done_changes, self.result.manifest.changes)

    def complete(self) -> ImportResult:
        """After the whole stream was read and authenticated: the last checks and bookkeeping."""
        self.parser.finish()
        if self.result is None or self.applier is None:
            raise invalid("no manifest", site_id=self.sender)
        manifest = self.result.manifest
        if self._index != len(manifest.changesets):
            raise invalid("change sets missing", site_id=self.sender)
        sync_repo.record_acks(self.conn, self.sender, manifest.acks)
        sync_repo.record_bundle(
            self.conn, bundle_id=manifest.bundle_id, sender=self.sender, created_at=manifest.created_at,
            imported_at=self.now_iso, imported_by=self.user_name, changesets=len(manifest.changesets),
            changes=manifest.changes,
        )
        self.applier.end()
        after = conflict_keys(self.conn)
        self.result.conflicts = len(after)
        self.result.new_conflicts = len(after - self._conflicts_before)
        self.result.gaps = open_gaps(self.conn)
        self.result.held_sets = sync_repo.count_held(self.conn)
        self.result.stats = self.applier.stats
        return self.result


def open_gaps(conn: Connection) -> list[tuple[str, int, int]]:
    """(origin, first missing, last missing) for every origin with held change sets."""
    vector = sync_repo.applied_vector(conn)
    return [(origin, vector.get(origin, 0) + 1, first - 1) for origin, first in sync_repo.held_ranges(conn)]


def _described(info: ChangesetInfo) -> tuple[object, ...]:
    return (info.origin, info.first_seq, info.last_seq, info.count, info.min_hlc, info.max_hlc)
