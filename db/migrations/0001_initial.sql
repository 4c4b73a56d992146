-- Entré Desktop schema, version 1.
-- Every synced record: UUID text id, created/updated hybrid-logical-clock stamps, the site that
-- made it, and a tombstone flag (deleted rows stay until purged so deletes can sync).
-- Dates are ISO-8601 text (YYYY-MM-DD); instants are ISO-8601 UTC text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE site (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

-- Users are local to a site's database: each has a key slot in the sidecar file.
CREATE TABLE app_user (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('officer', 'coordinator', 'admin')),
    active       INTEGER NOT NULL DEFAULT 1,
    created_hlc  TEXT NOT NULL,
    updated_hlc  TEXT NOT NULL,
    origin_site  TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE client (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    personal_number       TEXT NOT NULL,
    id_kind               TEXT NOT NULL CHECK (id_kind IN ('personnummer', 'samordningsnummer')),
    date_of_birth         TEXT NOT NULL,
    languages             TEXT NOT NULL DEFAULT '',
    protected_address     INTEGER NOT NULL DEFAULT 0,
    address               TEXT NOT NULL DEFAULT '',
    phone                 TEXT NOT NULL DEFAULT '',
    -- Special-category data: shown only inside the record, never listed, filtered or searched.
    milieu                TEXT NOT NULL DEFAULT '',
    responsible_user_name TEXT NOT NULL DEFAULT '',
    created_hlc           TEXT NOT NULL,
    updated_hlc           TEXT NOT NULL,
    origin_site           TEXT NOT NULL,
    deleted               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX client_personal_number ON client (personal_number);

CREATE TABLE custody (
    id                       TEXT PRIMARY KEY,
    client_id                TEXT NOT NULL REFERENCES client (id),
    facility                 TEXT NOT NULL DEFAULT '',
    facility_kind            TEXT NOT NULL DEFAULT 'prison' CHECK (facility_kind IN ('prison', 'remand', 'probation')),
    sentence_start           TEXT,
    sentence_end             TEXT,
    conditional_release_date TEXT,
    supervision_end          TEXT,
    supervisor               TEXT NOT NULL DEFAULT '',
    conditions               TEXT NOT NULL DEFAULT '',
    gradual_release          TEXT NOT NULL DEFAULT '',
    created_hlc              TEXT NOT NULL,
    updated_hlc              TEXT NOT NULL,
    origin_site              TEXT NOT NULL,
    deleted                  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX custody_client ON custody (client_id);
CREATE INDEX custody_release ON custody (conditional_release_date);

CREATE TABLE enrolment (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    stage       TEXT NOT NULL,
    stage_since TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX enrolment_client ON enrolment (client_id);

CREATE TABLE stage_change (
    id           TEXT PRIMARY KEY,
    enrolment_id TEXT NOT NULL REFERENCES enrolment (id),
    client_id    TEXT NOT NULL REFERENCES client (id),
    from_stage   TEXT,
    to_stage     TEXT NOT NULL,
    changed_on   TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    changed_by   TEXT NOT NULL,
    created_hlc  TEXT NOT NULL,
    updated_hlc  TEXT NOT NULL,
    origin_site  TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stage_change_client ON stage_change (client_id, changed_on);

CREATE TABLE agency (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'other',
    phone       TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE agency_contact (
    id          TEXT PRIMARY KEY,
    agency_id   TEXT NOT NULL REFERENCES agency (id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agency_contact_agency ON agency_contact (agency_id);

CREATE TABLE consent (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES client (id),
    agency_id    TEXT NOT NULL REFERENCES agency (id),
    scope        TEXT NOT NULL,            -- comma-separated plan areas the agency may receive
    given_on     TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    withdrawn_on TEXT,
    created_hlc  TEXT NOT NULL,
    updated_hlc  TEXT NOT NULL,
    origin_site  TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consent_client ON consent (client_id);

CREATE TABLE referral (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    agency_id   TEXT NOT NULL REFERENCES agency (id),
    consent_id  TEXT NOT NULL REFERENCES consent (id),
    referred_on TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'closed')),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX referral_client ON referral (client_id);

CREATE TABLE assessment (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    assessed_on TEXT NOT NULL,
    instrument  TEXT NOT NULL,
    assessor    TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assessment_client ON assessment (client_id, assessed_on);

CREATE TABLE assessment_rating (
    id            TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment (id),
    domain        TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    created_hlc   TEXT NOT NULL,
    updated_hlc   TEXT NOT NULL,
    origin_site   TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assessment_rating_assessment ON assessment_rating (assessment_id);

CREATE TABLE risk_flag (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    kind        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    review_on   TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX risk_flag_client ON risk_flag (client_id);

-- Append-only logs (contact log, notes): never updated; both sides of a sync keep both.
CREATE TABLE contact_log (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    occurred_on TEXT NOT NULL,
    kind        TEXT NOT NULL,
    attended    INTEGER NOT NULL DEFAULT 1,
    engagement  INTEGER CHECK (engagement BETWEEN 1 AND 5),
    summary     TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_log_client ON contact_log (client_id, occurred_on);

CREATE TABLE note (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    written_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    corrects_id TEXT REFERENCES note (id),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX note_client ON note (client_id, written_at);
CREATE TRIGGER note_append_only BEFORE UPDATE OF body, written_at, author, client_id ON note
BEGIN
    SELECT RAISE(ABORT, 'notes are append-only: add a correction instead');
END;

CREATE TABLE release_plan (
    id               TEXT PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES client (id),
    lead_coordinator TEXT NOT NULL DEFAULT '',
    next_review_on   TEXT,
    created_hlc      TEXT NOT NULL,
    updated_hlc      TEXT NOT NULL,
    origin_site      TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX release_plan_client ON release_plan (client_id);

CREATE TABLE plan_version (
    id                 TEXT PRIMARY KEY,
    plan_id            TEXT NOT NULL REFERENCES release_plan (id),
    version_no         INTEGER NOT NULL,
    status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'issued')),
    client_goals       TEXT NOT NULL DEFAULT '',
    strengths          TEXT NOT NULL DEFAULT '',
    risk_factors       TEXT NOT NULL DEFAULT '',
    protective_factors TEXT NOT NULL DEFAULT '',
    warning_signs      TEXT NOT NULL DEFAULT '',
    contingency        TEXT NOT NULL DEFAULT '',
    first_72_hours     TEXT NOT NULL DEFAULT '',
    client_agreement   TEXT NOT NULL DEFAULT 'could_not_be_asked'
        CHECK (client_agreement IN ('agrees', 'does_not_agree', 'could_not_be_asked')),
    approved_by        TEXT,
    approved_at        TEXT,
    issued_at          TEXT,
    checksum           TEXT,
    created_hlc        TEXT NOT NULL,
    updated_hlc        TEXT NOT NULL,
    origin_site        TEXT NOT NULL,
    deleted            INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, version_no)
);

CREATE TABLE plan_action (
    id              TEXT PRIMARY KEY,
    plan_version_id TEXT NOT NULL REFERENCES plan_version (id),
    area            TEXT NOT NULL,
    goal            TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    agency_id       TEXT REFERENCES agency (id),
    contact_name    TEXT NOT NULL DEFAULT '',
    due_on          TEXT,
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    created_hlc     TEXT NOT NULL,
    updated_hlc     TEXT NOT NULL,
    origin_site     TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_action_version ON plan_action (plan_version_id);
CREATE INDEX plan_action_due ON plan_action (status, due_on);

-- An issued plan version is locked: neither it nor its actions change again.
CREATE TRIGGER plan_version_locked BEFORE UPDATE ON plan_version
WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued plan version is locked');
END;
CREATE TRIGGER plan_action_locked_update BEFORE UPDATE ON plan_action
WHEN (SELECT status FROM plan_version WHERE id = OLD.plan_version_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued plan version is locked');
END;
CREATE TRIGGER plan_action_locked_insert BEFORE INSERT ON plan_action
WHEN (SELECT status FROM plan_version WHERE id = NEW.plan_version_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued plan version is locked');
END;

CREATE TABLE print_log (
    id                  TEXT PRIMARY KEY,
    client_id           TEXT NOT NULL REFERENCES client (id),
    plan_version_id     TEXT NOT NULL REFERENCES plan_version (id),
    variant             TEXT NOT NULL CHECK (variant IN ('internal', 'agency', 'client')),
    recipient_agency_id TEXT REFERENCES agency (id),
    language            TEXT NOT NULL,
    copy_no             INTEGER NOT NULL,
    printed_at          TEXT NOT NULL,
    printed_by          TEXT NOT NULL,
    document_hash       TEXT NOT NULL,
    created_hlc         TEXT NOT NULL,
    updated_hlc         TEXT NOT NULL,
    origin_site         TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX print_log_client ON print_log (client_id);

CREATE TABLE attachment (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id),
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL DEFAULT 'application/octet-stream',
    content     BLOB NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachment_client ON attachment (client_id);

-- Insert-only, hash-chained audit log. seq must stay 1..n without gaps.
CREATE TABLE audit_event (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    at        TEXT NOT NULL,
    site_id   TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    reason    TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is insert-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is insert-only');
END;

-- Every local change to a synced record, in order: what sync exports.
CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY,
    hlc         TEXT NOT NULL,
    site_id     TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'purge')),
    data        TEXT NOT NULL
);
CREATE INDEX change_log_record ON change_log (table_name, record_id);

-- Full-text search over client names, personal numbers and notes. The milieu is never indexed.
CREATE VIRTUAL TABLE search_index USING fts5 (
    client_id UNINDEXED,
    source UNINDEXED,
    source_id UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER client_search_insert AFTER INSERT ON client
BEGIN
    INSERT INTO search_index (client_id, source, source_id, text)
    VALUES (NEW.id, 'client', NEW.id, NEW.name || ' ' || NEW.personal_number || ' ' || replace(NEW.personal_number, '-', ''));
END;
CREATE TRIGGER client_search_update AFTER UPDATE OF name, personal_number, deleted ON client
BEGIN
    DELETE FROM search_index WHERE source = 'client' AND source_id = OLD.id;
    INSERT INTO search_index (client_id, source, source_id, text)
    SELECT NEW.id, 'client', NEW.id, NEW.name || ' ' || NEW.personal_number || ' ' || replace(NEW.personal_number, '-', '')
    WHERE NEW.deleted = 0;
END;
CREATE TRIGGER client_search_delete AFTER DELETE ON client
BEGIN
    DELETE FROM search_index WHERE client_id = OLD.id;
END;
CREATE TRIGGER note_search_insert AFTER INSERT ON note
BEGIN
    INSERT INTO search_index (client_id, source, source_id, text)
    VALUES (NEW.client_id, 'note', NEW.id, NEW.body);
END;
CREATE TRIGGER note_search_delete AFTER DELETE ON note
BEGIN
    DELETE FROM search_index WHERE source = 'note' AND source_id = OLD.id;
END;
