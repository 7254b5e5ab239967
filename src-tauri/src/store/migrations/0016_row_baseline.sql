-- The records are checked against the history (`audit::rows`): each row must
-- be as its newest history entry left it. Rows no entry describes as they
-- are — written before the history began, or reshaped by a schema update
-- (a column added) — are described here instead, by the app, at the update
-- that reshaped them. Each row of this table is sealed with the history's
-- key, so a row edited here outside Wardbook no longer matches its seal.

CREATE TABLE audit_baseline (
    table_name TEXT NOT NULL,
    record_key TEXT NOT NULL,
    -- The newest history entry when this description was taken: an entry of
    -- the record after it supersedes it.
    entry_id   INTEGER NOT NULL,
    -- The whole row as JSON, as the change triggers write it.
    -- NULL: the record is not there (removed by the update).
    state      TEXT,
    seal       BLOB NOT NULL,
    PRIMARY KEY (table_name, record_key)
) WITHOUT ROWID;
