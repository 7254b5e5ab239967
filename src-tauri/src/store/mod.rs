//! The department's record: one SQLite file.
//!
//! Opening checks the file before anything writes to it: a damaged file is
//! refused and left byte-for-byte as it was, so a backup or a recovery tool
//! still has everything to work with.

mod migrations;

use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use migrations::{migrate, schema_version, LATEST_VERSION};

/// The file name of the department record inside the data folder.
pub const DB_FILE: &str = "wardbook.db";

pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

/// Opens (creating if needed) and migrates the department file at `path`.
pub fn open(path: &Path) -> AppResult<Connection> {
    if path.exists() {
        check_integrity(path)?;
    } else if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            AppError::new(
                ErrorCode::Storage,
                format!("The data folder {} cannot be created: {e}.", dir.display()),
            )
        })?;
    }
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrations::migrate(&mut conn)?;
    Ok(conn)
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

fn configure(conn: &Connection) -> AppResult<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL keeps readers and the writer apart; FULL syncs the WAL on every
    // commit so a change reported as saved survives a power cut.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// `PRAGMA quick_check` on a read-only handle, so a bad file is never written to.
fn check_integrity(path: &Path) -> AppResult<()> {
    let corrupt = |detail: String| {
        eprintln!(
            "wardbook: integrity check of {} failed: {detail}",
            path.display()
        );
        AppError::new(
            ErrorCode::Corrupt,
            format!(
                "The department file {} is damaged and was not opened. It has not been changed; \
                 restore it from a backup or move it aside to start again.",
                path.display()
            ),
        )
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| corrupt(e.to_string()))?;
    let result: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match result {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(()),
        Ok(lines) => Err(corrupt(lines.join("; "))),
        Err(e) => match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt)
            | Some(rusqlite::ErrorCode::NotADatabase)
            | None => Err(corrupt(e.to_string())),
            _ => Err(e.into()),
        },
    }
}
