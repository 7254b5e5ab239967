//! Schedule periods: 4, 5 or 6 weeks, one after another with no gap, draft
//! then published. A published period stays editable; its changes are
//! marked (see `assignments`).

use super::seed;
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::input;
use crate::schedule::time;
use crate::text_enum::text_enum;
use chrono::{Duration, NaiveDate};
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
/// the first, the first day of the work week holding `today`.
pub fn next_start(conn: &Connection, anchor: NaiveDate, today: NaiveDate) -> AppResult<NaiveDate> {
    let last: Option<String> = conn
        .query_row("SELECT MAX(end_date) FROM schedule_period", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    Ok(match last.and_then(|d| input::date(&d).ok()) {
        Some(end) => end + Duration::days(1),
        None => time::week_start(anchor, today),
    })
}

/// Adds the next period of `weeks` weeks, seeded as asked (see `seed`).
pub fn create(
    conn: &mut Connection,
    weeks: i64,
    seed_with: Seed,
    today: NaiveDate,
) -> AppResult<SchedulePeriod> {
    let mut v = Validator::new();
    v.check(
        (4..=6).contains(&weeks),
        "weeks",
        "A period is 4, 5 or 6 weeks long.",
    );
    v.finish()?;
    let rules = super::rules::load(conn)?;
    let tx = conn.transaction()?;
    let start = next_start(&tx, rules.pay_period_anchor, today)?;
    let end = start + Duration::days(weeks * 7 - 1);
    let previous = list(&tx)?.pop();
    if seed_with != Seed::Empty && previous.is_none() {
        return Err(AppError::field(
            "seed",
            "There is no previous period to copy from; start this one empty.",
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

/// Deletes a draft and its assignments. Only the latest period can go, so
/// periods stay back to back.
pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    let period = get(conn, id)?;
    if period.status == PeriodStatus::Published {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "A published period cannot be deleted; its schedule has been shared with staff.",
        ));
    }
    let later: i64 = conn.query_row(
        "SELECT COUNT(*) FROM schedule_period WHERE start_date > ?1",
        [&period.start_date],
        |r| r.get(0),
    )?;
    if later > 0 {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "Only the latest period can be deleted, so that periods stay back to back.",
        ));
    }
    conn.execute("DELETE FROM schedule_period WHERE id = ?1", [id])?;
    Ok(())
}
