//! Staff requests: those of a period's days for the grid, add or change
//! one (one per person per day), remove one, and the department's cap on
//! strong requests.

use super::DbState;
use crate::error::AppResult;
use crate::requests::rules::{self, RequestRules, RequestRulesInput};
use crate::requests::{self, StaffRequest, StaffRequestInput};
use crate::schedule::store::periods;
use wardbook_macros::command;

#[command]
pub async fn requests_for_period(db: DbState<'_>, period_id: i64) -> AppResult<Vec<StaffRequest>> {
    db.run(move |conn| {
        let period = periods::get(conn, period_id)?;
        requests::for_dates(conn, period.start(), period.end())
    })
    .await
}

#[command]
pub async fn request_save(db: DbState<'_>, input: StaffRequestInput) -> AppResult<StaffRequest> {
    db.run(move |conn| requests::save(conn, &input)).await
}

#[command]
pub async fn request_delete(db: DbState<'_>, staff_id: i64, date: String) -> AppResult<()> {
    db.run(move |conn| requests::delete(conn, staff_id, &date))
        .await
}

#[command]
pub async fn request_rules(db: DbState<'_>) -> AppResult<RequestRules> {
    db.run(|conn| rules::load(conn)).await
}

#[command]
pub async fn request_rules_save(
    db: DbState<'_>,
    input: RequestRulesInput,
) -> AppResult<RequestRules> {
    db.run(move |conn| rules::save(conn, &input)).await
}
