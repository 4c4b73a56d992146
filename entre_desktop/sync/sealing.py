"""Sealing: turning this site's new change-log entries into signed change sets.

Sealing happens once per change: each change set covers a range of this site's change-log
sequence numbers that no other change set covers, and is stored (``sync_changeset``) exactly as
signed. Every later export, to any site, sends the same bytes, and so do the sites that relay it;
that is what lets a receiver tell "already have it" from "new" by (origin, first sequence number),
and check the origin's signature whichever site passed the change set on.

Changes to records purged since are left out (their data is already erased from the change log);
the range still covers their sequence numbers, so acknowledgements stay contiguous.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from entre_desktop.storage import sync_repo
from entre_desktop.storage.connection import Connection
from entre_desktop.sync.identity import SiteKeys
from entre_desktop.sync.payload import change_json, changeset_frame_body, encode_changeset, frame_hash
from entre_desktop.sync.signing import sign_changeset

MAX_CHANGES_PER_SET = 1000
MAX_SET_BYTES = 4 * 1024 * 1024
COMPRESSION_LEVEL = 1
_READ_SLICE = 5000


class _Batch:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0
        self.first_seq = 0
        self.last_seq = 0
        self.min_hlc = ""
        self.max_hlc = ""

    def add(self, seq: int, hlc: str, line: str | None) -> None:
        self.first_seq = self.first_seq or seq
        self.last_seq = seq
        if line is not None:
            self.lines.append(line)
            self.size += len(line)
            self.min_hlc = self.min_hlc or hlc
            self.max_hlc = hlc

    def full(self) -> bool:
        return len(self.lines) >= MAX_CHANGES_PER_SET or self.size >= MAX_SET_BYTES


def seal_local_changes(conn: Connection, keys: SiteKeys, *, now_iso: str,
                       progress: Callable[[int], None] | None = None) -> int:
    """Seal every change logged since the last seal; returns how many change sets were made.

    Call inside a transaction. Memory stays bounded: one change set is built at a time.
    """
    site = keys.site_id
    sealed = sync_repo.applied_vector(conn).get(site, 0)
    purged = set(sync_repo.purge_register(conn))
    made = 0
    batch = _Batch()
    for seq, hlc, table, record_id, op, data in list_changes(conn, sealed):
        if (table, record_id) in purged and op != "purge":
            batch.add(seq, hlc, None)
        else:
            parents: dict[str, list[str]] = {}
            author = ""
            if op in ("update", "delete"):
                parents, author = sync_repo.write_parents(conn, table, record_id, hlc)
            batch.add(seq, hlc, change_json(
                seq=seq, hlc=hlc, table=table, record_id=record_id, op=op,
                data_json="{}" if op == "delete" else data,
                parents_json=json.dumps(parents, sort_keys=True), author=author,
            ))
        if batch.full():
            _store(conn, keys, batch, now_iso)
            made += 1
            if progress:
                progress(made)
            batch = _Batch()
    if batch.first_seq:
        _store(conn, keys, batch, now_iso)
        made += 1
    return made


def list_changes(conn: Connection, after: int) -> Iterator[tuple[int, str, str, str, str, str]]:
    """The change log after ``after``, read in slices: bounded memory, and no read cursor stays
    open while change sets are stored."""
    while True:
        rows = sync_repo.local_changes_after(conn, after, limit=_READ_SLICE)
        if not rows:
            return
        yield from rows
        after = rows[-1][0]


def _store(conn: Connection, keys: SiteKeys, batch: _Batch, now_iso: str) -> None:
    header = {"origin": keys.site_id, "first_seq": batch.first_seq, "last_seq": batch.last_seq,
              "count": len(batch.lines), "min_hlc": batch.min_hlc, "max_hlc": batch.max_hlc}
    body = encode_changeset(header, ("[" + ",".join(batch.lines) + "]").encode("utf-8"), level=COMPRESSION_LEVEL)
    signature = sign_changeset(body, keys)
    sync_repo.insert_changeset(
        conn, origin=keys.site_id, first_seq=batch.first_seq, last_seq=batch.last_seq, changes=len(batch.lines),
        min_hlc=batch.min_hlc, max_hlc=batch.max_hlc, sha256=frame_hash(changeset_frame_body(signature, body)),
        body=body, signature=signature, applied=True, received_at=now_iso,
    )
    sync_repo.set_applied(conn, keys.site_id, batch.last_seq)
