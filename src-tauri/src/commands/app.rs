use super::DbState;
use crate::department::{self, Department};
use crate::error::{AppError, AppResult};
use serde::Serialize;
use ts_rs::TS;
use wardbook_macros::command;

/// What the window needs to decide what to show first.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub department: Option<Department>,
    /// Set when the department file could not be opened.
    pub open_error: Option<AppError>,
    /// The file is encrypted and waits for its passphrase (the lock screen comes first).
    pub locked: bool,
    pub encrypted: bool,
    /// The banner while a file that failed its integrity check is open read-only.
    pub read_only: Option<String>,
    /// The change history failed its check at open (named entry), or its
    /// protection had been removed: shown as a warning until the next start.
    pub history_warning: Option<String>,
    /// Records found at open not as the history says (edited around it),
    /// named; shown until the manager adds them to the history.
    pub outside_changes: Option<String>,
    /// The history warning is of entries cut off its end, which the manager
    /// may note in the history ("Note the cut in the history").
    pub history_cut: bool,
    pub idle_lock_minutes: u32,
    /// Why today's automatic backup failed, if it did (told once).
    pub backup_warning: Option<String>,
    pub data_dir: String,
    /// Today in the department's time zone (the computer's before there is one).
    pub today: String,
    pub system_time_zone: String,
}

#[command]
pub async fn app_status(db: DbState<'_>) -> AppResult<AppStatus> {
    crate::startup_probe::mark("app_status");
    let data_dir = db.data_dir.display().to_string();
    let idle_lock_minutes = crate::store::settings::load(&db.data_dir).idle_lock_minutes;
    let db2 = db.inner().clone();
    let snapshot = tauri::async_runtime::spawn_blocking(move || db2.snapshot())
        .await
        .unwrap_or_default();
    let department = if snapshot.locked || snapshot.open_error.is_some() {
        None
    } else {
        db.run(|conn| department::get(conn)).await?
    };
    let today = department
        .as_ref()
        .map(department::today)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    Ok(AppStatus {
        department,
        open_error: snapshot.open_error,
        locked: snapshot.locked,
        encrypted: snapshot.encrypted,
        read_only: snapshot.damaged.then(crate::store::faults::damaged_banner),
        history_warning: snapshot.history_warning,
        outside_changes: snapshot.outside_changes,
        history_cut: snapshot.history_cut,
        idle_lock_minutes,
        backup_warning: db.take_backup_warning(),
        data_dir,
        today: crate::input::format_date(today),
        system_time_zone: department::system_time_zone(),
    })
}

/// The window reports that a screen is ready to use. With
/// `WARDBOOK_STARTUP_PROBE` set, the start-up benchmark reads this line.
#[command]
pub fn app_ready(screen: String) {
    crate::startup_probe::mark(&format!("ready-{screen}"));
    if std::env::var_os("WARDBOOK_STARTUP_PROBE").is_some() {
        println!("wardbook-ready {screen}");
    }
}
