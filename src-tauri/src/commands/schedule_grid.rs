//! Schedule periods, the grid, day-of call-outs, CSV export and printing.

use super::dialog::save_bytes;
use super::{today, DbState};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::schedule::store::assignments::{self, AssignOutcome};
use crate::schedule::store::call_outs::{self, CallOutView};
use crate::schedule::store::periods::{self, SchedulePeriod, Seed};
use crate::schedule::store::{self, now};
use crate::schedule::view::ScheduleView;
use tauri::{Runtime, WebviewWindow};
use wardbook_macros::command;

#[command]
pub async fn periods_list(db: DbState<'_>) -> AppResult<Vec<SchedulePeriod>> {
    db.run(|conn| periods::list(conn)).await
}

#[command]
pub async fn period_create(
    db: DbState<'_>,
    weeks: i64,
    seed: Seed,
    start_date: Option<String>,
) -> AppResult<SchedulePeriod> {
    let start = start_date.unwrap_or_default();
    db.run(move |conn| periods::create_at(conn, weeks, seed, &start, today(conn)?))
        .await
}

#[command]
pub async fn period_publish(db: DbState<'_>, id: i64) -> AppResult<SchedulePeriod> {
    db.run(move |conn| periods::publish(conn, id, &now())).await
}

#[command]
pub async fn period_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| periods::delete(conn, id)).await
}

#[command]
pub async fn schedule_view(db: DbState<'_>, period_id: i64) -> AppResult<ScheduleView> {
    db.run(move |conn| store::view(conn, period_id, today(conn)?))
        .await
}

#[command]
pub async fn assignment_set(
    db: DbState<'_>,
    period_id: i64,
    staff_id: i64,
    date: String,
    shift_code: String,
) -> AppResult<AssignOutcome> {
    db.run(move |conn| {
        let today = today(conn)?;
        assignments::set(conn, period_id, staff_id, &date, &shift_code, today, &now())
    })
    .await
}

#[command]
pub async fn assignment_clear(
    db: DbState<'_>,
    period_id: i64,
    staff_id: i64,
    date: String,
) -> AppResult<ScheduleView> {
    db.run(move |conn| {
        let today = today(conn)?;
        assignments::clear(conn, period_id, staff_id, &date, today, &now())
    })
    .await
}

#[command]
pub async fn call_out(
    db: DbState<'_>,
    period_id: i64,
    staff_id: i64,
    date: String,
    reason: String,
) -> AppResult<CallOutView> {
    db.run(move |conn| call_outs::call_out(conn, period_id, staff_id, &date, &reason, &now()))
        .await
}

/// Filling a call-out is an assignment like any other on a published
/// period, so it is marked as a change after publishing.
#[command]
pub async fn call_out_fill(
    db: DbState<'_>,
    period_id: i64,
    staff_id: i64,
    date: String,
    shift_code: String,
) -> AppResult<AssignOutcome> {
    assignment_set(db, period_id, staff_id, date, shift_code).await
}

#[command]
pub async fn schedule_csv(db: DbState<'_>, period_id: i64) -> AppResult<String> {
    db.run(move |conn| store::csv(conn, period_id, today(conn)?))
        .await
}

/// Asks where to save with the native dialog (Rust side only: the window
/// has no dialog or file permission) and writes the CSV there. `None` when
/// the manager cancels.
#[command]
pub async fn schedule_export_csv<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    period_id: i64,
) -> AppResult<Option<String>> {
    let (text, name) = db
        .run(move |conn| {
            let text = store::csv(conn, period_id, today(conn)?)?;
            let period = periods::get(conn, period_id)?;
            Ok((text, format!("schedule-{}.csv", period.start_date)))
        })
        .await?;
    save_bytes(app, "CSV", &["csv"], name, text.into_bytes()).await
}

/// Opens the system print dialog for the window on a landscape page (see
/// `printing`); the print view's stylesheet lays the schedule out on it.
#[command]
pub async fn window_print<R: Runtime>(window: WebviewWindow<R>) -> AppResult<()> {
    crate::printing::landscape(&window)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("Printing failed ({e}).")))
}
