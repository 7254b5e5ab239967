//! Schedule periods: 4, 5 or 6 weeks, draft then published. A new period
//! starts where the manager says (by default the day after the latest one),
//! on the first day of a work week, and never overlaps another; periods in
//! the past can be added to enter history. A published period stays
//! editable; its changes are marked (see `assignments`).

use super::seed;
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::input;
use crate::schedule::time;
use crate::text_enum::text_enum;
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

text_enum! {
    pub enum PeriodStatus {
        Draft = ("draft", "Draft"),
        Published = ("published", "Published"),
    }
}

text_enum! {
    /// What a new period starts with.
    pub enum Seed {
        Empty = ("empty", "Empty"),
        Previous = ("previous", "Copy the previous period"),
        Rotation = ("rotation", "Repeat the last two weeks"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SchedulePeriod {
    pub id: i64,
    pub start_date: String,
    /// Inclusive.
    pub end_date: String,
    pub weeks: i64,
    pub status: PeriodStatus,
    pub published_at: Option<String>,
}

impl SchedulePeriod {
    pub fn start(&self) -> NaiveDate {
        input::date(&self.start_date).unwrap_or_default()
    }

    pub fn end(&self) -> NaiveDate {
        input::date(&self.end_date).unwrap_or_default()
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    pub fn days(&self) -> i64 {
        self.weeks * 7
    }
}

const COLUMNS: &str = "id, start_date, end_date, weeks, status, published_at";

fn from_row(r: &Row) -> rusqlite::Result<SchedulePeriod> {
    Ok(SchedulePeriod {
        id: r.get(0)?,
        start_date: r.get(1)?,
        end_date: r.get(2)?,
        weeks: r.get(3)?,
        status: r.get(4)?,
        published_at: r.get(5)?,
    })
}

/// Every period, oldest first.
pub fn list(conn: &Connection) -> AppResult<Vec<SchedulePeriod>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM schedule_period ORDER BY start_date"
    ))?;
    let periods = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(periods)
}

pub fn get(conn: &Connection, id: i64) -> AppResult<SchedulePeriod> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM schedule_period WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| AppError::not_found("That schedule period"))
}

/// Where the next period starts: the day after the latest one ends, or, for
/// the first, the first day of the pay period holding `today`.
pub fn next_start(conn: &Connection, anchor: NaiveDate, today: NaiveDate) -> AppResult<NaiveDate> {
    let last: Option<String> = conn
        .query_row("SELECT MAX(end_date) FROM schedule_period", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    Ok(match last.and_then(|d| input::date(&d).ok()) {
        Some(end) => end + Duration::days(1),
        None => time::pay_period_start(anchor, today),
    })
}

/// Adds the next period of `weeks` weeks, seeded as asked (see `seed`).
pub fn create(
    conn: &mut Connection,
    weeks: i64,
    seed_with: Seed,
    today: NaiveDate,
) -> AppResult<SchedulePeriod> {
    create_at(conn, weeks, seed_with, "", today)
}

/// Adds a period of `weeks` weeks starting on `start_date` (blank: the day
/// after the latest period, or the pay period holding `today` for the
/// first), seeded from the latest period that ends before it.
pub fn create_at(
    conn: &mut Connection,
    weeks: i64,
    seed_with: Seed,
    start_date: &str,
    today: NaiveDate,
) -> AppResult<SchedulePeriod> {
    let rules = super::rule_settings::load(conn)?;
    let anchor = rules.pay_period_anchor;
    let mut v = Validator::new();
    v.check(
        (4..=6).contains(&weeks),
        "weeks",
        "A period is 4, 5 or 6 weeks long.",
    );
    let chosen = if start_date.trim().is_empty() {
        None
    } else {
        v.take("start_date", input::date(start_date))
    };
    if let Some(start) = chosen {
        v.check(
            (2000..=2099).contains(&start.year()),
            "start_date",
            "Enter a start date between 2000 and 2099.",
        );
        v.check(
            !(2000..=2099).contains(&start.year()) || time::week_start(anchor, start) == start,
            "start_date",
            format!(
                "A period starts on a {}, the first day of the work week (the pay-period anchor {} is one); \
                 the nearest is {} or {}.",
                input::weekday_name(anchor.weekday()),
                input::format_date(anchor),
                long_day(time::week_start(anchor, start)),
                long_day(time::week_start(anchor, start) + Duration::days(7)),
            ),
        );
    }
    v.finish()?;
    let tx = conn.transaction()?;
    let start = match chosen {
        Some(start) => start,
        None => next_start(&tx, anchor, today)?,
    };
    let end = start + Duration::days(weeks * 7 - 1);
    let existing = list(&tx)?;
    if let Some(other) = existing
        .iter()
        .find(|p| p.start() <= end && start <= p.end())
    {
        return Err(AppError::field(
            "start_date",
            format!(
                "{} to {} would overlap the period {} to {}; periods cannot overlap. {}",
                long_day(start),
                long_day(end),
                long_day(other.start()),
                long_day(other.end()),
                free_hint(&existing, other, start, weeks),
            ),
        ));
    }
    let previous = existing.iter().rev().find(|p| p.end() < start).cloned();
    if seed_with != Seed::Empty && previous.is_none() {
        return Err(AppError::field(
            "seed",
            "There is no earlier period to copy from; start this one empty.",
        ));
    }
    tx.execute(
        "INSERT INTO schedule_period (start_date, end_date, weeks, status) VALUES (?1, ?2, ?3, 'draft')",
        params![input::format_date(start), input::format_date(end), weeks],
    )?;
    let period = get(&tx, tx.last_insert_rowid())?;
    if let Some(previous) = previous {
        seed::fill(&tx, &previous, &period, seed_with)?;
    }
    tx.commit()?;
    Ok(period)
}

/// Where a period of `weeks` weeks that clashes with `other` could go instead.
fn free_hint(
    existing: &[SchedulePeriod],
    other: &SchedulePeriod,
    start: NaiveDate,
    weeks: i64,
) -> String {
    let after = other.end() + Duration::days(1);
    let fits = |s: NaiveDate| {
        let e = s + Duration::days(weeks * 7 - 1);
        !existing.iter().any(|p| p.start() <= e && s <= p.end())
    };
    if start < other.start() {
        let before = other.start() - Duration::days(weeks * 7);
        if fits(before) {
            return format!("Start it on {} or earlier.", long_day(before));
        }
    }
    if fits(after) {
        format!("It could start on {}.", long_day(after))
    } else {
        "Choose a start date where it fits between the existing periods.".to_string()
    }
}

/// "Sun 6 Dec 2026": periods can be years apart, so the year is kept.
fn long_day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// Publishes a draft; `now` is when, as RFC 3339.
pub fn publish(conn: &Connection, id: i64, now: &str) -> AppResult<SchedulePeriod> {
    let period = get(conn, id)?;
    if period.status == PeriodStatus::Published {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "The period {} to {} is already published.",
                period.start_date, period.end_date
            ),
        ));
    }
    conn.execute(
        "UPDATE schedule_period SET status = 'published', published_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    get(conn, id)
}

/// Deletes a draft and its assignments. Any draft can go: periods need not
/// be back to back, so a period added by mistake in the past can be removed.
pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    let period = get(conn, id)?;
    if period.status == PeriodStatus::Published {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "A published period cannot be deleted; its schedule has been shared with staff.",
        ));
    }
    conn.execute("DELETE FROM schedule_period WHERE id = ?1", [id])?;
    Ok(())
}
