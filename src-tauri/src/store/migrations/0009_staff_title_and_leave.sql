-- The job title as HR writes it ("RN - Charge Nurse, Med/Surg"), beside the
-- role Wardbook schedules by; and a leave of absence: the person stays
-- employed (active) but cannot be scheduled or called in, from an optional
-- first day of leave (none: since a day not known).

ALTER TABLE staff ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN on_leave INTEGER NOT NULL DEFAULT 0 CHECK (on_leave IN (0, 1));
ALTER TABLE staff ADD COLUMN leave_since TEXT CHECK (leave_since IS NULL OR on_leave = 1);

-- What the staff (HR) import remembers of the status values the manager
-- read ("Per Diem Pool" → active), as it remembers the roles of job titles:
-- a choice about an import, not a record, so it keeps no history.
CREATE TABLE staff_import_status (
    value_key TEXT PRIMARY KEY,  -- the value, lower-cased, letters and digits only
    value     TEXT NOT NULL,     -- as the file wrote it, to show
    status    TEXT NOT NULL CHECK (status IN ('active', 'leave', 'terminated'))
) WITHOUT ROWID;
