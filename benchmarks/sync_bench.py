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

    original = sqlcipher3.connect

    def connect(*args: object, **kwargs: object) -> object:
        conn = original(*args, **kwargs)
        conn.execute("PRAGMA cipher_memory_security = OFF")
        return conn

    connection.sqlcipher3 = types.SimpleNamespace(connect=connect, dbapi2=sqlcipher3.dbapi2)  # type: ignore[assignment]
    connection.check_security_settings = lambda conn: None  # type: ignore[assignment]


def setup(workdir: Path, changes: int) -> None:
    _fast_setup()
    from entre_desktop.security import kdf
    from entre_desktop.services.database import create_database
    from entre_desktop.services.demo import generate_demo
    from entre_desktop.services.sync import export_identity, trust_site

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


def export_step(workdir: Path, name: str) -> dict[str, object]:
    from entre_desktop.services.sync import export_bundle

    session = _session(workdir / "a.db")
    started = time.perf_counter()
    summary = export_bundle(session, to=["Site B"], output=workdir / name)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    return {"step": f"export {name}", "seconds": round(elapsed, 2), "changes": summary.changes,
            "bytes": summary.size, "peak_mib": round(_peak_mib(), 1)}


def import_step(workdir: Path, name: str) -> dict[str, object]:
    from entre_desktop.services.sync import import_bundle

    session = _session(workdir / "b.db")
    started = time.perf_counter()
    summary = import_bundle(session, workdir / name)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    return {"step": f"import {name}", "seconds": round(elapsed, 2), "changes": summary.changes,
            "records": summary.records, "peak_mib": round(_peak_mib(), 1)}


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
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("ENTRE_KDF_TARGET_SECONDS", "0")
    if args.step:
        workdir = Path(args.workdir)
        kind, *rest = args.step
        step = {"export": export_step, "import": import_step}[kind]
        print(json.dumps(step(workdir, *rest)))
        return 0
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="entre-sync-bench-"))
    if not (workdir / "a.db").exists():
        print(f"Filling {workdir} with {args.changes} changes (set-up, not measured) …", flush=True)
        setup(workdir, args.changes)
    run_step(workdir, "export", "all.entre")
    run_step(workdir, "import", "all.entre")
    daily_changes(workdir, args.daily)
    run_step(workdir, "export", "daily.entre")
    run_step(workdir, "import", "daily.entre")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
