//! Versioned migrations, tracked in `PRAGMA user_version`.
//!
//! A migration that has shipped is never edited: a later change is a new file.

use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_schedule.sql"),
    include_str!("migrations/0003_budget.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> AppResult<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub fn migrate(conn: &mut Connection) -> AppResult<()> {
    migrate_to(conn, LATEST_VERSION)
}

/// Migrates up to `target` only: tests use it to make a file of an older version.
pub fn migrate_to(conn: &mut Connection, target: i64) -> AppResult<()> {
    let current = schema_version(conn)?;
    if current > LATEST_VERSION {
        return Err(AppError::new(
            ErrorCode::Storage,
            format!(
                "This department file was written by a newer version of Wardbook (schema {current}); \
                 update Wardbook to open it."
            ),
        ));
    }
    let steps = MIGRATIONS.iter().enumerate().take(target.max(0) as usize);
    for (index, sql) in steps.skip(current as usize) {
        // Each step and its version bump commit together, or not at all.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
