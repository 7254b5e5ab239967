//! Importing staff from an HR export: choose the file (native dialog, Rust
//! side only), map the columns, preview every row, import all or nothing.

use super::dialog::pick_file;
use super::DbState;
use crate::csv_file::CsvFile;
use crate::error::AppResult;
use crate::staff::import::{
    self, StaffImportColumns, StaffImportMapping, StaffImportOutcome, StaffImportPreview,
};
use tauri::Runtime;

/// Asks for the HR export and reads it; `None` when the manager cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn staff_csv_open<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<CsvFile>> {
    let Some(path) = pick_file(app, "CSV", &["csv", "txt"]).await? else {
        return Ok(None);
    };
    tauri::async_runtime::spawn_blocking(move || import::read(&path).map(Some))
        .await
        .map_err(|e| {
            crate::error::AppError::new(
                crate::error::ErrorCode::Internal,
                format!("Reading the file stopped unexpectedly ({e})."),
            )
        })?
}

/// The file's columns, guessed, or as matched at the last import of the same layout.
#[tauri::command(rename_all = "snake_case")]
pub async fn staff_import_columns(db: DbState<'_>, text: String) -> AppResult<StaffImportColumns> {
    db.run(move |conn| import::recall(conn, &text)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn staff_import_preview(
    db: DbState<'_>,
    text: String,
    mapping: StaffImportMapping,
) -> AppResult<StaffImportPreview> {
    db.run(move |conn| import::preview(conn, &text, &mapping))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn staff_import(
    db: DbState<'_>,
    text: String,
    mapping: StaffImportMapping,
) -> AppResult<StaffImportOutcome> {
    db.run(move |conn| import::import(conn, &text, &mapping))
        .await
}
