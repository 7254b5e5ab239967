//! Tauri commands: thin adapters that run domain code off the main thread and
//! hand back typed results or an `AppError`.

pub mod app;
pub mod budget;
pub mod budget_import;
pub mod budget_views;
pub mod credentials;
pub mod dashboard;
pub mod department;
pub mod department_file;
pub mod dialog;
pub mod history;
pub mod reports;
pub mod schedule;
pub mod schedule_fill;
pub mod schedule_grid;
pub mod schedule_time_off;
pub mod skills;
pub mod staff;
pub mod staff_import;
pub mod trainings;

pub mod backups;
mod db;
pub mod security;

use crate::error::AppResult;
use rusqlite::Connection;
use tauri::{Manager, Runtime};

pub use db::Db;

pub type DbState<'a> = tauri::State<'a, std::sync::Arc<Db>>;

/// `Wardbook — <department name>`.
pub fn set_title<R: Runtime>(app: &tauri::AppHandle<R>, department: &str) {
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        let _ = window.set_title(&format!("Wardbook — {department}"));
    }
}

/// Today where the department is.
fn today(conn: &Connection) -> AppResult<chrono::NaiveDate> {
    Ok(crate::department::today(&crate::department::require(conn)?))
}

/// Brings the main window to the front (a second start on the same data folder).
pub fn to_front<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
