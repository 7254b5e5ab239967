-- Time and attendance, the manager's side (issue #26): the department's
-- grace and rounding, each hand correction's reason, exceptions approved
-- one by one, and approved pay periods. All audited (the triggers are
-- generated from the schema), so a correction keeps its before and after
-- and its reason in the history.

-- Why a punch was typed in or last corrected by hand (NULL: as the clock
-- gave it), and when (RFC 3339 UTC), so a change after the period's
-- approval is shown as such.
ALTER TABLE punch ADD COLUMN correction TEXT;
ALTER TABLE punch ADD COLUMN corrected_at TEXT;

-- One row once saved; until then the defaults (7 minutes, no rounding).
CREATE TABLE attendance_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    grace_minutes INTEGER NOT NULL DEFAULT 7 CHECK (grace_minutes BETWEEN 0 AND 30),
    rounding      TEXT NOT NULL DEFAULT 'none' CHECK (rounding IN ('none', '6', '15'))
);

-- An exception the manager accepted as it is ("approved").
CREATE TABLE exception_approval (
    staff_id    INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    workday     TEXT NOT NULL CHECK (workday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind        TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    PRIMARY KEY (staff_id, workday, kind)
);

-- A pay period approved for payroll: locked against imports; a hand
-- correction after `approved_at` is marked as made after approval.
CREATE TABLE pay_period_approval (
    start_date  TEXT PRIMARY KEY CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    approved_at TEXT NOT NULL
);
