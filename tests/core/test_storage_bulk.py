"""Bulk inserts (storage.bulk, RecordWriter.insert_many), the CHECK constraints of migration 5 and the
deferred foreign keys of migration 7."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.clock import FixedClock
from entre_desktop.security import kdf
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services.database import create_database, unlock_database
from entre_desktop.services.session import Session
from entre_desktop.storage import bulk
from entre_desktop.storage.connection import Connection, new_raw_key, open_encrypted, transaction
from entre_desktop.storage.records import SYNCED_TABLES

PASSPHRASE = "correct horse battery"
FIXTURE_V1 = Path(__file__).parent.parent / "migrations" / "fixtures" / "v1.db"
# Table, column, a value its CHECK accepts, one it refuses.
CHECKED = (
    ("custody", "facility_kind", "remand", "hotel"),
    ("referral", "status", "declined", "lost"),
    ("plan_version", "status", "approved", "shredded"),
    ("plan_version", "client_agreement", "does_not_agree", "maybe"),
    ("plan_action", "status", "cancelled", "forgotten"),
    ("change_log", "op", "purge", "rename"),
)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_encrypted(tmp_path / "bulk.db", new_raw_key(), create=True)
    connection.execute("CREATE TABLE t (id TEXT PRIMARY KEY, s TEXT, n INTEGER, r REAL, b BLOB, x)")
    try:
        yield connection
    finally:
        connection.close()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = create_database(tmp_path / "entre.db", site_name="Bulk", admin_name="admin", passphrase=PASSPHRASE,
                             clock=FixedClock(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)), kdf=kdf.FLOOR)
    try:
        yield opened
    finally:
        opened.close()


ROWS = [
    ("a", "plain", 1, 1.5, b"\x00\xffbytes", None),
    ("b", 'quotes " and \\ back\nslash, åäö, emoji \U0001f600', -(2**62), 0.1, None, 7),
    ("c", "", 0, -2.0, b"", "text"),
    ("d", None, None, None, None, 2.25),
    ("e", "1234", 42, 1e300, b"x" * 3000, True),
]


def test_values_keep_their_sql_types_as_executemany_binds_them(conn: Connection) -> None:
    conn.execute("CREATE TABLE u (id TEXT PRIMARY KEY, s TEXT, n INTEGER, r REAL, b BLOB, x)")
    conn.executemany("INSERT INTO u VALUES (?, ?, ?, ?, ?, ?)", ROWS)
    inserted = bulk.insert_rows(conn, "t", ("id", "s", "n", "r", "b", "x"), ROWS, blobs={"b"}, batch=2)
    assert inserted == len(ROWS)
    query = "SELECT id, s, typeof(s), n, typeof(n), r, typeof(r), b, typeof(b), x, typeof(x) FROM {} ORDER BY id"
    assert conn.execute(query.format("t")).fetchall() == conn.execute(query.format("u")).fetchall()


def test_blob_columns_are_declared_blob(conn: Connection) -> None:
    assert bulk.blob_columns(conn, "t") == {"b"}


def test_ignore_existing_skips_ids_already_there(conn: Connection) -> None:
    bulk.insert_rows(conn, "t", ("id", "s"), [("a", "first")])
    assert bulk.insert_rows(conn, "t", ("id", "s"), [("a", "second"), ("z", "new")], ignore_existing=True) == 1
    assert conn.execute("SELECT id, s FROM t ORDER BY id").fetchall() == [("a", "first"), ("z", "new")]
    with pytest.raises(dbapi2.IntegrityError):
        bulk.insert_rows(conn, "t", ("id", "s"), [("a", "third")])


def test_a_refused_row_undoes_the_whole_transaction_and_the_connection_goes_on(conn: Connection) -> None:
    conn.execute("CREATE TABLE u (id TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    bulk.insert_rows(conn, "u", ("id", "n"), [("first", 0)])  # the staging table exists from here on
    with pytest.raises(dbapi2.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO u VALUES ('before', 1)")
        bulk.insert_rows(conn, "t", ("id", "s"), [("a", "x"), ("b", "y")], batch=1)
        bulk.insert_rows(conn, "u", ("id", "n"), [("c", 3), ("d", None)])
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    assert conn.execute("SELECT id FROM u").fetchall() == [("first",)]
    assert conn.execute("SELECT count(*) FROM temp.bulk_rows").fetchone()[0] == 0  # no copy left behind
    assert conn.execute("PRAGMA temp.secure_delete").fetchone()[0] == 1  # nor its bytes
    with transaction(conn):
        assert bulk.insert_rows(conn, "u", ("id", "n"), [("e", 5)]) == 1
    assert conn.execute("SELECT id, n FROM u ORDER BY id").fetchall() == [("e", 5), ("first", 0)]


def test_the_staging_database_keeps_no_journal_and_a_rollback_leaves_nothing_behind(conn: Connection) -> None:
    """The temporary database keeps no journal (connection.apply_security_settings): a ROLLBACK
    does not undo what was staged there, so every batch empties the staging table before and after."""
    assert conn.execute("PRAGMA temp.journal_mode").fetchone()[0] == "off"
    conn.execute("BEGIN")
    bulk.insert_rows(conn, "t", ("id", "s"), [("a", "x")])
    conn.execute("INSERT INTO temp.bulk_rows (c0, c1) VALUES ('left', 'behind')")  # as if a batch had failed
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0  # the main database is undone
    with transaction(conn):
        assert bulk.insert_rows(conn, "t", ("id", "s"), [("b", "y")]) == 1
    assert conn.execute("SELECT id, s FROM t").fetchall() == [("b", "y")]  # the leftover went nowhere
    assert conn.execute("SELECT count(*) FROM temp.bulk_rows").fetchone()[0] == 0


def _bulk_statement(conn: Connection, table: str) -> str:
    """The statement bulk.insert_json runs to move a batch into ``table`` (traced, not copied)."""
    columns = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        assert bulk.insert_json(conn, table, columns, "[]", blobs=bulk.blob_columns(conn, table),
                                ignore_existing="id" in columns) == 0
    finally:
        conn.set_trace_callback(None)
    return next(sql for sql in seen if sql.startswith(f"INSERT OR ROLLBACK INTO main.{table} "))


OE_ROLLBACK = 1  # SQLite's conflict resolution "undo the transaction" as EXPLAIN shows it (2: the statement)


def test_a_bulk_statement_never_undoes_itself_alone(session: Session) -> None:
    """What spares every batch its statement journal (storage/bulk.py): no constraint of the
    statement stops it half way (a broken one undoes the transaction), every foreign key is
    counted for COMMIT, and it calls no SQL function (the BLOB columns are unhexed before)."""
    for table in sorted(SYNCED_TABLES | {"change_log"}):
        listing = session.db.execute("EXPLAIN " + _bulk_statement(session.db, table)).fetchall()
        # The statement's own program; its triggers' programs follow, numbered from 0 again (the
        # search index's are writes to a virtual table and need the journal; the import lifts
        # the guards of issued plans).
        ends = [index for index in range(1, len(listing)) if listing[index][0] < listing[index - 1][0]]
        program = listing[: ends[0] if ends else len(listing)]
        halts = [(op[1], op[3]) for op in program if op[1] in ("Halt", "HaltIfNull") and op[2] != 0]
        assert halts and all(on_error == OE_ROLLBACK for _name, on_error in halts), (table, halts)
        assert all(op[2] == 1 for op in program if op[1] == "FkCounter"), table  # deferred
        assert not {"Function", "PureFunc"} & {op[1] for op in program}, table  # any call would need it


def test_foreign_keys_are_checked_at_commit(session: Session) -> None:
    conn = session.db
    declared = "\n".join(str(r[0]) for r in conn.execute("SELECT sql FROM sqlite_schema WHERE sql LIKE '%REFERENCES%'"))
    references = re.findall(r"REFERENCES \w+ \(\w+\)[^,\n]*", declared)
    assert len(references) >= 25
    assert all(clause.endswith(" DEFERRABLE INITIALLY DEFERRED") for clause in references), references
    with pytest.raises(dbapi2.IntegrityError, match="FOREIGN KEY"), transaction(conn):
        conn.execute("INSERT INTO note (id, client_id, written_at, author, body, created_hlc, updated_hlc,"
                     " origin_site) VALUES ('n', 'no such client', 'w', 'a', 'b', 'h', 'h', 's')")
    assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == 0


def test_a_blob_column_takes_bytes_only(conn: Connection) -> None:
    with pytest.raises(TypeError):
        bulk.insert_rows(conn, "t", ("id", "b"), [("a", "not bytes")], blobs={"b"})
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0


def test_insert_many_logs_what_insert_logs(session: Session) -> None:
    with session.write() as writer:
        one = writer.insert("agency", {"name": "Byrå \"ett\"", "kind": "other", "phone": "08-1"})
        writer.insert_many("agency", [{"name": f"Byrå {n} \"å\"", "kind": "other", "phone": f"08-{n}"}
                                      for n in range(3)])
    rows = session.db.execute(
        "SELECT l.record_id, l.op, l.site_id, l.hlc, l.data, a.created_hlc FROM change_log l"
        " JOIN agency a ON a.id = l.record_id ORDER BY l.seq").fetchall()
    assert rows[0][0] == one and len(rows) == 4
    for record_id, op, site, stamp, data, created in rows:
        stored = session.db.execute("SELECT * FROM agency WHERE id = ?", (record_id,))
        names = [d[0] for d in stored.description]
        values = dict(zip(names, stored.fetchone(), strict=True))
        assert (op, site, stamp) == ("insert", session.site_id, created)
        logged = json.loads(data)
        assert logged == {k: v for k, v in values.items() if k in logged}
        assert data == json.dumps(logged, sort_keys=True)  # the exact text insert() writes


def _check_sql(conn: Connection, table: str) -> str:
    return str(conn.execute("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,)).fetchone()[0])


def test_checks_accept_and_refuse_the_same_values(session: Session) -> None:
    conn = session.db
    for table, column, good, bad in CHECKED:
        assert f"{column} = '{good}'" in _check_sql(conn, table)
        names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        marks = ", ".join("?" for _ in names)
        explained = conn.execute(f"EXPLAIN INSERT INTO {table} VALUES ({marks})", [None] * len(names)).fetchall()
        assert "OpenEphemeral" not in {op[1] for op in explained}, table
        for value, allowed in ((good, True), (bad, False)):
            check = conn.execute(f"SELECT {column} FROM (SELECT ? AS {column}) WHERE "
                                 + _check_expression(_check_sql(conn, table), column), (value,)).fetchall()
            assert bool(check) is allowed, (table, column, value)
    with pytest.raises(dbapi2.IntegrityError, match="CHECK constraint failed"):
        conn.execute("INSERT INTO change_log (hlc, site_id, table_name, record_id, op, data)"
                     " VALUES ('h', 's', 'client', 'r', 'rename', '{}')")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _check_expression(sql: str, column: str) -> str:
    """The expression of the CHECK on ``column`` in a CREATE TABLE text."""
    start = sql.index("CHECK (", sql.index(f"CHECK ({column} ")) + len("CHECK (")
    depth, end = 1, start
    while depth:
        depth += {"(": 1, ")": -1}.get(sql[end], 0)
        end += 1
    return sql[start : end - 1]


def test_an_upgraded_database_has_the_schema_of_a_new_one(session: Session, tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    shutil.copyfile(FIXTURE_V1, old)
    shutil.copyfile(slot_file_path(FIXTURE_V1), slot_file_path(old))
    upgraded = unlock_database(old, user_name="admin", passphrase="correct horse battery")
    try:
        for table in {t for t, *_rest in CHECKED} | {"app_user", "print_log", "custody"}:
            assert _check_sql(upgraded.db, table) == _check_sql(session.db, table)
        index = "SELECT sql FROM sqlite_schema WHERE name = 'custody_client_latest'"
        assert upgraded.db.execute(index).fetchone() == session.db.execute(index).fetchone()
        assert session.db.execute(index).fetchone() is not None
        assert upgraded.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        upgraded.close()
