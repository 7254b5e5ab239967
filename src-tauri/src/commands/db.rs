//! The department file as the commands see it: opening, locked (waiting for
//! the passphrase), open (possibly read-only because damaged), or failed.
//!
//! Every command goes through `Db::run`, which also keeps the idle lock: when
//! an encrypted file has not been used for the configured minutes, the
//! connection is closed and the key forgotten before anything else runs.

use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::backup::{self, BackupPlan};
use crate::store::{cipher, faults, settings, DepartmentFile, Passphrase, ReplaceError};
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

enum State {
    Opening,
    Locked,
    Open(DepartmentFile),
    Failed(AppError),
}

/// What the window needs to know about the file before it asks for anything.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub locked: bool,
    pub encrypted: bool,
    pub damaged: bool,
    pub open_error: Option<AppError>,
    /// What the check of the change history at open found wrong.
    pub history_warning: Option<String>,
    /// Records found changed outside Wardbook at open, until added to the history.
    pub outside_changes: Option<String>,
    /// The history was found cut off its end at open, until the manager notes it.
    pub history_cut: bool,
}

pub struct Db {
    pub data_dir: PathBuf,
    state: Mutex<State>,
    opened: Condvar,
    last_used: Mutex<Instant>,
    idle_minutes: AtomicU32,
    /// Why today's automatic backup failed, to tell the manager once.
    backup_warning: Mutex<Option<String>>,
    /// The department's time zone, once known: backups are named and dated by
    /// the department's clock, like everything else (see `Db::now`).
    zone: Mutex<Option<String>>,
}

/// The computer's clock, for tests that open files with no department yet.
#[cfg(test)]
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

impl Db {
    pub fn new(data_dir: PathBuf) -> Self {
        let idle = settings::load(&data_dir).idle_lock_minutes;
        // The zone last seen, until the file tells: a locked or damaged file
        // cannot, and its backups are still named on the department's clock.
        let zone = settings::time_zone(&data_dir);
        Db {
            data_dir,
            state: Mutex::new(State::Opening),
            opened: Condvar::new(),
            last_used: Mutex::new(Instant::now()),
            idle_minutes: AtomicU32::new(idle),
            backup_warning: Mutex::new(None),
            zone: Mutex::new(zone),
        }
    }

    /// Now on the department's clock (the computer's until the department is known).
    pub fn now(&self) -> chrono::NaiveDateTime {
        let zone = self.zone.lock().unwrap_or_else(|p| p.into_inner());
        crate::department::wall_clock(chrono::Utc::now(), zone.as_deref())
    }

    /// Takes the department's time zone from `conn`, when it holds one.
    pub fn remember_zone(&self, conn: &Connection) {
        if let Some(zone) = crate::department::stored_zone(conn) {
            self.set_zone(zone);
        }
    }

    /// The department's time zone as just saved, remembered beside the file
    /// for the times it cannot be read.
    pub fn set_zone(&self, zone: String) {
        if let Err(e) = settings::set_time_zone(&self.data_dir, &zone) {
            eprintln!("wardbook: the time zone was not remembered: {}", e.message);
        }
        *self.zone.lock().unwrap_or_else(|p| p.into_inner()) = Some(zone);
    }

    /// Reads the department's time zone from a plain (unencrypted) file before
    /// it is opened, so that a backup made while opening it (before an
    /// update) is named by the department's clock too. An encrypted, missing
    /// or unreadable file tells nothing, and nothing is written to it.
    pub fn peek_zone(&self) {
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let path = self.db_path();
        if !path.is_file() {
            return;
        }
        if let Ok(conn) = Connection::open_with_flags(&path, flags) {
            self.remember_zone(&conn);
        }
    }

    pub fn db_path(&self) -> PathBuf {
        crate::store::db_path(&self.data_dir)
    }

    pub fn plan(&self) -> BackupPlan {
        settings::plan(&self.data_dir)
    }

    pub fn set_idle_minutes(&self, minutes: u32) {
        self.idle_minutes.store(minutes, Ordering::Relaxed);
    }

    /// Records the outcome of opening; a file that needs its passphrase waits locked.
    pub fn set(&self, opened: AppResult<DepartmentFile>) {
        if let Ok(file) = &opened {
            self.remember_zone(file.conn());
        }
        let state = match opened {
            Ok(file) => {
                if let Some(warning) = file.history_warning() {
                    crate::applog::write(&crate::applog::path(&self.data_dir), "history", warning);
                }
                if file.outside_changes().is_some() {
                    // Which records is staff data: the log says only that some were.
                    crate::applog::write(
                        &crate::applog::path(&self.data_dir),
                        "history",
                        "records were found changed outside Wardbook at open",
                    );
                }
                State::Open(file)
            }
            Err(e) if e.code == ErrorCode::Locked => State::Locked,
            Err(e) => {
                let log = crate::applog::path(&self.data_dir);
                crate::applog::write(&log, "open", &format!("{:?}: {}", e.code, e.message));
                State::Failed(e)
            }
        };
        *self.lock_state() = state;
        self.touch();
        self.opened.notify_all();
    }

    /// The first start of the day backs up, through a reader of its own so the
    /// window is not kept waiting; a failure is told, not fatal.
    pub fn daily_backup(&self) {
        let reader = match &*self.ready() {
            State::Open(file) if file.damaged().is_none() => {
                file.reader().map(|conn| (conn, file.key().cloned()))
            }
            _ => return,
        };
        let result = reader.and_then(|(conn, key)| {
            self.remember_zone(&conn);
            backup::daily(&conn, key.as_ref(), &self.plan(), self.now())
        });
        if let Err(e) = result {
            *self
                .backup_warning
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = Some(format!(
                "Today's automatic backup could not be made: {}",
                e.message
            ));
        }
    }

    pub fn take_backup_warning(&self) -> Option<String> {
        self.backup_warning
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
    }

    fn lock_state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The state once opening has finished.
    fn ready(&self) -> MutexGuard<'_, State> {
        let mut state = self.lock_state();
        while matches!(*state, State::Opening) {
            state = self.opened.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        state
    }

    fn touch(&self) {
        *self.last_used.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
    }

    /// Closes an encrypted file left idle too long; true if it is (now) locked.
    fn expire(&self, state: &mut State) -> bool {
        let idle = Duration::from_secs(u64::from(self.idle_minutes.load(Ordering::Relaxed)) * 60);
        let since = self
            .last_used
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .elapsed();
        if let State::Open(file) = state {
            if file.is_encrypted() && since >= idle {
                Self::close_into_locked(state);
            }
        }
        matches!(state, State::Locked)
    }

    /// Closes the file as the app exits: the WAL is written into the file
    /// first, so `wardbook.db` on its own holds every save (a copy of the
    /// folder taken later, or of the file alone, loses nothing).
    pub fn close_at_exit(&self) {
        let mut state = self.ready();
        if let State::Open(file) = std::mem::replace(&mut *state, State::Locked) {
            if let Err(e) = file.close() {
                eprintln!("wardbook: closing at exit: {}", e.message);
            }
        }
    }

    fn close_into_locked(state: &mut State) {
        if let State::Open(file) = std::mem::replace(state, State::Locked) {
            if let Err(e) = file.close() {
                eprintln!("wardbook: closing on lock: {}", e.message);
            }
        }
    }

    /// Where the file stands, waiting for the opening to finish.
    pub fn snapshot(&self) -> Snapshot {
        let mut state = self.ready();
        self.expire(&mut state);
        match &*state {
            State::Opening => unreachable!("ready() waits for the opening"),
            State::Locked => Snapshot {
                locked: true,
                encrypted: true,
                ..Default::default()
            },
            State::Open(file) => Snapshot {
                encrypted: file.is_encrypted(),
                damaged: file.damaged().is_some(),
                history_warning: file.history_warning().map(str::to_string),
                outside_changes: file.outside_changes().map(str::to_string),
                history_cut: file.history_cut(),
                ..Default::default()
            },
            State::Failed(e) => Snapshot {
                open_error: Some(e.clone()),
                ..Default::default()
            },
        }
    }

    /// Refuses a change before it starts when the file is open read-only
    /// (damaged): for commands that would do something else first (keep a
    /// backup, read a chosen file) before their write is refused.
    pub fn refuse_if_read_only(&self) -> AppResult<()> {
        match &*self.ready() {
            State::Open(file) if file.damaged().is_some() => Err(faults::damaged_read_only()),
            _ => Ok(()),
        }
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> AppResult<T> + Send + 'static,
    {
        self.blocking(move |db| {
            let mut state = db.ready();
            if db.expire(&mut state) {
                return Err(cipher::locked());
            }
            let result = match &mut *state {
                State::Open(file) if file.damaged().is_some() => {
                    // Any write to the read-only handle fails; say why in the
                    // manager's terms. Reading and exporting work as usual: an
                    // export that fails at its destination says so itself.
                    f(file.conn_mut()).map_err(|e| match e.code {
                        ErrorCode::Storage if e.message == crate::error::WRITE_REFUSED => {
                            faults::damaged_read_only()
                        }
                        _ => e,
                    })
                }
                State::Open(file) => {
                    let result = f(file.conn_mut());
                    if result.is_ok() {
                        file.follow_history();
                    }
                    result
                }
                State::Failed(e) => Err(e.clone()),
                State::Locked => Err(cipher::locked()),
                State::Opening => unreachable!("ready() waits for the opening"),
            };
            db.touch();
            result
        })
        .await
    }

    /// Runs `f` with the open file itself (backups, settings that need the key).
    pub async fn with_file<T, F>(self: &Arc<Self>, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Db, &DepartmentFile) -> AppResult<T> + Send + 'static,
    {
        self.blocking(move |db| {
            let mut state = db.ready();
            if db.expire(&mut state) {
                return Err(cipher::locked());
            }
            let result = match &*state {
                State::Open(file) => f(db, file),
                State::Failed(e) => Err(e.clone()),
                State::Locked => Err(cipher::locked()),
                State::Opening => unreachable!("ready() waits for the opening"),
            };
            db.touch();
            result
        })
        .await
    }

    /// As [`with_file`](Self::with_file), with the file to write to (a
    /// backup by hand is written into the history).
    pub async fn with_file_mut<T, F>(self: &Arc<Self>, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Db, &mut DepartmentFile) -> AppResult<T> + Send + 'static,
    {
        self.blocking(move |db| {
            let mut state = db.ready();
            if db.expire(&mut state) {
                return Err(cipher::locked());
            }
            let result = match &mut *state {
                State::Open(file) => f(db, file),
                State::Failed(e) => Err(e.clone()),
                State::Locked => Err(cipher::locked()),
                State::Opening => unreachable!("ready() waits for the opening"),
            };
            db.touch();
            result
        })
        .await
    }

    /// Replaces the file (new passphrase, restore). `f` gets the open file, or
    /// `None` when it is locked or could not be opened.
    pub async fn replace<F>(self: &Arc<Self>, f: F) -> AppResult<()>
    where
        F: FnOnce(&Db, Option<DepartmentFile>) -> Result<DepartmentFile, ReplaceError>
            + Send
            + 'static,
    {
        self.blocking(move |db| {
            let mut state = db.ready();
            // A file idle too long is closed first; a locked one is no reason
            // to refuse: restoring a backup is the way out of a forgotten passphrase.
            db.expire(&mut state);
            let current = match std::mem::replace(&mut *state, State::Opening) {
                State::Open(file) => Some(file),
                // Locked: a forgotten passphrase may be got round by restoring
                // an older backup; the locked file is kept as found.
                State::Failed(_) | State::Locked => None,
                other => {
                    *state = other;
                    return Err(cipher::locked());
                }
            };
            // A panic must not leave the state "opening" for ever: reopen instead.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(db, current)))
                .unwrap_or_else(|_| {
                    Err(ReplaceError {
                        error: AppError::new(
                            ErrorCode::Internal,
                            "The operation stopped unexpectedly. The department file was opened again as it is.",
                        ),
                        file: None,
                    })
                });
            let (next, result) = match outcome {
                Ok(mut file) => {
                    file.follow_history();
                    db.remember_zone(file.conn());
                    (State::Open(file), Ok(()))
                }
                Err(ReplaceError {
                    error,
                    file: Some(file),
                }) => (State::Open(*file), Err(error)),
                Err(ReplaceError { error, file: None }) => {
                    (Db::after_failure(db, &error), Err(error))
                }
            };
            *state = next;
            db.touch();
            result
        })
        .await
    }

    /// After a replacement that left no file open: ask for a passphrase if
    /// that is what is missing, else show the error.
    fn after_failure(db: &Db, error: &AppError) -> State {
        match DepartmentFile::open(&db.db_path(), None, None, db.now()) {
            Ok(file) => State::Open(file),
            Err(e) if e.code == ErrorCode::Locked => State::Locked,
            Err(_) => State::Failed(error.clone()),
        }
    }

    /// Opens a locked file with `passphrase`; a wrong one leaves it locked.
    pub async fn unlock(self: &Arc<Self>, passphrase: String) -> AppResult<()> {
        self.blocking(move |db| {
            let mut state = db.ready();
            if !matches!(*state, State::Locked) {
                return Ok(());
            }
            if passphrase.is_empty() {
                return Err(AppError::field("passphrase", "Enter the passphrase."));
            }
            // The department's clock names a backup made before an update,
            // once the key lets its time zone be read.
            let opened = DepartmentFile::open_with_clock(
                &db.db_path(),
                Some(Passphrase::new(passphrase)),
                Some(&db.plan()),
                &|conn| {
                    db.remember_zone(conn);
                    db.now()
                },
            );
            match opened {
                Ok(file) => {
                    db.remember_zone(file.conn());
                    *state = State::Open(file);
                    db.touch();
                    drop(state);
                    db.daily_backup();
                    Ok(())
                }
                Err(e) if e.code == ErrorCode::Validation || e.code == ErrorCode::Locked => Err(e),
                Err(e) => {
                    *state = State::Failed(e.clone());
                    Err(e)
                }
            }
        })
        .await
    }

    /// Closes an encrypted file and forgets its key; true if it is now locked.
    pub async fn lock(self: &Arc<Self>) -> AppResult<bool> {
        self.blocking(|db| {
            let mut state = db.ready();
            if matches!(&*state, State::Open(file) if file.is_encrypted()) {
                Self::close_into_locked(&mut state);
            }
            Ok(matches!(*state, State::Locked))
        })
        .await
    }

    /// Counts as use for the idle lock, unless the lock has already struck.
    pub async fn activity(self: &Arc<Self>) -> AppResult<()> {
        self.blocking(|db| {
            let mut state = db.ready();
            if db.expire(&mut state) {
                return Err(cipher::locked());
            }
            db.touch();
            Ok(())
        })
        .await
    }

    async fn blocking<T, F>(self: &Arc<Self>, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Db) -> AppResult<T> + Send + 'static,
    {
        let db = self.clone();
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
