//! Backups: list, back up now, show what one holds, restore it.

use super::DbState;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::backup::{self, BackupFile};
use crate::store::restore::{self, BackupSummary, RestoreOutcome};
use crate::store::Passphrase;
use std::sync::{Arc, Mutex};
use wardbook_macros::command;

/// The backups in the backup folder, newest first (also when the file could
/// not be opened); with the department open, those its passphrase does not
/// open are marked as made under an earlier one.
#[command]
pub async fn backups_list(db: DbState<'_>) -> AppResult<Vec<BackupFile>> {
    let folder = db.plan().folder;
    let snapshot = db.snapshot();
    if snapshot.open_error.is_some() || snapshot.locked {
        return tauri::async_runtime::spawn_blocking(move || backup::list(&folder))
            .await
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    }
    // Each check derives a key (slow by design): done without holding the
    // department file, so other commands are not kept waiting.
    let key = db.with_file(|_, file| Ok(file.key().cloned())).await?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut list = backup::list(&folder)?;
        crate::store::rekey::mark_earlier(&folder, &mut list, key.as_ref());
        Ok(list)
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?
}

#[command]
pub async fn backup_now(db: DbState<'_>) -> AppResult<BackupFile> {
    db.with_file_mut(|db, file| file.backup_by_hand(&db.plan(), db.now()))
        .await
}

/// Deletes the unencrypted backups once the file itself is encrypted.
#[command]
pub async fn backups_remove_unencrypted(db: DbState<'_>) -> AppResult<usize> {
    db.with_file(|db, file| {
        if !file.is_encrypted() {
            return Err(AppError::new(
                ErrorCode::Blocked,
                "Set a passphrase first: until then every backup is unencrypted, and they are your only copies.",
            ));
        }
        backup::remove_unencrypted(&db.plan().folder)
    })
    .await
}

fn key(passphrase: Option<String>) -> Option<Passphrase> {
    passphrase.filter(|p| !p.is_empty()).map(Passphrase::new)
}

/// What a backup holds (verified first); `passphrase` for a backup made under another one.
#[command]
pub async fn backup_inspect(
    db: DbState<'_>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<BackupSummary> {
    let given = key(passphrase);
    let snapshot = db.snapshot();
    if snapshot.open_error.is_some() || snapshot.locked {
        let folder = db.plan().folder;
        let data_dir = db.data_dir.clone();
        return tauri::async_runtime::spawn_blocking(move || {
            restore::preview(&data_dir, &folder, &name, given, None)
        })
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    }
    db.with_file(move |db, file| {
        restore::preview(&db.data_dir, &db.plan().folder, &name, given, Some(file))
    })
    .await
}

/// Puts a backup in place of the department file, keeping the current one as
/// a backup; says what it did (as the history now does).
#[command]
pub async fn backup_restore(
    db: DbState<'_>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<RestoreOutcome> {
    let given = key(passphrase);
    let outcome = Arc::new(Mutex::new(None));
    let told = outcome.clone();
    db.replace(move |db, current| {
        let (file, done) =
            restore::restore(current, &db.db_path(), &db.plan(), &name, given, db.now())?;
        *told.lock().unwrap_or_else(|p| p.into_inner()) = Some(done);
        Ok(file)
    })
    .await?;
    let done = outcome.lock().unwrap_or_else(|p| p.into_inner()).take();
    done.ok_or_else(|| AppError::new(ErrorCode::Internal, "The restore did not say what it did."))
}

/// The damaged-file screen's third way out: starts a new, empty department,
/// keeping the damaged file renamed beside it (`store::start_new`); says where.
/// Refused unless the file is damaged or is not a Wardbook file.
#[command]
pub async fn damaged_start_new(db: DbState<'_>) -> AppResult<String> {
    let snapshot = db.snapshot();
    let damaged = snapshot.damaged
        || snapshot
            .open_error
            .as_ref()
            .is_some_and(|e| e.code == ErrorCode::Corrupt);
    if !damaged {
        return Err(AppError::new(
            ErrorCode::Blocked,
            "The department file is not damaged, so no new department was started in its place.",
        ));
    }
    let said = Arc::new(Mutex::new(None));
    let told = said.clone();
    db.replace(move |db, current| {
        let (file, message) = crate::store::start_new::start(current, &db.db_path(), db.now())?;
        *told.lock().unwrap_or_else(|p| p.into_inner()) = Some(message);
        Ok(file)
    })
    .await?;
    let message = said.lock().unwrap_or_else(|p| p.into_inner()).take();
    message.ok_or_else(|| AppError::new(ErrorCode::Internal, "The new department did not start."))
}
