//! The history's newest entry, remembered outside the department file.
//!
//! The chain (`audit::chain`) proves every entry against the one before it,
//! but entries cut off the end leave a shorter chain that is just as valid.
//! So the newest entry's number, seal and time are kept in the settings beside
//! the file (`settings::history_head`), moved on after every save, and checked
//! at open and with "Check the history": a file that no longer holds that
//! entry, or holds another in its place, lost its newest entries.
//!
//! With no record beside the file (removed together with the entries, or a
//! folder copied without it), the newest backup that carries the history
//! forward is the record. The honest ways a history gets shorter reset the
//! record: a restore records the restored backup's end before opening it; a
//! department file sealed
//! under another key (a different department, or one brought in whole on a
//! new computer) is not compared with it; a folder without a record (a new
//! computer, a copied folder) starts one at its first open.

use super::cipher::Passphrase;
use super::settings;
use crate::audit::chain;
use crate::error::AppResult;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The newest entry of a history: no staff data, only numbers and a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Which history (`chain::key_id` of its key).
    pub key_id: String,
    pub entry: i64,
    /// The entry's seal, in hex.
    pub seal: String,
    /// When it was written, as the history stores it (UTC).
    pub at: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The newest sealed entry of the file's history; `None` when it has none.
pub fn current(conn: &Connection) -> AppResult<Option<Head>> {
    if !chain::is_chained(conn)? {
        return Ok(None);
    }
    let Some(key) = chain::key(conn)? else {
        return Ok(None);
    };
    let newest: Option<(i64, Vec<u8>, Option<String>)> = conn
        .query_row(
            "SELECT s.entry_id, s.hash, l.at FROM audit_seal AS s
             LEFT JOIN audit_log AS l ON l.id = s.entry_id
             ORDER BY s.entry_id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(newest.map(|(entry, seal, at)| Head {
        key_id: chain::key_id(&key),
        entry,
        seal: hex(&seal),
        at: at.unwrap_or_default(),
    }))
}

/// What the file's history lacks against the record kept in `data_dir`, in
/// the manager's words; `None` when it holds the newest entry recorded (or
/// there is no record of this history to compare with).
pub fn check(data_dir: &Path, conn: &Connection) -> AppResult<Option<String>> {
    match settings::history_head(data_dir) {
        Some(known) => check_against(data_dir, &known, conn),
        None => Ok(None),
    }
}

/// The newest entry of the newest backup that carries the department's
/// history forward (made daily, by hand, before an update or with a new
/// passphrase; not a copy kept before a restore or an import, nor a damaged
/// one): what the file is checked against when the settings beside it hold
/// no record (removed with the entries, or a folder copied without them).
fn from_backups(data_dir: &Path, key: Option<&Passphrase>) -> Option<Head> {
    use super::backup::BackupReason as R;
    let plan = settings::plan(data_dir);
    let list = super::backup::list(&plan.folder).ok()?;
    let newest = list.iter().find(|b| {
        matches!(
            b.reason,
            R::Daily | R::Manual | R::BeforeMigration | R::Passphrase
        )
    })?;
    of_file(&plan.folder.join(&newest.name), key)
}

/// The newest entry of the history in the file at `path` (read-only).
pub fn of_file(path: &Path, key: Option<&Passphrase>) -> Option<Head> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    let encrypted = super::cipher::file_kind(path).ok()? == super::cipher::FileKind::Encrypted;
    super::cipher::apply_key(&conn, if encrypted { key } else { None }).ok()?;
    current(&conn).ok().flatten()
}

fn check_against(data_dir: &Path, known: &Head, conn: &Connection) -> AppResult<Option<String>> {
    let Some(key) = chain::key(conn)? else {
        return Ok(None);
    };
    if chain::key_id(&key) != known.key_id {
        return Ok(None);
    }
    let seal: Option<Vec<u8>> = conn
        .query_row(
            "SELECT hash FROM audit_seal WHERE entry_id = ?1",
            [known.entry],
            |r| r.get(0),
        )
        .optional()?;
    match seal {
        Some(seal) if hex(&seal) == known.seal => Ok(None),
        seal => Ok(Some(chain::cut_message(
            conn,
            known.entry,
            &known.at,
            seal.is_some(),
            |last| super::numbering::skipped_between(data_dir, last, known.entry),
        )?)),
    }
}

/// Checks the file at open against the record (or, with none, against the
/// newest backup), and records its newest entry when nothing is missing.
/// `Some(warning)` when entries were cut: the record is then kept as it was
/// (or written, when a backup told), so the warning stands, also for "Check
/// the history", until a backup is restored.
pub fn at_open(
    data_dir: &Path,
    conn: &Connection,
    key: Option<&Passphrase>,
) -> AppResult<Option<String>> {
    let recorded = settings::history_head(data_dir);
    let known = recorded.clone().or_else(|| from_backups(data_dir, key));
    let warning = match &known {
        Some(known) => check_against(data_dir, known, conn)?,
        None => None,
    };
    match &warning {
        None => {
            remember(data_dir, conn, recorded.as_ref())?;
        }
        Some(_) if recorded.is_none() => settings::set_history_head(data_dir, known)?,
        Some(_) => {}
    }
    Ok(warning)
}

/// Records the file's newest entry if it differs from `last` (what this
/// session recorded last); returns what is recorded now.
pub fn remember(
    data_dir: &Path,
    conn: &Connection,
    last: Option<&Head>,
) -> AppResult<Option<Head>> {
    let now = current(conn)?;
    if now.is_some() && now.as_ref() != last {
        settings::set_history_head(data_dir, now.clone())?;
    }
    Ok(now)
}

/// Records the history of the backup a restore puts in place (an older one,
/// on purpose), before it is opened; forgets the record when that history
/// cannot be read.
pub fn restored(data_dir: &Path, backup: &Path, key: Option<&Passphrase>) -> AppResult<()> {
    settings::set_history_head(data_dir, of_file(backup, key))
}

/// "Check the history": every entry against its seal, then its end against
/// the record kept beside the file.
pub fn verify(data_dir: &Path, conn: &Connection) -> AppResult<chain::HistoryCheck> {
    let mut found = chain::verify(conn)?;
    if !found.intact {
        let unchecked = crate::audit::rows::find_checked(conn)?.unchecked;
        if let Some(said) = crate::audit::rows::unchecked_sentence(unchecked) {
            found.message = format!("{} {said}", found.message);
        }
    }
    if found.intact {
        if let Some(cut) = check(data_dir, conn)? {
            // Said as at open: a cut whose records still show its changes
            // is named as a cut, not as records edited outside.
            let outside = crate::audit::rows::find(conn)?;
            found.intact = false;
            found.message = super::cut::warning(data_dir, conn, &cut, &outside)?.0;
        }
    }
    if found.intact {
        let outside = crate::audit::rows::find(conn)?;
        if let Some(said) = crate::audit::rows::message(conn, &outside)? {
            found.intact = false;
            found.message = said;
        }
    }
    Ok(found)
}

#[cfg(test)]
#[path = "head_tests.rs"]
pub(crate) mod tests;
