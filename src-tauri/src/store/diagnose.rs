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
             Wardbook has not changed it: restore one of the backups, or start a new department \
             (the damaged file is kept beside it, renamed).",
            path.display()
        ),
    )
}

/// The error for a department file that is missing or empty although
/// `traces` (backups, a journal) show a department lived there: nothing is
/// wrong with its bytes, there are none, so it is not called damaged, and
/// moving it aside would not help.
pub fn lost(path: &Path, empty: bool, traces: &str) -> AppError {
    eprintln!(
        "wardbook: {} is {}: {traces}",
        path.display(),
        if empty { "empty" } else { "missing" }
    );
    let what = if empty {
        format!(
            "The department file {} is empty (0 bytes), but {traces}: what it held was lost, \
             perhaps by a copy or a save that did not finish.",
            path.display()
        )
    } else {
        format!(
            "The department file {} is missing (deleted, moved or renamed?), but {traces}.",
            path.display()
        )
    };
    AppError::new(
        ErrorCode::Corrupt,
        format!(
            "{what} Wardbook has not changed anything and has not started a new department in its \
             place: restore one of the backups{}.",
            if empty { "" } else { ", or put the file back" }
        ),
    )
}

/// The error for a department file that is a database without a schema
/// although `traces` show a department lived there: typically the file was
/// copied without its journal (`-wal`), where the saves were.
pub fn lost_schema(path: &Path, traces: &str) -> AppError {
    eprintln!("wardbook: {} holds no schema: {traces}", path.display());
    AppError::new(
        ErrorCode::Corrupt,
        format!(
            "The department file {} holds no department, but {traces}: its saves were probably in \
             its journal (the “-wal” file beside it), which is not there, perhaps because the \
             file was copied without it. Wardbook has not changed anything and has not started \
             a new department in its place: restore one of the backups below, or, to keep the saves \
             made since the newest backup, put the “-wal” file back beside it if a copy of it is \
             kept somewhere.",
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
    // A passphrase set here is known beside the file: then it is locked.
    if super::settings::encrypted(db.parent().unwrap_or(Path::new("."))) == Some(true) {
        return None;
    }
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

/// What is wrong with the encrypted file at `db` whose schema does not read
/// under `key`, when `key` is its passphrase (`None` when it is not known to
/// be): which pages are damaged when the others verify under it, or that
/// its start is damaged when it opens one of the encrypted backups.
pub fn under_right_key(db: &Path, key: &Passphrase) -> Option<String> {
    if let Some(pages) = failing_pages(db, key) {
        let total = std::fs::metadata(db).map_or(0, |m| m.len() / 4096);
        return Some(match pages.as_slice() {
            [] => "the passphrase is right, but the file is damaged".to_string(),
            [1, ..] => "the passphrase is right, but the file's first page is damaged".to_string(),
            [one] => format!(
                "the passphrase is right, but page {one} of its {total} pages is damaged \
                 (overwritten in the middle of the file)"
            ),
            many => format!(
                "the passphrase is right, but {} of its {total} pages are damaged (from page {} on; \
                 overwritten in the middle of the file)",
                many.len(),
                many[0]
            ),
        });
    }
    // No page of the file verifies, yet a backup opens: the start of the
    // file (where the key's salt is) is damaged, or the file is under
    // another passphrase — a backup restored since brings back the one it
    // was made under. From the bytes the two look alike; say both.
    opens_a_backup(db, key).then(|| {
        "the passphrase opens a backup but not this file: either the start of the file is \
         damaged, or the file was restored from a backup made under an earlier passphrase \
         (try that one first)"
            .to_string()
    })
}

fn read_only(path: &Path, key: &Passphrase) -> Option<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    apply_key(&conn, Some(key)).ok()?;
    Some(conn)
}

/// `cipher_integrity_check` names every page whose HMAC fails. Under a wrong
/// key every page fails; under the right one only the damaged ones do: their
/// numbers, when most pages verify; `None` when they do not.
fn failing_pages(db: &Path, key: &Passphrase) -> Option<Vec<u64>> {
    let conn = read_only(db, key)?;
    let pages = std::fs::metadata(db).map_or(0, |m| m.len() / 4096);
    if pages < 2 {
        return None;
    }
    let failures: Vec<String> = conn
        .prepare("PRAGMA cipher_integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .ok()?;
    // One line per failing page; the right key leaves most pages verifying.
    if failures.len() as u64 >= pages {
        return None;
    }
    let mut numbers: Vec<u64> = failures
        .iter()
        .filter_map(|line| {
            line.rsplit(|c: char| !c.is_ascii_digit())
                .find(|w| !w.is_empty())?
                .parse()
                .ok()
        })
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    Some(numbers)
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

/// For a file whose first bytes are not SQLite's: random-looking bytes that
/// are not a whole number of pages are an encrypted file cut short (written
/// or copied half way), not another kind of file.
pub fn half_written(db: &Path) -> Option<&'static str> {
    use std::io::Read;
    let len = std::fs::metadata(db).ok()?.len();
    if len < 4096 || len.is_multiple_of(512) {
        return None;
    }
    let mut page = vec![0u8; 4096];
    std::fs::File::open(db).ok()?.read_exact(&mut page).ok()?;
    let zeros = page.iter().filter(|b| **b == 0).count();
    (zeros <= page.len() / 64).then_some(
        "it looks like an encrypted department file that is incomplete: it was cut short while \
         it was being written or copied",
    )
}
