//! What a restore changes, record by record, shown before it is confirmed:
//! the people, shifts and budget lines the backup brings back, removes or
//! puts back as they were, by name (the first 20, then how many more).

use super::cipher::{self, Passphrase};
use crate::error::AppResult;
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::path::Path;

/// How many changes are named before "and N more".
pub const NAMED: usize = 20;

/// Each kind: what it is called, and a query of (key, name, value).
const KINDS: [(&str, &str); 3] = [
    (
        "Person",
        "SELECT id, last_name || ', ' || first_name, * FROM staff",
    ),
    (
        "Shift",
        "SELECT a.staff_id || ':' || a.date, s.last_name || ', ' || s.first_name || ' ' || a.date, t.code
         FROM assignment AS a JOIN staff AS s ON s.id = a.staff_id JOIN shift_type AS t ON t.id = a.shift_type_id",
    ),
    ("Budget line", "SELECT id, name, * FROM budget_line"),
];

type Rows = BTreeMap<String, (String, String)>;

fn rows(conn: &Connection, sql: &str) -> AppResult<Rows> {
    let mut stmt = conn.prepare(sql)?;
    let n = stmt.column_count();
    let mut out = Rows::new();
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let key = format!("{:?}", r.get_ref(0)?);
        let name: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
        let value = (2..n)
            .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
            .collect::<Result<Vec<_>, _>>()?
            .join("|");
        out.insert(key, (name, value));
    }
    Ok(out)
}

/// The changes restoring the backup at `backup` (under `key`) makes to the
/// department in `current`, in words; and how many in all.
pub fn list(
    current: &Connection,
    backup: &Path,
    key: Option<&Passphrase>,
) -> AppResult<(Vec<String>, usize)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let other = Connection::open_with_flags(backup, flags)
        .map_err(|e| super::faults::sqlite_error(e, backup))?;
    cipher::apply_key(&other, key)?;
    let mut said = Vec::new();
    for (what, sql) in KINDS {
        let (now, then) = (rows(current, sql)?, rows(&other, sql)?);
        for (k, (name, value)) in &now {
            match then.get(k) {
                None => said.push(format!("{what} {name}: removed (not in the backup)")),
                Some((_, old)) if old != value => {
                    if what == "Shift" {
                        said.push(format!("{what} {name}: {value} → {old}"));
                    } else {
                        said.push(format!("{what} {name}: back to how it was in the backup"));
                    }
                }
                _ => {}
            }
        }
        for (k, (name, _)) in &then {
            if !now.contains_key(k) {
                said.push(format!("{what} {name}: back (removed since the backup)"));
            }
        }
    }
    let total = said.len();
    said.truncate(NAMED);
    Ok((said, total))
}

#[cfg(test)]
#[path = "differences_tests.rs"]
mod tests;
