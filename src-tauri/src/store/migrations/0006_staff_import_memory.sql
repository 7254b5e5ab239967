-- What the staff (HR) import remembers between imports, so the next export
-- from the same HR system needs no matching again: the column mapping per
-- layout of the file (its header), and the role each job title or job code
-- was given. They are the department's (they go with its file) but are
-- choices about an import, not records, so they keep no history.

CREATE TABLE staff_import_mapping (
    source  TEXT PRIMARY KEY,  -- the file's header, lower-cased, letters and digits only, '|' between columns
    mapping TEXT NOT NULL      -- the StaffImportMapping as JSON, without the per-file role choices
) WITHOUT ROWID;

CREATE TABLE staff_import_role (
    value_key TEXT PRIMARY KEY,  -- the title or code, lower-cased, letters and digits only
    value     TEXT NOT NULL,     -- as the file wrote it, to show
    role      TEXT NOT NULL CHECK (role IN ('RN', 'LPN', 'CNA', 'UC', 'TECH', 'MD', 'MGR', 'OTHER'))
) WITHOUT ROWID;
