-- The audit history: every change to the department's record, written by
-- triggers inside the transaction that makes the change, so a change and its
-- history commit together or not at all.
--
-- The per-table triggers are not in this file: they are generated from the
-- live schema by `audit::triggers` after every migration (see there), so a
-- column or table added by a later migration is audited without anyone
-- having to remember to write its triggers.

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    -- UTC, to the millisecond, so entries of one save sort together.
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    table_name TEXT NOT NULL,
    -- The record's primary key; composite keys joined with '/'.
    record_key TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    -- The person the record concerns, if any. No foreign key: the history
    -- of a person outlives the person's record.
    staff_id   INTEGER,
    -- A readable name for the record as it was at the time ("Lee, Ann — BLS").
    label      TEXT NOT NULL DEFAULT '',
    -- The whole row as JSON before and after; NULL for an insert / a delete.
    before     TEXT,
    after      TEXT
);

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_record ON audit_log (table_name, record_key);
CREATE INDEX audit_log_staff ON audit_log (staff_id, at);

-- The history is append-only. The app has no command that edits it; these
-- guards refuse it at the lowest level as well.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'The change history cannot be edited.');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'The change history cannot be edited.');
END;

-- The row an INSERT OR REPLACE is about to overwrite, held for the length of
-- that one statement so its AFTER INSERT trigger can log "before → after"
-- (SQLite does not fire delete triggers for REPLACE). Holds at most one row:
-- every insert clears it first, and the AFTER INSERT trigger clears it after
-- reading (an INSERT OR IGNORE that is ignored leaves its row until the next
-- insert, which clears it before anything reads it).
CREATE TABLE audit_pending (
    table_name TEXT NOT NULL,
    record_key TEXT NOT NULL,
    before     TEXT NOT NULL,
    PRIMARY KEY (table_name, record_key)
) WITHOUT ROWID;
