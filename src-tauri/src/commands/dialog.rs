//! Native open and save dialogs, shown from Rust: the window never sees a
//! path it did not get from the manager's own choice.
//!
//! Test hook: WebDriver drives the web page, and a native GTK/Windows file
//! dialog is not part of it, so an end-to-end test cannot pick a file in
//! one. With `WARDBOOK_TEST_OPEN_FILE` (or `WARDBOOK_TEST_SAVE_FILE`) set in
//! the app's environment, the dialog is not shown and that path is the
//! answer. Only whoever starts the process can set it, and they can read and
//! write those files already, so it grants nothing.

use crate::error::{AppError, AppResult, ErrorCode};
use std::path::PathBuf;
use tauri::Runtime;
use tauri_plugin_dialog::DialogExt;

fn test_answer(var: &str) -> Option<PathBuf> {
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
