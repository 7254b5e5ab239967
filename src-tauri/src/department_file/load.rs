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
    /// What importing it would do with the file's history.
    pub history: super::FileHistory,
    /// The entries of the department's own history, which are kept.
    pub kept_history_entries: i64,
    /// The file was changed after it was exported (it no longer matches its
    /// checksum): said before importing, and in the import's history entry.
    pub edited_after_export: bool,
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
        let names = super::naming::Names::new(doc);
        for table in sequence_last(&doc.tables) {
            if table.name == SEQUENCE {
                tx.execute_batch("DELETE FROM sqlite_sequence")?;
            }
            let Some(columns) = schema.get(&table.name) else {
                return Err(refuse(format!(
                    "The file holds records of a kind this version of Wardbook does not know \
                     (“{}”): it is not a Wardbook department file, or it was altered.",
                    super::naming::kind(&table.name)
                )));
            };
            let what = super::naming::kind(&table.name);
            if seen.insert(&table.name, ()).is_some() {
                return Err(refuse(format!(
                    "The file holds the {} records twice: it was altered.",
                    what.to_lowercase()
                )));
            }
            if &table.columns != columns {
                let unknown: Vec<String> = table
                    .columns
                    .iter()
                    .filter(|c| !columns.contains(c))
                    .map(|c| format!("“{}”", super::naming::shown(c)))
                    .collect();
                let lacking: Vec<String> = columns
                    .iter()
                    .filter(|c| !table.columns.contains(c))
                    .map(|c| super::naming::field(c))
                    .collect();
                let mut why = Vec::new();
                if !unknown.is_empty() {
                    why.push(format!(
                        "fields Wardbook does not know ({})",
                        unknown.join(", ")
                    ));
                }
                if !lacking.is_empty() {
                    why.push(format!("no {}", lacking.join(", no ")));
                }
                if why.is_empty() {
                    why.push("their fields in another order".into());
                }
                return Err(refuse(format!(
                    "The file's {} records have {}: it was altered, or written by another program.",
                    what.to_lowercase(),
                    why.join(" and ")
                )));
            }
            let list = columns
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", ");
            let rules = super::rules::for_columns(&tx, &table.name, columns)?;
            let marks = vec!["?"; columns.len()].join(", ");
            let mut insert = tx.prepare(&format!(
                "INSERT INTO {} ({list}) VALUES ({marks})",
                quote(&table.name)
            ))?;
            for (i, row) in table.rows.iter().enumerate() {
                let at = || names.record(&table.name, columns, row, i);
                if row.len() != columns.len() {
                    return Err(refuse(format!(
                        "{} has {} values where a record of its kind has {}: the file was altered.",
                        at(),
                        row.len(),
                        columns.len()
                    )));
                }
                let mut values = Vec::with_capacity(row.len());
                for (cell, column) in row.iter().zip(columns) {
                    let value = from_json(cell).map_err(|why| {
                        refuse(format!(
                            "{}, {}: {why}.",
                            at(),
                            super::naming::field(column)
                        ))
                    })?;
                    values.push(value);
                }
                for ((value, rule), column) in values.iter().zip(&rules).zip(columns) {
                    if let Err(why) = rule.check(value) {
                        let why = lower_first(why.trim_end_matches('.'));
                        return Err(refuse(format!(
                            "{}, {}: {why}.",
                            at(),
                            super::naming::field(column)
                        )));
                    }
                }
                insert
                    .execute(rusqlite::params_from_iter(values))
                    .map_err(|e| {
                        let value = |column: &str| {
                            let i = columns.iter().position(|c| c == column)?;
                            row.get(i).map(|v| match v {
                                serde_json::Value::String(s) => s.clone(),
                                other => other.to_string(),
                            })
                        };
                        let why = super::naming::refusal(&e.to_string(), &table.name, value);
                        refuse(format!("{}: {why}.", at()))
                    })?;
            }
        }
        if let Some(missing) = schema
            .keys()
            .find(|n| !seen.contains_key(n.as_str()) && *n != "sqlite_sequence")
        {
            return Err(refuse(format!(
                "The file has no place for {} records, which every department file of its \
                 version has: it was altered.",
                super::naming::kind(missing).to_lowercase()
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
    if let Some(entries) = unsealed_history(&conn)? {
        return Err(refuse(format!(
            "The seals of the file's change history were removed ({entries} entries have none): \
             it was altered after it was exported. Export it again from the original."
        )));
    }
    crate::store::migrate(&mut conn)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        eprintln!("wardbook: a department file rebuilt fails its integrity check: {check}");
        return Err(refuse(
            "The department the file holds does not hold together once rebuilt: it was altered."
                .into(),
        ));
    }
    Ok(conn)
}

/// "The amount…" after a comma: "the amount…" (an acronym keeps its capitals).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().collect::<String>() + chars.as_str()
        }
        _ => text.to_string(),
    }
}

/// The number of history entries when the file has the seals' table but not
/// one seal: every file exported since the history was sealed has a seal per
/// entry, so they were taken out (an older file has no such table yet).
fn unsealed_history(conn: &Connection) -> AppResult<Option<i64>> {
    let count = |sql: &str| -> AppResult<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    if count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_seal'")?
        == 0
    {
        return Ok(None);
    }
    let entries = count("SELECT count(*) FROM audit_log")?;
    let sealed = count("SELECT count(*) FROM audit_seal")?;
    Ok((entries > 0 && sealed == 0).then_some(entries))
}

/// The counts a manager recognises, from the rebuilt department.
pub fn summary(
    doc: &Document,
    staged: &super::Staged,
    live: &Connection,
) -> AppResult<DepartmentFileSummary> {
    let conn = &staged.conn;
    let (history, _) = super::history::check(live, staged)?;
    let count = |sql: &str| -> AppResult<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let today = crate::department::require(conn)
        .map(|d| crate::input::format_date(crate::department::today(&d)))?;
    Ok(DepartmentFileSummary {
        file_name: staged.file_name.clone(),
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
        history,
        kept_history_entries: live.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?,
        edited_after_export: doc.edited_after_export,
    })
}
