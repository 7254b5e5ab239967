//! Putting a checked department file in place of the department's records,
//! in one transaction; the department's history is kept and the import is
//! added to it (see `history`).

use super::history::{self, is_history, FileHistory, FileHistoryStatus};
use super::tables::{
    broken_reference, copy_rows, list, quote, restore_triggers, take_triggers, ForeignKeysOff,
};
use super::Staged;
use crate::department::Department;
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DepartmentImportOutcome {
    pub department: Department,
    /// Where the department that was replaced was kept; none when the data
    /// folder was empty.
    pub set_aside: Option<String>,
    /// What became of the file's own history.
    pub history: FileHistory,
    /// The entries of the department's own history that were kept (the
    /// import's own entry not counted).
    pub kept_history_entries: i64,
    /// The file was changed after it was exported.
    pub edited_after_export: bool,
    /// How many records the import added, changed or removed, each an entry
    /// of the history (0 into an empty folder, where there is nothing to compare).
    pub changes: i64,
}

/// Replaces everything in `live` with `staging` (a `load`ed file at the same
/// schema). An empty data folder takes it as is; a department is replaced
/// only with `replace`, and is first kept at `aside` (a backup's path, from
/// `store::backup::before_import`) with VACUUM INTO: one consistent,
/// self-contained file, encrypted with the department's key when it is
/// encrypted, even while the app has the file open. What the import changed
/// is written into the history record by record (`audit::differences`).
pub fn import_into(
    live: &mut Connection,
    staged: &Staged,
    replace: bool,
    aside: Option<&Path>,
) -> AppResult<DepartmentImportOutcome> {
    let staging = &staged.conn;
    let current = crate::department::get(live)?;
    if current.is_some() && !replace {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "This data folder already has a department. To replace it, import from Settings.",
        ));
    }
    let mut set_aside = None;
    if current.is_some() {
        if let Some(path) = aside {
            live.execute("VACUUM INTO ?1", [path.display().to_string()])
                .map_err(|e| {
                    AppError::new(
                        ErrorCode::Storage,
                        format!(
                            "The current department could not be kept aside as {} ({e}); nothing was changed.",
                            path.display()
                        ),
                    )
                })?;
            set_aside = Some(
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
    }
    let tables: Vec<_> = list(staging)?
        .into_iter()
        .filter(|t| !is_history(&t.name))
        .collect();
    let kept_history_entries;
    let file_history;
    let mut changes = 0;
    {
        let _fk = ForeignKeysOff::new(live)?;
        let tx = live.unchecked_transaction()?;
        kept_history_entries = tx.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
        let carry;
        (file_history, carry) = history::check(&tx, staged)?;
        // Into a department (not an empty folder), what the file changes is
        // written into the history, as the forms' edits would be.
        let compare = current.is_some();
        if compare {
            crate::audit::differences::before(&tx)?;
        }
        let triggers = take_triggers(&tx)?;
        for t in list(&tx)?.iter().filter(|t| !is_history(&t.name)) {
            tx.execute_batch(&format!("DELETE FROM {}", quote(&t.name)))?;
        }
        copy_rows(staging, &tx, &tables)?;
        restore_triggers(&tx, &triggers)?;
        history::carry_over(&tx, staging, &carry.ids)?;
        if compare {
            changes = crate::audit::differences::write(&tx)?;
        }
        // The records as imported are what the history now says they are
        // (into an empty folder they have no entries of their own).
        crate::audit::rows::describe_as_they_are(&tx)?;
        let mut label = event(staged, &file_history)?;
        if staged.edited_after_export {
            label.push_str(&format!(
                "; the file was changed after it was exported ({changes} {} from the department, each an entry)",
                if changes == 1 { "difference" } else { "differences" }
            ));
        }
        history::note_import(&tx, &label, &file_history)?;
        if let Some(broken) = broken_reference(&tx)? {
            return Err(AppError::new(
                ErrorCode::Internal,
                format!("The import was undone: {broken}."),
            ));
        }
        tx.commit()?;
    }
    Ok(DepartmentImportOutcome {
        department: crate::department::require(live)?,
        set_aside,
        history: file_history,
        kept_history_entries,
        edited_after_export: staged.edited_after_export,
        changes,
    })
}

/// "Department file imported: 4 West 2026-11-27.wardbook.json, 55 staff, …".
fn event(staged: &Staged, file: &FileHistory) -> AppResult<String> {
    let count = |sql: &str| -> AppResult<i64> { Ok(staged.conn.query_row(sql, [], |r| r.get(0))?) };
    let some = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let history = match file.status {
        FileHistoryStatus::Empty => "no history in the file".to_string(),
        FileHistoryStatus::Verified => format!(
            "its history checked, {} carried over",
            some(file.carried_over, "entry", "entries")
        ),
        FileHistoryStatus::Unverified => format!(
            "its history ({}) left out",
            some(file.entries, "entry", "entries")
        ),
        FileHistoryStatus::Altered => format!(
            "its history ({}) altered after export, not carried over",
            some(file.entries, "entry", "entries")
        ),
        FileHistoryStatus::Unchecked => format!(
            "its history ({}) carried over without being checked (only the department it came from can check it)",
            some(file.entries, "entry", "entries")
        ),
    };
    Ok(format!(
        "Department file imported: {}, {}, {}, {}; {history}",
        staged.file_name,
        some(count("SELECT count(*) FROM staff")?, "person", "staff"),
        some(
            count("SELECT count(*) FROM schedule_period")?,
            "schedule period",
            "schedule periods"
        ),
        some(
            count("SELECT count(*) FROM fiscal_year")?,
            "fiscal year",
            "fiscal years"
        ),
    ))
}
