//! Importing actuals from a finance CSV: choose the file (native dialog,
//! Rust side only), map the columns, preview every row, import all or nothing;
//! and the account map the import remembers (finance accounts to budget
//! lines, this department's cost centres).

use super::dialog::open_csv;
use super::DbState;
use crate::budget::account_map::{self, AccountMap, AccountMapInput};
use crate::budget::csv_import::{
    self, CsvFile, ImportColumns, ImportMapping, ImportOutcome, ImportPreview,
};
use crate::error::AppResult;
use tauri::Runtime;
use wardbook_macros::command;

/// Asks for a CSV file and reads it; `None` when the manager cancels.
#[command]
pub async fn budget_csv_open<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<CsvFile>> {
    open_csv(app, csv_import::read).await
}

#[command]
pub async fn budget_import_columns(text: String) -> AppResult<ImportColumns> {
    csv_import::columns(&text)
}

#[command]
pub async fn budget_import_preview(
    db: DbState<'_>,
    fiscal_year_id: i64,
    text: String,
    mapping: ImportMapping,
) -> AppResult<ImportPreview> {
    db.run(move |conn| csv_import::preview(conn, fiscal_year_id, &text, &mapping))
        .await
}

#[command]
pub async fn budget_import(
    db: DbState<'_>,
    fiscal_year_id: i64,
    text: String,
    mapping: ImportMapping,
) -> AppResult<ImportOutcome> {
    db.run(move |conn| csv_import::import(conn, fiscal_year_id, &text, &mapping))
        .await
}

#[command]
pub async fn budget_account_map(db: DbState<'_>, fiscal_year_id: i64) -> AppResult<AccountMap> {
    db.run(move |conn| account_map::load(conn, fiscal_year_id))
        .await
}

#[command]
pub async fn budget_account_map_save(
    db: DbState<'_>,
    fiscal_year_id: i64,
    input: AccountMapInput,
) -> AppResult<AccountMap> {
    db.run(move |conn| account_map::save(conn, fiscal_year_id, &input))
        .await
}

#[command]
pub async fn budget_account_map_remove(
    db: DbState<'_>,
    fiscal_year_id: i64,
    account: String,
) -> AppResult<AccountMap> {
    db.run(move |conn| account_map::remove(conn, fiscal_year_id, &account))
        .await
}

/// Marks a cost centre as this department's (`ours`) or not; returns them all.
#[command]
pub async fn budget_cost_centre_save(
    db: DbState<'_>,
    code: String,
    ours: bool,
) -> AppResult<Vec<String>> {
    db.run(move |conn| account_map::set_cost_centre(conn, &code, ours))
        .await
}
