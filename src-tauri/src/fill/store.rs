//! Filling a draft period: loading it for the solver, and writing an
//! accepted proposal. The proposal goes in whole or not at all, in one
//! transaction, and the schedule's rules decide it as they decide a change
//! by hand: a blocking violation on any cell it sets refuses it.

use crate::error::{AppError, AppResult, ErrorCode};
use crate::fill::department::AFTER_DAYS;
use crate::fill::summary::changes;
use crate::input;
use crate::schedule::rules::{check_all, Cell, Severity};
use crate::schedule::store::loaded_period::{self, Loaded};
use crate::schedule::store::periods::PeriodStatus;
use crate::schedule::view::{self, ScheduleView};
use crate::schedule::Assignment;
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};
use std::collections::HashSet;

/// The period, if a fill may run on it: a draft.
pub fn load_draft(conn: &Connection, period_id: i64) -> AppResult<Loaded> {
    let mut loaded = loaded_period::load(conn, period_id)?;
    // The first days after the period (a next period's shifts) are context
    // too: a night on the last day must not run into them.
    let end = loaded.period.end();
    let ids: HashSet<i64> = loaded.people.iter().map(|p| p.id).collect();
    let after = loaded_period::assignments_between(
        conn,
        end + Duration::days(1),
        end + Duration::days(AFTER_DAYS),
    )?;
    loaded
        .ctx
        .assignments
        .extend(after.into_iter().filter(|a| ids.contains(&a.staff_id)));
    if loaded.period.status == PeriodStatus::Published {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "This period is published; Fill schedule works on a draft. Make changes to a published period by hand.",
        ));
    }
    Ok(loaded)
}

/// The period's own assignments, in a stable order: what a proposal was
/// made against.
pub fn in_period(loaded: &Loaded) -> Vec<Assignment> {
    let mut list: Vec<Assignment> = loaded
        .ctx
        .assignments
        .iter()
        .filter(|a| loaded.ctx.in_period(a.date))
        .cloned()
        .collect();
    list.sort_by_key(|a| (a.staff_id, a.date));
    list
}

/// The period's own assignments as they stand (a draft or published), in
/// the order of [`in_period`].
pub fn shifts_of(conn: &Connection, period_id: i64) -> AppResult<Vec<Assignment>> {
    Ok(in_period(&loaded_period::load(conn, period_id)?))
}

/// Writes `proposed` (the period's assignments after the fill) in place of
/// the period's own, provided the period still holds `base`, the
/// assignments the fill started from.
pub fn accept(
    conn: &mut Connection,
    period_id: i64,
    base: &[Assignment],
    proposed: &[Assignment],
    today: NaiveDate,
) -> AppResult<ScheduleView> {
    let mut loaded = load_draft(conn, period_id)?;
    if in_period(&loaded) != base {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "The schedule changed while the fill was running, so its proposal no longer fits. Nothing was saved; run Fill schedule again.",
        ));
    }
    let changed = changes(&loaded.ctx, proposed);
    let mut after = loaded.ctx.clone();
    after.assignments = proposed.to_vec();
    let set: HashSet<Cell> = changed
        .iter()
        .filter(|c| c.to.is_some())
        .map(|c| Cell {
            staff_id: c.staff_id,
            date: c.date,
        })
        .collect();
    if let Some(refusal) = check_all(&after)
        .into_iter()
        .find(|v| v.severity == Severity::Block && v.cells.iter().any(|c| set.contains(c)))
    {
        return Err(AppError::new(
            ErrorCode::Blocked,
            format!("Nothing was saved: {}", refusal.message),
        ));
    }
    let tx = conn.transaction()?;
    for c in &changed {
        let date = input::format_date(c.date);
        let new = proposed
            .iter()
            .find(|a| a.staff_id == c.staff_id && a.date == c.date);
        match new {
            Some(a) => tx.execute(
                "INSERT OR REPLACE INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
                params![a.staff_id, date, period_id, a.shift_type_id],
            )?,
            None => tx.execute(
                "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
                params![c.staff_id, date],
            )?,
        };
    }
    tx.commit()?;
    loaded.ctx = after;
    Ok(view::build(&loaded, today))
}

/// The grid as it would be with the proposal, for the manager to look at.
pub fn preview(loaded: &Loaded, proposed: &[Assignment], today: NaiveDate) -> ScheduleView {
    let mut with = loaded.clone();
    with.ctx.assignments = proposed.to_vec();
    view::build(&with, today)
}
