//! The department file's session (`store::session`) as the commands reach
//! it: each call runs on the blocking pool, never the main thread; a panic
//! is logged and answered in plain words, and every error is tidied before
//! it reaches the window.

use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::session::Session;
use crate::store::{DepartmentFile, ReplaceError};
use rusqlite::Connection;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

pub struct Db(Arc<Session>);

impl Deref for Db {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.0
    }
}

impl Db {
    pub fn new(data_dir: PathBuf) -> Self {
        Db(Arc::new(Session::new(data_dir)))
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn run<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> AppResult<T> + Send + 'static,
    {
        self.blocking(move |session| session.run(f)).await
    }

    /// Runs `f` with the open file itself (backups, settings that need the key).
    pub async fn with_file<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Session, &DepartmentFile) -> AppResult<T> + Send + 'static,
    {
        self.blocking(move |session| session.with_file(f)).await
    }

    /// As [`with_file`](Self::with_file), with the file to write to.
    pub async fn with_file_mut<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Session, &mut DepartmentFile) -> AppResult<T> + Send + 'static,
    {
        self.blocking(move |session| session.with_file_mut(f)).await
    }

    /// Replaces the file (new passphrase, restore).
    pub async fn replace<F>(&self, f: F) -> AppResult<()>
    where
        F: FnOnce(&Session, Option<DepartmentFile>) -> Result<DepartmentFile, ReplaceError>
            + Send
            + 'static,
    {
        self.blocking(move |session| session.replace(f)).await
    }

    /// Opens a locked file with `passphrase`; a wrong one leaves it locked.
    pub async fn unlock(&self, passphrase: String) -> AppResult<()> {
        self.blocking(move |session| session.unlock(passphrase))
            .await
    }

    /// Closes an encrypted file and forgets its key; true if it is now locked.
    pub async fn lock(&self) -> AppResult<bool> {
        self.blocking(|session| session.lock()).await
    }

    /// Counts as use for the idle lock, unless the lock has already struck.
    pub async fn activity(&self) -> AppResult<()> {
        self.blocking(|session| session.activity()).await
    }

    async fn blocking<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Session) -> AppResult<T> + Send + 'static,
    {
        let db = self.0.clone();
        let log = crate::applog::path(&self.data_dir);
        let outcome = tauri::async_runtime::spawn_blocking(move || {
            // A panic is caught here so it is logged and answered, not lost
            // with the thread (a transaction under way rolls back as it unwinds).
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&db)))
        })
        .await;
        let result = match outcome {
            Ok(Ok(result)) => result,
            Ok(Err(payload)) => {
                crate::applog::write(
                    &log,
                    "panic",
                    &format!(
                        "a command stopped: {}",
                        crate::applog::panic_text(&*payload)
                    ),
                );
                Err(stopped())
            }
            Err(e) => {
                crate::applog::write(&log, "panic", &format!("a command stopped: {e}"));
                Err(stopped())
            }
        };
        if let Err(e) = &result {
            // Refusals of input are the manager's business, not faults; the
            // rest is what a fault in the field is diagnosed from.
            if matches!(
                e.code,
                ErrorCode::Internal | ErrorCode::Storage | ErrorCode::Corrupt
            ) {
                crate::applog::write(&log, "error", &format!("{:?}: {}", e.code, e.message));
            }
        }
        // Never echo a huge or hostile input back to the manager.
        result.map_err(AppError::tidy)
    }
}

/// The answer to a command that panicked.
fn stopped() -> AppError {
    AppError::new(
        ErrorCode::Internal,
        "The operation stopped unexpectedly and did not finish; what it had not saved was undone. \
         The details are in wardbook.log in the data folder, for your IT support.",
    )
}

#[cfg(test)]
#[path = "db_tests.rs"]
mod tests;
