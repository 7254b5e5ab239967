use super::{today, DbState};
use crate::dashboard::{self, Dashboard};
use crate::error::AppResult;

/// What needs the manager today, in the department's time zone.
#[tauri::command(rename_all = "snake_case")]
pub async fn dashboard(db: DbState<'_>) -> AppResult<Dashboard> {
    crate::startup::mark("dashboard");
    db.run(move |conn| dashboard::build(conn, today(conn)?))
        .await
}
