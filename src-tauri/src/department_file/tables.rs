//! The user tables of a department database, found in `sqlite_master` so
//! that a table added by any later migration is covered without a change
//! here.

use crate::error::AppResult;
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub name: String,
    /// The stored columns in order; `rowid` first when the table has a
    /// rowid that no column names (so even that survives a round trip).
    pub columns: Vec<String>,
}

/// `"name"`, quotes doubled: table and column names come from the schema.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every table whose rows are the department's, in name order.
/// `sqlite_sequence` is one (AUTOINCREMENT counters decide future ids);
/// SQLite's statistics tables and virtual tables with their shadow tables
/// are not (they are derived, and rebuilt from the rest).
pub fn list(conn: &Connection) -> AppResult<Vec<TableInfo>> {
    let mut stmt = conn.prepare(
        "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )?;
    let all: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let virtual_tables: Vec<&str> = all
        .iter()
        .filter(|(_, sql)| sql.to_uppercase().starts_with("CREATE VIRTUAL TABLE"))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut out = Vec::new();
    for (name, sql) in &all {
        let internal = name.starts_with("sqlite_") && name != "sqlite_sequence";
        let derived = virtual_tables
            .iter()
            .any(|v| name == v || name.starts_with(&format!("{v}_")));
        if internal || derived {
            continue;
        }
        out.push(TableInfo {
            name: name.clone(),
            columns: columns(conn, name, sql)?,
        });
    }
    Ok(out)
}

fn columns(conn: &Connection, table: &str, sql: &str) -> AppResult<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_xinfo({})", quote(table)))?;
    // (name, declared type, primary-key position, hidden: 2 and 3 are generated)
    let cols: Vec<(String, String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(5)?, r.get(6)?)))?
        .collect::<Result<_, _>>()?;
    let pk: Vec<&(String, String, i64, i64)> = cols.iter().filter(|c| c.2 > 0).collect();
    let aliased = pk.len() == 1 && pk[0].1.eq_ignore_ascii_case("INTEGER");
    let without_rowid = sql
        .to_uppercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w == ["WITHOUT", "ROWID"]);
    let named_rowid = cols.iter().any(|c| c.0.eq_ignore_ascii_case("rowid"));
    let mut out = Vec::new();
    if !without_rowid && !aliased && !named_rowid && table != "sqlite_sequence" {
        out.push("rowid".to_string());
    }
    out.extend(cols.into_iter().filter(|c| c.3 == 0).map(|c| c.0));
    Ok(out)
}

/// Drops every trigger and gives back their SQL, so rows can be copied in
/// without an audit or guard trigger firing; `restore_triggers` puts them back.
pub fn take_triggers(conn: &Connection) -> AppResult<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
    )?;
    let triggers: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {}", quote(name)))?;
    }
    Ok(triggers)
}

pub fn restore_triggers(conn: &Connection, triggers: &[(String, String)]) -> AppResult<()> {
    for (_, sql) in triggers {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// Foreign keys off for a bulk copy (the order of tables then does not
/// matter), back on when dropped, whatever happened in between.
pub struct ForeignKeysOff<'a>(&'a Connection);

impl<'a> ForeignKeysOff<'a> {
    pub fn new(conn: &'a Connection) -> AppResult<Self> {
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        Ok(ForeignKeysOff(conn))
    }
}

impl Drop for ForeignKeysOff<'_> {
    fn drop(&mut self) {
        let _ = self.0.pragma_update(None, "foreign_keys", "ON");
    }
}

/// The first row that refers to a record that is not there, in words.
pub fn broken_reference(conn: &Connection) -> AppResult<Option<String>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = stmt.query([])?;
    Ok(match rows.next()? {
        Some(r) => {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            Some(format!(
                "{}{} refers to a {} record the file does not hold",
                super::naming::kind(&table),
                rowid.map(|id| format!(" {id}")).unwrap_or_default(),
                super::naming::kind(&parent).to_lowercase()
            ))
        }
        None => None,
    })
}

pub const SEQUENCE: &str = "sqlite_sequence";

/// The tables with `sqlite_sequence` moved to the end: every insert into an
/// AUTOINCREMENT table raises its counter, so the stored counters (which may
/// be past the last row: ids are never reused) are written last.
pub fn sequence_last<T: AsRef<str>, I: Clone + IntoIterator<Item = T>>(tables: I) -> Vec<T> {
    let (mut rest, seq): (Vec<T>, Vec<T>) =
        tables.into_iter().partition(|t| t.as_ref() != SEQUENCE);
    rest.extend(seq);
    rest
}

impl AsRef<str> for TableInfo {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

/// Copies every row of `tables` from `from` into `to` (same schema).
pub fn copy_rows(from: &Connection, to: &Connection, tables: &[TableInfo]) -> AppResult<i64> {
    let mut copied = 0;
    for t in sequence_last(tables) {
        if t.name == SEQUENCE {
            // Inserting ids above has already written counters; the file's win.
            to.execute_batch("DELETE FROM sqlite_sequence")?;
        }
        let cols: Vec<String> = t.columns.iter().map(|c| quote(c)).collect();
        let list = cols.join(", ");
        let marks = vec!["?"; cols.len()].join(", ");
        let mut select = from.prepare(&format!("SELECT {list} FROM {}", quote(&t.name)))?;
        let mut insert = to.prepare(&format!(
            "INSERT INTO {} ({list}) VALUES ({marks})",
            quote(&t.name)
        ))?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let values: Vec<rusqlite::types::Value> = (0..cols.len())
                .map(|i| row.get(i))
                .collect::<Result<_, _>>()?;
            insert.execute(rusqlite::params_from_iter(values))?;
            copied += 1;
        }
    }
    Ok(copied)
}
