-- (1) The same CHECK constraints, written as OR-ed comparisons instead of IN lists of three or more.
--
-- Why: SQLite checks `x IN ('a', 'b', 'c')` in a CHECK constraint by filling a temporary b-tree
-- with the list, for every row inserted or updated. With SQLCipher's memory security (required:
-- docs/security.md) each of those costs locked allocations; on a bulk insert that was a third of
-- the time. `x = 'a' OR x = 'b' OR x = 'c'` accepts and refuses exactly the same values (NULL
-- included: both give NULL, which a CHECK accepts; the columns are NOT NULL anyway).
--
-- How: SQLite cannot alter a CHECK constraint, and rebuilding the tables would copy every row.
-- This is SQLite's documented procedure for changes that leave the stored rows valid and
-- unchanged (https://sqlite.org/lang_altertable.html, "making other kinds of table schema
-- changes"): edit the CREATE TABLE text in sqlite_schema, then make a schema change so that
-- every connection reads the schema again. It runs inside the migration's transaction; a typo
-- here would make that re-read fail and roll everything back.

PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (role IN (''officer'', ''coordinator'', ''admin''))',
    'CHECK (role = ''officer'' OR role = ''coordinator'' OR role = ''admin'')')
WHERE type = 'table' AND name = 'app_user';

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (facility_kind IN (''prison'', ''remand'', ''probation''))',
    'CHECK (facility_kind = ''prison'' OR facility_kind = ''remand'' OR facility_kind = ''probation'')')
WHERE type = 'table' AND name = 'custody';

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''sent'', ''accepted'', ''declined'', ''closed''))',
    'CHECK (status = ''sent'' OR status = ''accepted'' OR status = ''declined'' OR status = ''closed'')')
WHERE type = 'table' AND name = 'referral';

UPDATE sqlite_schema SET sql = replace(replace(sql,
    'CHECK (status IN (''draft'', ''approved'', ''issued''))',
    'CHECK (status = ''draft'' OR status = ''approved'' OR status = ''issued'')'),
    'CHECK (client_agreement IN (''agrees'', ''does_not_agree'', ''could_not_be_asked''))',
    'CHECK (client_agreement = ''agrees'' OR client_agreement = ''does_not_agree'''
        || ' OR client_agreement = ''could_not_be_asked'')')
WHERE type = 'table' AND name = 'plan_version';

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''planned'', ''in_progress'', ''done'', ''cancelled''))',
    'CHECK (status = ''planned'' OR status = ''in_progress'' OR status = ''done'' OR status = ''cancelled'')')
WHERE type = 'table' AND name = 'plan_action';

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (variant IN (''internal'', ''agency'', ''client''))',
    'CHECK (variant = ''internal'' OR variant = ''agency'' OR variant = ''client'')')
WHERE type = 'table' AND name = 'print_log';

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (op IN (''insert'', ''update'', ''delete'', ''purge''))',
    'CHECK (op = ''insert'' OR op = ''update'' OR op = ''delete'' OR op = ''purge'')')
WHERE type = 'table' AND name = 'change_log';

PRAGMA writable_schema = OFF;

-- A schema change (it bumps the schema cookie): every connection now reads the edited schema.
CREATE TABLE schema_reload_0005 (x INTEGER);
DROP TABLE schema_reload_0005;

-- (2) A client's latest custody in the caseload's order (client_repo._CASELOAD_SQL): one index
-- step per client instead of collecting and sorting each client's custody rows. The last two
-- columns let the dashboard's "is it the current custody" check read this index alone.
CREATE INDEX custody_client_latest
    ON custody (client_id, coalesce(sentence_start, '') DESC, created_hlc DESC, sentence_start, deleted)
    WHERE deleted = 0;
