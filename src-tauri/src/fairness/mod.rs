//! Fairness over time: per person, over a rolling window of months ending
//! on a day, the shifts people would rather not work — weekends, holidays,
//! nights — and how many of their requests the schedule granted, each set
//! against what their share would be.
//!
//! A share is the unit's rate for the role (the count over everyone of the
//! role with an FTE, per FTE-day employed in the window) times the
//! person's FTE and days employed: a 0.5 FTE nurse hired halfway through
//! the window is due a quarter of a full-timer's weekends. Per diem and
//! agency staff have no share (they work the shifts they offer).
//!
//! What counts: every shift in any schedule period on a day of the window
//! up to its end; a weekend is a Saturday or Sunday shift, counted once per
//! weekend; a holiday shift starts on one of the department's holidays; a
//! night shift is of a shift type marked night. A request is granted when
//! the day came out as asked: off with no shift, or the shift asked (any
//! shift when none was named).

use crate::error::AppResult;
use crate::input;
use crate::staff::{EmploymentType, Role};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use rusqlite::{params, Connection};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The windows a manager may choose.
pub const WINDOW_MONTHS: [u32; 2] = [6, 12];

/// The days of a window of `months` months ending on `end`.
pub fn window(end: NaiveDate, months: u32) -> (NaiveDate, NaiveDate) {
    let from = end
        .checked_sub_months(Months::new(months))
        .map_or(end, |d| d + Duration::days(1));
    (from, end)
}

/// One person's counts over the window.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFairness {
    pub staff_id: i64,
    /// "Lopez, Maria".
    pub name: String,
    pub role: Role,
    pub employment_type: EmploymentType,
    pub fte_hundredths: i64,
    pub shifts: i64,
    pub weekends: i64,
    pub holidays: i64,
    pub nights: i64,
    /// Their share of each, when they have one.
    pub weekends_share: Option<f64>,
    pub holidays_share: Option<f64>,
    pub nights_share: Option<f64>,
    pub requests: i64,
    pub granted: i64,
}

struct Person {
    id: i64,
    name: String,
    role: Role,
    kind: EmploymentType,
    fte: i64,
    /// FTE-days employed in the window (hundredths × days).
    fte_days: i64,
}

fn people(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<Person>> {
    let mut stmt = conn.prepare(
        "SELECT id, last_name || ', ' || first_name, role, employment_type, fte_hundredths,
                hire_date, termination_date
         FROM staff WHERE hire_date <= ?2 AND (termination_date IS NULL OR termination_date >= ?1)
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map(
        params![input::format_date(from), input::format_date(to)],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Role>(2)?,
                r.get::<_, EmploymentType>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, role, kind, fte, hired, last) = row?;
        let start = input::date(&hired).map_or(from, |h| h.max(from));
        let end = last
            .and_then(|l| input::date(&l).ok())
            .map_or(to, |l| l.min(to));
        let days = (end - start).num_days() + 1;
        let shares = !matches!(kind, EmploymentType::PerDiem | EmploymentType::Agency) && fte > 0;
        out.push(Person {
            id,
            name,
            role,
            kind,
            fte,
            fte_days: if shares { fte * days.max(0) } else { 0 },
        });
    }
    Ok(out)
}

/// Everyone employed in the window, with their counts and shares.
pub fn over(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<PersonFairness>> {
    let people = people(conn, from, to)?;
    let (f, t) = (input::format_date(from), input::format_date(to));
    let holidays: HashSet<String> = conn
        .prepare("SELECT date FROM holiday WHERE date BETWEEN ?1 AND ?2")?
        .query_map(params![f, t], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // (staff, date) → (shift type, night).
    let mut worked: HashMap<(i64, String), (i64, bool)> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT a.staff_id, a.date, a.shift_type_id, st.night FROM assignment a
         JOIN shift_type st ON st.id = a.shift_type_id WHERE a.date BETWEEN ?1 AND ?2",
    )?;
    for row in stmt.query_map(params![f, t], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })? {
        let (staff, date, shift, night) = row?;
        worked.insert((staff, date), (shift, night));
    }
    let mut counts: HashMap<i64, [i64; 4]> = HashMap::new();
    let mut weekends: HashSet<(i64, NaiveDate)> = HashSet::new();
    for ((staff, date), (_, night)) in &worked {
        let c = counts.entry(*staff).or_default();
        c[0] += 1;
        if holidays.contains(date) {
            c[2] += 1;
        }
        if *night {
            c[3] += 1;
        }
        if let Ok(d) = input::date(date) {
            let saturday = match d.weekday() {
                Weekday::Sat => Some(d),
                Weekday::Sun => Some(d - Duration::days(1)),
                _ => None,
            };
            if let Some(s) = saturday {
                weekends.insert((*staff, s));
            }
        }
    }
    for (staff, _) in &weekends {
        counts.entry(*staff).or_default()[1] += 1;
    }
    let mut asked: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT staff_id, date, kind, shift_type_id FROM staff_request WHERE date BETWEEN ?1 AND ?2",
    )?;
    for row in stmt.query_map(params![f, t], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
        ))
    })? {
        let (staff, date, kind, shift) = row?;
        let on = worked.get(&(staff, date)).map(|(s, _)| *s);
        let granted = match (kind.as_str(), shift, on) {
            ("off", _, None) => true,
            ("work", None, Some(_)) => true,
            ("work", Some(want), Some(got)) => want == got,
            _ => false,
        };
        let e = asked.entry(staff).or_default();
        e.0 += 1;
        e.1 += i64::from(granted);
    }
    // The role's rate per FTE-day of each count, over those with a share.
    let mut rates: BTreeMap<Role, ([i64; 3], i64)> = BTreeMap::new();
    for p in people.iter().filter(|p| p.fte_days > 0) {
        let c = counts.get(&p.id).copied().unwrap_or_default();
        let r = rates.entry(p.role).or_default();
        for k in 0..3 {
            r.0[k] += c[k + 1];
        }
        r.1 += p.fte_days;
    }
    Ok(people
        .into_iter()
        .map(|p| {
            let c = counts.get(&p.id).copied().unwrap_or_default();
            let share = |k: usize| {
                let (sums, fte_days) = rates.get(&p.role)?;
                (p.fte_days > 0 && *fte_days > 0)
                    .then(|| sums[k] as f64 * p.fte_days as f64 / *fte_days as f64)
            };
            let (requests, granted) = asked.get(&p.id).copied().unwrap_or_default();
            PersonFairness {
                staff_id: p.id,
                name: p.name,
                role: p.role,
                employment_type: p.kind,
                fte_hundredths: p.fte,
                shifts: c[0],
                weekends: c[1],
                holidays: c[2],
                nights: c[3],
                weekends_share: share(0),
                holidays_share: share(1),
                nights_share: share(2),
                requests,
                granted,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests;
