"""Sync performance: export and import of a large bundle, and of a daily one.

    .venv/bin/python benchmarks/sync_bench.py [--changes 1000000] [--daily 300] [--workdir DIR]

Two sites are created (KDF at the floor); site A is filled with demo data until its change log
holds ``--changes`` changes. Each measured step runs in a fresh process with the real security
settings and reports its wall time (the service call only, not the unlock) and the process's peak
resident memory. Filling the database is set-up, not measured: it runs without SQLCipher's
memory security, which makes bulk inserts many times slower (see docs/sync.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

PASSPHRASE = "correct horse battery"


def _fast_setup() -> None:
    """For filling the database only: no memory wiping (the file is the same either way)."""
    import sqlcipher3  # type: ignore[import-untyped]

    from entre_desktop.storage import connection

    class Unwiped(sqlcipher3.dbapi2.Connection):  # type: ignore[misc]
        def execute(self, sql: str, *args: object) -> object:
            if sql.replace(" ", "").upper() == "PRAGMACIPHER_MEMORY_SECURITY=ON":
                sql = "PRAGMA cipher_memory_security = OFF"
            return super().execute(sql, *args)

    def connect(*args: object, **kwargs: object) -> object:
        return sqlcipher3.connect(*args, factory=Unwiped, **kwargs)

    connection.sqlcipher3 = types.SimpleNamespace(connect=connect, dbapi2=sqlcipher3.dbapi2)  # type: ignore[assignment]
    connection.check_security_settings = lambda conn: None  # type: ignore[assignment]


def setup(workdir: Path, changes: int) -> None:
    from entre_desktop.security import kdf
    from entre_desktop.services.database import create_database
    from entre_desktop.services.demo import generate_demo
    from entre_desktop.services.sync import export_identity, trust_site

    _fast_setup()
    a = create_database(workdir / "a.db", site_name="Site A", admin_name="admin", passphrase=PASSPHRASE,
                        kdf=kdf.FLOOR, is_demo=True)
    b = create_database(workdir / "b.db", site_name="Site B", admin_name="admin", passphrase=PASSPHRASE,
                        kdf=kdf.FLOOR)
    trust_site(a, export_identity(b).data, export_identity(b).fingerprint)
    trust_site(b, export_identity(a).data, export_identity(a).fingerprint)
    seed = 1
    while (count := a.db.execute("SELECT count(*) FROM change_log").fetchone()[0]) < changes:
        missing = changes - count
        generate_demo(a, clients=max(1, min(2000, missing // 100)), seed=seed)
        seed += 1
        print(f"  change log: {a.db.execute('SELECT count(*) FROM change_log').fetchone()[0]}", flush=True)
    a.close()
    b.close()


def _session(path: Path) -> object:
    from entre_desktop.services.database import unlock_database

    return unlock_database(path, user_name="admin", passphrase=PASSPHRASE, audit_login=False)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_step(workdir: Path, name: str, sender: str = "a", to: str = "Site B") -> dict[str, object]:
    from entre_desktop.services.sync import export_bundle

    session = _session(workdir / f"{sender}.db")
    started = time.perf_counter()
    summary = export_bundle(session, to=[to], output=workdir / name)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    return {"step": f"export {name}", "seconds": round(elapsed, 2), "changes": summary.changes,
            "bytes": summary.size, "peak_mib": round(_peak_mib(), 1)}


def import_step(workdir: Path, name: str, receiver: str = "b", unwiped: str = "") -> dict[str, object]:
    from entre_desktop.services.sync import import_bundle

    if unwiped:
        _fast_setup()
        _copy_site(workdir / "b0.db", workdir / "c.db")
        receiver = "c"
    session = _session(workdir / f"{receiver}.db")
    started = time.perf_counter()
    summary = import_bundle(session, workdir / name)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    return {"step": f"import {name}{' without memory security' if unwiped else ''}", "seconds": round(elapsed, 2),
            "changes": summary.changes, "records": summary.records, "peak_mib": round(_peak_mib(), 1)}


def floor_step(workdir: Path) -> dict[str, object]:
    """A bare SQLCipher insert loop of the rows the large bundle carries: site A's synced rows,
    ``executemany`` into tables with the same columns and a primary key only, in one transaction,
    on a bare connection (SQLCipher's defaults: no memory security, as in floors.py)."""
    import sqlcipher3

    from entre_desktop.storage.records import SYNCED_TABLES

    _fast_setup()
    session = _session(workdir / "a.db")
    db = session.db  # type: ignore[attr-defined]
    tables = {}
    for table in sorted(SYNCED_TABLES):
        cursor = db.execute(f"SELECT * FROM {table} WHERE origin_site = (SELECT value FROM meta WHERE key = 'site_id')")
        tables[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    path = workdir / "floor.db"
    path.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{'cd' * 32}'\"")
    rows = 0
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, (columns, values) in tables.items():
        conn.execute(f"CREATE TABLE {table} ("
                     + ", ".join(f"{c} PRIMARY KEY" if c == "id" else c for c in columns) + ")")
        conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})", values)
        rows += len(values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    path.unlink(missing_ok=True)
    return {"step": "floor: bare executemany of the same rows", "seconds": round(elapsed, 2), "rows": rows,
            "peak_mib": round(_peak_mib(), 1)}


def _copy_site(source: Path, target: Path) -> None:
    import shutil

    from entre_desktop.security.keyslots import slot_file_path

    shutil.copyfile(source, target)
    shutil.copyfile(slot_file_path(source), slot_file_path(target))


def daily_changes(workdir: Path, count: int) -> None:
    from entre_desktop.services.clients import update_client
    from entre_desktop.services.notes import add_note

    session = _session(workdir / "a.db")
    clients = [r[0] for r in session.db.execute(  # type: ignore[attr-defined]
        "SELECT id FROM client WHERE deleted = 0 ORDER BY id LIMIT ?", (count,))]
    for number in range(count):
        client = clients[number % len(clients)]
        if number % 2:
            add_note(session, client, f"Uppföljning nummer {number}.")  # type: ignore[arg-type]
        else:
            update_client(session, client, {"phone": f"070-{number:06d}"})  # type: ignore[arg-type]


def run_step(workdir: Path, *args: str) -> dict[str, object]:
    output = subprocess.run([sys.executable, __file__, "--workdir", str(workdir), "--step", *args],
                            check=True, capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    print(json.dumps(result), flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1_000_000)
    parser.add_argument("--daily", type=int, default=300)
    parser.add_argument("--workdir")
    parser.add_argument("--compare-unwiped", action="store_true",
                        help="also import the large bundle without SQLCipher's memory security, for comparison")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("ENTRE_KDF_TARGET_SECONDS", "0")
    if args.step:
        workdir = Path(args.workdir)
        kind, *rest = args.step
        step = {"export": export_step, "import": import_step, "floor": floor_step}[kind]
        print(json.dumps(step(workdir, *rest)))
        return 0
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="entre-sync-bench-"))
    if not (workdir / "a.db").exists():
        print(f"Filling {workdir} with {args.changes} changes (set-up, not measured) …", flush=True)
        setup(workdir, args.changes)
        _copy_site(workdir / "b.db", workdir / "b0.db")
    run_step(workdir, "floor")
    run_step(workdir, "export", "all.entre")
    run_step(workdir, "import", "all.entre")
    if args.compare_unwiped:
        run_step(workdir, "import", "all.entre", "c", "unwiped")
    # B's acknowledgements travel back, as they do in daily use.
    run_step(workdir, "export", "ack.entre", "b", "Site A")
    run_step(workdir, "import", "ack.entre", "a")
    daily_changes(workdir, args.daily)
    run_step(workdir, "export", "daily.entre")
    run_step(workdir, "import", "daily.entre")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
