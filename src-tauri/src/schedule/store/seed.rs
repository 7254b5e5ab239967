//! Seeding a new period from the one before it.
//!
//! - **Previous**: day *i* of the new period gets what each person worked on
//!   day *i* of the previous one (repeating it when the new period is
//!   longer). Periods are whole weeks, so weekdays line up.
//! - **Rotation**: each person's last two weeks of the previous period are
//!   their pattern, repeated over the whole new period — the usual way a
//!   fixed two-week rotation (e.g. 3 on, 4 off, 4 on, 3 off) rolls forward.
//!
//! Either way approved time off wins (the day stays empty), and nobody is
//! seeded on a day they are not employed.

use super::periods::{SchedulePeriod, Seed};
use crate::error::AppResult;
use crate::input;
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};
use std::collections::HashMap;

pub fn fill(
    conn: &Connection,
    previous: &SchedulePeriod,
    period: &SchedulePeriod,
    seed: Seed,
) -> AppResult<()> {
    let prev_days = previous.days();
    let source_day = |i: i64| -> Option<i64> {
        match seed {
            Seed::Empty => None,
            Seed::Previous => Some(i % prev_days),
            Seed::Rotation => {
                let window = prev_days.min(14);
                Some(prev_days - window + i % window)
            }
        }
    };
    if seed == Seed::Empty {
        return Ok(());
    }
    // (staff, day offset in the previous period) → shift type.
    let mut pattern: HashMap<i64, HashMap<i64, i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, date, shift_type_id FROM assignment WHERE period_id = ?1",
    )?;
    let rows = stmt.query_map([previous.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (staff, date, shift) = row?;
        if let Ok(date) = input::date(&date) {
            let offset = (date - previous.start()).num_days();
            pattern.entry(staff).or_default().insert(offset, shift);
        }
    }
    let blocked = unavailable(conn, period)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (staff, days) in &pattern {
        for i in 0..period.days() {
            let Some(shift) = source_day(i).and_then(|s| days.get(&s)) else {
                continue;
            };
            let date = period.start() + Duration::days(i);
            if blocked(*staff, date) {
                continue;
            }
            insert.execute(params![staff, input::format_date(date), period.id, shift])?;
        }
    }
    Ok(())
}

/// Whether a person cannot be seeded on a date: approved time off, or not
/// employed then.
fn unavailable(
    conn: &Connection,
    period: &SchedulePeriod,
) -> AppResult<impl Fn(i64, NaiveDate) -> bool> {
    let mut off: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, from_date, to_date FROM time_off
         WHERE status = 'approved' AND to_date >= ?1 AND from_date <= ?2",
    )?;
    for row in stmt.query_map(params![period.start_date, period.end_date], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
    })? {
        let (staff, from, to) = row?;
        off.entry(staff).or_default().push((from, to));
    }
    let mut employed: HashMap<i64, (String, Option<String>)> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, hire_date, termination_date FROM staff")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))? {
        let (id, hire, term) = row?;
        employed.insert(id, (hire, term));
    }
    Ok(move |staff: i64, date: NaiveDate| {
        let d = input::format_date(date);
        let on_leave = off
            .get(&staff)
            .is_some_and(|spans| spans.iter().any(|(f, t)| *f <= d && d <= *t));
        let not_employed = employed
            .get(&staff)
            .is_none_or(|(hire, term)| d < *hire || term.as_ref().is_some_and(|t| d > *t));
        on_leave || not_employed
    })
}
