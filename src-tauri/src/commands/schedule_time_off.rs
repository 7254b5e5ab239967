//! Time-off requests: list, record, approve or deny, delete.

use super::DbState;
use crate::error::AppResult;
use crate::schedule::store::now;
use crate::schedule::store::time_off::{self, TimeOffInput, TimeOffRequest};
use crate::schedule::TimeOffStatus;

#[tauri::command(rename_all = "snake_case")]
pub async fn time_off_list(
    db: DbState<'_>,
    status: Option<TimeOffStatus>,
) -> AppResult<Vec<TimeOffRequest>> {
    db.run(move |conn| time_off::list(conn, status)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn time_off_save(
    db: DbState<'_>,
    id: Option<i64>,
    input: TimeOffInput,
) -> AppResult<TimeOffRequest> {
    db.run(move |conn| time_off::save(conn, id, &input)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn time_off_decide(db: DbState<'_>, id: i64, approve: bool) -> AppResult<TimeOffRequest> {
    db.run(move |conn| time_off::decide(conn, id, approve, &now()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn time_off_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| time_off::delete(conn, id)).await
}
