//! Native open and save dialogs, shown from Rust: the window never sees a
//! path it did not get from the manager's own choice. Every command that
//! opens or saves a file asks here (the window has no dialog permission).
//!
//! Test hook: end-to-end tests drive the window through WebDriver, which
//! cannot reach a native file dialog (it is not part of the web view). In
//! debug builds only, the environment answers for the manager:
//! `WARDBOOK_TEST_OPEN_FILE` names the file to open, `WARDBOOK_TEST_SAVE_FILE`
//! the file to save to, and `WARDBOOK_TEST_SAVE_DIR` a folder to save into
//! under the suggested name (for a test that saves several files). A test
//! then goes through the same commands and the same reading and writing
//! code. Release builds never look at them, and nothing in the window can
//! set them: they are the environment of the process, chosen by whoever
//! starts the app.

use crate::error::{AppError, AppResult, ErrorCode};
use std::ffi::OsString;
use std::path::PathBuf;
use tauri::Runtime;
use tauri_plugin_dialog::DialogExt;

/// The dialog a test answers: open, or save with this suggested name.
enum Asked<'a> {
    Open,
    Save { file_name: &'a str },
}

/// The test's answer, if this is a debug build and the environment gives one.
fn test_answer(
    debug_build: bool,
    env: impl Fn(&str) -> Option<OsString>,
    asked: Asked<'_>,
) -> Option<PathBuf> {
    if !debug_build {
        return None;
    }
    let var = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    match asked {
        Asked::Open => var("WARDBOOK_TEST_OPEN_FILE"),
        Asked::Save { file_name } => var("WARDBOOK_TEST_SAVE_FILE")
            .or_else(|| var("WARDBOOK_TEST_SAVE_DIR").map(|dir| dir.join(file_name))),
    }
}

fn answered(asked: Asked<'_>) -> Option<PathBuf> {
    test_answer(cfg!(debug_assertions), |v| std::env::var_os(v), asked)
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
    if let Some(path) = answered(Asked::Open) {
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
    if let Some(path) = answered(Asked::Save {
        file_name: &file_name,
    }) {
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

/// Asks for a CSV export to open and reads it with `read` off the async
/// runtime; `None` when the manager cancels.
pub async fn open_csv<R: Runtime, T: Send + 'static>(
    app: tauri::AppHandle<R>,
    read: impl FnOnce(&std::path::Path) -> AppResult<T> + Send + 'static,
) -> AppResult<Option<T>> {
    let Some(path) = pick_file(app, "CSV", &["csv", "txt"]).await? else {
        return Ok(None);
    };
    blocking(move || read(&path).map(Some)).await?
}

/// Asks where to save, suggesting `file_name`, and writes `bytes` there;
/// the path as the manager should read it, or `None` when they cancel. A
/// place that cannot be written is refused in words that say what to do.
pub async fn save_bytes<R: Runtime>(
    app: tauri::AppHandle<R>,
    filter: &'static str,
    extensions: &'static [&'static str],
    file_name: String,
    bytes: Vec<u8>,
) -> AppResult<Option<String>> {
    let Some(path) = save_file(app, filter, extensions, file_name).await? else {
        return Ok(None);
    };
    blocking(move || crate::reports::save::write(&path, &bytes).map(Some)).await?
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| vars.get(name).cloned()
    }

    const ALL: &[(&str, &str)] = &[
        ("WARDBOOK_TEST_OPEN_FILE", "/tmp/in.csv"),
        ("WARDBOOK_TEST_SAVE_FILE", "/tmp/out.json"),
        ("WARDBOOK_TEST_SAVE_DIR", "/tmp/reports"),
    ];

    /// Reports used to read `WARDBOOK_TEST_SAVE_DIR` in every build: a
    /// release build must ask the manager whatever its environment says.
    #[test]
    fn a_release_build_never_takes_a_test_answer() {
        for asked in [
            Asked::Open,
            Asked::Save {
                file_name: "roster.pdf",
            },
        ] {
            assert_eq!(test_answer(false, env(ALL), asked), None);
        }
        let dir_only = env(&[("WARDBOOK_TEST_SAVE_DIR", "/tmp/reports")]);
        assert_eq!(
            test_answer(false, dir_only, Asked::Save { file_name: "x.pdf" }),
            None,
            "the save folder is a test answer like the others"
        );
    }

    #[test]
    fn a_debug_build_opens_the_named_file() {
        assert_eq!(
            test_answer(true, env(ALL), Asked::Open),
            Some(PathBuf::from("/tmp/in.csv"))
        );
        assert_eq!(test_answer(true, env(&[]), Asked::Open), None);
    }

    #[test]
    fn a_save_folder_takes_the_suggested_name_and_a_save_file_wins() {
        let dir_only = env(&[("WARDBOOK_TEST_SAVE_DIR", "/tmp/reports")]);
        assert_eq!(
            test_answer(
                true,
                dir_only,
                Asked::Save {
                    file_name: "roster.pdf"
                }
            ),
            Some(PathBuf::from("/tmp/reports/roster.pdf"))
        );
        assert_eq!(
            test_answer(
                true,
                env(ALL),
                Asked::Save {
                    file_name: "roster.pdf"
                }
            ),
            Some(PathBuf::from("/tmp/out.json")),
            "a named file is the exact answer"
        );
    }

    #[test]
    fn an_empty_variable_is_no_answer() {
        let empty = env(&[
            ("WARDBOOK_TEST_OPEN_FILE", ""),
            ("WARDBOOK_TEST_SAVE_FILE", ""),
        ]);
        assert_eq!(test_answer(true, &empty, Asked::Open), None);
        assert_eq!(
            test_answer(true, &empty, Asked::Save { file_name: "a.csv" }),
            None
        );
    }
}
