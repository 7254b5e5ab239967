//! Tauri commands: thin adapters that run domain code off the main thread and
//! hand back typed results or an `AppError`.

pub mod app;
pub mod budget;
pub mod budget_import;
pub mod budget_views;
pub mod credentials;
pub mod dashboard;
pub mod department;
pub mod schedule;
pub mod schedule_grid;
pub mod schedule_time_off;
pub mod skills;
pub mod staff;
pub mod trainings;

use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use tauri::{Manager, Runtime};

/// The open department file, or why it could not be opened.
pub struct Db {
    pub data_dir: PathBuf,
    conn: OnceLock<AppResult<Mutex<Connection>>>,
}

pub type DbState<'a> = tauri::State<'a, std::sync::Arc<Db>>;

impl Db {
    pub fn new(data_dir: PathBuf) -> Self {
        Db {
            data_dir,
            conn: OnceLock::new(),
        }
    }

    pub fn set(&self, opened: AppResult<Connection>) {
        let _ = self.conn.set(opened.map(Mutex::new));
    }

    /// The opening error, waiting for the opening to finish.
    pub fn open_error(&self) -> Option<AppError> {
        self.conn.wait().as_ref().err().cloned()
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn run<T, F>(self: &std::sync::Arc<Self>, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> AppResult<T> + Send + 'static,
    {
        let db = self.clone();
        tauri::async_runtime::spawn_blocking(move || {
            // Wait for the opening thread; the window may ask before it is done.
            let conn = db.conn.wait().as_ref().map_err(Clone::clone)?;
            // A panic mid-command rolls its transaction back, so the
            // connection is still sound: recover it rather than fail forever.
            let mut conn = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("The operation stopped unexpectedly ({e}). Nothing was changed."),
            )
        })?
    }
}

/// `Wardbook — <department name>`.
pub fn set_title<R: Runtime>(app: &tauri::AppHandle<R>, department: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&format!("Wardbook — {department}"));
    }
}

/// Today where the department is.
fn today(conn: &Connection) -> AppResult<chrono::NaiveDate> {
    Ok(crate::department::today(&crate::department::require(conn)?))
}
