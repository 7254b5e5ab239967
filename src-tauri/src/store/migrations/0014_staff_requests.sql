-- Staff requests: what a person asks of the schedule for one day — to work
-- (a given shift type, or any) or to be off — with a priority and a note.
-- One per person per day. A per diem person's requests to work are also
-- their offered days (see `requests`). The shift type is kept from being
-- deleted while a request names it (its delete says so first).

CREATE TABLE staff_request (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('work', 'off')),
    shift_type_id INTEGER REFERENCES shift_type (id) ON DELETE RESTRICT,
    priority      TEXT NOT NULL CHECK (priority IN ('must', 'strong', 'nice')),
    note          TEXT NOT NULL DEFAULT '',
    CHECK (kind = 'work' OR shift_type_id IS NULL),
    UNIQUE (staff_id, date)
);

CREATE INDEX staff_request_date ON staff_request (date);

-- The department's rule on requests; until it is saved the default applies.
CREATE TABLE staff_request_rules (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    strong_per_period INTEGER NOT NULL CHECK (strong_per_period BETWEEN 0 AND 31)
);
