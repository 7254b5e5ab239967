//! Encryption at rest (SQLCipher): the passphrase, telling an encrypted file
//! from a plain one, and writing a copy of the record under another key.
//!
//! Setting, changing and removing a passphrase all go through
//! `sqlcipher_export` into a fresh file that is verified and then renamed over
//! the original (see `swap`). `PRAGMA rekey` cannot encrypt a plain file nor
//! decrypt one, and rewriting every page in place under WAL leaves the old
//! pages in the WAL until a checkpoint; a fresh file has no free pages holding
//! old plaintext, and the original stays whole until the atomic rename.

use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::Connection;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Shortest passphrase accepted when setting one.
pub const MIN_PASSPHRASE: usize = 8;

/// A passphrase held in memory only; zeroed when dropped and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Passphrase(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Drop for Passphrase {
    fn drop(&mut self) {
        // SAFETY: zero bytes are valid UTF-8, and the string is dropped right after.
        unsafe { self.0.as_bytes_mut().fill(0) };
    }
}

/// The first 16 bytes of every plain SQLite file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the first bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Missing,
    /// Zero bytes: SQLite would take it for a new database.
    Empty,
    Plain,
    /// Random-looking whole pages: an SQLCipher file (or one damaged past recognising).
    Encrypted,
    NotADatabase,
}

/// Tells a plain SQLite file from an encrypted one without any key.
pub fn file_kind(path: &Path) -> AppResult<FileKind> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => return Err(super::faults::io_error("read", path, &e)),
    };
    let len = file
        .metadata()
        .map_err(|e| super::faults::io_error("read", path, &e))?
        .len();
    if len == 0 {
        return Ok(FileKind::Empty);
    }
    let mut head = vec![0u8; len.min(4096) as usize];
    if len < 512 || file.read_exact(&mut head).is_err() {
        return Ok(FileKind::NotADatabase);
    }
    Ok(if head.starts_with(SQLITE_MAGIC) {
        FileKind::Plain
    } else if len.is_multiple_of(512) && looks_random(&head) {
        // SQLCipher pages are 4096 bytes by default; any page size is a multiple of 512.
        FileKind::Encrypted
    } else {
        FileKind::NotADatabase
    })
}

/// Whether the first page could be SQLCipher's: salt, ciphertext, IV and HMAC
/// are all indistinguishable from random bytes. A plain SQLite page whose first
/// bytes were damaged still has the rest of its header (bytes 21–23 are always
/// 64, 32, 32) or the zero bytes of its unused space; random bytes of the
/// right size cannot be told from an encrypted file without the key.
fn looks_random(page: &[u8]) -> bool {
    let header_intact = page.get(21..24) == Some(&[64, 32, 32][..]);
    // About 1 byte in 256 is zero in random data (16 in a 4096-byte page).
    let zeros = page.iter().filter(|b| **b == 0).count();
    !header_intact && zeros <= page.len() / 64
}

/// Gives the connection its key. Must come before anything reads the file.
pub fn apply_key(conn: &Connection, key: Option<&Passphrase>) -> AppResult<()> {
    if let Some(key) = key {
        conn.pragma_update(None, "key", key.as_str())?;
    }
    Ok(())
}

/// The error for a key that does not open the file.
pub fn wrong_passphrase() -> AppError {
    AppError::field(
        "passphrase",
        "That passphrase does not open this department file. Check it (and Caps Lock) and try again. \
         If you are sure of it, or this department never had a passphrase, the file is damaged or is \
         not a Wardbook file: restore a backup instead.",
    )
}

/// The error for a file that needs a passphrase that was not given.
pub fn locked() -> AppError {
    AppError::new(
        ErrorCode::Locked,
        "The department file is protected by a passphrase. Enter it to open the file.",
    )
}

/// Checks a new passphrase and its confirmation, for the form's fields.
pub fn validate_new(new: &str, confirm: &str) -> AppResult<Passphrase> {
    let mut v = crate::error::Validator::new();
    v.check(
        new.chars().count() >= MIN_PASSPHRASE,
        "new_passphrase",
        format!("Use at least {MIN_PASSPHRASE} characters; a short sentence is easy to remember and hard to guess."),
    );
    v.check(
        new.trim() == new,
        "new_passphrase",
        "Leave out spaces at the start and end; they are easy to forget when typing it again.",
    );
    v.check(
        new == confirm,
        "confirm_passphrase",
        "This does not match the new passphrase.",
    );
    v.finish()?;
    Ok(Passphrase::new(new))
}

/// Writes the whole record of `conn` into a new file at `target` under `key`
/// (plain when `None`), with the same schema version.
pub fn export(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> AppResult<()> {
    super::swap::remove_leftover(target)?;
    let target_str = target.to_str().ok_or_else(|| {
        AppError::new(
            ErrorCode::Storage,
            "The data folder's path cannot be used for an encrypted copy.",
        )
    })?;
    let version = super::schema_version(conn)?;
    conn.execute(
        "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
        rusqlite::params![target_str, key.map_or("", |k| k.as_str())],
    )
    .map_err(|e| super::faults::sqlite_error(e, target))?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))
        .and_then(|_| conn.pragma_update(Some("rekeyed"), "user_version", version));
    let detached = conn.execute_batch("DETACH DATABASE rekeyed");
    exported.map_err(|e| super::faults::sqlite_error(e, target))?;
    detached?;
    Ok(())
}

#[cfg(test)]
#[path = "cipher_tests.rs"]
mod tests;
