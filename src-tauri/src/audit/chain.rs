//! The history made tamper-evident: each entry is sealed with a keyed hash
//! (HMAC-SHA256 under the file's own random key) of the entry and of the seal
//! before it. The seal is written by a trigger on `audit_log`, in the same
//! statement as the entry, through the SQL function [`FUNCTION`] that every
//! Wardbook connection registers (a tool without it cannot add entries at all).
//!
//! [`verify`] walks the entries in order and names the first whose seal does
//! not match: edited, slipped in, or following a removed one. The guard
//! triggers (no edit, no delete, no INSERT OR REPLACE over an entry) are
//! recreated at every open ([`protect`]); a guard or change trigger found
//! missing there is written into the history itself ([`note_restored`]), so
//! the gap it may have left is never silent.
//!
//! What it cannot tell on its own: entries removed from the very end together
//! with their seals. Nothing inside a file can prove its own last page, so
//! the newest entry is also recorded outside it (`store::head`), and
//! [`cut_message`] says what is missing.

use crate::error::{AppError, AppResult};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The SQL function the chain trigger calls: `(key, previous seal, fields…)`.
pub const FUNCTION: &str = "wardbook_history_seal";

const EDITED: &str = "The change history cannot be edited.";

/// The fields of an entry that its seal covers, in order.
const SEALED: &str = "id, at, table_name, record_key, action, staff_id, label, before, after";

/// Registers the seal function on a connection that may write history.
pub fn register(conn: &Connection) -> AppResult<()> {
    conn.create_scalar_function(
        FUNCTION,
        -1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let key = match ctx.get_raw(0) {
                ValueRef::Blob(k) => k.to_vec(),
                _ => {
                    return Err(rusqlite::Error::UserFunctionError(
                        "the history's key is missing".into(),
                    ))
                }
            };
            let values: Vec<ValueRef<'_>> = (1..ctx.len()).map(|i| ctx.get_raw(i)).collect();
            Ok(seal(&key, &values))
        },
    )?;
    Ok(())
}

/// HMAC-SHA256 (RFC 2104) of the encoded values under `key`. Written out
/// here because it is eight lines over `sha2`, which the tree already has.
fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .to_vec()
}

/// Each value with its type and length, so no two different entries encode alike.
pub(crate) fn seal(key: &[u8], values: &[ValueRef<'_>]) -> Vec<u8> {
    let mut message = Vec::new();
    for value in values {
        let (tag, bytes): (u8, Vec<u8>) = match value {
            ValueRef::Null => (0, Vec::new()),
            ValueRef::Integer(i) => (1, i.to_be_bytes().to_vec()),
            ValueRef::Real(f) => (2, f.to_be_bytes().to_vec()),
            ValueRef::Text(t) => (3, t.to_vec()),
            ValueRef::Blob(b) => (4, b.to_vec()),
        };
        message.push(tag);
        message.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
        message.extend_from_slice(&bytes);
    }
    hmac(key, &message)
}

/// The guard and chain triggers, by name: refuse edits and deletes of the
/// history, its seals and its key, refuse INSERT OR REPLACE over an existing
/// one (SQLite's REPLACE deletes without firing delete triggers), and seal
/// every new entry.
pub fn guards() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (table, key) in [
        ("audit_log", "id"),
        ("audit_seal", "entry_id"),
        ("audit_chain_key", "id"),
    ] {
        for (what, event) in [("update", "UPDATE"), ("delete", "DELETE")] {
            let name = format!("{table}_no_{what}");
            // Worded as migration 0005 wrote the first two, so a file with
            // intact guards is not rewritten at open.
            let sql = format!(
                "CREATE TRIGGER {name} BEFORE {event} ON {table}\nBEGIN\n    SELECT RAISE(ABORT, '{EDITED}');\nEND"
            );
            all.push((name, sql));
        }
        let name = format!("{table}_no_replace");
        let sql = format!(
            "CREATE TRIGGER {name} BEFORE INSERT ON {table}\n\
             WHEN EXISTS (SELECT 1 FROM {table} WHERE {key} = NEW.{key})\n\
             BEGIN\n    SELECT RAISE(ABORT, '{EDITED}');\nEND"
        );
        all.push((name, sql));
    }
    let fields: Vec<String> = SEALED.split(", ").map(|f| format!("NEW.{f}")).collect();
    all.push((
        "audit_log_chain".into(),
        format!(
            "CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log\nBEGIN\n    \
             INSERT INTO audit_seal (entry_id, hash) VALUES (NEW.id, {FUNCTION}(\n        \
             (SELECT key FROM audit_chain_key WHERE id = 1),\n        \
             (SELECT hash FROM audit_seal ORDER BY entry_id DESC LIMIT 1),\n        {}));\nEND",
            fields.join(", ")
        ),
    ));
    all.sort();
    all
}

fn has_table(conn: &Connection, name: &str) -> AppResult<bool> {
    Ok(conn
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")?
        .exists([name])?)
}

/// Whether the file has the chain (schema with `audit_seal`).
pub fn is_chained(conn: &Connection) -> AppResult<bool> {
    has_table(conn, "audit_seal")
}

/// The names of the history's triggers (guards, chain, and the change
/// triggers the schema calls for) that are not in the file.
pub fn missing_triggers(conn: &Connection) -> AppResult<Vec<String>> {
    if !is_chained(conn)? {
        return Ok(Vec::new());
    }
    let mut wanted: Vec<String> = guards().into_iter().map(|(n, _)| n).collect();
    wanted.extend(super::triggers::wanted(conn)?.into_iter().map(|(n, _)| n));
    let mut stmt =
        conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?;
    let mut missing = Vec::new();
    for name in wanted {
        if !stmt.exists([&name])? {
            missing.push(name);
        }
    }
    Ok(missing)
}

/// (Re)creates every guard and the chain trigger that is missing or not as
/// written here. Inside the caller's transaction; writes nothing when all are
/// in place. A chain just created by its migration seals the entries before it.
pub fn protect(conn: &Connection) -> AppResult<()> {
    if !is_chained(conn)? {
        return Ok(());
    }
    for (name, sql) in guards() {
        let existing: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        if existing.as_deref() == Some(sql.as_str()) {
            continue;
        }
        if existing.is_some() {
            conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))?;
        }
        conn.execute_batch(&sql)?;
    }
    seal_unsealed_start(conn)
}

/// The entries written before the chain existed (at its migration): sealed in
/// order, once, while no entry has a seal yet.
fn seal_unsealed_start(conn: &Connection) -> AppResult<()> {
    let sealed: i64 = conn.query_row("SELECT COUNT(*) FROM audit_seal", [], |r| r.get(0))?;
    let entries: i64 = conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))?;
    if sealed > 0 || entries == 0 {
        return Ok(());
    }
    let key = chain_key(conn)?.ok_or_else(missing_key)?;
    let mut prev: Option<Vec<u8>> = None;
    let mut read = conn.prepare(&format!("SELECT {SEALED} FROM audit_log ORDER BY id"))?;
    let mut rows = read.query([])?;
    let mut seals = Vec::new();
    while let Some(row) = rows.next()? {
        let hash = entry_seal(&key, prev.as_deref(), row)?;
        seals.push((row.get::<_, i64>(0)?, hash.clone()));
        prev = Some(hash);
    }
    drop(rows);
    let mut write = conn.prepare("INSERT INTO audit_seal (entry_id, hash) VALUES (?1, ?2)")?;
    for (id, hash) in seals {
        write.execute(rusqlite::params![id, hash])?;
    }
    Ok(())
}

fn chain_key(conn: &Connection) -> AppResult<Option<Vec<u8>>> {
    if !has_table(conn, "audit_chain_key")? {
        return Ok(None);
    }
    Ok(conn
        .query_row("SELECT key FROM audit_chain_key WHERE id = 1", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .optional()?)
}

fn missing_key() -> AppError {
    AppError::new(
        crate::error::ErrorCode::Corrupt,
        "The key of the change history is missing from the department file.",
    )
}

/// The seal of the entry in `row` (columns as [`SEALED`]) after `prev`.
fn entry_seal(key: &[u8], prev: Option<&[u8]>, row: &rusqlite::Row<'_>) -> AppResult<Vec<u8>> {
    let mut values = vec![match prev {
        Some(p) => ValueRef::Blob(p),
        None => ValueRef::Null,
    }];
    for i in 0..SEALED.split(", ").count() {
        values.push(row.get_ref(i)?);
    }
    Ok(seal(key, &values))
}

/// Writes into the history that its triggers were found missing at open and
/// restored: changes made meanwhile are not in it. The entry is sealed like any.
/// `unchecked`: records last changed in entries from a broken one on, which
/// could not be compared (`audit::rows`).
pub fn note_restored(conn: &Connection, missing: &[String], unchecked: usize) -> AppResult<()> {
    // Which parts were missing goes to the app's log (`store::open`); the
    // entry says what it means, in the manager's words.
    let _ = missing;
    let compared = match unchecked {
        0 => "every record was compared with the history".to_string(),
        1 => "every record was compared with the history except one last changed in entries \
              found changed outside Wardbook, which cannot be checked"
            .to_string(),
        n => format!(
            "every record was compared with the history except {n} last changed in entries \
             found changed outside Wardbook, which cannot be checked"
        ),
    };
    conn.execute(
        "INSERT INTO audit_log (table_name, record_key, action, label, before, after)
         VALUES ('department', '1', 'update', ?1, NULL, NULL)",
        [format!(
            "The history's protection had been removed outside Wardbook and is back in place; \
             {compared}, and any changed meanwhile is named at open"
        )],
    )?;
    Ok(())
}

/// The warning for a history that no longer ends where it was recorded to:
/// the newest known entry `entry` (written `at`, UTC text) is missing, or
/// (`replaced`) another entry holds its number. `skipped`: how many numbers
/// after the file's newest entry up to the known one were skipped on purpose
/// (a restore's, `store::numbering`): never entries, so not missing.
pub fn cut_message(
    conn: &Connection,
    entry: i64,
    at: &str,
    replaced: bool,
    skipped: impl Fn(i64) -> i64,
) -> AppResult<String> {
    let when = readable_time(&super::list::local_time(super::list::zone(conn)?, at));
    let shown = entry_number(entry);
    let what = if replaced {
        format!(
            "its newest entries were removed and others written in their place: the file holds \
             another entry under number {shown}, the newest known (of {when})"
        )
    } else {
        // The file's history stops before the newest known entry: at `last`.
        let last: i64 = conn
            .query_row(
                "SELECT MAX(id) FROM audit_log WHERE id < ?1",
                [entry],
                |r| r.get::<_, Option<i64>>(0),
            )?
            .unwrap_or(0);
        let missing = entry - last - skipped(last);
        if missing == 1 {
            format!(
                "the last entry of the history is missing; the newest known is entry {shown}, of {when}"
            )
        } else {
            format!(
                "the last {missing} entries of the history are missing; the newest known is entry \
                 {shown}, of {when}, and the file's history stops at entry {}",
                entry_number(last)
            )
        }
    };
    // Deleted entries and an older copy of the file (or of its `-wal`) put
    // back look alike from inside; say both, and promise no backup that may
    // be older still.
    Ok(format!(
        "The history was changed outside Wardbook, or an older copy of the department file \
         (or of its “-wal” file) was put in its place: {what}. The changes recorded after that \
         are not in this file; a backup made after them still holds them."
    ))
}

/// Writes an event of the whole department (a restore) into the history,
/// sealed like any entry.
pub fn note_event(conn: &Connection, label: &str) -> AppResult<()> {
    note_event_numbered(conn, None, label)
}

/// As [`note_event`], under the entry number `id` when given (one after
/// every number ever issued, `store::numbering`), else the next in the file.
pub fn note_event_numbered(conn: &Connection, id: Option<i64>, label: &str) -> AppResult<()> {
    conn.execute(
        "INSERT INTO audit_log (id, table_name, record_key, action, label, before, after)
         VALUES (?1, 'department', '1', 'update', ?2, NULL, NULL)",
        rusqlite::params![id, label],
    )?;
    Ok(())
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryCheck {
    #[ts(type = "number")]
    pub entries: i64,
    /// True when every entry matches its seal.
    pub intact: bool,
    /// The first entry that does not (its id in the history), if any.
    #[ts(type = "number | null")]
    pub first_broken: Option<i64>,
    /// In the manager's words: all is well, or what broke where.
    pub message: String,
}

/// Walks the history in order and checks every entry against its seal.
pub fn verify(conn: &Connection) -> AppResult<HistoryCheck> {
    let key = chain_key(conn)?;
    verify_with(conn, key)
}

/// The file's history key, to check another copy's history with (a
/// department file does not carry it: see `department_file::history`).
pub fn key(conn: &Connection) -> AppResult<Option<Vec<u8>>> {
    chain_key(conn)
}

/// A name for a key that does not give the key away: two files sealed with
/// the same key have the same id, and nobody can seal with the id.
pub fn key_id(key: &[u8]) -> String {
    hmac(key, b"wardbook history key id")[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// As [`verify`], with the seals checked under `key` rather than the key
/// the file holds (None: the key is missing).
pub fn verify_with(conn: &Connection, key: Option<Vec<u8>>) -> AppResult<HistoryCheck> {
    if !is_chained(conn)? {
        return Ok(HistoryCheck {
            entries: 0,
            intact: true,
            first_broken: None,
            message: "This department file has no sealed history yet.".into(),
        });
    }
    let entries: i64 = conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))?;
    let broken = |id: i64, why: &str| -> AppResult<HistoryCheck> {
        let (at, label): (String, String) = conn
            .query_row("SELECT at, label FROM audit_log WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .unwrap_or_default();
        // On the department's clock, as the history rows show it.
        let at = readable_time(&super::list::local_time(super::list::zone(conn)?, &at));
        let number = entry_number(id);
        let which = if label.is_empty() {
            format!("entry {number}")
        } else {
            format!("entry {number} ({at}, “{label}”)")
        };
        Ok(HistoryCheck {
            entries,
            intact: false,
            first_broken: Some(id),
            message: format!(
                "The history was changed outside Wardbook: {which} {why}. \
                 The entries from there on cannot be trusted; a backup holds the history as it was."
            ),
        })
    };
    let Some(key) = key else {
        let first: i64 = conn
            .query_row("SELECT MIN(id) FROM audit_log", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .unwrap_or(0);
        return broken(
            first,
            "cannot be checked because the history's key was removed",
        );
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {SEALED}, s.hash FROM audit_log LEFT JOIN audit_seal AS s ON s.entry_id = audit_log.id ORDER BY id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut prev: Option<Vec<u8>> = None;
    let mut prev_id = 0i64;
    let seal_col = SEALED.split(", ").count();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let stored: Option<Vec<u8>> = row.get(seal_col)?;
        let Some(stored) = stored else {
            drop(rows);
            return broken(id, "was added outside Wardbook");
        };
        if entry_seal(&key, prev.as_deref(), row)? != stored {
            drop(rows);
            // A seal left behind by a removed entry between the two says which it was.
            let removed: bool = conn
                .prepare("SELECT 1 FROM audit_seal WHERE entry_id > ?1 AND entry_id < ?2")?
                .exists([prev_id, id])?;
            let why = if removed {
                "follows an entry that was removed"
            } else {
                "no longer matches (it was changed, or one before it was removed)"
            };
            return broken(id, why);
        }
        prev = Some(stored);
        prev_id = id;
    }
    drop(rows);
    let orphan: Option<i64> = conn.query_row(
        "SELECT MIN(entry_id) FROM audit_seal WHERE entry_id NOT IN (SELECT id FROM audit_log)",
        [],
        |r| r.get(0),
    )?;
    if let Some(id) = orphan {
        return Ok(HistoryCheck {
            entries,
            intact: false,
            first_broken: Some(id),
            message: format!(
                "The history was changed outside Wardbook: entry {} was removed. \
                 A backup holds the history as it was.",
                entry_number(id)
            ),
        });
    }
    Ok(HistoryCheck {
        entries,
        intact: true,
        first_broken: None,
        message: format!(
            "All {} entries of the change history were checked: nothing was changed outside Wardbook.",
            entry_number(entries)
        ),
    })
}

/// 1204 → "1,204", as the manager reads an entry's number.
pub fn entry_number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// "2026-12-03 14:02:11" → "3 Dec 2026 14:02"; anything else as it is.
pub fn readable_time(local: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M:%S")
        .map(|t| t.format("%-d %b %Y %H:%M").to_string())
        .unwrap_or_else(|_| local.to_string())
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
