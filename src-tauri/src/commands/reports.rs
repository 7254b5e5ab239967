//! Reports: the choices for the Reports section, and saving a report as PDF
//! or CSV where the manager chooses in the native save dialog (opened from
//! Rust: the window has no dialog or file permission).

use super::dialog::save_bytes;
use super::{today, DbState};
use crate::error::AppResult;
use crate::reports::options::{self, ReportOptions};
use crate::reports::{self, ReportFormat, ReportKind, ReportRequest};
use tauri::Runtime;
use wardbook_macros::command;

#[command]
pub async fn report_options(db: DbState<'_>) -> AppResult<ReportOptions> {
    db.run(|conn| options::options(conn, today(conn)?)).await
}

/// Makes the report, asks where to save it, writes it there and returns
/// the path; `None` when the manager cancels the dialog.
#[command]
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
    let (filter, extensions): (_, &'static [&'static str]) = match format {
        ReportFormat::Pdf => ("PDF", &["pdf"]),
        ReportFormat::Csv => ("CSV", &["csv"]),
    };
    save_bytes(app, filter, extensions, file.name, file.bytes).await
}
