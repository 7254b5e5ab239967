//! Replacing the department file with another whole file, atomically.
//!
//! The caller closes every connection first (after a TRUNCATE checkpoint, so
//! the WAL is empty); the new file is synced, then renamed over the old one,
//! then the folder is synced. A crash at any point leaves either the old file
//! or the new one, never a mix. Leftover `-wal`/`-shm` files of the old file
//! are removed so SQLite can never replay old pages onto the new file.

use super::faults::io_error;
use crate::error::AppResult;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

/// `<file>-wal` and `<file>-shm`.
pub fn companions(path: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [with("-wal"), with("-shm")]
}

/// Removes a file (and its companions) left by an earlier attempt, if any.
pub fn remove_leftover(path: &Path) -> AppResult<()> {
    for p in std::iter::once(path.to_path_buf()).chain(companions(path)) {
        match fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error("remove", &p, &e)),
        }
    }
    Ok(())
}

/// Flushes a file's bytes to the disk.
pub fn sync_file(path: &Path) -> AppResult<()> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_error("write", path, &e))
}

/// Makes a rename in `dir` durable (a no-op where folders cannot be synced).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Puts `new` (a complete, closed database file in the same folder) in place of `target`.
pub fn replace(new: &Path, target: &Path) -> AppResult<()> {
    sync_file(new)?;
    // Both companions belong to the old file; the connection was closed after
    // a TRUNCATE checkpoint, so neither holds anything not already in it.
    for p in companions(target) {
        match fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error("replace", &p, &e)),
        }
    }
    fs::rename(new, target).map_err(|e| io_error("replace", target, &e))?;
    if let Some(dir) = target.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Writes the WAL into the main file and empties it, before the file is copied or replaced.
pub fn checkpoint(conn: &rusqlite::Connection) -> AppResult<()> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(crate::error::AppError::new(
            crate::error::ErrorCode::Storage,
            "The department file is in use by another program, so it cannot be replaced now. Nothing was changed.",
        ));
    }
    Ok(())
}
