"""Generate ``fixtures/v1.db`` and ``fixtures/v1.db.keys``: a database at schema version 1.

Run once, from the repository root, when schema version 1 is released; commit the output:

    .venv/bin/python tests/migrations/make_fixture.py

Only ``db/migrations/0001_*.sql`` is applied, whatever newer migrations exist, so the files stay
what a version-1 program wrote. Users and passphrases are listed in ``fixtures/README.md``.
Running it again replaces the files with new ones (new random keys), which is fine as long as the
README stays true. When schema version 2 ships, copy this script's idea to make ``v2.db``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = HERE / "fixtures"
VERSION = 1

SITE_NAME = "Frivården Fixturby"
USERS = {  # name: (role, passphrase); the first is the administrator that creates the database
    "admin": ("admin", "correct horse battery"),
    "olle": ("officer", "officer passphrase"),
}
CLIENT_NAME = "Fixture Fixtursson"
CLIENT_NUMBER = "811218-9876"
NOTE = "Första samtalet: vill flytta till Umeå efter frigivningen."


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ["ENTRE_KDF_TARGET_SECONDS"] = "0"  # the KDF floor: fixtures open fast in tests

    from entre_desktop.clock import FixedClock
    from entre_desktop.security.keyslots import slot_file_path
    from entre_desktop.services.clients import NewClient, add_client
    from entre_desktop.services.database import create_database
    from entre_desktop.services.notes import add_note
    from entre_desktop.services.users import add_user
    from entre_desktop.storage import migrations
    from entre_desktop.storage.lock import lock_path_for

    with tempfile.TemporaryDirectory() as scratch:
        only_v1 = Path(scratch) / "migrations"
        only_v1.mkdir()
        for migration in migrations.available_migrations()[:VERSION]:
            shutil.copy2(migration.path, only_v1 / migration.path.name)
        target = Path(scratch) / f"v{VERSION}.db"
        clock = FixedClock(dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC))
        admin, (_role, admin_passphrase) = next(iter(USERS.items()))
        with mock.patch.object(migrations, "migrations_dir", lambda: only_v1):
            session = create_database(target, site_name=SITE_NAME, admin_name=admin,
                                      passphrase=admin_passphrase, clock=clock)
            try:
                for name, (role, passphrase) in list(USERS.items())[1:]:
                    add_user(session, name=name, role=role, passphrase=passphrase)
                client_id, _ = add_client(session, NewClient(name=CLIENT_NAME, personal_number=CLIENT_NUMBER))
                add_note(session, client_id, NOTE)
                assert migrations.schema_version(session.db) == VERSION
            finally:
                session.close()
        FIXTURES.mkdir(exist_ok=True)
        for source in (target, slot_file_path(target)):
            shutil.copyfile(source, FIXTURES / source.name)
        lock_path_for(target).unlink(missing_ok=True)
    print(f"wrote {FIXTURES / target.name} and its key-slot file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
