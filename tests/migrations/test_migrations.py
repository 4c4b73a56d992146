"""Schema migrations (storage.migrations) against databases that older versions wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.errors import DatabaseNewerError, StorageWriteError
from entre_desktop.paths import migrations_dir
from entre_desktop.security import audit
from entre_desktop.security.keyslots import load_slot_file, open_sealed_keys, slot_file_path, unwrap_private_key
from entre_desktop.services.database import unlock_database
from entre_desktop.storage import migrations
from entre_desktop.storage.connection import Connection, open_encrypted
from entre_desktop.storage.lock import DatabaseLock
from entre_desktop.storage.migrations import (
    available_migrations,
    backup_path_for,
    latest_version,
    migrate,
    schema_version,
)

FIXTURES = Path(__file__).parent / "fixtures"
ADMIN, ADMIN_PASSPHRASE = "admin", "correct horse battery"  # see fixtures/README.md
NOTE = "Första samtalet: vill flytta till Umeå efter frigivningen."


def copy_fixture(version: int, folder: Path) -> Path:
    source = FIXTURES / f"v{version}.db"
    target = folder / source.name
    shutil.copyfile(source, target)
    shutil.copyfile(slot_file_path(source), slot_file_path(target))
    return target


def key_of(db_path: Path) -> bytes:
    """The database key, taken from the admin's slot without unlocking (which would migrate)."""
    slots = load_slot_file(slot_file_path(db_path))
    slot = slots.slot_for(ADMIN)
    assert slot is not None
    private = unwrap_private_key(slot, db_id=slots.db_id, passphrase=ADMIN_PASSPHRASE)
    assert private is not None
    return open_sealed_keys(slot, private, db_id=slots.db_id)[0][1]


def schema(conn: Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def contents(conn: Connection) -> tuple[object, ...]:
    return (
        conn.execute("SELECT name, personal_number FROM client").fetchall(),
        conn.execute("SELECT body FROM note").fetchall(),
        conn.execute("SELECT name, role FROM app_user ORDER BY name").fetchall(),
        conn.execute("SELECT count(*) FROM audit_event").fetchone()[0],
    )


def migrations_with(tmp_path: Path, extra_sql: str) -> Path:
    """The shipped migrations plus one more, in a folder of their own."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    for migration in available_migrations():
        shutil.copy2(migration.path, folder / migration.path.name)
    next_version = latest_version() + 1
    (folder / f"{next_version:04}_test_change.sql").write_text(extra_sql, encoding="utf-8")
    return folder


def test_fixture_is_schema_version_1() -> None:
    conn = open_encrypted(FIXTURES / "v1.db", key_of(FIXTURES / "v1.db"))
    try:
        assert schema_version(conn) == 1
        assert contents(conn)[1] == [(NOTE,)]
    finally:
        conn.close()
    assert not (FIXTURES / "v1.db.lock").exists()


def test_the_current_program_opens_and_upgrades_v1(tmp_path: Path) -> None:
    path = copy_fixture(1, tmp_path)
    key = key_of(path)
    session = unlock_database(path, user_name=ADMIN, passphrase=ADMIN_PASSPHRASE)
    try:
        assert schema_version(session.db) == latest_version()
        assert contents(session.db)[:3] == (
            [("Fixture Fixtursson", "19811218-9876")], [(NOTE,)], [("admin", "admin"), ("olle", "officer")],
        )
        assert audit.verify_chain(session.db).ok
        # The search index rebuilt by migration 6 still finds the client by name, number and note.
        from entre_desktop.storage.client_repo import matching_client_ids, search_client_ids

        client_id = session.db.execute("SELECT id FROM client").fetchone()[0]
        for text in ("Fixtur", "811218-9876", "frigivningen", "Umeå"):
            assert search_client_ids(session.db, text) == [client_id]
            assert matching_client_ids(session.db, text) == {client_id}
        assert search_client_ids(session.db, "Umeå fixtur") == []  # words of a note and a name
    finally:
        session.close()
    backup = backup_path_for(path, 1)
    if latest_version() > 1:
        backup_conn = open_encrypted(backup, key)
        assert schema_version(backup_conn) == 1
        backup_conn.close()
    else:
        assert not backup.exists()


def test_the_upgrading_connection_itself_checks_foreign_keys_at_commit(tmp_path: Path) -> None:
    """Migration 7 edits the schema text; the connection that ran it must read it again, or it
    would go on checking each statement (and keeping statement journals) until reopened."""
    session = unlock_database(copy_fixture(1, tmp_path), user_name=ADMIN, passphrase=ADMIN_PASSPHRASE)
    try:
        conn = session.db
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO note (id, client_id, written_at, author, body, created_hlc, updated_hlc,"
                     " origin_site) VALUES ('n', 'no such client', 'w', 'a', 'b', 'h', 'h', 's')")
        with pytest.raises(dbapi2.IntegrityError, match="FOREIGN KEY"):
            conn.execute("COMMIT")
        conn.execute("ROLLBACK")
        assert contents(conn)[1] == [(NOTE,)]
    finally:
        session.close()


def test_a_backup_is_taken_before_upgrading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_fixture(1, tmp_path)
    key = key_of(path)
    folder = migrations_with(tmp_path, "ALTER TABLE client ADD COLUMN nickname TEXT NOT NULL DEFAULT '';\n"
                                       "CREATE TABLE test_upgrade (id TEXT PRIMARY KEY);\n")
    new_version = latest_version(folder)
    monkeypatch.setattr(migrations, "migrations_dir", lambda: folder)
    session = unlock_database(path, user_name="olle", passphrase="officer passphrase")
    try:
        assert schema_version(session.db) == new_version
        assert session.db.execute("SELECT nickname FROM client").fetchall() == [("",)]
    finally:
        session.close()
    # Named after the version it was taken from, however many migrations then ran.
    backup = backup_path_for(path, 1)
    assert backup.name == "v1.db.before-v2.bak"
    conn = open_encrypted(backup, key)  # still encrypted, with the same key
    try:
        assert schema_version(conn) == 1
        assert "test_upgrade" not in dict(schema(conn))
    finally:
        conn.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert NOTE.encode() not in backup.read_bytes()


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_fixture(1, tmp_path)
    key = key_of(path)
    # Let the fixture reach the shipped version first, so only the broken migration is pending.
    unlock_database(path, user_name=ADMIN, passphrase=ADMIN_PASSPHRASE).close()
    conn = open_encrypted(path, key)
    version, before_schema, before_contents = schema_version(conn), schema(conn), contents(conn)
    conn.close()

    folder = migrations_with(tmp_path, "CREATE TABLE half_done (id TEXT);\n"
                                       "ALTER TABLE client ADD COLUMN nickname TEXT;\n"
                                       "UPDATE client SET name = 'changed';\n"
                                       "INSERT INTO no_such_table VALUES (1);\n")
    monkeypatch.setattr(migrations, "migrations_dir", lambda: folder)
    with pytest.raises(StorageWriteError, match="could not be saved"):
        unlock_database(path, user_name=ADMIN, passphrase=ADMIN_PASSPHRASE)
    monkeypatch.undo()

    conn = open_encrypted(path, key)
    try:
        assert schema_version(conn) == version
        assert schema(conn) == before_schema
        assert contents(conn) == before_contents
    finally:
        conn.close()
    lock = DatabaseLock(path)
    lock.acquire()
    lock.release()
    # And the shipped program still opens it.
    unlock_database(path, user_name=ADMIN, passphrase=ADMIN_PASSPHRASE).close()


def test_migrate_refuses_a_newer_schema_and_leaves_it(tmp_path: Path) -> None:
    path = copy_fixture(1, tmp_path)
    conn = open_encrypted(path, key_of(path))
    try:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
        with pytest.raises(DatabaseNewerError):
            migrate(conn, db_path=path)
        assert schema_version(conn) == latest_version() + 1
    finally:
        conn.close()
    assert not list(tmp_path.glob("*.bak"))


def test_migrations_are_numbered_one_to_n(tmp_path: Path) -> None:
    shipped = available_migrations()
    assert [m.version for m in shipped] == list(range(1, len(shipped) + 1))
    assert all(m.path.parent == migrations_dir() for m in shipped)
    gap = tmp_path / "gap"
    gap.mkdir()
    (gap / "0001_a.sql").write_text("SELECT 1;")
    (gap / "0003_c.sql").write_text("SELECT 1;")
    (gap / "README.sql.txt").write_text("not a migration")
    with pytest.raises(RuntimeError, match="numbered"):
        available_migrations(gap)


def test_a_new_database_gets_every_migration_without_a_backup(template_db: Path) -> None:
    assert not list(template_db.parent.glob("*.bak"))
