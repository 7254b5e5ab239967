//! Backups: list, back up now, show what one holds, restore it.

use super::DbState;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::backup::{self, BackupFile, BackupReason};
use crate::store::restore::{self, BackupSummary};
use crate::store::Passphrase;

/// The backups in the backup folder, newest first (also when the file could not be opened).
#[tauri::command]
pub async fn backups_list(db: DbState<'_>) -> AppResult<Vec<BackupFile>> {
    let folder = db.plan().folder;
    tauri::async_runtime::spawn_blocking(move || backup::list(&folder))
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?
}

#[tauri::command]
pub async fn backup_now(db: DbState<'_>) -> AppResult<BackupFile> {
    db.with_file(|db, file| file.backup(&db.plan(), BackupReason::Manual, db.now()))
        .await
}

/// Deletes the unencrypted backups once the file itself is encrypted.
#[tauri::command]
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
#[tauri::command]
pub async fn backup_inspect(
    db: DbState<'_>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<BackupSummary> {
    let given = key(passphrase);
    let snapshot = db.snapshot();
    if snapshot.open_error.is_some() || snapshot.locked {
        let folder = db.plan().folder;
        return tauri::async_runtime::spawn_blocking(move || {
            restore::inspect(&folder, &name, given, None).map(|(s, _)| s)
        })
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    }
    db.with_file(move |db, file| {
        restore::inspect(&db.plan().folder, &name, given, file.key()).map(|(s, _)| s)
    })
    .await
}

/// Puts a backup in place of the department file, keeping the current one as a backup.
#[tauri::command]
pub async fn backup_restore(
    db: DbState<'_>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<()> {
    let given = key(passphrase);
    db.replace(move |db, current| {
        restore::restore(current, &db.db_path(), &db.plan(), &name, given, db.now())
    })
    .await
}
