//! Native open and save dialogs, shown from Rust: the window never sees a
//! path it did not get from the manager's own choice.
//!
//! Test hook: end-to-end tests drive the window through WebDriver, which
//! cannot reach a native file dialog (it is not part of the web view). In
//! debug builds only, `WARDBOOK_TEST_OPEN_FILE` (or `WARDBOOK_TEST_SAVE_FILE`)
//! names the file the dialog would return, so a test goes through the same
//! commands and the same reading and writing code. Release builds never look
//! at them, and nothing in the window can set them: they are the environment
//! of the process, chosen by whoever starts the app.

use crate::error::{AppError, AppResult, ErrorCode};
use std::path::PathBuf;
use tauri::Runtime;
use tauri_plugin_dialog::DialogExt;

fn test_answer(var: &str) -> Option<PathBuf> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn unusable(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::Storage,
        format!("That file cannot be used ({e})."),
    )
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The file dialog stopped unexpectedly ({e})."),
        )
    })
}

/// Asks for a file to open; `None` when the manager cancels.
pub async fn pick_file<R: Runtime>(
    app: tauri::AppHandle<R>,
    filter: &'static str,
    extensions: &'static [&'static str],
) -> AppResult<Option<PathBuf>> {
    if let Some(path) = test_answer("WARDBOOK_TEST_OPEN_FILE") {
        return Ok(Some(path));
    }
    let chosen = blocking(move || {
        app.dialog()
            .file()
            .add_filter(filter, extensions)
            .blocking_pick_file()
    })
    .await?;
    chosen.map(|c| c.into_path().map_err(unusable)).transpose()
}

/// Asks where to save, suggesting `file_name`; `None` when the manager cancels.
pub async fn save_file<R: Runtime>(
    app: tauri::AppHandle<R>,
    filter: &'static str,
    extensions: &'static [&'static str],
    file_name: String,
) -> AppResult<Option<PathBuf>> {
    if let Some(path) = test_answer("WARDBOOK_TEST_SAVE_FILE") {
        return Ok(Some(path));
    }
    let chosen = blocking(move || {
        app.dialog()
            .file()
            .add_filter(filter, extensions)
            .set_file_name(file_name)
            .blocking_save_file()
    })
    .await?;
    chosen.map(|c| c.into_path().map_err(unusable)).transpose()
}
