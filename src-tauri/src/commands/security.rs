//! Lock screen, idle lock, passphrase and storage settings.

use super::DbState;
use crate::error::AppResult;
use crate::store::passphrase::{self, PassphraseInput};
use crate::store::settings::{self, StorageSettings, StorageSettingsInput};
use wardbook_macros::command;

/// Opens the locked file with the passphrase typed on the lock screen.
#[command]
pub async fn app_unlock(db: DbState<'_>, passphrase: String) -> AppResult<()> {
    db.unlock(passphrase).await
}

/// Locks an encrypted file now (idle timer, or the manager's "Lock" button).
#[command]
pub async fn app_lock(db: DbState<'_>) -> AppResult<bool> {
    db.lock().await
}

/// The manager is using the window: the idle lock starts counting again.
#[command]
pub async fn app_activity(db: DbState<'_>) -> AppResult<()> {
    db.activity().await
}

/// Sets a passphrase, or changes the one in use.
#[command]
pub async fn passphrase_set(db: DbState<'_>, input: PassphraseInput) -> AppResult<()> {
    db.replace(move |db, file| match file {
        Some(file) => passphrase::change(file, &input, false, &db.plan(), db.now()),
        None => Err(no_file()),
    })
    .await
}

/// Removes the passphrase: the file is stored unencrypted again.
#[command]
pub async fn passphrase_remove(db: DbState<'_>, input: PassphraseInput) -> AppResult<()> {
    db.replace(move |db, file| match file {
        Some(file) => passphrase::change(file, &input, true, &db.plan(), db.now()),
        None => Err(no_file()),
    })
    .await
}

fn no_file() -> crate::store::ReplaceError {
    crate::store::ReplaceError {
        error: crate::error::AppError::new(
            crate::error::ErrorCode::Storage,
            "The department file is not open, so its passphrase cannot be changed.",
        ),
        file: None,
    }
}

#[command]
pub async fn storage_settings_get(db: DbState<'_>) -> AppResult<StorageSettings> {
    Ok(settings::load(&db.data_dir))
}

#[command]
pub async fn storage_settings_save(
    db: DbState<'_>,
    input: StorageSettingsInput,
) -> AppResult<StorageSettings> {
    let db = db.inner().clone();
    let saved = tauri::async_runtime::spawn_blocking({
        let dir = db.data_dir.clone();
        move || settings::save(&dir, &input)
    })
    .await
    .map_err(|e| crate::error::AppError::new(crate::error::ErrorCode::Internal, e.to_string()))??;
    db.set_idle_minutes(saved.idle_lock_minutes);
    Ok(saved)
}
