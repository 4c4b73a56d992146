"""SQL for sync: site keys and trust, change sets, acknowledgements, field history, purges.

Table and column names that reach an f-string here have been checked by the caller against the
schema (``table_columns``) or come from ``sqlite_master``; values are always bound parameters.
Nothing here imports ``records`` at module level, because ``records`` imports this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from entre_desktop.storage.connection import Connection

SEALED_KEY = "sync_sealed_seq"


# ---------------------------------------------------------------- keys and trust

def load_site_keys(conn: Connection, site_id: str) -> str | None:
    row = conn.execute("SELECT keys FROM sync_site_keys WHERE site_id = ?", (site_id,)).fetchone()
    return str(row[0]) if row else None


def store_site_keys(conn: Connection, site_id: str, keys_json: str) -> None:
    conn.execute("INSERT INTO sync_site_keys (site_id, keys) VALUES (?, ?)", (site_id, keys_json))


@dataclass(frozen=True)
class TrustedSiteRow:
    site_id: str
    site_name: str
    identity: str
    fingerprint: str
    trusted_at: str
    trusted_by: str
    revoked_at: str | None
    revoked_by: str | None
    revoke_reason: str


_TRUST_COLUMNS = "site_id, site_name, identity, fingerprint, trusted_at, trusted_by, revoked_at, revoked_by, revoke_reason"


def trusted_sites(conn: Connection) -> list[TrustedSiteRow]:
    rows = conn.execute(f"SELECT {_TRUST_COLUMNS} FROM sync_trusted_site ORDER BY site_name, site_id").fetchall()
    return [TrustedSiteRow(*r) for r in rows]


def trusted_site(conn: Connection, site_id: str) -> TrustedSiteRow | None:
    row = conn.execute(f"SELECT {_TRUST_COLUMNS} FROM sync_trusted_site WHERE site_id = ?", (site_id,)).fetchone()
    return TrustedSiteRow(*row) if row else None


def upsert_trusted_site(conn: Connection, *, site_id: str, site_name: str, identity: str, fingerprint: str,
                        trusted_at: str, trusted_by: str) -> None:
    """Trust a site (again): a new identity replaces the old one and lifts a revocation."""
    conn.execute(
        f"INSERT INTO sync_trusted_site ({_TRUST_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, '')"
        " ON CONFLICT (site_id) DO UPDATE SET site_name = excluded.site_name, identity = excluded.identity,"
        " fingerprint = excluded.fingerprint, trusted_at = excluded.trusted_at, trusted_by = excluded.trusted_by,"
        " revoked_at = NULL, revoked_by = NULL, revoke_reason = ''",
        (site_id, site_name, identity, fingerprint, trusted_at, trusted_by),
    )


def revoke_site(conn: Connection, site_id: str, *, revoked_at: str, revoked_by: str, reason: str) -> None:
    conn.execute(
        "UPDATE sync_trusted_site SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE site_id = ?",
        (revoked_at, revoked_by, reason, site_id),
    )


def site_names(conn: Connection) -> dict[str, str]:
    """Names of the sites this database knows, from the synced site table and the trust store."""
    names = {str(r[0]): str(r[1]) for r in conn.execute("SELECT id, name FROM site")}
    names.update({str(r[0]): str(r[1]) for r in conn.execute("SELECT site_id, site_name FROM sync_trusted_site")})
    return names


# ---------------------------------------------------------------- local changes and sealing

def local_changes_after(conn: Connection, seq: int, *, limit: int) -> list[tuple[int, str, str, str, str, str]]:
    """This site's change log after ``seq``, oldest first: (seq, hlc, table, record id, op, data)."""
    rows = conn.execute(
        "SELECT seq, hlc, table_name, record_id, op, data FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?",
        (seq, limit),
    ).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in rows]


def write_parents(conn: Connection, table: str, record_id: str, stamp: str) -> tuple[dict[str, list[str]], str]:
    """The parents of each field written by the local change ``stamp``, and its author."""
    parents: dict[str, list[str]] = {}
    author = ""
    for column, text, who in conn.execute(
        "SELECT column_name, parents, author FROM sync_field_write"
        " WHERE table_name = ? AND record_id = ? AND hlc = ? AND known = 1",
        (table, record_id, stamp),
    ):
        parents[str(column)] = json.loads(text) if text else []
        author = author or str(who)
    return parents, author


@dataclass(frozen=True)
class StoredChangeset:
    id: int
    origin_site: str
    first_seq: int
    last_seq: int
    changes: int
    min_hlc: str
    max_hlc: str
    sha256: str
    applied: bool


_SET_COLUMNS = "id, origin_site, first_seq, last_seq, changes, min_hlc, max_hlc, sha256, applied"


def insert_changeset(conn: Connection, *, origin: str, first_seq: int, last_seq: int, changes: int, min_hlc: str,
                     max_hlc: str, sha256: str, body: bytes, signature: bytes, applied: bool,
                     received_at: str) -> int:
    cursor = conn.execute(
        "INSERT INTO sync_changeset (origin_site, first_seq, last_seq, changes, min_hlc, max_hlc, sha256, body,"
        " signature, applied, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (origin, first_seq, last_seq, changes, min_hlc, max_hlc, sha256, body, signature, int(applied), received_at),
    )
    return int(cursor.lastrowid or 0)


def changeset_known(conn: Connection, origin: str, first_seq: int) -> bool:
    return conn.execute(
        "SELECT 1 FROM sync_changeset WHERE origin_site = ? AND first_seq = ?", (origin, first_seq)
    ).fetchone() is not None


def changeset_hash(conn: Connection, origin: str, first_seq: int) -> str | None:
    """The SHA-256 of the stored change set of ``origin`` starting at ``first_seq``, if there is one."""
    row = conn.execute(
        "SELECT sha256 FROM sync_changeset WHERE origin_site = ? AND first_seq = ?", (origin, first_seq)
    ).fetchone()
    return str(row[0]) if row else None


def exportable_changesets(conn: Connection) -> list[StoredChangeset]:
    """Every applied change set (this site's own and those received), per origin in order."""
    rows = conn.execute(
        f"SELECT {_SET_COLUMNS} FROM sync_changeset WHERE applied = 1 ORDER BY origin_site, first_seq"
    ).fetchall()
    return [StoredChangeset(int(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]), str(r[5]), str(r[6]), str(r[7]),
                            bool(r[8])) for r in rows]


def changeset_content(conn: Connection, changeset_id: int) -> tuple[bytes, bytes]:
    """(signature, body) of a stored change set."""
    row = conn.execute("SELECT signature, body FROM sync_changeset WHERE id = ?", (changeset_id,)).fetchone()
    return bytes(row[0]), bytes(row[1])


def held_changeset(conn: Connection, origin: str, first_seq: int) -> tuple[int, int, bytes] | None:
    """A held change set of ``origin`` starting at ``first_seq``: (id, last seq, body)."""
    row = conn.execute(
        "SELECT id, last_seq, body FROM sync_changeset WHERE origin_site = ? AND first_seq = ? AND applied = 0",
        (origin, first_seq),
    ).fetchone()
    return (int(row[0]), int(row[1]), bytes(row[2])) if row else None


def held_ranges(conn: Connection) -> list[tuple[str, int]]:
    """(origin, first seq) of the earliest held change set of each origin."""
    rows = conn.execute(
        "SELECT origin_site, min(first_seq) FROM sync_changeset WHERE applied = 0 GROUP BY origin_site"
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def count_held(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_changeset WHERE applied = 0").fetchone()[0])


def mark_applied(conn: Connection, changeset_id: int) -> None:
    conn.execute("UPDATE sync_changeset SET applied = 1 WHERE id = ?", (changeset_id,))


# ---------------------------------------------------------------- version vectors and acknowledgements

def applied_vector(conn: Connection) -> dict[str, int]:
    """For each origin site, the sequence number up to which every change is applied here."""
    return {str(o): int(s) for o, s in conn.execute("SELECT origin_site, applied_seq FROM sync_origin_state")}


def set_applied(conn: Connection, origin: str, seq: int) -> None:
    conn.execute(
        "INSERT INTO sync_origin_state (origin_site, applied_seq) VALUES (?, ?) ON CONFLICT (origin_site)"
        " DO UPDATE SET applied_seq = max(applied_seq, excluded.applied_seq)",
        (origin, seq),
    )


def peer_acks(conn: Connection, peer: str) -> dict[str, int]:
    return {
        str(o): int(s)
        for o, s in conn.execute("SELECT origin_site, seq FROM sync_peer_ack WHERE peer_site = ?", (peer,))
    }


def record_acks(conn: Connection, peer: str, acks: Mapping[str, int]) -> None:
    """``peer`` holds exactly these changes (its version vector when it made the bundle).

    They replace what was recorded before, so acknowledgements can shrink: a peer restored from a
    backup has lost changes it once acknowledged, and only its own word brings them back into the
    next export. An older bundle imported late costs no more than a few change sets sent again
    (the receiver skips them as duplicates).
    """
    conn.execute("DELETE FROM sync_peer_ack WHERE peer_site = ?", (peer,))
    conn.executemany(
        "INSERT INTO sync_peer_ack (peer_site, origin_site, seq) VALUES (?, ?, ?)",
        ((peer, origin, seq) for origin, seq in acks.items()),
    )


def bundle_seen(conn: Connection, bundle_id: str) -> bool:
    return conn.execute("SELECT 1 FROM sync_bundle_seen WHERE bundle_id = ?", (bundle_id,)).fetchone() is not None


def record_bundle(conn: Connection, *, bundle_id: str, sender: str, created_at: str, imported_at: str,
                  imported_by: str, changesets: int, changes: int) -> None:
    conn.execute(
        "INSERT INTO sync_bundle_seen (bundle_id, sender_site, created_at, imported_at, imported_by, changesets,"
        " changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, sender, created_at, imported_at, imported_by, changesets, changes),
    )


def last_import_from(conn: Connection, sender: str) -> str | None:
    row = conn.execute("SELECT max(imported_at) FROM sync_bundle_seen WHERE sender_site = ?", (sender,)).fetchone()
    return str(row[0]) if row and row[0] else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# ---------------------------------------------------------------- schema facts

@dataclass(frozen=True)
class ColumnInfo:
    name: str
    declared_type: str
    not_null: bool
    has_default: bool
    primary_key: bool


def table_columns(conn: Connection, table: str) -> dict[str, ColumnInfo]:
    """The columns of ``table`` (which the caller has checked is a synced table)."""
    return {
        str(r[1]): ColumnInfo(str(r[1]), str(r[2]).upper(), bool(r[3]), r[4] is not None, bool(r[5]))
        for r in conn.execute(f"PRAGMA table_info({table})")
    }


@dataclass(frozen=True)
class ForeignKey:
    child_table: str
    child_column: str
    parent_table: str
    not_null: bool


def foreign_keys(conn: Connection) -> list[ForeignKey]:
    """Every single-column foreign key of every table."""
    keys = []
    tables = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%'"
    )]
    for table in tables:
        info = {str(r[1]): bool(r[3]) for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for row in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
            keys.append(ForeignKey(table, str(row[3]), str(row[2]), info.get(str(row[3]), False)))
    return keys


def guard_triggers(conn: Connection, tables: Iterable[str]) -> list[tuple[str, str]]:
    """(name, sql) of the triggers on ``tables`` that refuse changes (RAISE(ABORT, …))."""
    wanted = list(tables)
    marks = ", ".join("?" for _ in wanted)
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})"
        " AND upper(sql) LIKE '%RAISE%ABORT%' ORDER BY name",
        wanted,
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def drop_trigger(conn: Connection, name: str) -> None:
    conn.execute(f'DROP TRIGGER "{name}"')


def create_trigger(conn: Connection, sql: str) -> None:
    conn.execute(sql)


# ---------------------------------------------------------------- data rows

def row_exists(conn: Connection, table: str, record_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is not None


def created_stamp(conn: Connection, table: str, record_id: str) -> str | None:
    row = conn.execute(f"SELECT created_hlc FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return str(row[0]) if row else None


def set_field(conn: Connection, table: str, record_id: str, column: str | None, value: Any, stamp: str) -> None:
    """Show ``value`` in ``column`` (None: only move ``updated_hlc``, which is the newest stamp seen)."""
    if column is None:
        conn.execute(f"UPDATE {table} SET updated_hlc = max(updated_hlc, ?) WHERE id = ?", (stamp, record_id))
    else:
        conn.execute(f"UPDATE {table} SET {column} = ?, updated_hlc = max(updated_hlc, ?) WHERE id = ?",
                     (value, stamp, record_id))


def null_references(conn: Connection, table: str, column: str, record_id: str) -> None:
    conn.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} = ?", (record_id,))


def client_of(conn: Connection, table: str, record_id: str) -> str | None:
    """The client a record belongs to (``table`` has a client_id column)."""
    row = conn.execute(f"SELECT client_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return str(row[0]) if row else None


def referencing_ids(conn: Connection, table: str, column: str, record_id: str) -> list[str]:
    return [str(r[0]) for r in conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (record_id,))]


# ---------------------------------------------------------------- field history

@dataclass(frozen=True)
class FieldWrite:
    hlc: str
    value: str | None
    author: str


def heads(conn: Connection, table: str, record_id: str, column: str) -> list[FieldWrite] | None:
    """The writes of a field that no known write replaced, oldest first; None: never updated."""
    rows = conn.execute(
        "SELECT hlc, value, author, superseded FROM sync_field_write"
        " WHERE table_name = ? AND record_id = ? AND column_name = ? ORDER BY hlc",
        (table, record_id, column),
    ).fetchall()
    if not rows:
        return None
    return [FieldWrite(str(r[0]), r[1], str(r[2])) for r in rows if not r[3]]


def add_write(conn: Connection, *, table: str, record_id: str, column: str, stamp: str, value: str,
              parents: Iterable[str], author: str = "") -> bool | None:
    """Record one write of a field with the writes it replaced.

    Returns None for a write already known, True when the write is now the field's head with the
    highest stamp (so its value is the one shown), False otherwise.
    """
    key = (table, record_id, column)
    row = conn.execute(
        "SELECT known FROM sync_field_write WHERE table_name = ? AND record_id = ? AND column_name = ? AND hlc = ?",
        (*key, stamp),
    ).fetchone()
    if row is not None and row[0]:
        return None
    parent_list = sorted(set(parents))
    conn.executemany(
        "INSERT INTO sync_field_write (table_name, record_id, column_name, hlc, known, superseded) VALUES"
        " (?, ?, ?, ?, 0, 1) ON CONFLICT DO UPDATE SET superseded = 1, value = NULL",
        ((*key, parent) for parent in parent_list),
    )
    if row is None:
        conn.execute(
            "INSERT INTO sync_field_write (table_name, record_id, column_name, hlc, known, superseded, value, parents,"
            " author) VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?)",
            (*key, stamp, value, json.dumps(parent_list), author),
        )
    else:
        conn.execute(
            "UPDATE sync_field_write SET known = 1, parents = ?, author = ?"
            " WHERE table_name = ? AND record_id = ? AND column_name = ? AND hlc = ?",
            (json.dumps(parent_list), author, *key, stamp),
        )
    top = conn.execute(
        "SELECT max(hlc) FROM sync_field_write"
        " WHERE table_name = ? AND record_id = ? AND column_name = ? AND superseded = 0",
        key,
    ).fetchone()[0]
    return bool(top == stamp)


def add_parents(conn: Connection, *, table: str, record_id: str, column: str, stamp: str,
                parents: Iterable[str], author: str) -> None:
    """Let the known write ``stamp`` replace more writes (a conflict resolution replaces every head)."""
    row = conn.execute(
        "SELECT parents FROM sync_field_write WHERE table_name = ? AND record_id = ? AND column_name = ? AND hlc = ?",
        (table, record_id, column, stamp),
    ).fetchone()
    merged = sorted(set(json.loads(row[0] or "[]")) | set(parents))
    conn.executemany(
        "INSERT INTO sync_field_write (table_name, record_id, column_name, hlc, known, superseded) VALUES"
        " (?, ?, ?, ?, 0, 1) ON CONFLICT DO UPDATE SET superseded = 1, value = NULL",
        ((table, record_id, column, parent) for parent in merged),
    )
    conn.execute(
        "UPDATE sync_field_write SET parents = ?, author = ?"
        " WHERE table_name = ? AND record_id = ? AND column_name = ? AND hlc = ?",
        (json.dumps(merged), author, table, record_id, column, stamp),
    )


def field_winners(conn: Connection, table: str, record_id: str) -> list[tuple[str, str, str | None]]:
    """(column, stamp, value) of the highest-stamped head of each updated field of a record."""
    rows = conn.execute(
        "SELECT column_name, max(hlc), value FROM sync_field_write"
        " WHERE table_name = ? AND record_id = ? AND superseded = 0 GROUP BY column_name",
        (table, record_id),
    ).fetchall()
    return [(str(r[0]), str(r[1]), r[2]) for r in rows]


def newest_write(conn: Connection, table: str, record_id: str) -> str | None:
    row = conn.execute(
        "SELECT max(hlc) FROM sync_field_write WHERE table_name = ? AND record_id = ? AND known = 1",
        (table, record_id),
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def orphan_records(conn: Connection) -> set[tuple[str, str]]:
    return {(str(t), str(r)) for t, r in conn.execute("SELECT table_name, record_id FROM sync_orphan_write")}


def add_orphan(conn: Connection, table: str, record_id: str) -> None:
    conn.execute("INSERT OR IGNORE INTO sync_orphan_write (table_name, record_id) VALUES (?, ?)", (table, record_id))


def remove_orphan(conn: Connection, table: str, record_id: str) -> None:
    conn.execute("DELETE FROM sync_orphan_write WHERE table_name = ? AND record_id = ?", (table, record_id))


def conflicted_fields(conn: Connection) -> list[tuple[str, str, str]]:
    """(table, record id, column) of every field with more than one head (values may agree)."""
    rows = conn.execute(
        "SELECT table_name, record_id, column_name FROM sync_field_write WHERE superseded = 0"
        " GROUP BY table_name, record_id, column_name HAVING count(*) > 1 ORDER BY 1, 2, 3"
    ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


# ---------------------------------------------------------------- purges

def purge_register(conn: Connection) -> dict[tuple[str, str], str | None]:
    return {(str(t), str(r)): (str(h) if h is not None else None)
            for t, r, h in conn.execute("SELECT table_name, record_id, hlc FROM sync_purge")}


def register_purge(conn: Connection, table: str, record_id: str, stamp: str | None) -> bool:
    """Add to the purge register (keeping the highest purge stamp); True if it was not there yet."""
    row = conn.execute(
        "SELECT hlc FROM sync_purge WHERE table_name = ? AND record_id = ?", (table, record_id)
    ).fetchone()
    if row is None:
        conn.execute("INSERT INTO sync_purge (table_name, record_id, hlc) VALUES (?, ?, ?)", (table, record_id, stamp))
        return True
    if stamp is not None and (row[0] is None or stamp > row[0]):
        conn.execute("UPDATE sync_purge SET hlc = ? WHERE table_name = ? AND record_id = ?", (stamp, table, record_id))
    return False


def erase_record(conn: Connection, table: str, record_id: str) -> None:
    """Remove a purged record, its field history, and the data its logged changes carried."""
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
    conn.execute("DELETE FROM sync_field_write WHERE table_name = ? AND record_id = ?", (table, record_id))
    conn.execute("DELETE FROM sync_orphan_write WHERE table_name = ? AND record_id = ?", (table, record_id))
    conn.execute(
        "UPDATE change_log SET data = '{}' WHERE table_name = ? AND record_id = ? AND op <> 'purge' AND data <> '{}'",
        (table, record_id),
    )


# ---------------------------------------------------------------- local writes (called by RecordWriter)

def record_local_writes(conn: Connection, table: str, record_id: str, values: Mapping[str, Any], stamp: str, *,
                        author: str = "") -> None:
    """Record a local update (or tombstone) of ``values`` in the field history, with its parents."""
    from entre_desktop.sync import merge

    created: str | None = None
    for column, value in values.items():
        current = heads(conn, table, record_id, column)
        if current is None:
            created = created or created_stamp(conn, table, record_id)
            parents = [created] if created else []
        else:
            parents = merge.parents_of_edit(current)
        add_write(conn, table=table, record_id=record_id, column=column, stamp=stamp,
                  value=merge.encode_value(value), parents=parents, author=author)


def purge(conn: Connection, table: str, record_id: str, stamp: str | None, *, synced: frozenset[str],
          keys: list[ForeignKey] | None = None) -> list[tuple[str, str]]:
    """Purge a record and every synced record that cannot exist without it; returns what was newly purged.

    A record referring to it through a column that may be empty keeps existing, with that column
    emptied. ``stamp`` is the purge's own stamp (None: purged because a record it belongs to was).
    """
    keys = keys if keys is not None else foreign_keys(conn)
    purged: list[tuple[str, str]] = []
    if register_purge(conn, table, record_id, stamp):
        _erase_tree(conn, table, record_id, synced, keys, purged)
    return purged


def _erase_tree(conn: Connection, table: str, record_id: str, synced: frozenset[str], keys: list[ForeignKey],
                purged: list[tuple[str, str]]) -> None:
    purged.append((table, record_id))
    for key in keys:
        if key.parent_table != table:
            continue
        if key.not_null and key.child_table in synced:
            for child in referencing_ids(conn, key.child_table, key.child_column, record_id):
                if register_purge(conn, key.child_table, child, None):
                    _erase_tree(conn, key.child_table, child, synced, keys, purged)
        elif not key.not_null:
            null_references(conn, key.child_table, key.child_column, record_id)
    erase_record(conn, table, record_id)
