//! Putting a checked department file in place of the department, in one
//! transaction.

use super::tables::{
    broken_reference, copy_rows, list, quote, restore_triggers, take_triggers, ForeignKeysOff,
};
use crate::department::Department;
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DepartmentImportOutcome {
    pub department: Department,
    /// Where the department that was replaced was kept; none when the data
    /// folder was empty.
    pub set_aside: Option<String>,
}

/// `wardbook-before-import-2026-11-27-141503.db` beside the department file.
fn set_aside_path(live: &Connection, stamp: &str) -> Option<PathBuf> {
    let path = live.path().filter(|p| !p.is_empty())?;
    let dir = std::path::Path::new(path).parent()?;
    Some(dir.join(format!("wardbook-before-import-{stamp}.db")))
}

/// Replaces everything in `live` with `staging` (a `load`ed file at the same
/// schema). An empty data folder takes it as is; a department is replaced
/// only with `replace`, and is first copied aside (VACUUM INTO: a
/// consistent copy even while the app has the file open).
pub fn import_into(
    live: &mut Connection,
    staging: &Connection,
    replace: bool,
    stamp: &str,
) -> AppResult<DepartmentImportOutcome> {
    let current = crate::department::get(live)?;
    if current.is_some() && !replace {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "This data folder already has a department. To replace it, import from Settings.",
        ));
    }
    let mut set_aside = None;
    if current.is_some() {
        if let Some(path) = set_aside_path(live, stamp) {
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
            set_aside = Some(path.display().to_string());
        }
    }
    let tables = list(staging)?;
    {
        let _fk = ForeignKeysOff::new(live)?;
        let tx = live.unchecked_transaction()?;
        let triggers = take_triggers(&tx)?;
        for t in list(&tx)? {
            tx.execute_batch(&format!("DELETE FROM {}", quote(&t.name)))?;
        }
        copy_rows(staging, &tx, &tables)?;
        restore_triggers(&tx, &triggers)?;
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
    })
}
