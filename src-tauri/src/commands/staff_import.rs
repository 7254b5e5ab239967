//! Importing staff from an HR export: choose the file (native dialog, Rust
//! side only), map the columns, preview every row, import all or nothing.

use super::dialog::open_csv;
use super::DbState;
use crate::csv_file::CsvFile;
use crate::error::AppResult;
use crate::staff::import::{
    self, StaffImportColumns, StaffImportMapping, StaffImportOutcome, StaffImportPreview,
};
use tauri::Runtime;
use wardbook_macros::command;

/// Asks for the HR export and reads it; `None` when the manager cancels.
#[command]
pub async fn staff_csv_open<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<CsvFile>> {
    open_csv(app, import::read).await
}

/// The file's columns, guessed, or as matched at the last import of the same layout.
#[command]
pub async fn staff_import_columns(db: DbState<'_>, text: String) -> AppResult<StaffImportColumns> {
    db.run(move |conn| import::recall(conn, &text)).await
}

#[command]
pub async fn staff_import_preview(
    db: DbState<'_>,
    text: String,
    mapping: StaffImportMapping,
) -> AppResult<StaffImportPreview> {
    db.run(move |conn| import::preview(conn, &text, &mapping))
        .await
}

#[command]
pub async fn staff_import(
    db: DbState<'_>,
    text: String,
    mapping: StaffImportMapping,
) -> AppResult<StaffImportOutcome> {
    db.run(move |conn| import::import(conn, &text, &mapping))
        .await
}
