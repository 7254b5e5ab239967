-- The finance (GL) import's memory: which of finance's accounts go to which
-- budget line (many accounts to one line, per fiscal year because lines are),
-- and which of the cost centres in finance's files are this department's.

CREATE TABLE budget_account_map (
    id             INTEGER PRIMARY KEY,
    fiscal_year_id INTEGER NOT NULL REFERENCES fiscal_year (id) ON DELETE CASCADE,
    -- Finance's account code as it appears in the file ("6010-4410-100").
    account        TEXT NOT NULL CHECK (account <> ''),
    line_id        INTEGER NOT NULL REFERENCES budget_line (id) ON DELETE CASCADE,
    UNIQUE (fiscal_year_id, account COLLATE NOCASE)
);

CREATE INDEX budget_account_map_line ON budget_account_map (line_id);

CREATE TABLE budget_cost_centre (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL CHECK (code <> '') UNIQUE COLLATE NOCASE
);

-- One truth for a line's amount: its months. A typed line could hold an
-- annual amount its months did not add up to; from now on the annual is
-- always their sum (see budget::lines).
UPDATE budget_line
SET annual_cents = (SELECT COALESCE(SUM(m.budget_cents), 0) FROM budget_month m WHERE m.line_id = budget_line.id)
WHERE annual_cents <> (SELECT COALESCE(SUM(m.budget_cents), 0) FROM budget_month m WHERE m.line_id = budget_line.id);
