//! Time-off requests: list, record, approve or deny (seeing the shifts on
//! those days first), delete.

use super::DbState;
use crate::error::AppResult;
use crate::schedule::store::now;
use crate::schedule::store::time_off::{self, TimeOffInput, TimeOffRequest};
use crate::schedule::store::time_off_approval::{self as approval, OverlappingShift};
use crate::schedule::TimeOffStatus;
use wardbook_macros::command;

#[command]
pub async fn time_off_list(
    db: DbState<'_>,
    status: Option<TimeOffStatus>,
) -> AppResult<Vec<TimeOffRequest>> {
    db.run(move |conn| time_off::list(conn, status)).await
}

#[command]
pub async fn time_off_save(
    db: DbState<'_>,
    id: Option<i64>,
    input: TimeOffInput,
) -> AppResult<TimeOffRequest> {
    db.run(move |conn| time_off::save(conn, id, &input)).await
}

/// Approves or denies; approving with `remove_shifts` also takes the
/// person's shifts on those days off the schedule.
#[command]
pub async fn time_off_decide(
    db: DbState<'_>,
    id: i64,
    approve: bool,
    remove_shifts: bool,
) -> AppResult<TimeOffRequest> {
    db.run(move |conn| approval::decide(conn, id, approve, remove_shifts, &now()))
        .await
}

/// The shifts already scheduled on a request's days, for the approval.
#[command]
pub async fn time_off_shifts(db: DbState<'_>, id: i64) -> AppResult<Vec<OverlappingShift>> {
    db.run(move |conn| approval::overlapping_shifts(conn, id))
        .await
}

#[command]
pub async fn time_off_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| time_off::delete(conn, id)).await
}
