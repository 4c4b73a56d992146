-- Operations: legal holds that keep a client's record past its retention period, and the
-- retention rules themselves. The time of the last backup lives in meta ('last_backup_at').

-- A legal hold has the columns of a synced record (UUID id, HLC stamps, origin site, tombstone)
-- so that it can sync once the purge design decides it must: a hold placed at one site has to
-- stop a purge at every site. Holds are released, never deleted; the reason is required.
CREATE TABLE legal_hold (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES client (id),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    placed_by      TEXT NOT NULL,
    placed_at      TEXT NOT NULL,
    released_by    TEXT,
    released_at    TEXT,
    release_reason TEXT NOT NULL DEFAULT '',
    created_hlc    TEXT NOT NULL,
    updated_hlc    TEXT NOT NULL,
    origin_site    TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX legal_hold_client ON legal_hold (client_id);

-- Years a kind of record is kept after the client's programme ended (completed or withdrawn).
-- A kind without a row uses the program's default (see services/retention.py).
CREATE TABLE retention_rule (
    kind       TEXT PRIMARY KEY,
    years      INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
) WITHOUT ROWID;
