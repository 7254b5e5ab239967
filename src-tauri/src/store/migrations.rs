//! Versioned migrations, tracked in `PRAGMA user_version`.
//!
//! A migration that has shipped is never edited: a later change is a new file.

use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_schedule.sql"),
    include_str!("migrations/0003_budget.sql"),
    include_str!("migrations/0004_assignment_lock.sql"),
    include_str!("migrations/0005_audit.sql"),
    include_str!("migrations/0006_staff_import_memory.sql"),
    include_str!("migrations/0007_budget_account_map.sql"),
    include_str!("migrations/0008_history_chain.sql"),
    include_str!("migrations/0009_staff_title_and_leave.sql"),
    include_str!("migrations/0010_punches.sql"),
    include_str!("migrations/0011_import_title_skills.sql"),
    include_str!("migrations/0012_call_out_reason.sql"),
    include_str!("migrations/0013_attendance_approval.sql"),
    include_str!("migrations/0014_staff_requests.sql"),
    include_str!("migrations/0015_per_diem_hours.sql"),
    include_str!("migrations/0016_row_baseline.sql"),
    include_str!("migrations/0017_shift_swaps.sql"),
    include_str!("migrations/0018_attendance_review.sql"),
    include_str!("migrations/0019_time_off_shifts_and_meals.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> AppResult<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub fn migrate(conn: &mut Connection) -> AppResult<()> {
    migrate_to(conn, LATEST_VERSION)
}

/// Brings the schema up to `target`: a department file of an older schema
/// is rebuilt at its own version, then migrated like any older file; tests
/// use it to make a file of an older version.
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
    let target = target.clamp(0, LATEST_VERSION) as usize;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target)
        .skip(current as usize)
    {
        // Each step and its version bump commit together, or not at all.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    // The audit triggers follow the schema the steps above left (and any
    // change to how they are written); a no-op when they already match.
    crate::audit::chain::register(conn)?;
    let tx = conn.transaction()?;
    crate::audit::triggers::sync(&tx)?;
    crate::audit::chain::protect(&tx)?;
    // Rows an update reshaped (a column added) or wrote before the history
    // began are described as they are, so they are not taken for edits made
    // outside Wardbook (`audit::rows`).
    if (current as usize) < target {
        crate::audit::rows::describe_as_they_are(&tx)?;
    }
    tx.commit()?;
    Ok(())
}
