-- The department, its staff roster, skills, credentials, trainings and evaluations.

CREATE TABLE department (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    name                    TEXT NOT NULL,
    unit_type               TEXT NOT NULL,
    beds                    INTEGER NOT NULL CHECK (beds >= 0),
    time_zone               TEXT NOT NULL,
    fiscal_year_start_month INTEGER NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    overtime_rule           TEXT NOT NULL CHECK (overtime_rule IN ('weekly_40', 'eight_eighty')),
    created_at              TEXT NOT NULL
);

CREATE TABLE skill (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE staff (
    id                INTEGER PRIMARY KEY,
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    employee_no       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role              TEXT NOT NULL,
    job_code          TEXT NOT NULL DEFAULT '',
    employment_type   TEXT NOT NULL,
    fte_hundredths    INTEGER NOT NULL CHECK (fte_hundredths BETWEEN 0 AND 100),
    hourly_rate_cents INTEGER NOT NULL CHECK (hourly_rate_cents >= 0),
    hire_date         TEXT NOT NULL,
    seniority_date    TEXT,
    termination_date  TEXT,
    phone             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    CHECK (termination_date IS NULL OR termination_date >= hire_date)
);

CREATE TABLE staff_skill (
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    PRIMARY KEY (staff_id, skill_id)
) WITHOUT ROWID;

CREATE TABLE credential_type (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    renewal_months INTEGER CHECK (renewal_months IS NULL OR renewal_months BETWEEN 1 AND 120),
    when_expired   TEXT NOT NULL CHECK (when_expired IN ('block', 'warn'))
);

-- The roles for which a credential type is required.
CREATE TABLE credential_type_role (
    type_id INTEGER NOT NULL REFERENCES credential_type (id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (type_id, role)
) WITHOUT ROWID;

CREATE TABLE credential (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    type_id     INTEGER NOT NULL REFERENCES credential_type (id) ON DELETE RESTRICT,
    number      TEXT NOT NULL DEFAULT '',
    issued_on   TEXT,
    expires_on  TEXT,
    verified_on TEXT,
    UNIQUE (staff_id, type_id)
);

-- Trainings, annual competencies and performance evaluations.
CREATE TABLE training (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('training', 'competency', 'evaluation')),
    name         TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    completed_on TEXT,
    rating       INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);

CREATE INDEX training_staff ON training (staff_id);
