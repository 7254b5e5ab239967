use super::DbState;
use crate::audit::{self, HistoryPage, HistoryQuery};
use crate::error::AppResult;

/// The change history, newest first. There is deliberately no command that
/// edits or removes history entries.
#[tauri::command(rename_all = "snake_case")]
pub async fn history_list(db: DbState<'_>, query: HistoryQuery) -> AppResult<HistoryPage> {
    db.run(move |conn| audit::list(conn, &query)).await
}

/// Checks every history entry against its seal, on demand (it is also checked at open).
#[tauri::command]
pub async fn history_verify(db: DbState<'_>) -> AppResult<audit::chain::HistoryCheck> {
    db.run(|conn| audit::chain::verify(conn)).await
}
