"""Diagnostic only: ``generate_demo`` in a process where SQLCipher's memory security stays off.

The program sets ``PRAGMA cipher_memory_security = ON`` on every connection and refuses to run
without it; with it, SQLCipher calls mlock()/munlock() around every allocation SQLite makes. This
script replaces that one pragma (and the check that it took effect) so that the benchmark can show
how much of the demo generation's time the setting accounts for. It is never how the program runs.

Reads ``{"clients": N, "seed": S, "path": "..."}`` on stdin; prints ``{"seconds": ...}``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import sqlcipher3  # type: ignore[import-untyped]
from common import remove_database

from entre_desktop.clock import SystemClock
from entre_desktop.security import kdf
from entre_desktop.storage import connection


class _MemorySecurityOff(sqlcipher3.Connection):  # type: ignore[misc]
    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip().upper().startswith("PRAGMA CIPHER_MEMORY_SECURITY = ON"):
            sql = "PRAGMA cipher_memory_security = OFF"
        return super().execute(sql, *args)


def main() -> None:
    request = json.loads(sys.stdin.read())
    connect = sqlcipher3.connect
    connection.sqlcipher3.connect = lambda *a, **k: connect(*a, factory=_MemorySecurityOff, **k)
    connection.check_security_settings = lambda conn: None

    from entre_desktop.services.database import create_database
    from entre_desktop.services.demo import generate_demo

    path = Path(request["path"])
    remove_database(path)
    session = create_database(path, site_name="Diagnostic", admin_name="bench", passphrase="diagnostic passphrase",
                              clock=SystemClock(), kdf=kdf.FLOOR, is_demo=True)
    try:
        started = time.perf_counter()
        summary = generate_demo(session, clients=int(request["clients"]), seed=int(request["seed"]))
        seconds = time.perf_counter() - started
    finally:
        session.close()
        remove_database(path)
    print(json.dumps({"seconds": seconds, "rows": summary.rows}))


if __name__ == "__main__":
    main()
