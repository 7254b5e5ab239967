use super::{today, DbState};
use crate::error::AppResult;
use crate::staff::{self, Staff, StaffDetail, StaffInput, StaffQuery, StaffRow};
use wardbook_macros::command;

#[command]
pub async fn staff_list(db: DbState<'_>, query: StaffQuery) -> AppResult<Vec<StaffRow>> {
    crate::startup_probe::mark("staff_list");
    db.run(move |conn| staff::list(conn, &query, today(conn)?))
        .await
}

#[command]
pub async fn staff_detail(db: DbState<'_>, id: i64) -> AppResult<StaffDetail> {
    db.run(move |conn| staff::detail(conn, id, today(conn)?))
        .await
}

#[command]
pub async fn staff_create(db: DbState<'_>, input: StaffInput) -> AppResult<Staff> {
    db.run(move |conn| staff::create(conn, &input)).await
}

#[command]
pub async fn staff_update(db: DbState<'_>, id: i64, input: StaffInput) -> AppResult<Staff> {
    db.run(move |conn| staff::update(conn, id, &input)).await
}

#[command]
pub async fn staff_terminate(db: DbState<'_>, id: i64, last_day: String) -> AppResult<Staff> {
    db.run(move |conn| staff::terminate(conn, id, &last_day))
        .await
}

#[command]
pub async fn staff_reactivate(db: DbState<'_>, id: i64) -> AppResult<Staff> {
    db.run(move |conn| staff::reactivate(conn, id)).await
}
