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
//! value held to the forms' rules (`rules`), every row stored, every
//! reference resolved, the integrity check), and only then copied over the
//! department's records in one transaction (`replace`). The department's
//! change history is never replaced: the import is added to it (`history`).

mod document;
mod export;
mod history;
#[cfg(test)]
mod history_tests;
mod load;
mod naming;
#[cfg(test)]
mod naming_tests;
mod replace;
mod rules;
#[cfg(test)]
mod rules_tests;
mod tables;
#[cfg(test)]
mod tests;

pub use document::{parse, write, Document, Table, FORMAT, FORMAT_VERSION};
pub use export::{export, suggested_file_name, ExportOutcome};
pub use history::{FileHistory, FileHistoryStatus};
pub use load::{load, summary, DepartmentFileSummary};
pub use replace::{import_into, DepartmentImportOutcome};

/// Far above any department's record (years of schedules are a few MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// A department file rebuilt and checked in memory, waiting for "Import".
pub struct Staged {
    pub conn: rusqlite::Connection,
    pub file_name: String,
    /// The name of the key that sealed the file's history
    /// (`audit::chain::key_id`), never the key itself.
    pub history_key: Option<String>,
    /// The file no longer matches its checksum (see `Document`).
    pub edited_after_export: bool,
}

/// Rebuilds and checks a parsed department file.
pub fn stage(doc: &Document, file_name: &str) -> crate::error::AppResult<Staged> {
    Ok(Staged {
        conn: load(doc)?,
        // Shown on screen and written into the history: nothing invisible.
        file_name: file_name
            .chars()
            .filter(|c| !c.is_control() && !crate::input::is_direction_control(*c))
            .collect(),
        history_key: doc.history_key.clone(),
        edited_after_export: doc.edited_after_export,
    })
}

/// Reads and checks a chosen file: what it holds, with what importing it
/// into `live` would do with its history, and its rebuilt database.
pub fn open(
    path: &std::path::Path,
    live: &rusqlite::Connection,
) -> crate::error::AppResult<(DepartmentFileSummary, Staged)> {
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
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staged = stage(&doc, &file_name)?;
    Ok((summary(&doc, &staged, live)?, staged))
}
