//! A way out of a damaged department file that keeps it: "Start a new
//! department" renames the file (and its `-wal`) beside it, as
//! `wardbook-damaged-<date>-<time>.db`, and starts an empty department in
//! its place. Nothing is deleted and the manager is told where the file is;
//! never advised to move files by hand. Offered only where the file cannot
//! be opened, or opens read-only because it is damaged.

use super::faults::io_error;
use super::swap::companions;
use super::{DepartmentFile, ReplaceError};
use crate::error::{AppError, AppResult, ErrorCode};
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// The name the damaged file is kept under: free in its folder.
fn kept_name(db: &Path, now: NaiveDateTime) -> PathBuf {
    let dir = db.parent().unwrap_or(Path::new("."));
    let stem = format!("wardbook-damaged-{}", now.format("%Y-%m-%d-%H%M"));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.db")
        } else {
            format!("{stem}-{n}.db")
        };
        let path = dir.join(name);
        if !path.exists() && !companions(&path)[0].exists() {
            return path;
        }
        n += 1;
    }
}

/// Renames the department file at `db` and its journal to the kept name;
/// `None` when there was no file to keep. The shared-memory index (`-shm`)
/// is a cache SQLite rebuilds: removed, never renamed.
fn set_aside(db: &Path, now: NaiveDateTime) -> AppResult<Option<PathBuf>> {
    let [wal, shm] = companions(db);
    let has_wal = wal.exists();
    if !db.exists() && !has_wal {
        return Ok(None);
    }
    let kept = kept_name(db, now);
    if has_wal {
        let [kept_wal, _] = companions(&kept);
        std::fs::rename(&wal, &kept_wal).map_err(|e| io_error("keep", &wal, &e))?;
    }
    if db.exists() {
        std::fs::rename(db, &kept).map_err(|e| io_error("keep", db, &e))?;
    }
    let _ = std::fs::remove_file(shm);
    Ok(Some(kept))
}

/// Starts a new, empty department at `db`, keeping the damaged file
/// (`current` when it opened read-only, else not open) renamed beside it.
/// Returns the new department and what was done, in the manager's words (also
/// the new history's first entry).
pub fn start(
    current: Option<DepartmentFile>,
    db: &Path,
    now: NaiveDateTime,
) -> Result<(DepartmentFile, String), ReplaceError> {
    if let Some(file) = current {
        if file.damaged().is_none() {
            return Err(ReplaceError {
                error: not_damaged(),
                file: Some(Box::new(file)),
            });
        }
        file.close()
            .map_err(|error| ReplaceError { error, file: None })?;
    }
    let kept = set_aside(db, now).map_err(|error| ReplaceError { error, file: None })?;
    let file =
        DepartmentFile::create_new(db, now).map_err(|error| ReplaceError { error, file: None })?;
    let message = match &kept {
        Some(kept) => format!(
            "A new department was started. The damaged department file was not changed: it is \
             kept beside the new one as {}. Its backups stay listed in Settings → Security & \
             backups until newer backups take their place",
            kept.display()
        ),
        None => "A new department was started. The backups of the department that was here stay \
                 listed in Settings → Security & backups until newer backups take their place"
            .to_string(),
    };
    if let Err(e) = crate::audit::chain::note_event(file.conn(), &message) {
        eprintln!(
            "wardbook: the new department's start was not noted: {}",
            e.message
        );
    }
    Ok((file, format!("{message}.")))
}

/// Refused when the department file opens as it should.
fn not_damaged() -> AppError {
    AppError::new(
        ErrorCode::Blocked,
        "The department file opens normally, so nothing was set aside and no new department was started.",
    )
}

#[cfg(test)]
#[path = "start_new_tests.rs"]
mod tests;
