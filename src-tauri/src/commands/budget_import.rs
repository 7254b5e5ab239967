//! Importing actuals from a finance CSV: choose the file (native dialog,
//! Rust side only), map the columns, preview every row, import all or nothing.

use super::DbState;
use crate::budget::csv_import::{
    self, CsvFile, ImportColumns, ImportMapping, ImportOutcome, ImportPreview,
};
use crate::error::{AppError, AppResult, ErrorCode};
use tauri::Runtime;
use tauri_plugin_dialog::DialogExt;

/// End-to-end tests drive the window through WebDriver, which cannot reach
/// the native open dialog (it is not part of the web view). In debug builds
/// only, `WARDBOOK_TEST_OPEN_FILE` names the file the dialog would return, so
/// a test goes through this same command and the same reading code. Release
/// builds never look at it, and nothing in the window can set it: it is the
/// environment of the process, chosen by whoever starts the app.
fn test_open_file() -> Option<std::path::PathBuf> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var_os("WARDBOOK_TEST_OPEN_FILE")
        .filter(|p| !p.is_empty())
        .map(std::path::PathBuf::from)
}

/// Asks for a CSV file and reads it; `None` when the manager cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn budget_csv_open<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<CsvFile>> {
    tauri::async_runtime::spawn_blocking(move || {
        if let Some(path) = test_open_file() {
            return csv_import::read(&path).map(Some);
        }
        let Some(chosen) = app
            .dialog()
            .file()
            .add_filter("CSV", &["csv", "txt"])
            .blocking_pick_file()
        else {
            return Ok(None);
        };
        let path = chosen.into_path().map_err(|e| {
            AppError::new(
                ErrorCode::Storage,
                format!("That file cannot be used ({e})."),
            )
        })?;
        csv_import::read(&path).map(Some)
    })
    .await
    .map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The open dialog stopped unexpectedly ({e})."),
        )
    })?
}

#[tauri::command(rename_all = "snake_case")]
pub async fn budget_import_columns(text: String) -> AppResult<ImportColumns> {
    csv_import::columns(&text)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn budget_import_preview(
    db: DbState<'_>,
    fiscal_year_id: i64,
    text: String,
    mapping: ImportMapping,
) -> AppResult<ImportPreview> {
    db.run(move |conn| csv_import::preview(conn, fiscal_year_id, &text, &mapping))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn budget_import(
    db: DbState<'_>,
    fiscal_year_id: i64,
    text: String,
    mapping: ImportMapping,
) -> AppResult<ImportOutcome> {
    db.run(move |conn| csv_import::import(conn, fiscal_year_id, &text, &mapping))
        .await
}
