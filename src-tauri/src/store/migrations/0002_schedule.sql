-- Schedules: shift types, department rules, holidays, coverage needs,
-- periods, assignments, changes after publishing, time off and call-outs.

CREATE TABLE shift_type (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name                 TEXT NOT NULL,
    start                TEXT NOT NULL,             -- local HH:MM
    length_minutes       INTEGER NOT NULL CHECK (length_minutes BETWEEN 60 AND 960),
    unpaid_break_minutes INTEGER NOT NULL CHECK (unpaid_break_minutes BETWEEN 0 AND 120),
    evening              INTEGER NOT NULL CHECK (evening IN (0, 1)),
    night                INTEGER NOT NULL CHECK (night IN (0, 1)),
    differential_kind    TEXT NOT NULL CHECK (differential_kind IN ('none', 'percent', 'per_hour')),
    -- Basis points for percent, cents per hour for per_hour.
    differential_value   INTEGER NOT NULL DEFAULT 0 CHECK (differential_value >= 0),
    CHECK (unpaid_break_minutes < length_minutes)
);

-- One row once the manager saves the rules; until then the defaults apply.
CREATE TABLE schedule_rules (
    id                          INTEGER PRIMARY KEY CHECK (id = 1),
    min_rest_minutes            INTEGER NOT NULL,
    max_consecutive_8h          INTEGER NOT NULL,
    max_consecutive_12h         INTEGER NOT NULL,
    weekly_hours_limit_minutes  INTEGER NOT NULL,
    period_hours_limit_minutes  INTEGER NOT NULL,
    no_day_after_night          INTEGER NOT NULL CHECK (no_day_after_night IN (0, 1)),
    max_weekends_per_4_weeks    INTEGER CHECK (max_weekends_per_4_weeks BETWEEN 0 AND 4),
    pay_period_anchor           TEXT NOT NULL,
    weekend_differential_kind   TEXT NOT NULL,
    weekend_differential_value  INTEGER NOT NULL,
    holiday_differential_kind   TEXT NOT NULL,
    holiday_differential_value  INTEGER NOT NULL
);

CREATE TABLE holiday (
    date TEXT PRIMARY KEY,
    name TEXT NOT NULL
) WITHOUT ROWID;

-- A coverage line: a shift × a role or a skill, with a need per weekday.
CREATE TABLE coverage_line (
    id            INTEGER PRIMARY KEY,
    position      INTEGER NOT NULL,
    shift_type_id INTEGER NOT NULL REFERENCES shift_type (id) ON DELETE CASCADE,
    role          TEXT,
    skill_id      INTEGER REFERENCES skill (id) ON DELETE CASCADE,
    CHECK ((role IS NULL) <> (skill_id IS NULL))
);

CREATE TABLE coverage_day (
    line_id INTEGER NOT NULL REFERENCES coverage_line (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6), -- 0 = Monday
    minimum INTEGER NOT NULL CHECK (minimum >= 0),
    target  INTEGER NOT NULL CHECK (target >= minimum),
    PRIMARY KEY (line_id, weekday)
) WITHOUT ROWID;

CREATE TABLE schedule_period (
    id           INTEGER PRIMARY KEY,
    start_date   TEXT NOT NULL UNIQUE,
    end_date     TEXT NOT NULL,
    weeks        INTEGER NOT NULL CHECK (weeks IN (4, 5, 6)),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    published_at TEXT,
    CHECK (end_date > start_date)
);

-- One cell of the grid holds one shift: a person has at most one per date.
CREATE TABLE assignment (
    staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    period_id     INTEGER NOT NULL REFERENCES schedule_period (id) ON DELETE CASCADE,
    shift_type_id INTEGER NOT NULL REFERENCES shift_type (id) ON DELETE RESTRICT,
    PRIMARY KEY (staff_id, date)
) WITHOUT ROWID;

CREATE INDEX assignment_date ON assignment (date);
CREATE INDEX assignment_period ON assignment (period_id);

-- Cells set, cleared or called out after their period was published.
CREATE TABLE schedule_change (
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    period_id  INTEGER NOT NULL REFERENCES schedule_period (id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (staff_id, date)
) WITHOUT ROWID;

CREATE TABLE time_off (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    from_date  TEXT NOT NULL,
    to_date    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('pto', 'sick', 'education', 'fmla', 'other')),
    status     TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'denied')),
    paid       INTEGER NOT NULL CHECK (paid IN (0, 1)),
    note       TEXT NOT NULL DEFAULT '',
    decided_at TEXT,
    CHECK (to_date >= from_date)
);

CREATE INDEX time_off_dates ON time_off (to_date, from_date);

-- Who called out of which shift, and when it was recorded. The shift's code
-- is kept as text so the record outlives the shift type.
CREATE TABLE call_out (
    id          INTEGER PRIMARY KEY,
    period_id   INTEGER NOT NULL REFERENCES schedule_period (id) ON DELETE CASCADE,
    staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    shift_code  TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
