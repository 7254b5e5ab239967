//! Restoring a backup: show what it holds first, keep the current file as a
//! backup too, then put the backup in place atomically and open it.

use super::backup::{self, BackupFile, BackupPlan, BackupReason};
use super::cipher::{self, FileKind, Passphrase};
use super::faults::io_error;
use super::summary::RecordCounts;
use super::{swap, DepartmentFile, ReplaceError};
use crate::error::{AppError, AppResult};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// A backup and what it holds, shown before the manager confirms a restore.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupSummary {
    pub file: BackupFile,
    pub counts: RecordCounts,
}

/// The key that opens the backup at `path`: none for a plain file; for an
/// encrypted one the passphrase given, or else the current one.
fn key_for(
    path: &Path,
    given: Option<Passphrase>,
    current: Option<&Passphrase>,
) -> AppResult<Option<Passphrase>> {
    match cipher::file_kind(path)? {
        FileKind::Encrypted => match given.or_else(|| current.cloned()) {
            Some(k) => Ok(Some(k)),
            None => Err(AppError::field(
                "passphrase",
                "This backup is encrypted. Enter the passphrase that was in use when it was made.",
            )),
        },
        _ => Ok(None),
    }
}

/// Verifies a backup (integrity check) and counts what it holds.
pub fn inspect(
    folder: &Path,
    name: &str,
    given: Option<Passphrase>,
    current: Option<&Passphrase>,
) -> AppResult<(BackupSummary, Option<Passphrase>)> {
    let path = backup::path_of(folder, name)?;
    let key = key_for(&path, given, current)?;
    let counts = backup::verify(&path, key.as_ref(), None).map_err(|e| {
        if key.is_some() && e.message.contains("current passphrase") {
            AppError::field(
                "passphrase",
                "This passphrase does not open the backup. Enter the one in use when it was made.",
            )
        } else {
            e
        }
    })?;
    let file = backup::list(folder)?
        .into_iter()
        .find(|f| f.name == name)
        .ok_or_else(|| AppError::not_found("That backup"))?;
    Ok((BackupSummary { file, counts }, key))
}

/// Replaces the department file at `db` with the backup `name`. The current
/// file (open, or `None` when it is locked or could not be opened) is kept as
/// a backup first. The restored file opens with the backup's own key.
pub fn restore(
    current: Option<DepartmentFile>,
    db: &Path,
    plan: &BackupPlan,
    name: &str,
    given: Option<Passphrase>,
    now: NaiveDateTime,
) -> Result<DepartmentFile, ReplaceError> {
    let keep = |error: AppError, current: Option<DepartmentFile>| ReplaceError {
        error,
        file: current.map(Box::new),
    };
    let key = match inspect(
        &plan.folder,
        name,
        given,
        current.as_ref().and_then(|f| f.key()),
    ) {
        Ok((_, key)) => key,
        Err(e) => return Err(keep(e, current)),
    };
    let kept = match &current {
        Some(file) => file
            .backup(plan, BackupReason::BeforeRestore, now)
            .map(|_| ()),
        // Not open: locked (a forgotten passphrase) or beyond reading.
        None if db.exists() => {
            let reason = match cipher::file_kind(db) {
                Ok(FileKind::Encrypted) => BackupReason::BeforeRestore,
                _ => BackupReason::Damaged,
            };
            backup::copy_as_is(db, plan, reason, now).map(|_| ())
        }
        None => Ok(()),
    };
    if let Err(e) = kept {
        let error = AppError::new(
            e.code,
            format!(
                "The current file could not be kept as a backup, so nothing was restored: {}",
                e.message
            ),
        );
        return Err(keep(error, current));
    }
    let mut staged = db.as_os_str().to_owned();
    staged.push(".restore");
    let staged = PathBuf::from(staged);
    let copied = swap::remove_leftover(&staged).and_then(|()| {
        std::fs::copy(plan.folder.join(name), &staged)
            .map(|_| ())
            .map_err(|e| io_error("copy the backup to", &staged, &e))
    });
    if let Err(e) = copied {
        let _ = swap::remove_leftover(&staged);
        return Err(keep(e, current));
    }
    if let Some(file) = current {
        let old_key = file.key().cloned();
        if let Err(error) = file.close() {
            let _ = swap::remove_leftover(&staged);
            return Err(ReplaceError::reopen(db, old_key, error, now));
        }
    }
    if let Err(error) = swap::replace(&staged, db) {
        let _ = swap::remove_leftover(&staged);
        return Err(ReplaceError { error, file: None });
    }
    DepartmentFile::open(db, key, Some(plan), now)
        .map_err(|error| ReplaceError { error, file: None })
}
