//! The schedule grid's worked-vs-scheduled layer: for each person and day
//! the time clock covers, whether the shift was worked as scheduled, with
//! an exception still open, not at all (no-show), or worked unscheduled,
//! and a sentence saying what the clock shows. Figured per pay period by
//! the same exceptions the timecards list, so the grid and the Time &
//! attendance page never disagree.

use super::exceptions::{duration, ExceptionKind};
use super::period::{self, Loaded};
use super::timecards::{approvals, exceptions_of};
use crate::error::AppResult;
use crate::input;
use crate::schedule::store::{periods, rule_settings};
use crate::schedule::time;
use crate::text_enum::text_enum;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

text_enum! {
    /// What a day's mark on the grid says.
    pub enum WorkedMark {
        AsScheduled = ("as_scheduled", "Worked as scheduled"),
        Exception = ("exception", "Worked, with an exception to review"),
        NoShow = ("no_show", "No-show"),
        Unscheduled = ("unscheduled", "Worked, not scheduled"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkedCell {
    pub staff_id: i64,
    pub date: String,
    pub mark: WorkedMark,
    /// "Clock 18:52–07:09, worked 11 h 47 min · Late out 39 min: …".
    pub text: String,
}

/// The marks on schedule period `period_id`'s days, as of `now`.
pub fn for_period(
    conn: &Connection,
    period_id: i64,
    now: DateTime<Utc>,
) -> AppResult<Vec<WorkedCell>> {
    let p = periods::get(conn, period_id)?;
    let day = |d: &str| input::date(d).map_err(|e| crate::error::AppError::field("period_id", e));
    cells(conn, day(&p.start_date)?, day(&p.end_date)?, now)
}

/// The marks for the days from `from` to `to` that the clock has looked at
/// by `now` (a shift still to come has none).
pub fn cells(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Vec<WorkedCell>> {
    let rules = rule_settings::load(conn)?;
    let mut out = Vec::new();
    let mut start = time::pay_period_start(rules.pay_period_anchor, from);
    while start <= to && start <= now.date_naive() {
        let l = period::load_at(conn, rules.clone(), start, now)?;
        out.extend(of_period(conn, &l, from, to)?);
        start += Duration::days(period::DAYS);
    }
    Ok(out)
}

#[derive(Default)]
struct Day {
    clock: Vec<String>,
    worked: i64,
    open: Vec<(ExceptionKind, String)>,
    settled: bool,
    /// Worked without a shift on the schedule, approved or not: a fact of
    /// the day, not only something to review.
    unscheduled: bool,
}

fn of_period(
    conn: &Connection,
    l: &Loaded,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<WorkedCell>> {
    let inside = |d: NaiveDate| from <= d && d <= to;
    let approved = approvals(conn, l.start, l.end())?;
    let mut days: BTreeMap<(i64, NaiveDate), Day> = BTreeMap::new();
    for p in l.punches.iter().filter(|p| inside(p.workday)) {
        let day = days.entry((p.staff_id, p.workday)).or_default();
        let at = |t: Option<DateTime<Utc>>| {
            t.map(|t| t.with_timezone(&l.tz).format("%H:%M").to_string())
                .unwrap_or_else(|| "—".into())
        };
        day.clock
            .push(format!("{}–{}", at(p.clock_in), at(p.clock_out)));
        day.worked += p.worked_minutes().unwrap_or(0);
    }
    for e in exceptions_of(l).into_iter().filter(|e| inside(e.workday)) {
        let day = days.entry((e.staff_id, e.workday)).or_default();
        day.unscheduled |= e.kind == ExceptionKind::Unscheduled;
        // Approving the period accepts what was still open.
        if l.approved_at.is_some() || approved.contains(&(e.staff_id, e.workday, e.kind)) {
            day.settled = true;
        } else {
            day.open.push((e.kind, e.reason));
        }
    }
    Ok(days
        .into_iter()
        .map(|((staff_id, date), day)| {
            let has = |k: ExceptionKind| day.open.iter().any(|(o, _)| *o == k);
            let mark = if has(ExceptionKind::NoShow) {
                WorkedMark::NoShow
            } else if day.unscheduled {
                WorkedMark::Unscheduled
            } else if !day.open.is_empty() {
                WorkedMark::Exception
            } else {
                WorkedMark::AsScheduled
            };
            WorkedCell {
                staff_id,
                date: input::format_date(date),
                mark,
                text: sentence(&day, mark),
            }
        })
        .collect())
}

fn sentence(day: &Day, mark: WorkedMark) -> String {
    let mut parts = Vec::new();
    if day.clock.is_empty() {
        parts.push("No punch".to_string());
    } else {
        parts.push(format!(
            "Clock {}, worked {}",
            day.clock.join(", "),
            duration(day.worked)
        ));
    }
    for (kind, reason) in &day.open {
        parts.push(format!("{}: {reason}", kind.label()));
    }
    if day.open.is_empty() && day.settled {
        parts.push("exceptions approved".into());
    }
    if mark == WorkedMark::Unscheduled && day.settled && day.open.is_empty() {
        parts.push("not on the schedule".into());
    }
    if mark == WorkedMark::AsScheduled && !day.settled {
        parts.push("as scheduled".into());
    }
    parts.join(" · ")
}

#[cfg(test)]
#[path = "worked_tests.rs"]
mod tests;
