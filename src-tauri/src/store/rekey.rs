//! Backups and the passphrase: one passphrase opens the department and every
//! backup.
//!
//! Changing the passphrase re-encrypts the backups made under the old one
//! with the new one (each exported under the new key beside it, verified,
//! then renamed over it, as `passphrase` does the department file), so no
//! copy stays readable with a passphrase that was changed, perhaps because
//! it leaked. A backup that does not open with the old passphrase either (an
//! even earlier one) is left as it is, and the backup list says which
//! backups the department's passphrase does not open ("made under an
//! earlier passphrase").

use super::backup::{self, BackupFile};
use super::cipher::{self, Passphrase};
use crate::error::AppResult;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Whether `key` opens the encrypted file at `path` (its first page reads).
pub fn opens_with(path: &Path, key: &Passphrase) -> bool {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags)
        .ok()
        .filter(|conn| cipher::apply_key(conn, Some(key)).is_ok())
        .is_some_and(|conn| {
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .is_ok()
        })
}

/// What re-keying the backups did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rekeyed {
    /// Backups made under the old passphrase, now under the new one.
    pub done: usize,
    /// Encrypted backups the old passphrase does not open either, left as they are.
    pub earlier: usize,
}

/// Re-encrypts with `to` every backup in `folder` that opens with `from`.
pub fn backups(folder: &Path, from: &Passphrase, to: &Passphrase) -> AppResult<Rekeyed> {
    let mut found = Rekeyed::default();
    for b in backup::list(folder)?.into_iter().filter(|b| b.encrypted) {
        let path = folder.join(&b.name);
        if opens_with(&path, to) {
            continue;
        }
        if !opens_with(&path, from) {
            found.earlier += 1;
            continue;
        }
        match super::passphrase::rekey_copy(&path, Some(from), Some(to)) {
            Ok(()) => found.done += 1,
            Err(e) => {
                found.earlier += 1;
                eprintln!(
                    "wardbook: {} left under the old passphrase: {}",
                    b.name, e.message
                );
            }
        }
    }
    Ok(found)
}

/// Marks in `list` the encrypted backups the department's passphrase `key`
/// does not open (none when the department has no passphrase now).
pub fn mark_earlier(folder: &Path, list: &mut [BackupFile], key: Option<&Passphrase>) {
    for b in list.iter_mut().filter(|b| b.encrypted) {
        b.earlier_passphrase = match key {
            Some(key) => !opens_with(&folder.join(&b.name), key),
            None => true,
        };
    }
}

#[cfg(test)]
#[path = "rekey_tests.rs"]
mod tests;
