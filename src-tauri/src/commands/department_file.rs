//! The whole department to one file and back: save and open through native
//! dialogs (Rust side only); the opened file waits here, checked, until the
//! manager confirms the import.

use super::dialog::{pick_file, save_file};
use super::{set_title, DbState};
use crate::department_file::{self, DepartmentFileSummary, DepartmentImportOutcome, ExportOutcome};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use std::sync::Mutex;
use tauri::Runtime;

/// The last file opened and checked, rebuilt in memory, awaiting "Import".
static PENDING: Mutex<Option<Connection>> = Mutex::new(None);

fn stopped(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("The operation stopped unexpectedly ({e}). Nothing was changed."),
    )
}

fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Asks where to save and writes the department file; `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn department_file_export<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
) -> AppResult<Option<ExportOutcome>> {
    let suggested = db
        .run(|conn| {
            let dept = crate::department::require(conn)?;
            let today = crate::input::format_date(crate::department::today(&dept));
            Ok(department_file::suggested_file_name(&dept.name, &today))
        })
        .await?;
    let Some(path) = save_file(app, "Wardbook department file", &["json"], suggested).await? else {
        return Ok(None);
    };
    let at = now_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    db.run(move |conn| department_file::export(conn, &path, &at).map(Some))
        .await
}

/// Asks for a department file, reads and checks it, and says what it holds;
/// `None` when cancelled. Nothing is changed yet.
#[tauri::command(rename_all = "snake_case")]
pub async fn department_file_open<R: Runtime>(
    app: tauri::AppHandle<R>,
) -> AppResult<Option<DepartmentFileSummary>> {
    let Some(path) = pick_file(app, "Wardbook department file", &["json"]).await? else {
        return Ok(None);
    };
    tauri::async_runtime::spawn_blocking(move || {
        let (summary, staging) = department_file::open(&path)?;
        *PENDING.lock().unwrap_or_else(|p| p.into_inner()) = Some(staging);
        Ok(Some(summary))
    })
    .await
    .map_err(stopped)?
}

/// Imports the file last opened: into an empty data folder, or in place of
/// the department when `replace` (the manager confirmed; the current one is
/// kept aside first).
#[tauri::command(rename_all = "snake_case")]
pub async fn department_file_import<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    replace: bool,
) -> AppResult<DepartmentImportOutcome> {
    let staging = PENDING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::Validation,
                "Choose the department file again; nothing was imported.",
            )
        })?;
    let stamp = now_utc().format("%Y-%m-%d-%H%M%S").to_string();
    let outcome = db
        .run(move |conn| department_file::import_into(conn, &staging, replace, &stamp))
        .await?;
    set_title(&app, &outcome.department.name);
    Ok(outcome)
}
