//! The department's record: one SQLite file, optionally encrypted (SQLCipher).
//!
//! Opening checks the file before anything writes to it. A file that fails
//! the check is opened read-only (`DepartmentFile::damaged`) and left
//! byte-for-byte as it was, so a backup or a recovery tool still has
//! everything to work with; the app offers the backups.

pub mod backup;
pub mod cipher;
pub mod cut;
pub mod diagnose;
pub mod differences;
pub mod faults;
pub mod head;
pub mod lost;
mod migrations;
pub mod numbering;
mod open;
pub mod passphrase;
pub mod rekey;
pub mod restore;
mod restore_found;
pub mod session;
pub mod settings;
pub mod start_new;
pub mod summary;
pub mod swap;
pub mod wal;

use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

pub use cipher::Passphrase;
pub use migrations::{migrate, migrate_to, schema_version, LATEST_VERSION};
pub use open::{configure, DepartmentFile};

/// The file name of the department record inside the data folder.
pub const DB_FILE: &str = "wardbook.db";

pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

/// Opens (creating if needed) and migrates a plain department file, refusing
/// a damaged one: for tests, benchmarks and tools that want a connection only.
pub fn open(path: &Path) -> AppResult<Connection> {
    let file = DepartmentFile::open(path, None, None, chrono::Local::now().naive_local())?;
    if file.damaged().is_some() {
        return Err(AppError::new(
            ErrorCode::Corrupt,
            format!(
                "The department file {} is damaged and was not opened. It has not been changed; \
                 restore it from a backup or move it aside to start again.",
                path.display()
            ),
        ));
    }
    Ok(file.into_connection())
}

/// A private in-memory record, for tests and benchmarks.
pub fn open_in_memory() -> AppResult<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrations::migrate(&mut conn)?;
    Ok(conn)
}

/// A private in-memory record at an older schema `version`, to rebuild a
/// department file of that version before migrating it.
pub fn open_in_memory_at(version: i64) -> AppResult<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrations::migrate_to(&mut conn, version)?;
    Ok(conn)
}

/// A replacement of the file (new passphrase, restore) that did not happen:
/// why, and the file still open when the original was never touched.
pub struct ReplaceError {
    pub error: AppError,
    /// Boxed: a file with its connection is large, and errors travel by value.
    pub file: Option<Box<DepartmentFile>>,
}
