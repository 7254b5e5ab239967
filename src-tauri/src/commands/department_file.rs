//! The whole department to one file and back: save and open through native
//! dialogs (Rust side only); the opened file waits here, checked, until the
//! manager confirms the import.

use super::dialog::{pick_file, save_file};
use super::{set_title, DbState};
use crate::department_file::{
    self, DepartmentFileSummary, DepartmentImportOutcome, ExportOutcome, Staged,
};
use crate::error::{AppError, AppResult, ErrorCode};
use std::sync::Mutex;
use tauri::Runtime;
use wardbook_macros::command;

/// The last file opened and checked, rebuilt in memory, awaiting "Import".
static PENDING: Mutex<Option<Staged>> = Mutex::new(None);

fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Asks where to save and writes the department file; `None` when cancelled.
#[command]
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

/// Asks for a department file, reads and checks it, and says what it holds
/// and what importing it would do with its history; `None` when cancelled.
/// Nothing is changed yet.
#[command]
pub async fn department_file_open<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
) -> AppResult<Option<DepartmentFileSummary>> {
    // A file chosen before is forgotten, so a refused file can never lead
    // to importing the one before it.
    PENDING.lock().unwrap_or_else(|p| p.into_inner()).take();
    let Some(path) = pick_file(app, "Wardbook department file", &["json"]).await? else {
        return Ok(None);
    };
    db.run(move |live| {
        let (summary, staged) = department_file::open(&path, live)?;
        *PENDING.lock().unwrap_or_else(|p| p.into_inner()) = Some(staged);
        Ok(Some(summary))
    })
    .await
}

/// Imports the file last opened: into an empty data folder, or in place of
/// the department when `replace` (the manager confirmed; the current one is
/// kept aside first).
#[command]
pub async fn department_file_import<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    replace: bool,
) -> AppResult<DepartmentImportOutcome> {
    // Nothing is kept aside nor read when the department cannot change.
    db.refuse_if_read_only()?;
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
    let (plan, now) = (db.plan(), db.now());
    let outcome = db
        .run(move |conn| {
            // The department is kept among the backups before it is replaced.
            let aside = match replace && crate::department::get(conn)?.is_some() {
                true => Some(crate::store::backup::before_import(
                    &plan,
                    &staging.file_name,
                    now,
                )?),
                false => None,
            };
            department_file::import_into(conn, &staging, replace, aside.as_deref())
        })
        .await?;
    set_title(&app, &outcome.department.name);
    Ok(outcome)
}
