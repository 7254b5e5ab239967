//! Writing the department to a department file.

use super::document::{to_json, write, Document, Table};
use super::tables::{list, quote};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    pub tables: i64,
    pub rows: i64,
    pub bytes: i64,
}

/// Every table's rows, read in one transaction so they agree with each other.
pub fn document(conn: &Connection, exported_at: &str) -> AppResult<Document> {
    let tx = conn.unchecked_transaction()?;
    let department = crate::department::get(&tx)?.ok_or_else(|| {
        AppError::new(
            ErrorCode::Validation,
            "There is no department to export yet.",
        )
    })?;
    let mut tables = Vec::new();
    let mut infos = list(&tx)?;
    // The department first: the first thing a person opening the file sees.
    infos.sort_by_key(|t| t.name != "department");
    for t in infos {
        let cols: Vec<String> = t.columns.iter().map(|c| quote(c)).collect();
        // Row order is the tables' own key order, so two exports of the same
        // record are the same text.
        let order = if t.columns.first().is_some_and(|c| c == "rowid") {
            " ORDER BY rowid"
        } else {
            ""
        };
        let mut stmt = tx.prepare(&format!(
            "SELECT {} FROM {}{order}",
            cols.join(", "),
            quote(&t.name)
        ))?;
        let width = cols.len();
        // The history's key stays home (its table goes empty): whoever held
        // the file could otherwise reseal an altered history. The file names
        // it (`history_key`) instead.
        let home = super::history::stays_home(&t.name);
        let rows = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| r.get_ref(i).map(to_json))
                    .collect::<Result<Vec<_>, _>>()
            })?
            .filter(|_| !home)
            .collect::<Result<Vec<_>, _>>()?;
        tables.push(Table {
            name: t.name,
            columns: t.columns,
            rows,
        });
    }
    tx.finish()?;
    Ok(Document {
        schema_version: crate::store::schema_version(conn)?,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: exported_at.to_string(),
        department: department.name,
        tables,
        history_key: crate::audit::chain::key(conn)?.map(|k| crate::audit::chain::key_id(&k)),
        edited_after_export: false,
    })
}

/// Writes the department file to `path`: to a temporary file beside it
/// first, then renamed, so a full disk never leaves half a file under the
/// chosen name.
pub fn export(
    conn: &Connection,
    path: &std::path::Path,
    exported_at: &str,
) -> AppResult<ExportOutcome> {
    if overwrites_the_record(conn, path) {
        return Err(AppError::new(
            ErrorCode::Validation,
            "That is the department's own database file; save the department file under another name.",
        ));
    }
    let doc = document(conn, exported_at)?;
    let text = write(&doc);
    let storage = |e: std::io::Error| {
        AppError::new(
            ErrorCode::Storage,
            format!(
                "The department file could not be saved to {} ({e}).",
                path.display()
            ),
        )
    };
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = std::path::PathBuf::from(part);
    let written = (|| {
        use std::io::Write;
        let mut file = std::fs::File::create(&part)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&part, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&part);
        return Err(storage(e));
    }
    Ok(ExportOutcome {
        path: path.display().to_string(),
        tables: doc.tables.len() as i64,
        rows: doc.tables.iter().map(|t| t.rows.len() as i64).sum(),
        bytes: text.len() as i64,
    })
}

/// Whether `path` is the open database or one of its companion files
/// (`-wal`, `-shm`): renaming over them would destroy the department.
fn overwrites_the_record(conn: &Connection, path: &std::path::Path) -> bool {
    let Some(db) = conn
        .path()
        .filter(|p| !p.is_empty())
        .map(std::path::Path::new)
    else {
        return false;
    };
    let dir = |p: &std::path::Path| {
        p.parent()
            .map(|d| {
                if d.as_os_str().is_empty() {
                    std::path::Path::new(".")
                } else {
                    d
                }
            })
            .and_then(|d| d.canonicalize().ok())
    };
    let (Some(db_name), Some(name)) = (db.file_name(), path.file_name()) else {
        return false;
    };
    dir(db) == dir(path)
        && name
            .to_string_lossy()
            .to_lowercase()
            .starts_with(&db_name.to_string_lossy().to_lowercase())
}

/// `4 West Med-Surg 2026-11-27.wardbook.json`, without characters a file
/// system refuses.
pub fn suggested_file_name(department: &str, today: &str) -> String {
    let safe: String = department
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{} {today}.wardbook.json", safe.trim())
}
