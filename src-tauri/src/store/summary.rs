//! What a department file holds, in a few numbers: shown before a restore and
//! compared after a backup is written, so a copy that lost rows is caught.

use crate::error::AppResult;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecordCounts {
    pub department: Option<String>,
    pub staff: i64,
    pub credentials: i64,
    pub periods: i64,
    pub assignments: i64,
    pub budget_lines: i64,
    pub schema_version: i64,
}

/// Rows in `table`, or 0 when an older schema does not have it yet.
fn count(conn: &Connection, table: &str) -> AppResult<i64> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    Ok(
        conn.query_row(&format!("SELECT COUNT(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?,
    )
}

pub fn counts(conn: &Connection) -> AppResult<RecordCounts> {
    let department = if count(conn, "department")? > 0 {
        conn.query_row("SELECT name FROM department LIMIT 1", [], |r| r.get(0))
            .optional()?
    } else {
        None
    };
    Ok(RecordCounts {
        department,
        staff: count(conn, "staff")?,
        credentials: count(conn, "credential")?,
        periods: count(conn, "schedule_period")?,
        assignments: count(conn, "assignment")?,
        budget_lines: count(conn, "budget_line")?,
        schema_version: super::schema_version(conn)?,
    })
}
