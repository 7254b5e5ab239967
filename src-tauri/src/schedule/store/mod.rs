//! The schedule's record: shift types, rules, coverage, periods,
//! assignments, time off and call-outs, in SQLite. Each module is one table
//! (or two that are one idea) with its validation beside it; every write is
//! one transaction, so a refused change leaves nothing behind.

pub mod assignments;
pub mod call_outs;
pub mod coverage;
pub mod loaded_period;
pub mod locks;
pub mod parse;
pub mod periods;
pub mod rule_settings;
mod seed;
pub mod shift_types;
pub mod swaps;
pub mod time_off;
pub mod time_off_approval;

use super::view::{self, ScheduleView};
use crate::error::AppResult;
use chrono::NaiveDate;
use rusqlite::Connection;

/// The grid of a period as of `today`.
pub fn view(conn: &Connection, period_id: i64, today: NaiveDate) -> AppResult<ScheduleView> {
    let loaded = loaded_period::load(conn, period_id)?;
    Ok(view::build(&loaded, today))
}

/// The period's schedule as CSV (see `schedule::csv`).
pub fn csv(conn: &Connection, period_id: i64, today: NaiveDate) -> AppResult<String> {
    let loaded = loaded_period::load(conn, period_id)?;
    let numbers = loaded
        .people
        .iter()
        .map(|p| (p.id, p.employee_no.clone()))
        .collect();
    super::csv::write(&view::build(&loaded, today), &numbers)
}

/// Now, as stored in `published_at`, `decided_at` and the like.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
