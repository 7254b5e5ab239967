//! Setting, changing and removing the passphrase of the open file.
//!
//! The record is exported under the new key into a new file beside it, the
//! copy is verified (integrity check, same counts), and only then does it
//! replace the original by an atomic rename (`swap`). Until that rename the
//! original is untouched, so a failure at any step leaves the file as it was.

use super::backup::{BackupPlan, BackupReason};
use super::cipher::{self, Passphrase};
use super::{backup, summary, swap, DepartmentFile, ReplaceError};
use crate::error::{AppError, AppResult, Validator};
use chrono::NaiveDateTime;
use serde::Deserialize;
use ts_rs::TS;

/// The Settings form: the current passphrase (when there is one) and the new one twice.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
pub struct PassphraseInput {
    pub current_passphrase: String,
    pub new_passphrase: String,
    pub confirm_passphrase: String,
    /// The manager declined to encrypt the backups made before the passphrase:
    /// they stay as they are, listed as readable by anyone (Settings offers to
    /// delete them). Otherwise setting a passphrase encrypts them too.
    pub keep_plain_backups: bool,
}

/// What the form asks for: a new key, or none to remove the passphrase.
fn validate(
    file: &DepartmentFile,
    input: &PassphraseInput,
    remove: bool,
) -> AppResult<Option<Passphrase>> {
    let mut v = Validator::new();
    if let Some(key) = file.key() {
        if input.current_passphrase.is_empty() {
            v.fail("current_passphrase", "Enter the passphrase in use now.");
        } else if input.current_passphrase != key.as_str() {
            v.fail(
                "current_passphrase",
                "This is not the passphrase in use now.",
            );
        }
    } else if remove {
        v.fail(
            "current_passphrase",
            "This department file has no passphrase to remove.",
        );
    }
    if file.damaged().is_some() {
        return Err(super::faults::damaged_read_only());
    }
    if remove {
        v.finish()?;
        return Ok(None);
    }
    let new = match cipher::validate_new(&input.new_passphrase, &input.confirm_passphrase) {
        Ok(k) => Some(k),
        Err(e) => {
            for f in e.fields {
                v.fail(&f.field, f.message);
            }
            None
        }
    };
    v.finish()?;
    Ok(new)
}

/// Sets or changes (`remove` false) or removes the passphrase. On success the
/// returned file is open under the new key and a fresh backup under that key
/// is written (a failing backup folder does not undo the change).
pub fn change(
    file: DepartmentFile,
    input: &PassphraseInput,
    remove: bool,
    plan: &BackupPlan,
    now: NaiveDateTime,
) -> Result<DepartmentFile, ReplaceError> {
    let new = match validate(&file, input, remove) {
        Ok(new) => new,
        Err(error) => return Err(ReplaceError::kept(file, error)),
    };
    let path = file.path().to_path_buf();
    let mut staged = path.as_os_str().to_owned();
    staged.push(".rekey");
    let staged = std::path::PathBuf::from(staged);
    let prepared = summary::counts(file.conn()).and_then(|expected| {
        cipher::export(file.conn(), &staged, new.as_ref())?;
        backup::verify(&staged, new.as_ref(), Some(&expected)).map(|_| ())
    });
    if let Err(error) = prepared {
        let _ = swap::remove_leftover(&staged);
        return Err(ReplaceError::kept(file, error));
    }
    let old_key = file.key().cloned();
    if let Err(error) = file.close() {
        let _ = swap::remove_leftover(&staged);
        return Err(ReplaceError::reopen(&path, old_key, error, now));
    }
    if let Err(error) = swap::replace(&staged, &path) {
        let _ = swap::remove_leftover(&staged);
        return Err(ReplaceError::reopen(&path, old_key, error, now));
    }
    let had_key = old_key.is_some();
    let mut reopened = DepartmentFile::open(&path, new, None, now)
        .map_err(|error| ReplaceError { error, file: None })?;
    if let Some(dir) = path.parent() {
        if let Err(e) = super::settings::set_encrypted(dir, reopened.key().is_some()) {
            eprintln!("wardbook: {}", e.message);
        }
    }
    // The backups made under the old passphrase take the new one: one
    // passphrase opens everything, and a changed one (perhaps leaked) opens
    // no copy. Removing the passphrase leaves them encrypted under it.
    let mut rekeyed = None;
    if let (Some(old), Some(new)) = (old_key.as_ref(), reopened.key()) {
        match super::rekey::backups(&plan.folder, old, new) {
            Ok(r) => rekeyed = Some(r),
            Err(e) => eprintln!(
                "wardbook: re-encrypting the backups with the new passphrase failed: {}",
                e.message
            ),
        }
    }
    let mut encrypted = None;
    // The copies made before the passphrase must not stay readable.
    if let Some(key) = reopened.key().filter(|_| !input.keep_plain_backups) {
        match backup::encrypt_plain(&plan.folder, key) {
            Ok(n) => encrypted = Some(n),
            Err(e) => eprintln!(
                "wardbook: encrypting the older backups failed: {}",
                e.message
            ),
        }
        // So must the copy kept beside the file before an import replaced it.
        if let Some(folder) = path.parent() {
            if let Err(e) = backup::encrypt_kept_aside(folder, key) {
                eprintln!(
                    "wardbook: encrypting the copies kept before an import failed: {}",
                    e.message
                );
            }
        }
    }
    // Kept readable at the manager's word: listed with the plain backups.
    if let (Some(_), Some(folder)) = (reopened.key(), path.parent()) {
        if input.keep_plain_backups {
            if let Err(e) = backup::adopt_kept_aside(folder, plan) {
                eprintln!(
                    "wardbook: moving the copies kept before an import to the backups failed: {}",
                    e.message
                );
            }
        }
    }
    // The change is part of the record (never the passphrase itself).
    let mut label = match (had_key, reopened.key().is_some()) {
        (false, _) => "Passphrase set: the department file is now encrypted".to_string(),
        (true, true) => "Passphrase changed".to_string(),
        (true, false) => {
            "Passphrase removed: the department file is no longer encrypted".to_string()
        }
    };
    match encrypted {
        Some(n) if n > 0 => label.push_str(&format!(
            "; {n} older backup{} encrypted with it",
            if n == 1 { "" } else { "s" }
        )),
        _ if reopened.key().is_some() && input.keep_plain_backups => {
            label.push_str("; the older backups were kept readable, at the manager's choice")
        }
        _ => {}
    }
    if let Some(r) = rekeyed {
        if r.done > 0 {
            label.push_str(&format!(
                "; {} backup{} made under the old passphrase re-encrypted with the new one",
                r.done,
                if r.done == 1 { "" } else { "s" }
            ));
        }
        if r.earlier > 0 {
            label.push_str(&format!(
                "; {} backup{} made under an even earlier passphrase still open{} only with that one",
                r.earlier,
                if r.earlier == 1 { "" } else { "s" },
                if r.earlier == 1 { "s" } else { "" }
            ));
        }
    }
    if had_key && reopened.key().is_none() {
        label.push_str("; the backups made with it stay encrypted and open with it");
    }
    match crate::audit::chain::note_event(reopened.conn(), &label) {
        Ok(()) => reopened.follow_history(),
        Err(e) => eprintln!(
            "wardbook: the passphrase change was not written into the history: {}",
            e.message
        ),
    }
    if let Err(e) = reopened.backup(plan, BackupReason::Passphrase, now) {
        eprintln!(
            "wardbook: backup after the passphrase change failed: {}",
            e.message
        );
    }
    Ok(reopened)
}

/// Re-keys the copy of a backup at `staged` (a restore, before it is put in
/// place) from `from` (the backup's key) to `to` (the department's key now):
/// exported under `to` beside it, verified, then renamed over it.
pub(super) fn rekey_copy(
    staged: &std::path::Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
) -> AppResult<()> {
    let mut target = staged.as_os_str().to_owned();
    target.push(".rekey");
    let target = std::path::PathBuf::from(target);
    let done = (|| {
        let conn = rusqlite::Connection::open(staged)
            .map_err(|e| super::faults::sqlite_error(e, staged))?;
        cipher::apply_key(&conn, from)?;
        let expected = summary::counts(&conn)?;
        cipher::export(&conn, &target, to)?;
        drop(conn);
        backup::verify(&target, to, Some(&expected))?;
        std::fs::rename(&target, staged).map_err(|e| super::faults::io_error("write", staged, &e))
    })();
    if done.is_err() {
        let _ = swap::remove_leftover(&target);
    }
    done
}

impl ReplaceError {
    /// The original is still open and untouched.
    pub(crate) fn kept(file: DepartmentFile, error: AppError) -> Self {
        ReplaceError {
            error,
            file: Some(Box::new(file)),
        }
    }

    /// The connection was closed but the file not replaced: open it again.
    pub(crate) fn reopen(
        path: &std::path::Path,
        key: Option<Passphrase>,
        error: AppError,
        now: NaiveDateTime,
    ) -> Self {
        ReplaceError {
            error,
            file: DepartmentFile::open(path, key, None, now)
                .ok()
                .map(Box::new),
        }
    }
}
