//! What the schedule says about labor, month by month: hours worked, paid
//! time off, overtime, agency hours, and the projected cost split the way a
//! budget splits it.
//!
//! Each schedule period overlapping the year is costed by
//! `schedule::cost::period_cost` (paid minutes and overtime under the
//! department's rule) and its shift lines are summed into the calendar month
//! of the shift's date. The cost split:
//! - agency staff: the whole shift cost goes to agency / contract labor;
//! - others: overtime = the overtime hours at 1.5× (straight time of those
//!   hours, rounded half up to the cent, plus the 0.5× premium), and
//!   productive salaries = the rest (straight time and differentials).
//!
//! Non-productive hours: approved paid time off on a day with no shift pays
//! as in the period cost and on the timecards (`cost::paid_time_off_days`:
//! the replaced shift's paid minutes, else the FTE's daily hours on a
//! weekday, 7.2 h at 0.9 FTE).

use super::calendar::Year;
use crate::error::AppResult;
use crate::schedule::cost::{paid_time_off_days, period_cost};
use crate::schedule::store::{loaded_period, periods};
use crate::staff::EmploymentType;
use crate::units::Cents;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// One month of the schedule's labor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScheduledMonth {
    /// Days of the month inside a schedule period.
    pub scheduled_days: i64,
    pub worked_minutes: i64,
    pub overtime_minutes: i64,
    pub agency_minutes: i64,
    pub non_productive_minutes: i64,
    pub salaries_cents: i64,
    pub overtime_cents: i64,
    pub agency_cents: i64,
}

/// The schedule's labor for each month of `year` (twelve entries).
pub fn by_month(conn: &rusqlite::Connection, year: Year) -> AppResult<[ScheduledMonth; 12]> {
    by_month_outside(conn, year, &HashSet::new())
}

/// The schedule's labor for each month of `year`, leaving out the days in
/// `skip` (those the time clock covers).
pub fn by_month_outside(
    conn: &rusqlite::Connection,
    year: Year,
    skip: &HashSet<NaiveDate>,
) -> AppResult<[ScheduledMonth; 12]> {
    let mut months = [ScheduledMonth::default(); 12];
    let (first, last) = (year.first.first_day(), year.last().last_day());
    let overlapping: Vec<_> = periods::list(conn)?
        .into_iter()
        .filter(|p| p.end() >= first && p.start() <= last)
        .collect();
    for period in overlapping {
        let loaded = loaded_period::load(conn, period.id)?;
        let ctx = &loaded.ctx;
        for day in period
            .start()
            .iter_days()
            .take_while(|d| *d <= period.end())
        {
            if let Some(i) = year.index_of_date(day).filter(|_| !skip.contains(&day)) {
                months[i as usize].scheduled_days += 1;
            }
        }
        let facts: HashMap<i64, _> = ctx.staff.iter().map(|s| (s.id, s)).collect();
        let cost = period_cost(ctx);
        for line in &cost.lines {
            let (Some(i), Some(person)) = (
                year.index_of_date(line.date)
                    .filter(|_| !skip.contains(&line.date)),
                facts.get(&line.staff_id),
            ) else {
                continue;
            };
            let m = &mut months[i as usize];
            m.worked_minutes += line.paid_minutes;
            m.overtime_minutes += line.overtime_minutes;
            if person.employment_type == EmploymentType::Agency {
                m.agency_minutes += line.paid_minutes;
                m.agency_cents += line.total_cents;
            } else {
                let overtime = Cents(person.hourly_rate_cents)
                    .for_minutes(line.overtime_minutes)
                    .0
                    + line.overtime_premium_cents;
                m.overtime_cents += overtime;
                m.salaries_cents += line.total_cents - overtime;
            }
        }
        let worked: HashSet<_> = ctx
            .assignments
            .iter()
            .map(|a| (a.staff_id, a.date))
            .collect();
        for person in &ctx.staff {
            for (day, minutes) in paid_time_off_days(ctx, person.id, &worked) {
                if let Some(i) = year.index_of_date(day).filter(|_| !skip.contains(&day)) {
                    months[i as usize].non_productive_minutes += minutes;
                }
            }
        }
    }
    Ok(months)
}

#[cfg(test)]
#[path = "labor_time_off_tests.rs"]
pub(crate) mod time_off_tests;
