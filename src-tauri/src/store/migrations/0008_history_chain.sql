-- The history is chained: every entry has a seal, a keyed hash (HMAC-SHA256)
-- of the entry and of the seal before it, written by a trigger in the same
-- statement as the entry. An entry edited, removed or slipped in outside
-- Wardbook no longer matches its seal, so the first broken entry can be named
-- (`audit::chain`). The seals and their key are guarded like the history
-- itself; the guard and chain triggers are (re)created at every open.

CREATE TABLE audit_chain_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    -- Random per department file; travels with the file and its backups.
    key BLOB NOT NULL
);

INSERT INTO audit_chain_key (id, key) VALUES (1, randomblob(32));

CREATE TABLE audit_seal (
    entry_id INTEGER PRIMARY KEY,
    hash     BLOB NOT NULL
);
