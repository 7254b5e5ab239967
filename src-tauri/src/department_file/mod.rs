//! The whole department in one file, to hand over to a successor or move to
//! another machine, and back again exactly.
//!
//! Why a JSON document and not a copy of the SQLite file:
//! - a manager (or an inspector, or IT) can look inside with any text editor:
//!   every table by name, its columns, one row per line;
//! - it holds only the rows: no free pages with deleted records, no WAL, no
//!   encryption key or page format tied to this machine's SQLite build;
//! - it says which schema wrote it, so a file from a newer Wardbook is
//!   refused by name and an older one is rebuilt at its own schema and then
//!   migrated by the same migrations as any older department file;
//! - it is generic: every table of the schema is written (found in
//!   `sqlite_master`, not listed here), so tables added later are covered.
//!
//! Values keep their SQLite type: null, integers, reals (always written with
//! a decimal point), text, and blobs as `{"base64": "…"}`. A SHA-256 of the
//! tables tells a damaged or edited file from a good one.
//!
//! Importing is all or nothing: the file is rebuilt in a private in-memory
//! database first (`load`), checked (every table and column known, every
//! row stored, every reference resolved, the integrity check), and only
//! then copied over the department in one transaction (`replace`).

mod document;
mod export;
mod load;
mod replace;
mod tables;
#[cfg(test)]
mod tests;

pub use document::{parse, Document, FORMAT, FORMAT_VERSION};
pub use export::{export, suggested_file_name, ExportOutcome};
pub use load::{load, summary, DepartmentFileSummary};
pub use replace::{import_into, DepartmentImportOutcome};

/// Far above any department's record (years of schedules are a few MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads and checks a chosen file: the document and its rebuilt database.
pub fn open(
    path: &std::path::Path,
) -> crate::error::AppResult<(DepartmentFileSummary, rusqlite::Connection)> {
    use crate::error::{AppError, ErrorCode};
    let storage = |e: std::io::Error| {
        AppError::new(
            ErrorCode::Storage,
            format!("The file cannot be read ({e})."),
        )
    };
    if std::fs::metadata(path).map_err(storage)?.len() > MAX_FILE_BYTES {
        return Err(AppError::new(
            ErrorCode::Validation,
            "The file is larger than 512 MB; it is not a Wardbook department file.",
        ));
    }
    let bytes = std::fs::read(path).map_err(storage)?;
    let doc = parse(&bytes)?;
    let staging = load(&doc)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((summary(&doc, &staging, file_name)?, staging))
}
