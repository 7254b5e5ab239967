use super::DbState;
use crate::audit::{self, HistoryPage, HistoryQuery};
use crate::error::AppResult;
use wardbook_macros::command;

/// The change history, newest first. There is deliberately no command that
/// edits or removes history entries.
#[command]
pub async fn history_list(db: DbState<'_>, query: HistoryQuery) -> AppResult<HistoryPage> {
    db.run(move |conn| audit::list(conn, &query)).await
}

/// Checks every history entry against its seal, on demand (it is also checked at open).
#[command]
pub async fn history_verify(db: DbState<'_>) -> AppResult<audit::chain::HistoryCheck> {
    let dir = db.data_dir.clone();
    db.run(move |conn| crate::store::head::verify(&dir, conn))
        .await
}

/// Adds the records found changed outside Wardbook at open to the history,
/// once the manager has read the warning naming them; returns how many.
#[command]
pub async fn history_record_outside_changes(db: DbState<'_>) -> AppResult<i64> {
    db.with_file_mut(|_, file| Ok(file.record_outside_changes()? as i64))
        .await
}

/// Notes the history found cut off its end at open in the history itself
/// (what is missing, and the records still showing the removed entries'
/// changes), once the manager has read the warning; returns how many records.
#[command]
pub async fn history_note_cut(db: DbState<'_>) -> AppResult<i64> {
    db.with_file_mut(|_, file| Ok(file.note_cut()? as i64))
        .await
}
