//! What a department file that cannot be opened as it is actually is, as far
//! as its bytes and its folder tell: a new install, a damaged department, or
//! a passphrase that is wrong.
//!
//! An empty or missing file beside backups or a WAL holding frames is a
//! damaged department, never a new one: the first save would write over the
//! only traces of it. An encrypted file whose first page does not open may be
//! a wrong passphrase or a damaged page: SQLCipher checks every page's HMAC
//! on its own, so the passphrase is right when the other pages verify under
//! it (`PRAGMA cipher_integrity_check`) or when it opens a backup.

use super::cipher::{apply_key, Passphrase};
use super::swap::companions;
use crate::error::{AppError, ErrorCode};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The error for a file that is damaged or is not a department file at all;
/// `detail` says what is known, in the manager's words.
pub fn damaged(path: &Path, detail: &str) -> AppError {
    eprintln!("wardbook: {} cannot be opened: {detail}", path.display());
    AppError::new(
        ErrorCode::Corrupt,
        format!(
            "The department file {} is damaged or is not a Wardbook file: {detail}. \
             Wardbook has not changed it. Restore one of the backups, or move the file aside \
             to start a new department.",
            path.display()
        ),
    )
}

fn backup_folder(db: &Path) -> PathBuf {
    super::settings::plan(db.parent().unwrap_or(Path::new("."))).folder
}

/// What shows that a department lived at `db` although its file is empty or
/// missing: backups of it, or a WAL holding saved changes. `None` for a new install.
pub fn traces(db: &Path) -> Option<String> {
    let [wal, _] = companions(db);
    let mut found = Vec::new();
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        found.push("its journal (-wal) still holds saved changes".to_string());
    }
    let backups = super::backup::list(&backup_folder(db)).map_or(0, |l| l.len());
    if backups > 0 {
        found.push(format!(
            "{backups} backup{} of it {}",
            if backups == 1 { "" } else { "s" },
            if backups == 1 { "exists" } else { "exist" }
        ));
    }
    (!found.is_empty()).then(|| found.join(" and "))
}

/// Whether `key` is the passphrase of the encrypted file at `db` although it
/// does not open its first page: the other pages verify under it, or it opens
/// one of the encrypted backups.
pub fn key_fits(db: &Path, key: &Passphrase) -> bool {
    other_pages_verify(db, key) || opens_a_backup(db, key)
}

fn read_only(path: &Path, key: &Passphrase) -> Option<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    apply_key(&conn, Some(key)).ok()?;
    Some(conn)
}

/// `cipher_integrity_check` names every page whose HMAC fails. Under a wrong
/// key every page fails; under the right one only the damaged ones do.
fn other_pages_verify(db: &Path, key: &Passphrase) -> bool {
    let Some(conn) = read_only(db, key) else {
        return false;
    };
    let pages = std::fs::metadata(db).map_or(0, |m| m.len() / 4096);
    if pages < 2 {
        return false;
    }
    let failures: Vec<String> = match conn
        .prepare("PRAGMA cipher_integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
    {
        Ok(lines) => lines,
        Err(_) => return false,
    };
    // One line per failing page; the right key leaves most pages verifying.
    (failures.len() as u64) < pages
}

fn opens_a_backup(db: &Path, key: &Passphrase) -> bool {
    let folder = backup_folder(db);
    let Ok(list) = super::backup::list(&folder) else {
        return false;
    };
    list.iter().filter(|b| b.encrypted).take(5).any(|b| {
        read_only(&folder.join(&b.name), key).is_some_and(|conn| {
            conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .is_ok()
        })
    })
}
