-- Budget: fiscal years, budget lines with their monthly spread, typed
-- actuals and variance notes, the expense log, volumes and staffing targets.
-- Money is integer cents; a month is its index in the fiscal year (0 = first).

CREATE TABLE fiscal_year (
    id                     INTEGER PRIMARY KEY,
    -- The first month, "YYYY-MM"; kept with the year so that changing the
    -- department's start month later does not reshape a year already planned.
    first_month            TEXT NOT NULL UNIQUE,
    target_hppd_hundredths INTEGER NOT NULL DEFAULT 0 CHECK (target_hppd_hundredths >= 0)
);

CREATE TABLE budget_line (
    id             INTEGER PRIMARY KEY,
    fiscal_year_id INTEGER NOT NULL REFERENCES fiscal_year (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    category       TEXT NOT NULL CHECK (category IN ('productive_salaries', 'overtime', 'agency',
                       'benefits', 'medical_supplies', 'pharmacy', 'equipment', 'education_travel',
                       'purchased_services', 'other')),
    name           TEXT NOT NULL,
    gl_account     TEXT NOT NULL DEFAULT '',
    annual_cents   INTEGER NOT NULL CHECK (annual_cents >= 0),
    spread         TEXT NOT NULL CHECK (spread IN ('even', 'days', 'typed')),
    UNIQUE (fiscal_year_id, name COLLATE NOCASE)
);

CREATE INDEX budget_line_year ON budget_line (fiscal_year_id, position);

-- Twelve rows per line: the month's budget, the actual typed or imported
-- (NULL when none) and the manager's explanation of the variance.
CREATE TABLE budget_month (
    line_id      INTEGER NOT NULL REFERENCES budget_line (id) ON DELETE CASCADE,
    month        INTEGER NOT NULL CHECK (month BETWEEN 0 AND 11),
    budget_cents INTEGER NOT NULL CHECK (budget_cents >= 0),
    actual_cents INTEGER,
    explanation  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (line_id, month)
) WITHOUT ROWID;

-- Purchases the manager logs; they add to the month's actual of their line.
CREATE TABLE expense (
    id           INTEGER PRIMARY KEY,
    line_id      INTEGER NOT NULL REFERENCES budget_line (id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    vendor       TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    amount_cents INTEGER NOT NULL
);

CREATE INDEX expense_line_date ON expense (line_id, date);

-- Patient days per month, and hours typed or imported in place of the schedule's.
CREATE TABLE budget_volume (
    fiscal_year_id         INTEGER NOT NULL REFERENCES fiscal_year (id) ON DELETE CASCADE,
    month                  INTEGER NOT NULL CHECK (month BETWEEN 0 AND 11),
    budgeted_patient_days  INTEGER NOT NULL DEFAULT 0 CHECK (budgeted_patient_days >= 0),
    actual_patient_days    INTEGER CHECK (actual_patient_days >= 0),
    worked_minutes         INTEGER CHECK (worked_minutes >= 0),
    paid_minutes           INTEGER CHECK (paid_minutes >= 0),
    overtime_minutes       INTEGER CHECK (overtime_minutes >= 0),
    agency_minutes         INTEGER CHECK (agency_minutes >= 0),
    PRIMARY KEY (fiscal_year_id, month)
) WITHOUT ROWID;

-- Budgeted FTEs per role, in hundredths.
CREATE TABLE budget_fte (
    fiscal_year_id INTEGER NOT NULL REFERENCES fiscal_year (id) ON DELETE CASCADE,
    role           TEXT NOT NULL,
    fte_hundredths INTEGER NOT NULL CHECK (fte_hundredths >= 0),
    PRIMARY KEY (fiscal_year_id, role)
) WITHOUT ROWID;
