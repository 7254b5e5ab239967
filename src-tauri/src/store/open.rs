//! Opening the department file: key, integrity check, backup before a
//! migration, migrations; or read-only when the check fails.

use super::backup::{self, BackupPlan, BackupReason};
use super::cipher::{self, FileKind, Passphrase};
use super::diagnose;
use super::faults::{io_error, sqlite_error};
use crate::error::{AppError, AppResult, ErrorCode};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The open department file and what is known about it.
pub struct DepartmentFile {
    path: PathBuf,
    conn: Connection,
    key: Option<Passphrase>,
    /// Why the integrity check failed, when it did: the file is then open read-only.
    damaged: Option<String>,
    /// What is wrong with the change history, when its check at open failed.
    /// Boxed, as `outside_changes`: the file stays small.
    history_warning: Option<Box<str>>,
    /// Records found not as the history says at open (`audit::rows`), in
    /// the manager's words, until they are added to the history.
    /// Boxed: a file travels by value in the app's state, and stays small.
    outside_changes: Option<Box<str>>,
    /// The history found cut off its end at open, until the manager notes it.
    cut: Option<Box<super::cut::Cut>>,
    /// The history's newest entry as recorded beside the file (`head`), kept
    /// up after every save; `None` while entries are found cut off its end,
    /// so the record of where it ended stands.
    head: Option<Option<super::head::Head>>,
}

/// What the integrity check found in a file that could be opened.
enum Health {
    Sound,
    Damaged(String),
}

impl DepartmentFile {
    /// Opens the file at `path` with `key` (needed when it is encrypted; a new
    /// file is created encrypted when given one). With `backups`, a file that
    /// needs migrating is backed up first.
    pub fn open(
        path: &Path,
        key: Option<Passphrase>,
        backups: Option<&BackupPlan>,
        now: NaiveDateTime,
    ) -> AppResult<DepartmentFile> {
        Self::open_with_clock(path, key, backups, &|_| now)
    }

    /// As [`open`](Self::open), with the time of a backup before an update
    /// asked of `clock` once the file is readable: an encrypted file's
    /// department (and so its clock) is only known once its key is applied.
    pub fn open_with_clock(
        path: &Path,
        key: Option<Passphrase>,
        backups: Option<&BackupPlan>,
        clock: &dyn Fn(&Connection) -> NaiveDateTime,
    ) -> AppResult<DepartmentFile> {
        Self::open_checked(path, key, backups, clock, false)
    }

    /// A new, empty department at `path`, where no file is, created on the
    /// manager's word although backups of another lie beside it (the damaged
    /// file set aside: `store::start_new`).
    pub(crate) fn create_new(path: &Path, now: NaiveDateTime) -> AppResult<DepartmentFile> {
        Self::open_checked(path, None, None, &|_| now, true)
    }

    fn open_checked(
        path: &Path,
        key: Option<Passphrase>,
        backups: Option<&BackupPlan>,
        clock: &dyn Fn(&Connection) -> NaiveDateTime,
        new_on_purpose: bool,
    ) -> AppResult<DepartmentFile> {
        let kind = cipher::file_kind(path)?;
        if new_on_purpose && kind != FileKind::Missing {
            return Err(AppError::new(
                ErrorCode::Internal,
                "A new department is started only where no department file is.",
            ));
        }
        if matches!(kind, FileKind::Missing | FileKind::Empty) && !new_on_purpose {
            if let Some(traces) = diagnose::traces(path) {
                return Err(diagnose::lost(path, kind == FileKind::Empty, &traces));
            }
        }
        let key = match kind {
            FileKind::Encrypted if key.is_none() => return Err(not_opened(path, cipher::locked())),
            // A plain (or new) file has no key to check a passphrase against.
            FileKind::Plain | FileKind::Empty => None,
            _ => key,
        };
        if matches!(kind, FileKind::Missing | FileKind::Empty) {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| io_error("create", path, &e))?;
            }
        } else if let Health::Damaged(detail) = check(path, key.as_ref(), kind)? {
            eprintln!(
                "wardbook: integrity check of {} failed: {detail}",
                path.display()
            );
            return Self::open_read_only(path, key, detail);
        }
        let mut conn = Connection::open(path).map_err(|e| sqlite_error(e, path))?;
        cipher::apply_key(&conn, key.as_ref())?;
        // A database without a schema where a department lived (its saves
        // were in a journal left behind by a copy) is a lost department,
        // like an empty file: asked before `configure` writes to it.
        if kind == FileKind::Plain && super::schema_version(&conn)? == 0 {
            if let Some(traces) = diagnose::traces(path) {
                return Err(diagnose::lost_schema(path, &traces));
            }
        }
        configure(&conn).map_err(|e| match e.code {
            ErrorCode::Internal => e,
            _ => storage_error_for(path, e),
        })?;
        let version = super::schema_version(&conn)?;
        if let Some(plan) = backups {
            if version > 0 && version < super::LATEST_VERSION {
                let now = clock(&conn);
                backup::create(&conn, key.as_ref(), plan, BackupReason::BeforeMigration, now)
                    .map_err(|e| {
                        AppError::new(
                            e.code,
                            format!(
                                "Wardbook must update the department file and backs it up first, but the backup failed: {}",
                                e.message
                            ),
                        )
                    })?;
            }
        }
        // Triggers removed outside Wardbook are put back by the migration;
        // which were missing is noted first, so the gap is in the history.
        let (missing, outside) = if version == super::LATEST_VERSION {
            let started = std::time::Instant::now();
            let outside = crate::audit::rows::find_checked(&conn)?;
            eprintln!(
                "wardbook: records checked against the history in {} ms",
                started.elapsed().as_millis()
            );
            (crate::audit::chain::missing_triggers(&conn)?, outside)
        } else {
            (Vec::new(), crate::audit::rows::Found::default())
        };
        let crate::audit::rows::Found {
            changes: outside,
            unchecked,
        } = outside;
        let mut outside_changes = crate::audit::rows::message(&conn, &outside)?.map(Into::into);
        super::migrate(&mut conn)?;
        // The history is checked before the note of the restored protection
        // is written: that note would otherwise take the number of an entry
        // removed from the end, and the count of the missing ones be wrong.
        let dir = path.parent().unwrap_or(Path::new("."));
        let (history_warning, mut head, cut) =
            history_warning(dir, &conn, key.as_ref(), &missing, &outside, unchecked)?;
        if cut.is_some() && !outside.is_empty() {
            // The records differ because the history lost its account of
            // them, which the history warning says: not outside edits.
            outside_changes = None;
        }
        if !missing.is_empty() {
            eprintln!(
                "wardbook: history triggers were missing and are restored: {}",
                missing.join(", ")
            );
            crate::audit::chain::note_restored(&conn, &missing, unchecked)?;
            if head.is_some() {
                // The note is the newest entry now: recorded beside the
                // file, so a later cut counts it.
                head = Some(super::head::remember(dir, &conn, None)?);
            }
        }
        Ok(DepartmentFile {
            path: path.to_path_buf(),
            conn,
            key,
            damaged: None,
            history_warning: history_warning.map(Into::into),
            outside_changes,
            head,
            cut: cut.map(Box::new),
        })
    }

    /// A damaged file: read-only, queries only, no migration; nothing writes to it.
    fn open_read_only(path: &Path, key: Option<Passphrase>, detail: String) -> AppResult<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(e, path))?;
        cipher::apply_key(&conn, key.as_ref())?;
        conn.pragma_update(None, "query_only", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // So a refused save fails as read-only, not on the history's seal function.
        crate::audit::chain::register(&conn)?;
        Ok(DepartmentFile {
            path: path.to_path_buf(),
            conn,
            key,
            damaged: Some(detail),
            history_warning: None,
            outside_changes: None,
            head: None,
            cut: None,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn into_connection(self) -> Connection {
        self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn key(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The integrity check's findings when the file is open read-only because of them.
    pub fn damaged(&self) -> Option<&str> {
        self.damaged.as_deref()
    }

    /// What the check of the change history at open found wrong, if anything.
    pub fn history_warning(&self) -> Option<&str> {
        self.history_warning.as_deref()
    }

    /// Records found changed outside Wardbook at open, not yet added to the history.
    pub fn outside_changes(&self) -> Option<&str> {
        self.outside_changes.as_deref()
    }

    /// Adds the records found changed outside Wardbook to the history, now
    /// that the manager has seen them; returns how many.
    pub fn record_outside_changes(&mut self) -> AppResult<usize> {
        if self.damaged.is_some() {
            return Err(super::faults::damaged_read_only());
        }
        let tx = self.conn.transaction()?;
        let count = crate::audit::rows::record(&tx)?;
        tx.commit()?;
        self.outside_changes = None;
        self.follow_history();
        Ok(count)
    }

    /// Notes the history found cut at open in the history itself (what is
    /// missing, and the records still showing its changes), now that the
    /// manager has seen it: the warning clears, the fact stays. Returns how
    /// many records were added.
    pub fn note_cut(&mut self) -> AppResult<usize> {
        if self.damaged.is_some() {
            return Err(super::faults::damaged_read_only());
        }
        let Some(cut) = self.cut.take() else {
            return Err(super::cut::nothing_to_note());
        };
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let tx = self.conn.transaction()?;
        let count = match super::cut::note(&dir, &tx, &cut)
            .and_then(|n| tx.commit().map(|()| n).map_err(Into::into))
        {
            Ok(n) => n,
            Err(e) => {
                self.cut = Some(cut);
                return Err(e);
            }
        };
        // The history now ends at the note: the record beside the file follows it.
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let now = super::head::current(&self.conn)?;
        super::settings::set_history_head(dir, now.clone())?;
        self.head = Some(now);
        self.outside_changes = None;
        self.history_warning = self
            .history_warning
            .take()
            .map(|w| w.replace(&cut.said, "").trim().to_string())
            .filter(|w| !w.is_empty())
            .map(Into::into);
        Ok(count)
    }

    /// Whether a history found cut at open waits to be noted.
    pub fn history_cut(&self) -> bool {
        self.cut.is_some()
    }

    /// Records the history's newest entry beside the file after a save, so
    /// entries later cut off its end are found (`store::head`). A record that
    /// cannot be written is logged, never a reason to fail the save.
    pub fn follow_history(&mut self) {
        let Some(last) = &self.head else {
            return;
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        match super::head::remember(dir, &self.conn, last.as_ref()) {
            Ok(now) => self.head = Some(now),
            Err(e) => eprintln!(
                "wardbook: the history's newest entry was not recorded: {}",
                e.message
            ),
        }
    }

    /// Backs the open file up into `plan`'s folder (verified, rotated).
    pub fn backup(
        &self,
        plan: &BackupPlan,
        reason: BackupReason,
        now: NaiveDateTime,
    ) -> AppResult<backup::BackupFile> {
        if self.damaged.is_some() {
            return backup::copy_as_is(&self.path, plan, BackupReason::Damaged, now);
        }
        backup::create(&self.conn, self.key.as_ref(), plan, reason, now)
    }

    /// "Back up now": a backup, written into the history as made by hand.
    pub fn backup_by_hand(
        &mut self,
        plan: &BackupPlan,
        now: NaiveDateTime,
    ) -> AppResult<backup::BackupFile> {
        let made = self.backup(plan, BackupReason::Manual, now)?;
        if self.damaged.is_none() {
            crate::audit::chain::note_event(
                &self.conn,
                &format!("Backup made by hand: {}", made.name),
            )?;
            self.follow_history();
        }
        Ok(made)
    }

    /// A second, read-only connection to the same file (with its key), so a
    /// long read such as the daily backup does not hold up the commands.
    pub fn reader(&self) -> AppResult<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)
            .map_err(|e| sqlite_error(e, &self.path))?;
        cipher::apply_key(&conn, self.key.as_ref())?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(conn)
    }

    /// Empties the WAL and closes the connection, so the file can be replaced.
    pub(crate) fn close(self) -> AppResult<()> {
        if self.damaged.is_none() {
            super::swap::checkpoint(&self.conn)?;
        }
        self.conn.close().map_err(|(_, e)| AppError::from(e))
    }
}

/// The chain checked at open, its end against the record beside the file
/// (`head`), and the triggers that had to be restored, in the manager's
/// words (`None` when the history is whole); with the newest entry now
/// recorded, unless entries were found cut off the end.
#[allow(clippy::type_complexity)]
fn history_warning(
    dir: &Path,
    conn: &Connection,
    key: Option<&Passphrase>,
    missing: &[String],
    outside_found: &[crate::audit::rows::OutsideChange],
    unchecked: usize,
) -> AppResult<HistoryFound> {
    let outside = outside_found.len();
    let check = crate::audit::chain::verify(conn)?;
    let mut parts = Vec::new();
    let mut head = None;
    let mut found_cut = None;
    if !check.intact {
        eprintln!("wardbook: {}", check.message);
        parts.push(check.message);
        // Records whose newest entry is past the break are not compared
        // (`audit::rows`): said, so their silence is not read as "unchanged".
        parts.extend(crate::audit::rows::unchecked_sentence(unchecked));
    } else {
        match super::head::at_open(dir, conn, key)? {
            Some(said) => {
                eprintln!("wardbook: {said}");
                let (said, cut) = super::cut::warning(dir, conn, &said, outside_found)?;
                found_cut = cut;
                parts.push(said);
            }
            None => head = Some(super::head::current(conn)?),
        }
    }
    if !missing.is_empty() {
        // Every record was compared with the history (`audit::rows`): what
        // was changed while the protection was off is known, and named in
        // the warning about those records.
        let meanwhile = match outside {
            0 if unchecked > 0 => {
                "No record that can be checked was changed while it was off.".to_string()
            }
            0 => "Every record is still as the history says, so nothing was changed while it was off."
                .to_string(),
            1 => "One record was changed while it was off; it is named in the warning about records \
                  changed outside Wardbook."
                .to_string(),
            n => format!(
                "{n} records were changed while it was off; they are named in the warning about \
                 records changed outside Wardbook."
            ),
        };
        parts.push(format!(
            "The protection of the change history had been removed outside Wardbook and is now \
             back in place. {meanwhile}"
        ));
    }
    Ok((
        (!parts.is_empty()).then(|| parts.join(" ")),
        head,
        found_cut,
    ))
}

/// What the history's check at open found: the warning, the newest entry
/// to follow (none while a cut stands), and the cut if it was one.
type HistoryFound = (
    Option<String>,
    Option<Option<super::head::Head>>,
    Option<super::cut::Cut>,
);

fn storage_error_for(path: &Path, e: AppError) -> AppError {
    if e.code == ErrorCode::Storage {
        AppError::new(
            ErrorCode::Storage,
            format!(
                "Wardbook cannot write in the folder {} (it may be read-only, or on a drive that was removed). \
                 Nothing already saved was lost.",
                path.parent().unwrap_or(path).display()
            ),
        )
    } else {
        e
    }
}

pub fn configure(conn: &Connection) -> AppResult<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL keeps readers and the writer apart; FULL syncs the WAL on every
    // commit so a change reported as saved survives a power cut.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    crate::audit::chain::register(conn)?;
    Ok(())
}

/// Random bytes look encrypted: where the department was last backed up
/// without a passphrase, they are a damaged file, not a locked one.
fn not_opened(path: &Path, locked: AppError) -> AppError {
    match diagnose::never_encrypted(path) {
        Some(detail) => diagnose::damaged(path, &detail),
        None => locked,
    }
}

/// `PRAGMA quick_check` on a read-only handle, so a bad file is never written to.
fn check(path: &Path, key: Option<&Passphrase>, kind: FileKind) -> AppResult<Health> {
    if kind == FileKind::NotADatabase {
        return Err(diagnose::damaged(
            path,
            diagnose::half_written(path)
                .unwrap_or("it does not start like a department file, plain or encrypted"),
        ));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(e, path))?;
    cipher::apply_key(&conn, key)?;
    use rusqlite::ErrorCode as Sql;
    // Reading the schema proves the key (SQLCipher checks page 1's HMAC).
    let schema = conn.query_row(
        "SELECT COUNT(*), (SELECT user_version FROM pragma_user_version) FROM sqlite_master",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
    );
    match schema {
        Err(e) => {
            return Err(match (e.sqlite_error_code(), key) {
                (Some(Sql::NotADatabase) | Some(Sql::DatabaseCorrupt), Some(key))
                    if kind == FileKind::Encrypted =>
                {
                    match diagnose::under_right_key(path, key) {
                        Some(what) => diagnose::damaged(path, &what),
                        None => not_opened(path, cipher::wrong_passphrase()),
                    }
                }
                (Some(Sql::NotADatabase), _) => diagnose::damaged(
                    path,
                    diagnose::cut_short(path).unwrap_or("its first page cannot be read"),
                ),
                // Page 1 read, but the list of tables it starts does not.
                (Some(Sql::DatabaseCorrupt), _) => diagnose::damaged(
                    path,
                    diagnose::cut_short(path).unwrap_or(
                        "the list of what it holds cannot be read: part of the file was \
                         overwritten or lost",
                    ),
                ),
                _ => sqlite_error(e, path),
            });
        }
        // Wardbook numbers its schema from the first step; tables without a
        // version are another program's database, which must not be migrated.
        Ok((tables, 0)) if tables > 0 => {
            return Err(diagnose::damaged(
                path,
                "it is a database of another program",
            ))
        }
        Ok(_) => {}
    }
    let result: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    // A copy cut short says so, rather than SQLite's list of missing pages.
    let short = |detail: String| diagnose::cut_short(path).map_or(detail, str::to_string);
    match result {
        Ok(lines) if lines == ["ok"] => Ok(Health::Sound),
        Ok(lines) => Ok(Health::Damaged(short(lines.join("; ")))),
        Err(e) => match e.sqlite_error_code() {
            Some(Sql::DatabaseCorrupt) | Some(Sql::NotADatabase) | None => {
                Ok(Health::Damaged(short(e.to_string())))
            }
            _ => Err(sqlite_error(e, path)),
        },
    }
}
