//! Rebuilding a department file in a private in-memory database, checking
//! everything before the department is touched.

use super::document::{from_json, Document};
use super::tables::{
    broken_reference, list, quote, restore_triggers, sequence_last, take_triggers, ForeignKeysOff,
    SEQUENCE,
};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// What a department file holds, for the manager to confirm before importing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DepartmentFileSummary {
    pub file_name: String,
    pub department: String,
    pub exported_at: String,
    pub app_version: String,
    pub schema_version: i64,
    /// Set when the file came from an older schema and was migrated.
    pub migrated: bool,
    pub staff: i64,
    pub active_staff: i64,
    pub schedule_periods: i64,
    pub fiscal_years: i64,
    pub tables: i64,
    pub rows: i64,
}

fn refuse(message: String) -> AppError {
    AppError::new(
        ErrorCode::Validation,
        format!("{message} Nothing was imported."),
    )
}

/// The file's department at the current schema, in memory, checked.
pub fn load(doc: &Document) -> AppResult<Connection> {
    let mut conn = crate::store::open_in_memory_at(doc.schema_version)?;
    {
        let _fk = ForeignKeysOff::new(&conn)?;
        let tx = conn.unchecked_transaction()?;
        let triggers = take_triggers(&tx)?;
        let schema: HashMap<String, Vec<String>> = list(&tx)?
            .into_iter()
            .map(|t| (t.name, t.columns))
            .collect();
        let mut seen: HashMap<&str, ()> = HashMap::new();
        for name in schema.keys() {
            tx.execute_batch(&format!("DELETE FROM {}", quote(name)))?;
        }
        let v = doc.schema_version;
        for table in sequence_last(&doc.tables) {
            if table.name == SEQUENCE {
                tx.execute_batch("DELETE FROM sqlite_sequence")?;
            }
            let Some(columns) = schema.get(&table.name) else {
                return Err(refuse(format!(
                    "The file has a table “{}” that schema {v} does not have: it is not a Wardbook department file, or it was altered.",
                    table.name
                )));
            };
            if seen.insert(&table.name, ()).is_some() {
                return Err(refuse(format!(
                    "The file has the table “{}” twice.",
                    table.name
                )));
            }
            if &table.columns != columns {
                return Err(refuse(format!(
                    "The file's table “{}” has the columns {} where schema {v} has {}.",
                    table.name,
                    table.columns.join(", "),
                    columns.join(", ")
                )));
            }
            let list = columns
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", ");
            let rules = column_rules(&tx, &table.name, columns)?;
            let marks = vec!["?"; columns.len()].join(", ");
            let mut insert = tx.prepare(&format!(
                "INSERT INTO {} ({list}) VALUES ({marks})",
                quote(&table.name)
            ))?;
            for (i, row) in table.rows.iter().enumerate() {
                let at = || format!("Table “{}”, row {}", table.name, i + 1);
                if row.len() != columns.len() {
                    return Err(refuse(format!(
                        "{} has {} values where there are {} columns.",
                        at(),
                        row.len(),
                        columns.len()
                    )));
                }
                let values = row
                    .iter()
                    .map(from_json)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|why| refuse(format!("{}: {why}.", at())))?;
                for ((value, rule), column) in values.iter().zip(&rules).zip(columns) {
                    if let Err(why) = rule.check(value) {
                        return Err(refuse(format!("{}, field “{column}”: {why}.", at())));
                    }
                }
                insert
                    .execute(rusqlite::params_from_iter(values))
                    .map_err(|e| refuse(format!("{} cannot be stored ({e}).", at())))?;
            }
        }
        if let Some(missing) = schema
            .keys()
            .find(|n| !seen.contains_key(n.as_str()) && *n != "sqlite_sequence")
        {
            return Err(refuse(format!(
                "The file has no table “{missing}”, which every department file of schema {v} has."
            )));
        }
        if let Some(broken) = broken_reference(&tx)? {
            return Err(refuse(format!("The file is inconsistent: {broken}.")));
        }
        restore_triggers(&tx, &triggers)?;
        tx.commit()?;
    }
    let departments: i64 = conn.query_row("SELECT count(*) FROM department", [], |r| r.get(0))?;
    if departments != 1 {
        return Err(refuse("The file holds no department.".into()));
    }
    crate::store::migrate(&mut conn)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(refuse(format!(
            "The rebuilt department fails its integrity check ({check})."
        )));
    }
    Ok(conn)
}

/// The counts a manager recognises, from the rebuilt department.
pub fn summary(
    doc: &Document,
    conn: &Connection,
    file_name: String,
) -> AppResult<DepartmentFileSummary> {
    let count = |sql: &str| -> AppResult<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let today = crate::department::require(conn)
        .map(|d| crate::input::format_date(crate::department::today(&d)))?;
    Ok(DepartmentFileSummary {
        file_name,
        department: doc.department.clone(),
        exported_at: doc.exported_at.clone(),
        app_version: doc.app_version.clone(),
        schema_version: doc.schema_version,
        migrated: doc.schema_version < crate::store::LATEST_VERSION,
        staff: count("SELECT count(*) FROM staff")?,
        active_staff: conn.query_row(
            "SELECT count(*) FROM staff WHERE termination_date IS NULL OR termination_date > ?1",
            [today],
            |r| r.get(0),
        )?,
        schedule_periods: count("SELECT count(*) FROM schedule_period")?,
        fiscal_years: count("SELECT count(*) FROM fiscal_year")?,
        tables: doc.tables.len() as i64,
        rows: doc.tables.iter().map(|t| t.rows.len() as i64).sum(),
    })
}

/// What a value of a column must be, beyond what SQLite itself enforces: the
/// forms' rules for whole numbers (cents, ids, counts) and dates, so a file
/// cannot bring in what a form would refuse.
enum ColumnRule {
    Any,
    /// Declared INTEGER: a whole number, never a float (1e300) or text.
    Whole,
    /// A day (`date`, `*_date`, `*_on`): a real date within the years kept.
    Date,
}

impl ColumnRule {
    fn check(&self, value: &rusqlite::types::Value) -> Result<(), String> {
        use rusqlite::types::Value as V;
        match (self, value) {
            (_, V::Null) | (ColumnRule::Any, _) => Ok(()),
            (ColumnRule::Whole, V::Integer(_)) => Ok(()),
            (ColumnRule::Whole, _) => Err("a whole number is expected here".into()),
            (ColumnRule::Date, V::Text(t)) if t.is_empty() => Ok(()),
            (ColumnRule::Date, V::Text(t)) => crate::input::date(t)
                .map(|_| ())
                .map_err(|m| m.trim_end_matches('.').to_string()),
            (ColumnRule::Date, _) => Err("a date (YYYY-MM-DD) is expected here".into()),
        }
    }
}

fn column_rules(conn: &Connection, table: &str, columns: &[String]) -> AppResult<Vec<ColumnRule>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_xinfo({})", quote(table)))?;
    let declared: HashMap<String, String> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        .collect::<Result<_, _>>()?;
    Ok(columns
        .iter()
        .map(|c| {
            let kind = declared
                .get(c)
                .map(|t| t.to_uppercase())
                .unwrap_or_default();
            if c == "rowid" || kind.contains("INT") {
                ColumnRule::Whole
            } else if c == "date" || c.ends_with("_date") || c.ends_with("_on") {
                ColumnRule::Date
            } else {
                ColumnRule::Any
            }
        })
        .collect())
}
