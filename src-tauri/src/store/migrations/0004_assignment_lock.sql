-- Cells the manager locked: Fill schedule keeps them as they are, a shift
-- or a day off. A lock belongs to a person and a date in one period, and
-- goes with the period.

CREATE TABLE assignment_lock (
    staff_id  INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    date      TEXT NOT NULL,
    period_id INTEGER NOT NULL REFERENCES schedule_period (id) ON DELETE CASCADE,
    PRIMARY KEY (staff_id, date)
) WITHOUT ROWID;

CREATE INDEX assignment_lock_period ON assignment_lock (period_id);
