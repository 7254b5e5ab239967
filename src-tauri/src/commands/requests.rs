//! Staff requests: those of a period's days for the grid, add or change
//! one (one per person per day), remove one, the department's cap on
//! strong requests, and the sign-up sheet (a blank one to hand out, and
//! importing one filled in).

use super::dialog::{open_csv, save_bytes};
use super::{today, DbState};
use crate::csv_file::CsvFile;
use crate::error::AppResult;
use crate::requests::import::{
    self as sheet_import, RequestImportOptions, RequestImportOutcome, RequestImportPreview,
};
use crate::requests::rules::{self, RequestRules, RequestRulesInput};
use crate::requests::{self, StaffRequest, StaffRequestInput};
use crate::schedule::sign_up_sheet;
use crate::schedule::store::periods;
use tauri::Runtime;
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

/// Writes a blank sign-up sheet of the period where the manager chooses;
/// the path, or `None` when they cancel.
#[command]
pub async fn requests_sheet_save<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    period_id: i64,
) -> AppResult<Option<String>> {
    let file = db
        .run(move |conn| sign_up_sheet::blank(conn, period_id, today(conn)?))
        .await?;
    save_bytes(app, "CSV", &["csv"], file.name, file.bytes).await
}

/// Asks for a filled-in sign-up sheet and reads it; `None` when cancelled.
#[command]
pub async fn requests_csv_open<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<CsvFile>> {
    open_csv(app, |path| {
        crate::csv_file::read(path, "a sign-up sheet has one row per person.")
    })
    .await
}

#[command]
pub async fn requests_import_preview(
    db: DbState<'_>,
    period_id: i64,
    text: String,
    options: RequestImportOptions,
) -> AppResult<RequestImportPreview> {
    db.run(move |conn| sheet_import::preview(conn, period_id, &text, &options))
        .await
}

#[command]
pub async fn requests_import(
    db: DbState<'_>,
    period_id: i64,
    text: String,
    options: RequestImportOptions,
) -> AppResult<RequestImportOutcome> {
    db.run(move |conn| sheet_import::import(conn, period_id, &text, &options))
        .await
}
