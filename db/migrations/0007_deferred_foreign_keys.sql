-- Every foreign key is checked when its transaction commits (DEFERRABLE INITIALLY DEFERRED)
-- instead of after each statement.
--
-- Why: SQLite keeps a statement journal for a statement that writes many rows and may fail half
-- way, so that the statement alone can be undone: a copy of every page it changes, held in
-- memory (temp_store = MEMORY) and so, with SQLCipher's memory security (required:
-- docs/security.md), in locked and wiped allocations. An immediate foreign key makes every
-- multi-row insert such a statement. Importing a large bundle spent two thirds of its locked
-- allocations on these copies. Every write of the program runs in a transaction that is undone
-- as a whole when it fails (storage/connection.py, `transaction`; the import's own), so checking
-- at COMMIT refuses exactly what was refused before and leaves the database exactly as it was.
--
-- How: SQLite cannot alter a foreign key, and rebuilding the tables would copy every row. As in
-- migration 5, this is SQLite's documented procedure for changes that leave the stored rows valid
-- and unchanged (https://sqlite.org/lang_altertable.html, "making other kinds of table schema
-- changes"): edit the CREATE TABLE text in sqlite_schema, then make a schema change so that every
-- connection reads the schema again. "RESET" makes the migrating connection itself read it again
-- (a schema change alone would only tell the others). It runs inside the migration's
-- transaction; a typo here would make that re-read fail and roll everything back. Each referenced table's clause is
-- rewritten wherever it appears (the clauses end there: no ON DELETE or ON UPDATE actions).

PRAGMA writable_schema = ON;

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES client (id)', 'REFERENCES client (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES enrolment (id)', 'REFERENCES enrolment (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES agency (id)', 'REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES consent (id)', 'REFERENCES consent (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES assessment (id)', 'REFERENCES assessment (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES note (id)', 'REFERENCES note (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES release_plan (id)', 'REFERENCES release_plan (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

UPDATE sqlite_schema
SET sql = replace(sql, 'REFERENCES plan_version (id)', 'REFERENCES plan_version (id) DEFERRABLE INITIALLY DEFERRED')
WHERE type = 'table';

PRAGMA writable_schema = RESET;

-- A schema change (it bumps the schema cookie): every other connection now reads it too.
CREATE TABLE schema_reload_0007 (x INTEGER);
DROP TABLE schema_reload_0007;
