//! Storage failures in words a manager can act on: a full disk, a read-only
//! or missing folder, a file in use. Each message says what was not done and
//! that nothing already saved was lost.

use crate::error::{AppError, ErrorCode};
use std::io::ErrorKind;
use std::path::Path;

/// The folder a message should name: the file's folder, or the path itself.
fn folder(path: &Path) -> String {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A file-system failure while doing `action` ("read", "write", "create") on `path`.
pub fn io_error(action: &str, path: &Path, err: &std::io::Error) -> AppError {
    eprintln!("wardbook: cannot {action} {}: {err}", path.display());
    let message = match err.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => format!(
            "The disk holding {} is full, so Wardbook could not {action} there. \
             Nothing already saved was lost; free some space and try again.",
            folder(path)
        ),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => format!(
            "Wardbook may not {action} in the folder {} (it is read-only or belongs to someone else). \
             Nothing already saved was lost.",
            folder(path)
        ),
        ErrorKind::NotFound => format!(
            "The folder {} cannot be reached (a removed drive or a network share that is offline?).",
            folder(path)
        ),
        _ => format!("Wardbook could not {action} {}: {err}.", path.display()),
    };
    AppError::new(ErrorCode::Storage, message)
}

/// An SQLite failure on the file at `path`; storage failures name its folder.
pub fn sqlite_error(err: rusqlite::Error, path: &Path) -> AppError {
    use rusqlite::ErrorCode as Sql;
    match err.sqlite_error_code() {
        Some(Sql::DiskFull) => {
            eprintln!("wardbook: {}: {err}", path.display());
            AppError::new(
                ErrorCode::Storage,
                format!(
                    "The disk holding {} is full, so the change was not saved. \
                     Nothing already saved was lost; free some space and try again.",
                    folder(path)
                ),
            )
        }
        Some(Sql::ReadOnly) | Some(Sql::CannotOpen) | Some(Sql::PermissionDenied) => {
            eprintln!("wardbook: {}: {err}", path.display());
            AppError::new(
                ErrorCode::Storage,
                format!(
                    "Wardbook cannot write in the folder {} (it may be read-only, or on a drive that was removed). \
                     Nothing already saved was lost.",
                    folder(path)
                ),
            )
        }
        _ => err.into(),
    }
}

/// Why a file that failed its integrity check is open read-only, as both
/// the banner and every refused change begin.
const READ_ONLY_BECAUSE: &str =
    "This file is open read-only because it failed its integrity check (it is damaged)";

/// Why a command cannot change a file that failed its integrity check.
pub fn damaged_read_only() -> AppError {
    AppError::new(
        ErrorCode::Storage,
        format!(
            "{READ_ONLY_BECAUSE}, so nothing can be changed. \
             Restore a backup in Settings → Security & backups."
        ),
    )
}

/// The banner shown while a damaged file is open read-only (the edits are
/// hidden; this says why, once).
pub fn damaged_banner() -> String {
    format!(
        "{READ_ONLY_BECAUSE}: nothing in it changes. You can look, print and export, but not \
         add or change anything. Restore a backup to carry on working."
    )
}
