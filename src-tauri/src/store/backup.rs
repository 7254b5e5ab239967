//! Backups with SQLite's online backup API: written to a temporary name,
//! verified (integrity check and the same counts as the live file), then
//! renamed into place; the oldest beyond the last N are removed.
//!
//! A backup of an encrypted record is encrypted with the same key: the
//! destination connection is keyed before the pages are copied, so no page is
//! ever written in plain text. Backups use the rollback journal, not WAL, so a
//! copy on a network share is one self-contained file.

use super::cipher::{apply_key, Passphrase};
use super::faults::{io_error, sqlite_error};
use super::summary::{counts, RecordCounts};
use crate::error::{AppError, AppResult, ErrorCode};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

/// How many backups are kept when the manager has not said.
pub const DEFAULT_KEEP: usize = 14;
const PREFIX: &str = "wardbook-";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// Where backups go and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPlan {
    pub folder: PathBuf,
    pub keep: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The first start of the day.
    Daily,
    /// "Back up now".
    Manual,
    BeforeMigration,
    BeforeRestore,
    /// Right after a passphrase was set, changed or removed (under the new one).
    Passphrase,
    /// A byte-for-byte copy of a file that failed its integrity check.
    Damaged,
    /// The department a department-file import replaced, moved here from
    /// beside the department file when a passphrase was set and the manager
    /// kept it readable, so the list shows it.
    BeforeImport,
}

impl BackupReason {
    const ALL: [BackupReason; 7] = [
        BackupReason::Daily,
        BackupReason::Manual,
        BackupReason::BeforeMigration,
        BackupReason::BeforeRestore,
        BackupReason::Passphrase,
        BackupReason::Damaged,
        BackupReason::BeforeImport,
    ];

    fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::BeforeMigration => "before-update",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::Passphrase => "passphrase",
            BackupReason::Damaged => "damaged",
            BackupReason::BeforeImport => "before-import",
        }
    }
}

/// One backup file in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupFile {
    /// The file name inside the backup folder (how commands refer to it).
    pub name: String,
    /// Local time it was made, `YYYY-MM-DD HH:MM:SS`.
    pub made_at: String,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// Encrypted (with the passphrase of the day it was made), or readable by anyone.
    pub encrypted: bool,
    /// For a department kept before an import: the department file imported.
    pub imported_file: Option<String>,
    /// Encrypted under a passphrase the department does not have now (an
    /// earlier one): restoring it asks for that one. Known only while the
    /// department is open (`rekey::mark_earlier`).
    pub earlier_passphrase: bool,
}

/// Reads a backup's time and reason from its name; `None` for anything else in the folder.
fn parse_name(name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    let (stamp, slug) = rest.split_at_checked(15)?;
    let when = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let slug = slug.strip_prefix('-')?;
    let reason = BackupReason::ALL.into_iter().find(|r| r.slug() == slug)?;
    Some((when, reason))
}

/// The backups in `folder`, newest first. A folder that does not exist yet has none.
pub fn list(folder: &Path) -> AppResult<Vec<BackupFile>> {
    let entries = match fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error("read", &folder.join("x"), &e)),
    };
    let mut found: Vec<(NaiveDateTime, BackupFile)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let (when, reason) = parse_name(&name)?;
            let size_bytes = entry.metadata().ok()?.len();
            let made_at = when.format("%Y-%m-%d %H:%M:%S").to_string();
            let encrypted = super::cipher::file_kind(&entry.path()).ok()
                == Some(super::cipher::FileKind::Encrypted);
            let imported_file = (reason == BackupReason::BeforeImport)
                .then(|| fs::read_to_string(about(&entry.path())).ok())
                .flatten()
                .map(|t| t.trim().to_string());
            Some((
                when,
                BackupFile {
                    name,
                    made_at,
                    reason,
                    size_bytes,
                    encrypted,
                    imported_file,
                    earlier_passphrase: false,
                },
            ))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.name.cmp(&a.1.name)));
    Ok(found.into_iter().map(|(_, f)| f).collect())
}

/// The path of a listed backup, refusing any name that could leave the folder.
pub fn path_of(folder: &Path, name: &str) -> AppResult<PathBuf> {
    if parse_name(name).is_none() || name.contains(['/', '\\']) {
        return Err(AppError::not_found("That backup"));
    }
    let path = folder.join(name);
    if !path.is_file() {
        return Err(AppError::not_found("That backup"));
    }
    Ok(path)
}

/// A free file name for a backup made at `now` (a second later if taken).
fn new_name(folder: &Path, reason: BackupReason, now: NaiveDateTime) -> String {
    let mut when = now;
    loop {
        let name = format!("{PREFIX}{}-{}.db", when.format(STAMP), reason.slug());
        let taken = fs::exists(folder.join(&name)).unwrap_or(false);
        if !taken {
            return name;
        }
        when += chrono::Duration::seconds(1);
    }
}

fn create_folder(folder: &Path) -> AppResult<()> {
    fs::create_dir_all(folder).map_err(|e| io_error("create a backup", &folder.join("x"), &e))
}

/// Backs up the open record into the plan's folder, verifies the copy, then
/// removes the oldest backups beyond the plan's number.
pub fn create(
    conn: &Connection,
    key: Option<&Passphrase>,
    plan: &BackupPlan,
    reason: BackupReason,
    now: NaiveDateTime,
) -> AppResult<BackupFile> {
    create_folder(&plan.folder)?;
    let name = new_name(&plan.folder, reason, now);
    let partial = plan.folder.join(format!(".{name}.partial"));
    // One read snapshot for the counts and the copy, so a save made meanwhile
    // through another connection cannot make them disagree.
    let snapshot = conn.unchecked_transaction()?;
    let expected = counts(&snapshot)?;
    let copied = write_copy(&snapshot, key, &partial);
    drop(snapshot);
    let written = copied.and_then(|()| {
        verify(&partial, key, Some(&expected))?;
        super::swap::sync_file(&partial)
    });
    if let Err(e) = written {
        let _ = super::swap::remove_leftover(&partial);
        return Err(e);
    }
    let path = plan.folder.join(&name);
    fs::rename(&partial, &path).map_err(|e| io_error("write a backup", &path, &e))?;
    rotate(plan)?;
    let size_bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupFile {
        made_at: now.format("%Y-%m-%d %H:%M:%S").to_string(),
        name,
        reason,
        size_bytes,
        encrypted: key.is_some(),
        imported_file: None,
        earlier_passphrase: false,
    })
}

/// The first start of a day backs up; later starts that day do not.
pub fn daily(
    conn: &Connection,
    key: Option<&Passphrase>,
    plan: &BackupPlan,
    now: NaiveDateTime,
) -> AppResult<Option<BackupFile>> {
    let today = now.format("%Y-%m-%d").to_string();
    let done = list(&plan.folder)?
        .iter()
        .any(|f| f.reason == BackupReason::Daily && f.made_at.starts_with(&today));
    if done {
        return Ok(None);
    }
    create(conn, key, plan, BackupReason::Daily, now).map(Some)
}

fn write_copy(conn: &Connection, key: Option<&Passphrase>, target: &Path) -> AppResult<()> {
    super::swap::remove_leftover(target)?;
    let mut dst = Connection::open(target).map_err(|e| sqlite_error(e, target))?;
    apply_key(&dst, key)?;
    {
        let backup =
            rusqlite::backup::Backup::new(conn, &mut dst).map_err(|e| sqlite_error(e, target))?;
        backup
            .run_to_completion(1024, Duration::from_millis(0), None)
            .map_err(|e| sqlite_error(e, target))?;
    }
    // The copied header says WAL; a backup is one self-contained file.
    dst.pragma_update(None, "journal_mode", "DELETE")
        .map_err(|e| sqlite_error(e, target))?;
    dst.close().map_err(|(_, e)| sqlite_error(e, target))
}

/// Opens a backup read-only, runs the full integrity check and counts what it
/// holds; with `expected`, the counts must match the live file's.
pub fn verify(
    path: &Path,
    key: Option<&Passphrase>,
    expected: Option<&RecordCounts>,
) -> AppResult<RecordCounts> {
    let bad = |detail: String| {
        eprintln!(
            "wardbook: backup {} failed verification: {detail}",
            path.display()
        );
        AppError::new(
            ErrorCode::Corrupt,
            format!(
                "The backup {} is damaged or incomplete ({detail}).",
                path.file_name().unwrap_or_default().to_string_lossy()
            ),
        )
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(e, path))?;
    apply_key(&conn, key)?;
    let lines: Vec<String> = match conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
    {
        Ok(lines) => lines,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(match key {
                Some(_) => bad(
                    "it does not open with the current passphrase, or it is not a database".into(),
                ),
                None => bad("it is encrypted, or not a database".into()),
            })
        }
        Err(e) => return Err(bad(e.to_string())),
    };
    if lines != ["ok"] {
        return Err(bad(lines.join("; ")));
    }
    let found = counts(&conn).map_err(|e| bad(e.message))?;
    if let Some(expected) = expected {
        if &found != expected {
            return Err(bad(format!(
                "it holds {} staff and {} periods where the department file holds {} and {}",
                found.staff, found.periods, expected.staff, expected.periods
            )));
        }
    }
    Ok(found)
}

/// Removes the oldest backups beyond the plan's number.
pub fn rotate(plan: &BackupPlan) -> AppResult<()> {
    // A department kept aside before an import goes only when the manager removes it.
    let rotating = list(&plan.folder)?
        .into_iter()
        .filter(|f| f.reason != BackupReason::BeforeImport);
    for old in rotating.skip(plan.keep.max(1)) {
        remove_backup(&plan.folder.join(&old.name))?;
    }
    Ok(())
}

/// Removes the backups anyone could read: after a passphrase is set, the
/// copies made before it still hold every name and pay rate in plain text.
pub fn remove_unencrypted(folder: &Path) -> AppResult<usize> {
    let plain: Vec<BackupFile> = list(folder)?.into_iter().filter(|f| !f.encrypted).collect();
    for old in &plain {
        remove_backup(&folder.join(&old.name))?;
    }
    Ok(plain.len())
}

/// Encrypts under `key` every backup in `folder` that anyone could read, once
/// a passphrase is set: each is exported under the key, verified (same
/// counts), and renamed over the plain one, so no readable copy stays behind.
/// A plain backup that cannot be read (damaged) is left as it is and listed
/// as unencrypted; the number encrypted is returned.
pub fn encrypt_plain(folder: &Path, key: &Passphrase) -> AppResult<usize> {
    let plain = list(folder)?.into_iter().filter(|f| !f.encrypted);
    Ok(encrypt_each(folder, plain.map(|f| f.name), key))
}

/// `<backup>.about`: the name of the department file whose import the
/// backup was kept before (a file name only, no staff data).
fn about(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(".about");
    PathBuf::from(name)
}

/// Where the department is kept before the department file `imported`
/// replaces it: a backup in the plan's folder, named and dated on the
/// department's clock (`now`) like every backup, listed as "kept before
/// import of <file>", never rotated away. The caller writes the copy there
/// (VACUUM INTO: one file, under the department's key).
pub fn before_import(plan: &BackupPlan, imported: &str, now: NaiveDateTime) -> AppResult<PathBuf> {
    create_folder(&plan.folder)?;
    let path = plan
        .folder
        .join(new_name(&plan.folder, BackupReason::BeforeImport, now));
    fs::write(about(&path), imported).map_err(|e| io_error("write", &about(&path), &e))?;
    Ok(path)
}

/// Removes a backup with whatever belongs to it (WAL and note).
fn remove_backup(path: &Path) -> AppResult<()> {
    fs::remove_file(path).map_err(|e| io_error("remove a backup", path, &e))?;
    for companion in super::swap::companions(path) {
        let _ = fs::remove_file(companion);
    }
    let _ = fs::remove_file(about(path));
    Ok(())
}

/// The name of the copy of a department kept beside it before a department
/// file replaced it (by an earlier Wardbook; now kept in the backup folder).
pub fn before_import_name(stamp: &str) -> String {
    format!("{PREFIX}before-import-{stamp}.db")
}

/// Encrypts under `key` the readable copies kept aside in the department's
/// own folder (`wardbook-before-import-….db`), as `encrypt_plain` does the
/// backups: a passphrase must leave no readable copy of the department.
pub fn encrypt_kept_aside(department_folder: &Path, key: &Passphrase) -> AppResult<usize> {
    let plain = kept_aside(department_folder)?.into_iter().filter(|name| {
        super::cipher::file_kind(&department_folder.join(name)).ok()
            != Some(super::cipher::FileKind::Encrypted)
    });
    Ok(encrypt_each(department_folder, plain, key))
}

/// The names of the copies kept aside before an import, in the department's folder.
pub fn kept_aside(department_folder: &Path) -> AppResult<Vec<String>> {
    let prefix = before_import_name("");
    let prefix = prefix.trim_end_matches(".db");
    let entries = match fs::read_dir(department_folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error("read", &department_folder.join("x"), &e)),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.starts_with(prefix) && name.ends_with(".db"))
        .collect();
    names.sort();
    Ok(names)
}

/// Moves the readable copies kept aside before an import from the
/// department's folder into the backup folder, when a passphrase is set but
/// the manager keeps the older copies readable: there they are listed as
/// unencrypted, like the backups, and can be removed with them.
pub fn adopt_kept_aside(department_folder: &Path, plan: &BackupPlan) -> AppResult<usize> {
    let mut moved = 0;
    for name in kept_aside(department_folder)? {
        let from = department_folder.join(&name);
        if super::cipher::file_kind(&from)? == super::cipher::FileKind::Encrypted {
            continue;
        }
        create_folder(&plan.folder)?;
        let stamp = name
            .trim_start_matches(before_import_name("").trim_end_matches(".db"))
            .trim_end_matches(".db");
        let when = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S")
            .ok()
            .or_else(|| fs::metadata(&from).ok()?.modified().ok().map(local_time))
            .unwrap_or_default();
        let to = plan
            .folder
            .join(new_name(&plan.folder, BackupReason::BeforeImport, when));
        // A backup folder on another drive cannot take a rename: copy, then remove.
        if fs::rename(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(|e| io_error("move a kept copy to", &to, &e))?;
            fs::remove_file(&from).map_err(|e| io_error("remove", &from, &e))?;
        }
        moved += 1;
    }
    Ok(moved)
}

fn local_time(t: std::time::SystemTime) -> NaiveDateTime {
    chrono::DateTime::<chrono::Local>::from(t).naive_local()
}

/// Exports each named plain file in `folder` under `key`, verifies it and
/// renames it over the plain one; one that cannot be read is left and logged.
fn encrypt_each(folder: &Path, names: impl Iterator<Item = String>, key: &Passphrase) -> usize {
    let mut done = 0;
    for name in names {
        let path = folder.join(&name);
        let partial = folder.join(format!(".{name}.partial"));
        let encrypted = Connection::open(&path)
            .map_err(|e| sqlite_error(e, &path))
            .and_then(|conn| {
                let expected = verify(&path, None, None)?;
                super::cipher::export(&conn, &partial, Some(key))?;
                drop(conn);
                verify(&partial, Some(key), Some(&expected))?;
                super::swap::sync_file(&partial)
            })
            .and_then(|()| {
                fs::rename(&partial, &path).map_err(|e| io_error("write a backup", &path, &e))
            });
        match encrypted {
            Ok(()) => done += 1,
            Err(e) => {
                let _ = super::swap::remove_leftover(&partial);
                eprintln!("wardbook: {name} left unencrypted: {}", e.message);
            }
        }
    }
    done
}

/// Copies a journal (`-wal`) that holds anything beside `kept`, as its
/// `-wal`, which a restore of `kept` folds in (`restore`) and the rotation
/// removes with it.
fn keep_journal(wal: &Path, kept: &Path) -> AppResult<()> {
    if !has_journal(wal) {
        return Ok(());
    }
    let [beside, _] = super::swap::companions(kept);
    fs::copy(wal, &beside)
        .map(|_| ())
        .map_err(|e| io_error("keep the journal of the file as", &beside, &e))
}

/// Whether `wal` exists and holds anything.
pub fn has_journal(wal: &Path) -> bool {
    fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// Keeps a file as SQLite would read it, in the backup folder, before a
/// restore replaces it, when the backup API cannot read it: it is damaged,
/// or encrypted under a passphrase nobody gave. The file is copied byte for
/// byte and the committed frames of its WAL are folded into the copy
/// (`wal`), so the copy is one self-contained file holding every save: a
/// copy beside a `-wal` would lose them at a restore, which copies one file.
pub fn copy_as_is(
    db: &Path,
    plan: &BackupPlan,
    reason: BackupReason,
    now: NaiveDateTime,
) -> AppResult<BackupFile> {
    create_folder(&plan.folder)?;
    let name = new_name(&plan.folder, reason, now);
    let path = plan.folder.join(&name);
    let partial = plan.folder.join(format!(".{name}.partial"));
    let [wal, _] = super::swap::companions(db);
    let whole = fs::metadata(db).is_ok_and(|m| m.len() > 0);
    let written = super::swap::remove_leftover(&partial)
        .and_then(|()| {
            // A deleted department file whose journal is still there is
            // kept as an empty file beside that journal.
            if db.exists() {
                fs::copy(db, &partial).map(|_| ())
            } else {
                fs::File::create(&partial).map(|_| ())
            }
            .map_err(|e| io_error("copy the damaged file to", &partial, &e))
        })
        .and_then(|()| super::wal::fold_into(&wal, &partial))
        .and_then(|folded| {
            super::swap::sync_file(&partial)?;
            fs::rename(&partial, &path).map_err(|e| io_error("keep", &path, &e))?;
            // Where the journal could not be folded into a whole file (the
            // file empty or deleted, the journal unreadable), it is kept
            // beside the copy byte for byte: the saves Wardbook said it
            // still holds are never thrown away.
            if folded && whole {
                Ok(())
            } else {
                keep_journal(&wal, &path)
            }
        });
    if let Err(e) = written {
        let _ = super::swap::remove_leftover(&partial);
        return Err(e);
    }
    let size_bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupFile {
        made_at: now.format("%Y-%m-%d %H:%M:%S").to_string(),
        name,
        reason,
        size_bytes,
        encrypted: super::cipher::file_kind(db)? == super::cipher::FileKind::Encrypted,
        imported_file: None,
        // A copy of a file nobody could open: under whatever it had.
        earlier_passphrase: false,
    })
}
