-- Sync between sites (docs/sync.md). Every table here is local to this site's database: none of
-- them is itself synced. Stamps are hybrid-logical-clock strings (entre_desktop/sync/hlc.py).

-- This site's private keys (SiteKeys.to_private_json): they never leave the encrypted database.
CREATE TABLE sync_site_keys (
    site_id TEXT PRIMARY KEY,
    keys    TEXT NOT NULL
) WITHOUT ROWID;

-- Sites whose identity file this site has verified by fingerprint. Revoked sites stay listed.
CREATE TABLE sync_trusted_site (
    site_id       TEXT PRIMARY KEY,
    site_name     TEXT NOT NULL,
    identity      TEXT NOT NULL,   -- the self-signed identity file, as imported
    fingerprint   TEXT NOT NULL,
    trusted_at    TEXT NOT NULL,
    trusted_by    TEXT NOT NULL,
    revoked_at    TEXT,
    revoked_by    TEXT,
    revoke_reason TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Change sets: this site's own (sealed from change_log) and those received from other sites, kept
-- exactly as their origin signed them so that they can be relayed. Per origin they cover
-- consecutive, disjoint ranges of the origin's change_log sequence numbers.
CREATE TABLE sync_changeset (
    id          INTEGER PRIMARY KEY,
    origin_site TEXT NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    changes     INTEGER NOT NULL,
    min_hlc     TEXT NOT NULL,
    max_hlc     TEXT NOT NULL,
    sha256      TEXT NOT NULL,           -- of the signed frame (signature ‖ change set)
    body        BLOB NOT NULL,           -- the encoded change set, as signed
    signature   BLOB NOT NULL,
    applied     INTEGER NOT NULL,        -- 0: held until the change sets before it arrive
    received_at TEXT NOT NULL,
    UNIQUE (origin_site, first_seq)
);

-- For each origin site, every change up to applied_seq is applied here (for this site: sealed).
CREATE TABLE sync_origin_state (
    origin_site TEXT PRIMARY KEY,
    applied_seq INTEGER NOT NULL
) WITHOUT ROWID;

-- What each other site has acknowledged: it holds every change of origin_site up to seq.
CREATE TABLE sync_peer_ack (
    peer_site   TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (peer_site, origin_site)
) WITHOUT ROWID;

-- Bundles imported here: importing one again changes nothing.
CREATE TABLE sync_bundle_seen (
    bundle_id   TEXT PRIMARY KEY,
    sender_site TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    changesets  INTEGER NOT NULL,
    changes     INTEGER NOT NULL
) WITHOUT ROWID;

-- Per-field history of updated fields (a multi-value register per field). A write names the
-- writes it replaced (parents); the writes nobody replaced are the field's heads. One head: no
-- conflict. Several heads with different values: a conflict; the highest stamp is shown.
-- A field never updated has no rows: its only write is the record's insert (created_hlc).
CREATE TABLE sync_field_write (
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    column_name TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    known       INTEGER NOT NULL,  -- 0: known here only as the parent of another write
    superseded  INTEGER NOT NULL,  -- 1: some known write replaced it
    value       TEXT,              -- JSON; NULL once superseded
    parents     TEXT,              -- JSON array of the stamps it replaced; NULL when not known
    author      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (table_name, record_id, column_name, hlc)
) WITHOUT ROWID;
CREATE INDEX sync_field_head ON sync_field_write (table_name, record_id, column_name, hlc) WHERE superseded = 0;

-- Records with field writes that arrived before the record itself: merged in when it does.
CREATE TABLE sync_orphan_write (
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
) WITHOUT ROWID;

-- The purge register: a purged record stays purged, whatever arrives later. hlc is the stamp of
-- the purge that named the record, NULL for records purged because a record they belong to was.
CREATE TABLE sync_purge (
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    hlc        TEXT,
    PRIMARY KEY (table_name, record_id)
) WITHOUT ROWID;

-- Edits made before this migration have no recorded parents: each replaced the one before it
-- (the first one the record's insert), because they were all made here, one after another.
INSERT OR IGNORE INTO sync_field_write (table_name, record_id, column_name, hlc, known, superseded, value, parents)
SELECT table_name, record_id, column_name, hlc, 1,
       next_hlc IS NOT NULL,
       CASE WHEN next_hlc IS NULL THEN value END,
       CASE WHEN coalesce(prev_hlc, insert_hlc) IS NULL THEN '[]' ELSE json_array(coalesce(prev_hlc, insert_hlc)) END
FROM (
    SELECT w.*,
           lag(w.hlc) OVER history AS prev_hlc,
           lead(w.hlc) OVER history AS next_hlc,
           (SELECT i.hlc FROM change_log i
             WHERE i.table_name = w.table_name AND i.record_id = w.record_id AND i.op = 'insert'
             ORDER BY i.seq LIMIT 1) AS insert_hlc
    FROM (
        SELECT l.seq, l.table_name, l.record_id, j.key AS column_name, l.hlc, json_quote(j.value) AS value
        FROM change_log l, json_each(l.data) j
        WHERE l.op = 'update'
        UNION ALL
        SELECT seq, table_name, record_id, 'deleted', hlc, '1' FROM change_log WHERE op = 'delete'
    ) w
    WINDOW history AS (PARTITION BY w.table_name, w.record_id, w.column_name ORDER BY w.seq)
);
INSERT OR IGNORE INTO sync_field_write (table_name, record_id, column_name, hlc, known, superseded)
SELECT DISTINCT f.table_name, f.record_id, f.column_name, p.value, 0, 1
FROM sync_field_write f, json_each(f.parents) p;
