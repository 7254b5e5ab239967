-- Shift swaps the manager decided on: one person gives their shift on a
-- day to another, who may give one of theirs back. Approved swaps moved the
-- shifts when they were decided; declined ones are kept so the record says
-- who asked and what was answered. Shift codes are kept as they were, so a
-- later change of shift types leaves the record readable. The two people
-- differ and a date given back has its shift code: `schedule::store::swaps`
-- checks both before writing.

CREATE TABLE shift_swap (
    id            INTEGER PRIMARY KEY,
    period_id     INTEGER NOT NULL REFERENCES schedule_period (id) ON DELETE CASCADE,
    staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    shift_code    TEXT NOT NULL,
    with_staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    -- None when the shift is given away with nothing back.
    with_date     TEXT,
    with_shift_code TEXT,
    status        TEXT NOT NULL CHECK (status IN ('approved', 'declined')),
    note          TEXT NOT NULL DEFAULT '',
    decided_at    TEXT NOT NULL
);

CREATE INDEX shift_swap_period ON shift_swap (period_id);
