-- Time-clock punches (issue #26): one worked stretch per row, an in and an
-- out instant, either missing for a missed punch. Instants are UTC
-- (RFC 3339, 'YYYY-MM-DDTHH:MM:SSZ') so a night across a clock change keeps
-- its real length; `workday` is the local date the stretch counts on.
-- Audited like every table (the triggers are generated from the schema),
-- so each correction keeps its before and after.

CREATE TABLE punch (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    workday      TEXT NOT NULL CHECK (workday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    clock_in     TEXT,
    clock_out    TEXT,
    meal_minutes INTEGER NOT NULL DEFAULT 0 CHECK (meal_minutes BETWEEN 0 AND 240),
    pay_code     TEXT,
    cost_centre  TEXT,
    source_line  INTEGER NOT NULL DEFAULT 0,  -- the line of the imported file; 0 when typed in
    CHECK (clock_in IS NOT NULL OR clock_out IS NOT NULL),
    CHECK (clock_in IS NULL OR clock_out IS NULL OR clock_out > clock_in)
);

CREATE INDEX punch_workday ON punch (workday, staff_id);

-- The punch import's column mapping per layout of export (its header), so
-- the next file from the same time clock needs no mapping. A choice about
-- an import, not a record: no history (as staff_import_mapping).
CREATE TABLE punch_import_mapping (
    source  TEXT PRIMARY KEY,  -- the header, lower-cased, letters and digits only, '|' between columns
    mapping TEXT NOT NULL      -- the PunchMapping as JSON
) WITHOUT ROWID;
