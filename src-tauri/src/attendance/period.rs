//! One pay period's facts from the department file: the schedule's shifts
//! as real instants, the punches, time off, rates, the settings and
//! whether the period is approved. Everything the exceptions, timecards
//! and payroll export are figured from, read once.

use super::matching::{self, Scheduled};
use super::settings::{self, AttendanceSettings};
use super::store::{self, PunchRecord};
use super::Punch;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::schedule::store::{loaded_period, rule_settings, shift_types, time_off};
use crate::schedule::{time, Rules, TimeOff};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

pub const DAYS: i64 = 14;

/// A person who may appear on a timecard (leavers too: they may have punches).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    /// "Lee, Ann".
    pub name: String,
    pub employee_no: String,
    pub rate_cents: i64,
    pub fte_hundredths: i64,
    pub employment_type: crate::staff::EmploymentType,
}

pub struct Loaded {
    pub tz: Tz,
    pub rules: Rules,
    pub settings: AttendanceSettings,
    pub start: NaiveDate,
    pub people: Vec<Person>,
    pub shifts: Vec<Scheduled>,
    pub records: Vec<PunchRecord>,
    pub punches: Vec<Punch>,
    pub time_off: Vec<TimeOff>,
    /// The paid minutes of scheduled shifts that approved, paid time off
    /// replaced (taken off the schedule), by person and day.
    pub replaced_shifts: HashMap<(i64, NaiveDate), i64>,
    /// RFC 3339 UTC, when the period was approved.
    pub approved_at: Option<String>,
    /// Time off on the period's days added, changed or removed since.
    pub time_off_changes: Vec<super::after_approval::TimeOffChange>,
    /// When the period is looked at: a shift that has not started yet is
    /// no exception (the current period is looked at while it runs).
    pub now: DateTime<Utc>,
}

impl Loaded {
    pub fn end(&self) -> NaiveDate {
        self.start + Duration::days(DAYS - 1)
    }

    pub fn person(&self, id: i64) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// Everyone the period pays or expected: with a shift, a punch, or
    /// approved paid time off on its days (a shift time off replaced
    /// too), by id. Their timecards, the payroll file's rows and the paid
    /// total are theirs.
    pub fn paid_people(&self) -> Vec<i64> {
        let (start, end) = (self.start, self.end());
        let mut ids: Vec<i64> = self
            .shifts
            .iter()
            .map(|s| s.staff_id)
            .chain(self.punches.iter().map(|p| p.staff_id))
            .chain(
                self.time_off
                    .iter()
                    .filter(|t| t.paid && t.status == crate::schedule::TimeOffStatus::Approved)
                    .filter(|t| t.from <= end && t.to >= start)
                    .map(|t| t.staff_id),
            )
            .chain(self.replaced_shifts.keys().map(|(id, _)| *id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    pub fn rates(&self) -> HashMap<i64, i64> {
        self.people.iter().map(|p| (p.id, p.rate_cents)).collect()
    }
}

/// The department's time zone (a stored zone is checked when it is saved).
pub fn zone(conn: &Connection) -> AppResult<Tz> {
    let dept = crate::department::require(conn)?;
    dept.time_zone.parse::<Tz>().map_err(|_| {
        AppError::new(
            ErrorCode::Validation,
            format!(
                "The department's time zone “{}” is not known; choose one in Settings.",
                dept.time_zone
            ),
        )
    })
}

/// `start` read as the first day of a pay period of this department.
pub fn period_start(rules: &Rules, start: &str) -> AppResult<NaiveDate> {
    let day = input::date(start).map_err(|e| AppError::field("start", e))?;
    let first = time::pay_period_start(rules.pay_period_anchor, day);
    if first != day {
        return Err(AppError::field(
            "start",
            format!(
                "{day} is not the first day of a pay period; the period holding it starts on {first}."
            ),
        ));
    }
    Ok(day)
}

pub fn people(conn: &Connection) -> AppResult<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, last_name || ', ' || first_name, employee_no, hourly_rate_cents,
             fte_hundredths, employment_type
         FROM staff ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                employee_no: r.get(2)?,
                rate_cents: r.get(3)?,
                fte_hundredths: r.get(4)?,
                employment_type: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// When the period starting `start` was approved, if it was.
pub fn approved_at(conn: &Connection, start: NaiveDate) -> AppResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT approved_at FROM pay_period_approval WHERE start_date = ?1",
            [input::format_date(start)],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn load(conn: &Connection, start: &str) -> AppResult<Loaded> {
    let rules = rule_settings::load(conn)?;
    let start = period_start(&rules, start)?;
    load_at(conn, rules, start, Utc::now())
}

pub fn load_at(
    conn: &Connection,
    rules: Rules,
    start: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Loaded> {
    let tz = zone(conn)?;
    let end = start + Duration::days(DAYS - 1);
    let types = shift_types::list(conn)?;
    let assignments = loaded_period::assignments_between(conn, start, end)?;
    let shifts = matching::scheduled(tz, &assignments, &types);
    let records = store::records(conn, start, end)?;
    let punches = records.iter().map(|r| r.punch.clone()).collect();
    Ok(Loaded {
        tz,
        settings: settings::load(conn)?,
        start,
        people: people(conn)?,
        shifts,
        records,
        punches,
        time_off: time_off::overlapping(conn, start, end)?,
        replaced_shifts: time_off::replaced_shifts(conn, start, end)?,
        approved_at: approved_at(conn, start)?,
        time_off_changes: super::after_approval::time_off_changes(conn, start, end)?,
        rules,
        now,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PeriodChoice {
    pub start: String,
    pub end: String,
    pub approved: bool,
    pub current: bool,
    pub punches: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PeriodChoices {
    /// Newest first: the current period, then the closed ones.
    pub periods: Vec<PeriodChoice>,
    /// The one to open on: the newest closed period not yet approved that
    /// has punches, else the last closed period.
    pub selected: String,
}

/// How far back the list goes when there are no older punches.
const RECENT_PERIODS: i64 = 6;

pub fn choices(conn: &Connection, today: NaiveDate) -> AppResult<PeriodChoices> {
    let rules = rule_settings::load(conn)?;
    let current = time::pay_period_start(rules.pay_period_anchor, today);
    let counts: Vec<(String, i64)> = conn
        .prepare_cached("SELECT workday, count(*) FROM punch GROUP BY workday")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let approved: Vec<String> = conn
        .prepare_cached("SELECT start_date FROM pay_period_approval")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut per_period: HashMap<NaiveDate, i64> = HashMap::new();
    for (d, n) in counts {
        if let Ok(d) = input::date(&d) {
            *per_period
                .entry(time::pay_period_start(rules.pay_period_anchor, d))
                .or_default() += n;
        }
    }
    let oldest = per_period
        .keys()
        .copied()
        .min()
        .unwrap_or(current)
        .min(current - Duration::days(DAYS * RECENT_PERIODS));
    let newest = per_period
        .keys()
        .copied()
        .max()
        .unwrap_or(current)
        .max(current);
    let mut periods = Vec::new();
    let mut s = newest;
    while s >= oldest {
        periods.push(PeriodChoice {
            start: input::format_date(s),
            end: input::format_date(s + Duration::days(DAYS - 1)),
            approved: approved.contains(&input::format_date(s)),
            current: s == current,
            punches: per_period.get(&s).copied().unwrap_or(0),
        });
        s -= Duration::days(DAYS);
    }
    let closed = |p: &&PeriodChoice| p.start < input::format_date(current);
    let selected = periods
        .iter()
        .filter(closed)
        .find(|p| p.punches > 0 && !p.approved)
        .or_else(|| periods.iter().find(closed))
        .map(|p| p.start.clone())
        .unwrap_or_else(|| input::format_date(current));
    Ok(PeriodChoices { periods, selected })
}
