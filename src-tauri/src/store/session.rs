//! The department file's session while the app runs: opening, locked
//! (waiting for the passphrase), open (possibly read-only because damaged),
//! or failed.
//!
//! Every use goes through `Session::run` (or its siblings), which also
//! keeps the idle lock: when an encrypted file has not been used for the
//! configured minutes, the connection is closed and the key forgotten
//! before anything else runs. Plain and blocking: the commands' adapter
//! (`commands/db.rs`) runs these calls on the blocking pool.

use super::backup::{self, BackupPlan};
use super::{cipher, faults, settings, DepartmentFile, Passphrase, ReplaceError};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
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

pub struct Session {
    pub data_dir: PathBuf,
    state: Mutex<State>,
    opened: Condvar,
    last_used: Mutex<Instant>,
    idle_minutes: AtomicU32,
    /// Why today's automatic backup failed, to tell the manager once.
    backup_warning: Mutex<Option<String>>,
    /// The department's time zone, once known: backups are named and dated by
    /// the department's clock, like everything else (see `Session::now`).
    zone: Mutex<Option<String>>,
}

/// The computer's clock, for tests that open files with no department yet.
#[cfg(test)]
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

impl Session {
    pub fn new(data_dir: PathBuf) -> Self {
        let idle = settings::load(&data_dir).idle_lock_minutes;
        // The zone last seen, until the file tells: a locked or damaged file
        // cannot, and its backups are still named on the department's clock.
        let zone = settings::time_zone(&data_dir);
        Session {
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
    /// Refuses a change before it starts when the file is open read-only
    /// (damaged): for commands that would do something else first (keep a
    /// backup, read a chosen file) before their write is refused.
    pub fn refuse_if_read_only(&self) -> AppResult<()> {
        match &*self.ready() {
            State::Open(file) if file.damaged().is_some() => Err(faults::damaged_read_only()),
            _ => Ok(()),
        }
    }

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

    /// Runs `f` with the connection.
    pub fn run<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut Connection) -> AppResult<T>,
    {
        let mut state = self.ready();
        if self.expire(&mut state) {
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
        self.touch();
        result
    }

    /// Runs `f` with the open file itself (backups, settings that need the key).
    pub fn with_file<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&Session, &DepartmentFile) -> AppResult<T>,
    {
        let mut state = self.ready();
        if self.expire(&mut state) {
            return Err(cipher::locked());
        }
        let result = match &*state {
            State::Open(file) => f(self, file),
            State::Failed(e) => Err(e.clone()),
            State::Locked => Err(cipher::locked()),
            State::Opening => unreachable!("ready() waits for the opening"),
        };
        self.touch();
        result
    }

    /// As [`with_file`](Self::with_file), with the file to write to (a
    /// backup by hand is written into the history).
    pub fn with_file_mut<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&Session, &mut DepartmentFile) -> AppResult<T>,
    {
        let mut state = self.ready();
        if self.expire(&mut state) {
            return Err(cipher::locked());
        }
        let result = match &mut *state {
            State::Open(file) => f(self, file),
            State::Failed(e) => Err(e.clone()),
            State::Locked => Err(cipher::locked()),
            State::Opening => unreachable!("ready() waits for the opening"),
        };
        self.touch();
        result
    }

    /// Replaces the file (new passphrase, restore). `f` gets the open file, or
    /// `None` when it is locked or could not be opened.
    pub fn replace<F>(&self, f: F) -> AppResult<()>
    where
        F: FnOnce(&Session, Option<DepartmentFile>) -> Result<DepartmentFile, ReplaceError>,
    {
        let mut state = self.ready();
        // A file idle too long is closed first; a locked one is no reason
        // to refuse: restoring a backup is the way out of a forgotten passphrase.
        self.expire(&mut state);
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
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self, current)))
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
                self.remember_zone(file.conn());
                (State::Open(file), Ok(()))
            }
            Err(ReplaceError {
                error,
                file: Some(file),
            }) => (State::Open(*file), Err(error)),
            Err(ReplaceError { error, file: None }) => {
                (Session::after_failure(self, &error), Err(error))
            }
        };
        *state = next;
        self.touch();
        result
    }

    /// After a replacement that left no file open: ask for a passphrase if
    /// that is what is missing, else show the error.
    fn after_failure(db: &Session, error: &AppError) -> State {
        match DepartmentFile::open(&db.db_path(), None, None, db.now()) {
            Ok(file) => State::Open(file),
            Err(e) if e.code == ErrorCode::Locked => State::Locked,
            Err(_) => State::Failed(error.clone()),
        }
    }

    /// Opens a locked file with `passphrase`; a wrong one leaves it locked.
    pub fn unlock(&self, passphrase: String) -> AppResult<()> {
        let mut state = self.ready();
        if !matches!(*state, State::Locked) {
            return Ok(());
        }
        if passphrase.is_empty() {
            return Err(AppError::field("passphrase", "Enter the passphrase."));
        }
        // The department's clock names a backup made before an update,
        // once the key lets its time zone be read.
        let opened = DepartmentFile::open_with_clock(
            &self.db_path(),
            Some(Passphrase::new(passphrase)),
            Some(&self.plan()),
            &|conn| {
                self.remember_zone(conn);
                self.now()
            },
        );
        match opened {
            Ok(file) => {
                self.remember_zone(file.conn());
                *state = State::Open(file);
                self.touch();
                drop(state);
                self.daily_backup();
                Ok(())
            }
            Err(e) if e.code == ErrorCode::Validation || e.code == ErrorCode::Locked => Err(e),
            Err(e) => {
                *state = State::Failed(e.clone());
                Err(e)
            }
        }
    }

    /// Closes an encrypted file and forgets its key; true if it is now locked.
    pub fn lock(&self) -> AppResult<bool> {
        let mut state = self.ready();
        if matches!(&*state, State::Open(file) if file.is_encrypted()) {
            Self::close_into_locked(&mut state);
        }
        Ok(matches!(*state, State::Locked))
    }

    /// Counts as use for the idle lock, unless the lock has already struck.
    pub fn activity(&self) -> AppResult<()> {
        let mut state = self.ready();
        if self.expire(&mut state) {
            return Err(cipher::locked());
        }
        self.touch();
        Ok(())
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
