"""Insert-only, hash-chained audit log.

Each event's hash covers the previous event's hash and the event's own fields, so editing,
deleting or reordering any event breaks the chain from there on. The chain's head (length and
last hash) is also kept in ``meta``, so removing events from the end is detected too.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from enum import StrEnum

from entre_desktop.storage.connection import Connection

GENESIS = "0" * 64


class AuditAction(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    VIEW_CLIENT = "view_client"
    SEARCH = "search"
    LIST_CLIENTS = "list_clients"
    CREATE = "create"
    UPDATE = "update"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    ROLE_CHANGE = "role_change"
    USER_ADDED = "user_added"
    USER_REMOVED = "user_removed"
    PASSPHRASE_CHANGED = "passphrase_changed"
    REKEY = "rekey"
    PURGE = "purge"
    DISCLOSURE = "disclosure"
    DEMO_GENERATED = "demo_generated"
    DATABASE_CREATED = "database_created"


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    id: str
    at: str
    site_id: str
    user_name: str
    action: str
    target: str
    detail: str
    reason: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_broken_seq: int | None
    problem: str

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None and not self.problem


def event_hash(*, prev_hash: str, seq: int, id: str, at: str, site_id: str, user_name: str,
               action: str, target: str, detail: str, reason: str) -> str:
    body = json.dumps(
        [prev_hash, seq, id, at, site_id, user_name, action, target, detail, reason],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _head(conn: Connection) -> tuple[int, str]:
    """The recorded head; ValueError when it is not ``<seq>:<hash>`` (it was tampered with)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if row is None:
        return 0, GENESIS
    seq, digest = str(row[0]).split(":", 1)
    return int(seq), digest


def append(conn: Connection, *, at: str, site_id: str, user_name: str, action: AuditAction | str,
           target: str = "", detail: str = "", reason: str = "") -> AuditEvent:
    """Append one event. Call inside the transaction of the change it records."""
    last_seq, prev_hash = _head(conn)
    seq = last_seq + 1
    event_id = str(uuid.uuid4())
    digest = event_hash(prev_hash=prev_hash, seq=seq, id=event_id, at=at, site_id=site_id,
                        user_name=user_name, action=str(action), target=target, detail=detail, reason=reason)
    conn.execute(
        "INSERT INTO audit_event (seq, id, at, site_id, user_name, action, target, detail, reason, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, event_id, at, site_id, user_name, str(action), target, detail, reason, prev_hash, digest),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (f"{seq}:{digest}",),
    )
    return AuditEvent(seq, event_id, at, site_id, user_name, str(action), target, detail, reason, prev_hash, digest)


def verify_chain(conn: Connection) -> ChainReport:
    """Walk the chain; report the first event whose link or content does not verify."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    cursor = conn.execute(
        "SELECT seq, id, at, site_id, user_name, action, target, detail, reason, prev_hash, hash"
        " FROM audit_event ORDER BY seq"
    )
    for row in cursor:
        event = AuditEvent(*row)
        count += 1
        if event.seq != expected_seq:
            return ChainReport(count, expected_seq, "missing")
        recomputed = event_hash(prev_hash=event.prev_hash, seq=event.seq, id=event.id, at=event.at,
                                site_id=event.site_id, user_name=event.user_name, action=event.action,
                                target=event.target, detail=event.detail, reason=event.reason)
        if event.prev_hash != expected_prev:
            return ChainReport(count, event.seq, "link")
        if recomputed != event.hash:
            return ChainReport(count, event.seq, "content")
        expected_prev = event.hash
        expected_seq += 1
    try:
        head_seq, head_hash = _head(conn)
    except ValueError:
        return ChainReport(count, max(count, 1), "head")
    if head_seq > count:
        # Events were cut off the end: the first missing one is the first broken link.
        return ChainReport(count, count + 1, "head")
    if head_seq < count:
        # Events appended behind the log's back (append() always moves the head).
        return ChainReport(count, head_seq + 1, "head")
    if head_hash != expected_prev:
        return ChainReport(count, max(count, 1), "head")
    return ChainReport(count, None, "")


def recent(conn: Connection, *, limit: int = 200, action: str | None = None,
           user_name: str | None = None, target: str | None = None) -> list[AuditEvent]:
    clauses, params = [], []
    for column, value in (("action", action), ("user_name", user_name), ("target", target)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        "SELECT seq, id, at, site_id, user_name, action, target, detail, reason, prev_hash, hash"
        f" FROM audit_event {where} ORDER BY seq DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [AuditEvent(*r) for r in rows]
