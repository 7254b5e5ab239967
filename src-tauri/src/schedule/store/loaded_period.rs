//! Loading a period for the rules: the `ScheduleContext` (built once per
//! command) plus what only the grid needs — names, employee numbers, holiday
//! names and the cells changed after publishing.
//!
//! The assignments of the 14 days before the period come along, so rest,
//! days in a row, weekends and hours are right across the boundary.

use super::periods::{self, SchedulePeriod};
use super::rule_settings::Holiday;
use super::{coverage, rule_settings, shift_types, time_off};
use crate::credentials::{self, CredentialType};
use crate::department;
use crate::error::AppResult;
use crate::input;
use crate::schedule::{Assignment, CredentialFact, ScheduleContext, StaffFacts};
use crate::staff::{EmploymentType, Role};
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};
use std::collections::{HashMap, HashSet};

/// Days of history before the period that the rules look at.
pub const HISTORY_DAYS: i64 = 14;

/// A person on the grid, as the grid and the CSV show them.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub employee_no: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub employment_type: EmploymentType,
    pub fte_hundredths: i64,
    pub hire_date: String,
    pub termination_date: Option<String>,
}

impl Person {
    /// "Lopez, Maria": how a person reads in every list of people.
    pub fn sort_name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }

    /// "Maria Lopez": how a person reads in a sentence or a heading.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Employed on `date`: hired by then and not yet past the last day
    /// (as `Staff::is_active`).
    pub fn employed_on(&self, date: NaiveDate) -> bool {
        let d = input::format_date(date);
        self.hire_date <= d && self.termination_date.as_ref().is_none_or(|t| *t >= d)
    }
}

/// A period as loaded from the store.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub period: SchedulePeriod,
    pub ctx: ScheduleContext,
    /// Everyone employed on at least one day of the period, in `ctx.staff` order.
    pub people: Vec<Person>,
    pub holidays: Vec<Holiday>,
    /// Cells set, cleared or called out after publishing.
    pub changes: HashSet<(i64, NaiveDate)>,
    /// Cells locked against Fill schedule.
    pub locked: HashSet<(i64, NaiveDate)>,
    /// Cells whose person called out, with who, what and when, as the cell says it.
    pub call_outs: HashMap<(i64, NaiveDate), String>,
    /// What staff asked for on the period's days (see `requests`).
    pub requests: Vec<crate::requests::StaffRequest>,
}

pub fn load(conn: &Connection, period_id: i64) -> AppResult<Loaded> {
    let period = periods::get(conn, period_id)?;
    let (ctx, people) = load_span(conn, period.start(), period.end())?;
    let changes = changes(conn, period.id)?;
    let requests = crate::requests::for_dates(conn, period.start(), period.end())?;
    let mut ctx = ctx;
    for a in &mut ctx.assignments {
        a.published_change = changes.contains(&(a.staff_id, a.date));
    }
    Ok(Loaded {
        period,
        people,
        holidays: rule_settings::holidays(conn)?,
        changes,
        locked: super::locks::list(conn, period_id)?,
        call_outs: super::call_outs::in_period(conn, period_id, &ctx)?,
        requests,
        ctx,
    })
}

/// The rules' view of any span of days (a schedule period, a pay period),
/// with everyone employed on at least one of them and the 14 days before.
pub fn load_span(
    conn: &Connection,
    start: NaiveDate,
    end: NaiveDate,
) -> AppResult<(ScheduleContext, Vec<Person>)> {
    let dept = department::require(conn)?;
    let people = people(conn, start, end)?;
    let ids: HashSet<i64> = people.iter().map(|p| p.id).collect();
    let staff = facts(conn, &people, end)?;
    let mut assignments = assignments_between(conn, start - Duration::days(HISTORY_DAYS), end)?;
    assignments.retain(|a| ids.contains(&a.staff_id));
    let ctx = ScheduleContext {
        tz: dept.time_zone.parse().unwrap_or(chrono_tz::UTC),
        rules: rule_settings::load(conn)?,
        period_start: start,
        period_end: end,
        shift_types: shift_types::list(conn)?,
        staff,
        skills: crate::skills::list(conn)?,
        assignments,
        time_off: time_off::overlapping(conn, start - Duration::days(HISTORY_DAYS), end)?,
        replaced_shifts: time_off::replaced_shifts(conn, start, end)?,
        coverage: coverage::needs(conn)?,
    };
    Ok((ctx, people))
}

fn people(conn: &Connection, start: NaiveDate, end: NaiveDate) -> AppResult<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, employee_no, first_name, last_name, role, employment_type, fte_hundredths,
             hire_date, termination_date
         FROM staff
         WHERE hire_date <= ?2 AND (termination_date IS NULL OR termination_date >= ?1)
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let (start, end) = (input::format_date(start), input::format_date(end));
    let rows = stmt.query_map(params![start, end], |r| {
        Ok(Person {
            id: r.get(0)?,
            employee_no: r.get(1)?,
            first_name: r.get(2)?,
            last_name: r.get(3)?,
            role: r.get(4)?,
            employment_type: r.get(5)?,
            fte_hundredths: r.get(6)?,
            hire_date: r.get(7)?,
            termination_date: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What the rules know of each person: skills, rate and the required
/// credentials that lapse before the period ends.
fn facts(conn: &Connection, people: &[Person], end: NaiveDate) -> AppResult<Vec<StaffFacts>> {
    let mut skills: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT staff_id, skill_id FROM staff_skill")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (staff, skill) = row?;
        skills.entry(staff).or_default().push(skill);
    }
    let mut rates: HashMap<i64, (i64, bool, Option<String>)> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, hourly_rate_cents, on_leave, leave_since FROM staff")?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
    })? {
        let (id, facts) = row?;
        rates.insert(id, facts);
    }
    let types = credentials::list_types(conn)?;
    let held = credentials::held_by_staff(conn)?;
    Ok(people
        .iter()
        .map(|p| StaffFacts {
            id: p.id,
            name: p.full_name(),
            list_name: p.sort_name(),
            role: p.role,
            skills: skills.remove(&p.id).unwrap_or_default(),
            fte_hundredths: p.fte_hundredths,
            hourly_rate_cents: rates.get(&p.id).map_or(0, |r| r.0),
            on_leave: rates.get(&p.id).is_some_and(|r| r.1),
            leave_since: rates.get(&p.id).and_then(|r| r.2.clone()),
            hire_date: Some(p.hire_date.clone()),
            termination_date: p.termination_date.clone(),
            employment_type: p.employment_type,
            credentials: lapsing(
                p.role,
                &types,
                held.get(&p.id).map_or(&[], Vec::as_slice),
                end,
            ),
        })
        .collect())
}

/// Required credentials missing, or expiring before `end`.
fn lapsing(
    role: Role,
    types: &[CredentialType],
    held: &[credentials::Credential],
    end: NaiveDate,
) -> Vec<CredentialFact> {
    types
        .iter()
        .filter(|t| t.required_for.contains(&role))
        .filter_map(|t| {
            let expires_on = match held.iter().find(|c| c.type_id == t.id) {
                None => None,
                Some(c) => {
                    let expiry = c.expires_on.as_deref().and_then(|d| input::date(d).ok())?;
                    if expiry >= end {
                        return None;
                    }
                    Some(expiry)
                }
            };
            Some(CredentialFact {
                name: t.name.clone(),
                expires_on,
                when_expired: t.when_expired,
            })
        })
        .collect()
}

pub fn assignments_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<Assignment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, date, shift_type_id FROM assignment WHERE date BETWEEN ?1 AND ?2",
    )?;
    let rows = stmt.query_map(
        params![input::format_date(from), input::format_date(to)],
        |r| {
            let d: String = r.get(1)?;
            Ok(Assignment {
                staff_id: r.get(0)?,
                date: input::date(&d).unwrap_or_default(),
                shift_type_id: r.get(2)?,
                published_change: false,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn changes(conn: &Connection, period_id: i64) -> AppResult<HashSet<(i64, NaiveDate)>> {
    let mut stmt =
        conn.prepare_cached("SELECT staff_id, date FROM schedule_change WHERE period_id = ?1")?;
    let rows = stmt.query_map([period_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut set = HashSet::new();
    for row in rows {
        let (staff, date) = row?;
        if let Ok(d) = input::date(&date) {
            set.insert((staff, d));
        }
    }
    Ok(set)
}
