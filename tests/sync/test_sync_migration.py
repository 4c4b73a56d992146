"""Schema 3 (db/migrations/0003_sync.sql) on databases made before sync existed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import OpenSites
from sync_support import personal_number

from entre_desktop.paths import migrations_dir
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services.clients import NewClient, add_client, update_client
from entre_desktop.services.database import unlock_database
from entre_desktop.services.sync import export_identity
from entre_desktop.sync.identity import SiteIdentity

FIXTURES = Path(__file__).parents[1] / "migrations" / "fixtures"


def field_history(conn: object) -> list[tuple[object, ...]]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT table_name, record_id, column_name, hlc, known, superseded, value, parents FROM sync_field_write"
        " ORDER BY table_name, record_id, column_name, hlc"
    ).fetchall()
    return [(*r[:6], None if r[6] is None else json.loads(r[6]), json.loads(r[7]) if r[7] else None) for r in rows]


def test_the_backfill_of_earlier_edits_matches_what_the_program_records(open_sites: OpenSites) -> None:
    (site,) = open_sites(1)
    client, _changes = add_client(site, NewClient(name="Före Synk", personal_number=personal_number(7)))
    for number in ("070-1", "070-2", "070-3"):
        update_client(site, client, {"phone": number})
    update_client(site, client, {"name": "Efter Synk", "languages": "sv"})
    with site.write() as writer:
        writer.delete("client", client)
    recorded = field_history(site.db)
    assert len(recorded) == 10  # 6 edits + 1 tombstone, and the insert of each field as their first parent
    script = (migrations_dir() / "0003_sync.sql").read_text(encoding="utf-8")
    backfill = script[script.index("-- Edits made before this migration"):]
    with site.write():
        site.db.execute("DELETE FROM sync_field_write")
        for statement in backfill.split(";"):
            if statement.strip() and "INSERT" in statement:
                site.db.execute(statement)
    assert field_history(site.db) == recorded


def test_a_database_from_before_sync_gets_its_keys_when_first_needed(tmp_path: Path) -> None:
    source = FIXTURES / "v1.db"
    target = tmp_path / "v1.db"
    shutil.copyfile(source, target)
    shutil.copyfile(slot_file_path(source), slot_file_path(target))
    session = unlock_database(target, user_name="admin", passphrase="correct horse battery")
    try:
        assert session.db.execute("SELECT count(*) FROM sync_site_keys").fetchone() == (0,)
        exported = export_identity(session)
        identity = SiteIdentity.from_file_bytes(exported.data)
        assert identity.site_id == session.site_id and exported.fingerprint == identity.fingerprint()
        assert export_identity(session).data == exported.data  # the same keys from now on
    finally:
        session.close()


def test_every_sync_message_has_a_swedish_translation() -> None:
    import ast

    from entre_desktop.paths import resources_dir

    catalogue = json.loads((resources_dir() / "translations" / "core_sv.json").read_text(encoding="utf-8"))
    package = Path(__file__).parents[2] / "entre_desktop"
    files = [*(package / "sync").glob("*.py"), package / "services" / "sync.py", package / "services" / "sync_sites.py",
             package / "services" / "conflicts.py", package / "cli_sync.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                assert node.args[0].value in catalogue, f"{path.name}: no Swedish for {node.args[0].value!r}"
