//! Setting and clearing grid cells. Every change is checked by the rules
//! first: a blocking rule refuses it with its reason and nothing is saved.
//! On a published period the cell is marked as changed after publishing.

use super::context::{self, Loaded};
use super::periods::PeriodStatus;
use super::shift_types;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::schedule::rules::{check_assignment, refusal_text, Violation};
use crate::schedule::view::{self, ScheduleView};
use crate::schedule::{format, Assignment};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AssignOutcome {
    pub view: ScheduleView,
    /// What the new assignment raises or is part of, though allowed.
    pub warnings: Vec<Violation>,
}

/// The cell a command names: a date inside the period and a person
/// employed on it.
pub(super) fn cell(loaded: &Loaded, staff_id: i64, date: &str) -> AppResult<NaiveDate> {
    let date = input::date(date).map_err(|m| AppError::field("date", m))?;
    let period = &loaded.period;
    if !period.contains(date) {
        return Err(AppError::field(
            "date",
            format!(
                "{} is outside this period ({} to {}).",
                format::day(date),
                format::day(period.start()),
                format::day(period.end())
            ),
        ));
    }
    let person = loaded
        .people
        .iter()
        .find(|p| p.id == staff_id)
        .ok_or_else(|| AppError::not_found("That staff member"))?;
    if !person.employed_on(date) {
        return Err(AppError::field(
            "staff_id",
            format!(
                "{} {} is not employed on {}.",
                person.first_name,
                person.last_name,
                format::day(date)
            ),
        ));
    }
    Ok(date)
}

/// Puts the shift with `shift_code` in a person's cell, replacing what was there.
pub fn set(
    conn: &mut Connection,
    period_id: i64,
    staff_id: i64,
    date: &str,
    shift_code: &str,
    today: NaiveDate,
    now: &str,
) -> AppResult<AssignOutcome> {
    let mut loaded = context::load(conn, period_id)?;
    let date = cell(&loaded, staff_id, date)?;
    let shift = shift_types::by_code(conn, shift_code)?;
    let published = loaded.period.status == PeriodStatus::Published;
    let proposed = Assignment {
        staff_id,
        date,
        shift_type_id: shift.id,
        published_change: published,
    };
    let warnings = check_assignment(&loaded.ctx, &proposed).map_err(|refusal| {
        AppError::new(
            ErrorCode::Blocked,
            refusal_text(&loaded.ctx, &proposed, &refusal),
        )
    })?;
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT OR REPLACE INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
        params![staff_id, input::format_date(date), period_id, shift.id],
    )?;
    if published {
        mark_changed(&tx, period_id, staff_id, date, now)?;
    }
    tx.commit()?;
    replace(&mut loaded, staff_id, date, Some(proposed));
    if published {
        loaded.changes.insert((staff_id, date));
    }
    Ok(AssignOutcome {
        view: view::build(&loaded, today),
        warnings,
    })
}

/// Empties a person's cell.
pub fn clear(
    conn: &mut Connection,
    period_id: i64,
    staff_id: i64,
    date: &str,
    today: NaiveDate,
    now: &str,
) -> AppResult<ScheduleView> {
    let mut loaded = context::load(conn, period_id)?;
    let date = cell(&loaded, staff_id, date)?;
    let tx = conn.transaction()?;
    let removed = tx.execute(
        "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
        params![staff_id, input::format_date(date)],
    )?;
    let published = loaded.period.status == PeriodStatus::Published;
    if published && removed > 0 {
        mark_changed(&tx, period_id, staff_id, date, now)?;
        loaded.changes.insert((staff_id, date));
    }
    tx.commit()?;
    replace(&mut loaded, staff_id, date, None);
    Ok(view::build(&loaded, today))
}

pub(super) fn mark_changed(
    conn: &Connection,
    period_id: i64,
    staff_id: i64,
    date: NaiveDate,
    now: &str,
) -> AppResult<()> {
    conn.execute(
        "INSERT OR REPLACE INTO schedule_change (staff_id, date, period_id, changed_at) VALUES (?1, ?2, ?3, ?4)",
        params![staff_id, input::format_date(date), period_id, now],
    )?;
    Ok(())
}

/// Applies a saved change to the loaded context, so the view needs no reload.
pub(super) fn replace(
    loaded: &mut Loaded,
    staff_id: i64,
    date: NaiveDate,
    with: Option<Assignment>,
) {
    let assignments = &mut loaded.ctx.assignments;
    assignments.retain(|a| !(a.staff_id == staff_id && a.date == date));
    assignments.extend(with);
}
