"""Floors: the same work done on a bare SQLCipher connection, in a process of its own.

Run by ``run.py`` as a subprocess that reads one JSON request on stdin and prints one JSON result.
A process of its own matters: ``PRAGMA cipher_memory_security = ON`` (which the program sets on
every connection) stays on for the whole process once set, and would slow every floor down.

A bare connection is ``sqlcipher3.connect`` + ``PRAGMA key`` with SQLCipher's defaults (memory
security off), unless the request asks for memory security (a diagnostic floor).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import sqlcipher3  # type: ignore[import-untyped]

from entre_desktop.services.demo import demo_chunks
from entre_desktop.storage import client_repo

UPDATED_LATER = {"plan_version": ("status", "issued_at", "checksum")}
LOG_INSERT = "INSERT INTO change_log (hlc, site_id, table_name, record_id, op, data) VALUES (?, ?, ?, ?, 'insert', ?)"


def connect(path: str, key_hex: str, *, memory_security: bool = False) -> Any:
    conn = sqlcipher3.connect(path, isolation_level=None)
    if memory_security:
        conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def floor_open(request: dict[str, Any]) -> dict[str, Any]:
    times = []
    for _ in range(int(request["repeats"])):
        started = time.perf_counter()
        conn = connect(request["db"], request["key"])
        conn.close()
        times.append(time.perf_counter() - started)
    return {"times": times}


def floor_insert(request: dict[str, Any]) -> dict[str, Any]:
    """The demo's rows (same seed, same day) inserted with executemany into tables that have the
    same columns and a primary key, and nothing else: no other index, no foreign key, no trigger,
    no full-text index, no change log (unless ``with_log``: then also one plain change-log row per
    row, its JSON made before the clock starts). Only inserts, updates and the commit are timed."""
    path = Path(request["path"])
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)
    conn = connect(str(path), "ab" * 32, memory_security=bool(request.get("memory_security")))
    site = "f" * 8 + "-ffff-4fff-bfff-" + "f" * 12
    created: set[str] = set()
    rows_total = 0
    spent = 0.0
    chunks = demo_chunks(random.Random(int(request["seed"])), clients=int(request["clients"]),
                         today=dt.date.fromisoformat(request["today"]))
    with_log = bool(request.get("with_log"))
    conn.execute("BEGIN IMMEDIATE")
    if with_log:
        conn.execute("CREATE TABLE change_log (seq INTEGER PRIMARY KEY, hlc, site_id, table_name, record_id, op, data)")
    serial = 0
    for chunk in chunks:
        for table, rows in chunk.rows.items():
            if not rows:
                continue
            columns = [*rows[0], "created_hlc", "updated_hlc", "origin_site"]
            if table not in created:
                # plan_version also gets the columns that issuing a version sets.
                extra = [c for c in UPDATED_LATER.get(table, ()) if c not in columns]
                conn.execute(f"CREATE TABLE {table} ("
                             + ", ".join(f"{c} TEXT PRIMARY KEY" if c == "id" else c for c in columns + extra) + ")")
                created.add(table)
            values = []
            for row in rows:
                serial += 1
                stamp = f"{1_700_000_000_000:015d}-{serial:06d}-{site}"
                values.append((*row.values(), stamp, stamp, site))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
            key = columns.index("id")
            log = [(v[-3], site, table, v[key], json.dumps(dict(zip(columns, v, strict=True)), sort_keys=True))
                   for v in values] if with_log else []
            started = time.perf_counter()
            conn.executemany(sql, values)
            if log:
                conn.executemany(LOG_INSERT, log)
            spent += time.perf_counter() - started
            rows_total += len(rows)
        if chunk.updates:
            names = list(chunk.updates[0][1])
            sql = f"UPDATE plan_version SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?"
            values = [(*v.values(), version_id) for version_id, v in chunk.updates]
            started = time.perf_counter()
            conn.executemany(sql, values)
            spent += time.perf_counter() - started
            rows_total += len(values)
    started = time.perf_counter()
    conn.execute("COMMIT")
    spent += time.perf_counter() - started
    conn.close()
    path.unlink(missing_ok=True)
    return {"seconds": spent, "rows": rows_total}


def floor_queries(request: dict[str, Any]) -> dict[str, Any]:
    """The program's own SQL (search, one client's record, the caseload) on a bare connection."""
    conn = connect(request["db"], request["key"])
    today = dt.date.fromisoformat(request["today"])
    search = []
    for text in request["queries"]:
        started = time.perf_counter()
        client_repo.search_client_ids(conn, text)
        search.append(time.perf_counter() - started)
    record = []
    for client_id in request["client_ids"]:
        started = time.perf_counter()
        client_repo.load_record(conn, client_id)
        record.append(time.perf_counter() - started)
    caseload = []
    for _ in range(int(request["caseload_repeats"])):
        started = time.perf_counter()
        client_repo.caseload(conn, today=today)
        caseload.append(time.perf_counter() - started)
    conn.close()
    return {"search": search, "record": record, "caseload": caseload}


def main() -> None:
    request = json.loads(sys.stdin.read())
    handler = {"open": floor_open, "insert": floor_insert, "queries": floor_queries}[request["kind"]]
    print(json.dumps(handler(request)))


if __name__ == "__main__":
    main()
