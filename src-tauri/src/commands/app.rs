use super::DbState;
use crate::department::{self, Department};
use crate::error::{AppError, AppResult};
use serde::Serialize;
use ts_rs::TS;

/// What the window needs to decide what to show first.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub department: Option<Department>,
    /// Set when the department file could not be opened.
    pub open_error: Option<AppError>,
    pub data_dir: String,
    /// Today in the department's time zone (the computer's before there is one).
    pub today: String,
    pub system_time_zone: String,
}

#[tauri::command]
pub async fn app_status(db: DbState<'_>) -> AppResult<AppStatus> {
    crate::startup::mark("app_status");
    let data_dir = db.data_dir.display().to_string();
    let base = move |department: Option<Department>, open_error: Option<AppError>| {
        let today = department
            .as_ref()
            .map(department::today)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        AppStatus {
            department,
            open_error,
            data_dir,
            today: crate::input::format_date(today),
            system_time_zone: department::system_time_zone(),
        }
    };
    let db2 = db.inner().clone();
    let waited = tauri::async_runtime::spawn_blocking(move || db2.open_error())
        .await
        .ok()
        .flatten();
    if let Some(err) = waited {
        return Ok(base(None, Some(err)));
    }
    let dept = db.run(|conn| department::get(conn)).await?;
    Ok(base(dept, None))
}

/// The window reports that a screen is ready to use. With
/// `WARDBOOK_STARTUP_PROBE` set, the start-up benchmark reads this line.
#[tauri::command]
pub fn app_ready(screen: String) {
    crate::startup::mark(&format!("ready-{screen}"));
    if std::env::var_os("WARDBOOK_STARTUP_PROBE").is_some() {
        println!("wardbook-ready {screen}");
    }
}
