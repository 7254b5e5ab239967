//! What the time clock says about labor, month by month, for the days it
//! covers: worked, overtime and agency minutes from the punches (rounded and
//! split by pay code as the timecards split them) and paid time off.
//!
//! A pay period's days are covered by the clock when the period is approved
//! (all fourteen), or, while it runs, up to the last day a punch is in for:
//! the days after that are still the schedule's. Productivity uses these
//! minutes for the covered days and the schedule's for the rest, so a month
//! half through reads the clock for its first half.

use super::calendar::Year;
use crate::attendance::{period, timecards};
use crate::error::AppResult;
use crate::input;
use crate::schedule::store::rule_settings;
use crate::schedule::time;
use chrono::{Duration, NaiveDate, Utc};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashSet};

/// One month of the clock's labor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClockedMonth {
    /// Days of the month the clock covers.
    pub days: i64,
    pub worked_minutes: i64,
    pub overtime_minutes: i64,
    pub agency_minutes: i64,
    pub non_productive_minutes: i64,
}

/// The clock's labor for each month of a year, and the days it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clocked {
    pub months: [ClockedMonth; 12],
    pub days: HashSet<NaiveDate>,
}

/// The last day of each pay period (by its first day) that the clock
/// covers, for the pay periods overlapping `first..=last`.
fn covered_periods(
    conn: &Connection,
    anchor: NaiveDate,
    first: NaiveDate,
    last: NaiveDate,
) -> AppResult<BTreeMap<NaiveDate, NaiveDate>> {
    let from = time::pay_period_start(anchor, first);
    let to = last + Duration::days(period::DAYS);
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT workday FROM punch WHERE workday BETWEEN ?1 AND ?2 ORDER BY workday",
    )?;
    let days = stmt
        .query_map([input::format_date(from), input::format_date(to)], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut covered = BTreeMap::new();
    for day in days.iter().filter_map(|d| input::date(d).ok()) {
        let start = time::pay_period_start(anchor, day);
        covered.insert(start, day); // ascending: the last one stays
    }
    for (start, until) in covered.iter_mut() {
        if period::approved_at(conn, *start)?.is_some() {
            *until = *start + Duration::days(period::DAYS - 1);
        }
    }
    Ok(covered)
}

/// The clock's labor for each month of `year`.
pub fn by_month(conn: &Connection, year: Year) -> AppResult<Clocked> {
    let rules = rule_settings::load(conn)?;
    let (first, last) = (year.first.first_day(), year.last().last_day());
    let mut out = Clocked::default();
    let covered = covered_periods(conn, rules.pay_period_anchor, first, last)?;
    if covered.is_empty() {
        return Ok(out);
    }
    let agency: HashSet<i64> = conn
        .prepare_cached("SELECT id FROM staff WHERE employment_type = 'agency'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for (start, until) in covered {
        let l = period::load_at(conn, rules.clone(), start, Utc::now())?;
        for day in start.iter_days().take_while(|d| *d <= until) {
            if let Some(i) = year.index_of_date(day) {
                out.months[i as usize].days += 1;
                out.days.insert(day);
            }
        }
        for person in &l.people {
            for d in timecards::days_of(&l, person.id) {
                let Some(i) = year.index_of_date(d.date).filter(|_| d.date <= until) else {
                    continue;
                };
                let m = &mut out.months[i as usize];
                let worked = d.regular_minutes + d.overtime_minutes;
                m.worked_minutes += worked;
                m.overtime_minutes += d.overtime_minutes;
                m.non_productive_minutes += d.time_off_minutes;
                if agency.contains(&person.id) {
                    m.agency_minutes += worked;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "clocked_tests.rs"]
mod tests;
