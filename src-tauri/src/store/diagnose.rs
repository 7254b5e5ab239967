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
             Wardbook has not changed it: restore one of the backups, or move the file aside \
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

/// Why random-looking bytes at `db` are a damaged department and not a locked
/// one: its newest backup (a copy kept of a damaged file aside) is plain, so
/// the department had no passphrase when it was last backed up. `None` when
/// there is no backup to tell, or the newest is encrypted.
pub fn never_encrypted(db: &Path) -> Option<String> {
    let list = super::backup::list(&backup_folder(db)).ok()?;
    let newest = list
        .iter()
        .find(|b| b.reason != super::backup::BackupReason::Damaged)?;
    (!newest.encrypted).then(|| {
        format!(
            "its bytes are not a readable database, and its newest backup ({}) has no \
             passphrase, so it is not a locked file",
            newest.made_at
        )
    })
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

/// Why a file that fails to open is incomplete, when its size shows it:
/// shorter than a page, shorter than the pages its own header counts (a
/// plain file), or not a whole number of pages (an encrypted one, whose
/// header is encrypted too). A copy cut short is the usual cause.
pub fn cut_short(db: &Path) -> Option<&'static str> {
    use std::io::Read;
    let len = std::fs::metadata(db).ok()?.len();
    let mut header = [0u8; 100];
    let read = std::fs::File::open(db).ok()?.read(&mut header).ok()?;
    let incomplete = "the file is incomplete — it may have been cut short while copying";
    if read == 100 && header.starts_with(b"SQLite format 3\0") {
        let size = match u16::from_be_bytes([header[16], header[17]]) {
            1 => 65536,
            n => u64::from(n),
        };
        let pages = u64::from(u32::from_be_bytes([
            header[28], header[29], header[30], header[31],
        ]));
        return (len < size || len < size * pages).then_some(incomplete);
    }
    (len > 0 && len % 1024 != 0).then_some(incomplete)
}
