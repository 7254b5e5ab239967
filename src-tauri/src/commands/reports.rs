//! Reports: the choices for the Reports section, and saving a report as PDF
//! or CSV where the manager chooses in the native save dialog (opened from
//! Rust: the window has no dialog or file permission).

use super::{today, DbState};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::reports::options::{self, ReportOptions};
use crate::reports::{self, save, ReportFormat, ReportKind, ReportRequest};
use std::path::PathBuf;
use tauri::Runtime;
use tauri_plugin_dialog::DialogExt;

/// Test hook: when set, reports are saved into this folder under their
/// suggested name instead of asking with the native dialog, which WebDriver
/// cannot drive. Read only here, in Rust; the window cannot set it.
const TEST_SAVE_DIR: &str = "WARDBOOK_TEST_SAVE_DIR";

#[tauri::command(rename_all = "snake_case")]
pub async fn report_options(db: DbState<'_>) -> AppResult<ReportOptions> {
    db.run(|conn| options::options(conn, today(conn)?)).await
}

/// Makes the report, asks where to save it, writes it there and returns
/// the path; `None` when the manager cancels the dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn report_save<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    kind: ReportKind,
    format: ReportFormat,
    request: ReportRequest,
) -> AppResult<Option<String>> {
    let file = db
        .run(move |conn| reports::make(conn, kind, format, &request, today(conn)?))
        .await?;
    tauri::async_runtime::spawn_blocking(move || {
        let path = match std::env::var_os(TEST_SAVE_DIR) {
            Some(dir) => PathBuf::from(dir).join(&file.name),
            None => {
                let (filter, ext) = match format {
                    ReportFormat::Pdf => ("PDF", "pdf"),
                    ReportFormat::Csv => ("CSV", "csv"),
                };
                let Some(chosen) = app
                    .dialog()
                    .file()
                    .set_file_name(&file.name)
                    .add_filter(filter, &[ext])
                    .blocking_save_file()
                else {
                    return Ok(None);
                };
                chosen.into_path().map_err(|e| {
                    AppError::new(
                        ErrorCode::Storage,
                        format!("That location cannot be used ({e})."),
                    )
                })?
            }
        };
        save::write(&path, &file.bytes).map(Some)
    })
    .await
    .map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The save dialog stopped unexpectedly ({e})."),
        )
    })?
}
