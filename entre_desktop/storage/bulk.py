"""Inserting many rows with one statement, the rows travelling as one JSON array.

Why not ``executemany``: the program runs SQLCipher with ``cipher_memory_security = ON``, which
locks (``mlock``) and wipes every allocation SQLite makes outside its small per-connection
lookaside pool: two system calls per allocation. ``executemany`` runs the statement once per row,
and every run allocates afresh — a copy of each bound text value, its cursors, the ephemeral
index of each ``CHECK (x IN (...))`` constraint, a statement journal, and a flush of the
full-text index's pending terms — which made a bulk insert about 40 locked allocations per row.
One bound parameter carries a batch; ``jsonb_each`` reads the values out of the binary JSON in
place (``->>``), with no copy per bound value.

No statement journal: SQLite keeps one for a statement that writes many rows and may stop half
way (a constraint that aborts the statement), so that the statement alone can be undone: a copy
of every page it changes, in locked memory. Three things together avoid it; without them the
import of a large bundle made three times as many locked allocations (two thirds of them for the
journal):

* ``INSERT OR ROLLBACK``: a constraint that does not hold undoes the whole transaction, not the
  statement; every write of the program is one transaction undone as a whole when it fails
  (``connection.transaction``, the sync import), so nothing that was refused is accepted now.
  (A trigger's ``RAISE(ABORT)`` still undoes only the statement, and callers roll back only
  while ``in_transaction``: both ends are handled.) The clause also overrides the conflict clause
  of every statement the insert's triggers run: a trigger meant to ``INSERT OR IGNORE`` would
  undo the transaction instead. None does; a new one must not rely on its own clause;
* the foreign keys are checked at COMMIT (declared ``DEFERRABLE INITIALLY DEFERRED``, migration
  7): an immediate one would need the journal;
* the statement calls no function: SQLite keeps the journal for any statement that writes rows
  and calls one (``->>``, ``unhex``). So the batch is first read out of the JSON into a table of
  the connection's temporary database (``temp.bulk_rows``, in memory like everything temporary:
  ``temp_store = MEMORY``), and inserted from there as it is. The copy is deleted as soon as the
  batch is in (and overwritten: ``temp.secure_delete``, a required setting of the connection).
  Staging is itself a write of many rows that calls functions, but the temporary database keeps
  no journal at all (``temp.journal_mode = OFF``, set at open): a ROLLBACK leaves what was staged,
  which is why the staging table is emptied before every batch as well as after.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

from entre_desktop.storage.connection import Connection

BATCH_ROWS = 1000  # rows per statement: large enough to share the set-up, small enough to stay cheap
STAGING_COLUMNS = 64  # the widest row a batch may have (the widest table has 20 columns)
_STAGING = ", ".join(f"c{index}" for index in range(STAGING_COLUMNS))


def _hex_bytes(value: object) -> object:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


encode_batch = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False, separators=(",", ":"),
                           default=_hex_bytes).encode
"""A batch of rows as ``insert_json`` takes it (compact, bytes as hex)."""


def blob_columns(conn: Connection, table: str) -> frozenset[str]:
    """The columns of ``table`` declared BLOB (their values travel as hex)."""
    return frozenset(str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})") if str(r[2]).upper() == "BLOB")


def insert_rows(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
                blobs: Collection[str] = (), ignore_existing: bool = False, batch: int = BATCH_ROWS) -> int:
    """Insert ``rows`` (one value per column, in the order of ``columns``); returns how many went in.

    Values keep their SQL types: text, integers, reals and NULL as ``executemany`` binds them; the
    values of the ``blobs`` columns must be bytes (or None). With ``ignore_existing``, rows whose
    id is already there are skipped. A row that breaks a constraint raises ``IntegrityError`` and
    undoes the whole transaction (a guard trigger's ``RAISE(ABORT)``: the statement; see above).
    """
    blob_indexes = [index for index, name in enumerate(columns) if name in blobs]
    inserted = 0
    pending: list[Sequence[Any]] = []
    for row in rows:
        for index in blob_indexes:
            if row[index] is not None and not isinstance(row[index], bytes):
                raise TypeError(f"{table}.{columns[index]} takes bytes")
        pending.append(row)
        if len(pending) >= batch:
            inserted += insert_json(conn, table, columns, encode_batch(pending), blobs=blobs,
                                    ignore_existing=ignore_existing)
            pending = []
    if pending:
        inserted += insert_json(conn, table, columns, encode_batch(pending), blobs=blobs, ignore_existing=ignore_existing)
    return inserted


def insert_json(conn: Connection, table: str, columns: Sequence[str], rows_json: str, *,
                blobs: Collection[str] = (), ignore_existing: bool = False) -> int:
    """Insert one batch given as a JSON array of arrays (one value per column, the ``blobs`` as hex).

    ``table`` and ``columns`` are identifiers from the program, never user input. Returns how many
    rows went in; ``ignore_existing`` skips rows whose id is already there (``ON CONFLICT (id) DO
    NOTHING``).
    """
    if len(columns) > STAGING_COLUMNS:
        raise ValueError(f"{table}: more than {STAGING_COLUMNS} columns")
    staged = ", ".join(f"c{index}" for index in range(len(columns)))
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS bulk_rows ({_STAGING})")
    conn.execute("DELETE FROM temp.bulk_rows")  # what a failed batch may have left
    values = ", ".join(f"unhex(value ->> {index})" if name in blobs else f"value ->> {index}"
                       for index, name in enumerate(columns))
    conn.execute(f"INSERT INTO temp.bulk_rows ({staged}) SELECT {values} FROM jsonb_each(?)", (rows_json,))
    # "WHERE true" keeps the parser from reading ON CONFLICT as part of the SELECT's join.
    sql = (f"INSERT OR ROLLBACK INTO main.{table} ({', '.join(columns)}) SELECT {staged} FROM temp.bulk_rows"
           " WHERE true" + (" ON CONFLICT (id) DO NOTHING" if ignore_existing else ""))
    try:
        return int(conn.execute(sql).rowcount)
    finally:
        # After a refused row the transaction is gone, and with it a table it created.
        with contextlib.suppress(dbapi2.OperationalError):
            conn.execute("DELETE FROM temp.bulk_rows")
