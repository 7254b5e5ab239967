//! Fill schedule: start a fill of a draft period on its own thread, hear
//! its progress on a `Channel` (no event permission needed), stop it (the
//! best found so far is kept), then accept the proposal or discard it.
//! Adapters of `fill/`: its registry ([`FillRuns`]) keeps the proposal,
//! unsaved, until the manager decides.

use super::{today, DbState};
use crate::error::AppResult;
use crate::fill::department::FillOptions;
use crate::fill::job::{self, FillEvent};
use crate::fill::runs::{FillLast, FillRuns};
use crate::fill::store;
use crate::schedule::store::locks;
use crate::schedule::view::ScheduleView;
use std::sync::Arc;
use tauri::ipc::Channel;
use wardbook_macros::command;

pub type RunsState<'a> = tauri::State<'a, Arc<FillRuns>>;

#[command]
pub async fn schedule_fill_start(
    db: DbState<'_>,
    runs: RunsState<'_>,
    period_id: i64,
    options: FillOptions,
    on_event: Channel<FillEvent>,
) -> AppResult<()> {
    job::validate(&options)?;
    let (loaded, today) = db
        .run(move |conn| Ok((store::load_draft(conn, period_id)?, today(conn)?)))
        .await?;
    job::start(
        runs.inner().clone(),
        period_id,
        loaded,
        today,
        options,
        move |event| {
            let _ = on_event.send(event);
        },
    )
}

/// Ends a running fill early; it still reports its best as the proposal.
#[command]
pub async fn schedule_fill_stop(runs: RunsState<'_>, period_id: i64) -> AppResult<()> {
    runs.stop(period_id);
    Ok(())
}

/// Writes the proposal in one transaction; nothing if any cell is refused.
#[command]
pub async fn schedule_fill_accept(
    db: DbState<'_>,
    runs: RunsState<'_>,
    period_id: i64,
) -> AppResult<ScheduleView> {
    let (base, proposed, review) = runs.take(period_id)?;
    let (view, left) = db
        .run(move |conn| {
            let today = today(conn)?;
            let view = store::accept(conn, period_id, &base, &proposed, today)?;
            Ok((view, store::shifts_of(conn, period_id)?))
        })
        .await?;
    runs.accepted(period_id, left, review);
    Ok(view)
}

/// The last accepted fill's review of the period while its shifts are
/// those the fill left; none once anything changed them.
#[command]
pub async fn schedule_fill_last(
    db: DbState<'_>,
    runs: RunsState<'_>,
    period_id: i64,
) -> AppResult<Option<FillLast>> {
    let shifts = db
        .run(move |conn| store::shifts_of(conn, period_id))
        .await?;
    Ok(runs.last(period_id, &shifts))
}

/// Drops the proposal (stopping the fill if it still runs); the period
/// is left exactly as it was.
#[command]
pub async fn schedule_fill_discard(runs: RunsState<'_>, period_id: i64) -> AppResult<()> {
    runs.discard(period_id);
    Ok(())
}

/// Locks or unlocks a grid cell against Fill schedule.
#[command]
pub async fn assignment_lock(
    db: DbState<'_>,
    period_id: i64,
    staff_id: i64,
    date: String,
    locked: bool,
) -> AppResult<ScheduleView> {
    db.run(move |conn| {
        let today = today(conn)?;
        locks::set(conn, period_id, staff_id, &date, locked, today)
    })
    .await
}
