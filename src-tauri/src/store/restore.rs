//! Restoring a backup: show what it holds first, keep the current file as a
//! backup too, then put the backup in place atomically and open it.

use super::backup::{self, BackupFile, BackupPlan, BackupReason};
use super::cipher::{self, FileKind, Passphrase};
use super::faults::io_error;
use super::rekey::opens_with;
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
    /// What restoring it loses ("Saves after … will be lost: the newest
    /// was …"), in words; empty until [`preview`] says it.
    pub lost: String,
    /// The records restoring it adds, removes or changes, by name (the first
    /// 20; none when the department file cannot be read).
    pub changes: Vec<String>,
    /// How many changes in all.
    #[ts(type = "number")]
    pub changes_total: usize,
}

/// The key that opens the backup at `path`: none for a plain file; for an
/// encrypted one the passphrase given, or else the current one.
fn key_for(
    path: &Path,
    given: Option<Passphrase>,
    current: Option<&Passphrase>,
) -> AppResult<Option<Passphrase>> {
    match cipher::file_kind(path)? {
        FileKind::Encrypted => match chosen(path, given, current) {
            Some(k) => Ok(Some(k)),
            None => Err(AppError::field(
                "passphrase",
                "This backup is encrypted. Enter the department's passphrase: a change of \
                 passphrase re-encrypts the backups with the new one. Only a backup made before \
                 the passphrase was removed still opens with the passphrase the department had then.",
            )),
        },
        _ => Ok(None),
    }
}

/// The passphrase typed, or else the current one; also the current one when
/// the typed one is an earlier passphrase of a backup since re-encrypted
/// with the current one (`rekey`).
fn chosen(
    path: &Path,
    given: Option<Passphrase>,
    current: Option<&Passphrase>,
) -> Option<Passphrase> {
    match (given, current) {
        (Some(g), Some(c)) if !opens_with(path, &g) && opens_with(path, c) => Some(c.clone()),
        (Some(g), _) => Some(g),
        (None, c) => c.cloned(),
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
                "This passphrase does not open the backup. Backups open with the department's \
                 current passphrase, except a backup made before the passphrase was removed: it \
                 opens with the passphrase the department had then.",
            )
        } else {
            e
        }
    })?;
    let file = backup::list(folder)?
        .into_iter()
        .find(|f| f.name == name)
        .ok_or_else(|| AppError::not_found("That backup"))?;
    Ok((
        BackupSummary {
            file,
            counts,
            lost: String::new(),
            changes: Vec::new(),
            changes_total: 0,
        },
        key,
    ))
}

/// What the backup holds and what restoring it would lose from the
/// department file in `data_dir` (`current` when it is open; locked or
/// unreadable, the record beside it tells what it can), shown before the
/// manager confirms.
pub fn preview(
    data_dir: &Path,
    folder: &Path,
    name: &str,
    given: Option<Passphrase>,
    current: Option<&DepartmentFile>,
) -> AppResult<BackupSummary> {
    let (mut summary, key) = inspect(folder, name, given, current.and_then(|f| f.key()))?;
    let path = backup::path_of(folder, name)?;
    let end = super::head::of_file(&path, key.as_ref());
    if let Some(file) = current {
        match super::differences::list(file.conn(), &path, key.as_ref()) {
            Ok((changes, total)) => {
                summary.changes = changes;
                summary.changes_total = total;
            }
            Err(e) => eprintln!(
                "wardbook: the restore's changes were not listed: {}",
                e.message
            ),
        }
    }
    summary.lost = super::lost::describe(
        data_dir,
        current.map(|f| f.conn()),
        end.as_ref(),
        &summary.file.made_at,
    );
    Ok(summary)
}

/// What a restore did, in the manager's words (also its entry in the history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreOutcome {
    pub message: String,
    /// The backup the department as it was is kept as, if there was one.
    pub kept_as: Option<String>,
}

/// Replaces the department file at `db` with the backup `name`. The current
/// file (open, or `None` when it is locked or could not be opened) is kept as
/// a backup first. The restored file opens with the backup's own key, and
/// the restore is written into its history.
pub fn restore(
    current: Option<DepartmentFile>,
    db: &Path,
    plan: &BackupPlan,
    name: &str,
    given: Option<Passphrase>,
    now: NaiveDateTime,
) -> Result<(DepartmentFile, RestoreOutcome), ReplaceError> {
    let made_at = backup::list(&plan.folder)
        .ok()
        .and_then(|l| l.into_iter().find(|b| b.name == name))
        .map(|b| b.made_at.chars().take(16).collect::<String>())
        .unwrap_or_default();
    // What the department holds after the backup's newest entry is undone:
    // said in the restore's entry, read before the file is replaced.
    let undone = current
        .as_ref()
        .filter(|f| f.damaged().is_none())
        .and_then(|f| {
            let end = history_end(&plan.folder, name, given.clone(), f.key())?;
            crate::audit::undone::describe(f.conn(), end)
                .map_err(|e| eprintln!("wardbook: {}", e.message))
                .ok()
                .flatten()
        });
    // Whether the department had a passphrase, and which, before the
    // restore: a backup brings its own (or none), which the manager must hear.
    let dir = db.parent().unwrap_or(Path::new("."));
    let known = current.is_some();
    let was_encrypted = current.as_ref().is_some_and(|f| f.key().is_some())
        || super::settings::encrypted(dir) == Some(true);
    // What the check of the file being replaced found wrong, and its newest
    // entry number: the restore's entry says the one and numbers after the other.
    let found = current.as_ref().and_then(super::restore_found::warnings);
    let replaced_end = current.as_ref().and_then(|f| {
        f.conn()
            .query_row("SELECT MAX(id) FROM audit_log", [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .ok()
            .flatten()
    });
    let mut placed = Placed::default();
    let mut file = put_in_place(current, db, plan, name, given, now, &mut placed)?;
    let Placed {
        kept_as,
        backup_key,
    } = placed;
    let mut message = format!("Restored the backup of {made_at}");
    if let Some(undone) = undone {
        message.push_str(&format!("; {undone}"));
    }
    let passphrase = passphrase_said(known, was_encrypted, backup_key.as_ref(), file.key());
    if let Some(said) = passphrase {
        message.push_str(&format!("; {said}"));
    }
    if let Err(e) = super::settings::set_encrypted(dir, file.key().is_some()) {
        eprintln!("wardbook: {}", e.message);
    }
    if let Some(found) = found {
        message.push_str(&format!("; {found}"));
    }
    // Numbered after every entry ever issued, so none of the replaced
    // file's numbers is used again (`numbering`).
    let next = match file.damaged() {
        None => super::numbering::next(dir, file.conn(), replaced_end)
            .map_err(|e| eprintln!("wardbook: {}", e.message))
            .ok(),
        Some(_) => None,
    };
    if let Some(said) = next.as_ref().and_then(super::numbering::not_brought_back) {
        message.push_str(&format!("; {said}"));
    }
    if let Some(kept) = &kept_as {
        message.push_str(&format!("; the department as it was is kept as {kept}"));
    }
    if let Some(next) = next {
        // The restore is part of the record; a failure to note it is logged,
        // the restored department stays open.
        match super::numbering::write(dir, file.conn(), &next, &message) {
            // The note is the newest entry: recorded beside the file, so a
            // later cut counts it.
            Ok(()) => file.follow_history(),
            Err(e) => eprintln!(
                "wardbook: the restore was not written into the history: {}",
                e.message
            ),
        }
    }
    Ok((
        file,
        RestoreOutcome {
            message: format!("{message}."),
            kept_as,
        },
    ))
}

/// What the restore did to the passphrase, if anything is to be said: with
/// the department's passphrase `known` (the file was open) the restored file
/// was re-keyed to it; from the lock screen it keeps the backup's own.
fn passphrase_said(
    known: bool,
    was_encrypted: bool,
    backup: Option<&Passphrase>,
    now: Option<&Passphrase>,
) -> Option<&'static str> {
    match (known, backup, now) {
        (true, b, n) if b == n => None,
        (true, None, Some(_)) => Some(
            "this backup had no passphrase; the restored file is encrypted with the department's \
             current passphrase",
        ),
        (true, Some(_), Some(_)) => Some(
            "this backup was made under an earlier passphrase; the restored file is encrypted \
             with the department's current one, so the earlier passphrase does not open it",
        ),
        (true, Some(_), None) => Some(
            "this backup was made under a passphrase; the restored file has none, as the \
             department had none before the restore",
        ),
        (false, _, None) if was_encrypted => Some(
            "this backup has no passphrase, so the department file is no longer encrypted: \
             set one again in Settings → Security",
        ),
        (false, _, Some(_)) if !was_encrypted => {
            Some("this backup has a passphrase, and the department file now opens with it")
        }
        (false, _, Some(_)) => Some(
            "the department file now opens with this backup's passphrase, the one entered to \
             restore it (the passphrase in use before is not known on the lock screen); change \
             it in Settings → Security if it may be known to others",
        ),
        _ => None,
    }
}

/// The number of the newest history entry the backup `name` holds (0 for
/// none); `None` when it cannot be read.
fn history_end(
    folder: &Path,
    name: &str,
    given: Option<Passphrase>,
    current: Option<&Passphrase>,
) -> Option<i64> {
    let path = backup::path_of(folder, name).ok()?;
    let key = key_for(&path, given, current).ok()?;
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(&path, flags).ok()?;
    cipher::apply_key(&conn, key.as_ref()).ok()?;
    conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit_log", [], |r| {
        r.get(0)
    })
    .ok()
}

/// What putting a backup in place tells its caller: the backup the
/// department as it was is kept as, and the key the backup was made under.
#[derive(Default)]
struct Placed {
    kept_as: Option<String>,
    backup_key: Option<Passphrase>,
}

fn put_in_place(
    current: Option<DepartmentFile>,
    db: &Path,
    plan: &BackupPlan,
    name: &str,
    given: Option<Passphrase>,
    now: NaiveDateTime,
    placed: &mut Placed,
) -> Result<DepartmentFile, ReplaceError> {
    let keep = |error: AppError, current: Option<DepartmentFile>| ReplaceError {
        error,
        file: current.map(Box::new),
    };
    let backup_key = match inspect(
        &plan.folder,
        name,
        given,
        current.as_ref().and_then(|f| f.key()),
    ) {
        Ok((_, key)) => key,
        Err(e) => return Err(keep(e, current)),
    };
    // The restored file takes the department's passphrase as it is now when
    // it is known (the file was open): the one a backup was made under may
    // have been changed because it leaked. From the lock screen it is not
    // known, so the file keeps the backup's own.
    let key = match &current {
        Some(file) => file.key().cloned(),
        None => backup_key.clone(),
    };
    placed.backup_key.clone_from(&backup_key);
    let kept = match &current {
        Some(file) => file
            .backup(plan, BackupReason::BeforeRestore, now)
            .map(|b| Some(b.name)),
        // Not open: locked (a forgotten passphrase) or beyond reading, or
        // deleted with its journal still beside it.
        None if db.exists() || backup::has_journal(&swap::companions(db)[0]) => {
            let reason = match cipher::file_kind(db) {
                // Random bytes where a plain department was are damaged, not locked.
                Ok(FileKind::Encrypted) if super::diagnose::never_encrypted(db).is_none() => {
                    BackupReason::BeforeRestore
                }
                _ => BackupReason::Damaged,
            };
            backup::copy_as_is(db, plan, reason, now).map(|b| Some(b.name))
        }
        None => Ok(None),
    };
    let kept = kept.map(|name| placed.kept_as = name);
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
    let source = plan.folder.join(name);
    let copied = swap::remove_leftover(&staged).and_then(|()| {
        std::fs::copy(&source, &staged)
            .map(|_| ())
            .map_err(|e| io_error("copy the backup to", &staged, &e))?;
        // A copy kept by an earlier Wardbook may still have its WAL beside
        // it: its saves are part of what the copy holds.
        let [wal, _] = swap::companions(&source);
        super::wal::fold_into(&wal, &staged)?;
        if key != backup_key {
            super::passphrase::rekey_copy(&staged, backup_key.as_ref(), key.as_ref())?;
        }
        Ok(())
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
    // An older history is put in place on purpose: its end becomes the record.
    if let Err(e) = super::head::restored(db.parent().unwrap_or(Path::new(".")), db, key.as_ref()) {
        eprintln!("wardbook: {}", e.message);
    }
    DepartmentFile::open(db, key, Some(plan), now)
        .map_err(|error| ReplaceError { error, file: None })
}

#[cfg(test)]
#[path = "restore_tests.rs"]
mod tests;
