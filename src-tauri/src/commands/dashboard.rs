use super::{today, DbState};
use crate::dashboard::{self, Dashboard};
use crate::error::AppResult;
use wardbook_macros::command;

/// What needs the manager today, in the department's time zone.
#[command]
pub async fn dashboard(db: DbState<'_>) -> AppResult<Dashboard> {
    crate::startup_probe::mark("dashboard");
    db.run(move |conn| dashboard::build(conn, today(conn)?))
        .await
}
