//! Locking grid cells against Fill schedule: a locked cell keeps its shift,
//! or stays a day off, whatever the fill finds. Changing the cell by hand is
//! still allowed (the lock is the manager's, not a rule).

use super::assignments::cell;
use super::loaded_period;
use crate::error::AppResult;
use crate::input;
use crate::schedule::view::{self, ScheduleView};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::collections::HashSet;

/// Locks or unlocks a person's cell in the period.
pub fn set(
    conn: &Connection,
    period_id: i64,
    staff_id: i64,
    date: &str,
    locked: bool,
    today: NaiveDate,
) -> AppResult<ScheduleView> {
    let mut loaded = loaded_period::load(conn, period_id)?;
    let date = cell(&loaded, staff_id, date)?;
    let day = input::format_date(date);
    if locked {
        conn.execute(
            "INSERT OR REPLACE INTO assignment_lock (staff_id, date, period_id) VALUES (?1, ?2, ?3)",
            params![staff_id, day, period_id],
        )?;
        loaded.locked.insert((staff_id, date));
    } else {
        conn.execute(
            "DELETE FROM assignment_lock WHERE staff_id = ?1 AND date = ?2",
            params![staff_id, day],
        )?;
        loaded.locked.remove(&(staff_id, date));
    }
    Ok(view::build(&loaded, today))
}

/// The period's locked cells.
pub fn list(conn: &Connection, period_id: i64) -> AppResult<HashSet<(i64, NaiveDate)>> {
    let mut stmt =
        conn.prepare_cached("SELECT staff_id, date FROM assignment_lock WHERE period_id = ?1")?;
    let rows = stmt.query_map([period_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = HashSet::new();
    for row in rows {
        let (staff, date) = row?;
        if let Ok(d) = input::date(&date) {
            out.insert((staff, d));
        }
    }
    Ok(out)
}
