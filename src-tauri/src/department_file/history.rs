//! A department file and the change history.
//!
//! An import never replaces the department's own history: the records are
//! replaced, the history is kept, and what the import changed is added to it
//! (each record's fields before → after, as the forms' edits would be), then
//! the import itself as one entry ("Department file imported: …").
//!
//! The key that seals the history never leaves the department: a department
//! file names it (`history_key`, a one-way id) but does not carry it, so
//! nobody holding the file can reseal an altered history. The file's history
//! is checked where the key is: imported into the same department, the
//! entries it lacks are added if every entry matches; into another
//! department, it is left out (it is another department's record); into an
//! empty data folder (a new computer) it comes with the department, sealed
//! anew by this computer, and the import's entry says it could not be
//! checked.

use crate::audit::chain;
use crate::error::AppResult;
use crate::text_enum::text_enum;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// The history's own tables: the department's are kept as they are, never
/// replaced by a file's.
pub const TABLES: &[&str] = &[
    "audit_log",
    "audit_seal",
    "audit_chain_key",
    "audit_pending",
    "audit_baseline",
];

pub fn is_history(table: &str) -> bool {
    TABLES.contains(&table)
}

/// The tables whose rows a department file never carries: the history's key,
/// and the records' description sealed with it (`audit::rows`).
pub fn stays_home(table: &str) -> bool {
    table == "audit_chain_key" || table == "audit_baseline"
}

text_enum! {
    /// What became of the history a department file holds.
    pub enum FileHistoryStatus {
        /// The file holds no history.
        Empty = ("empty", "No history in the file"),
        /// Checked with this department's key: every entry matches its seal.
        Verified = ("verified", "Checked"),
        /// Another department's history, or one that cannot be checked: left out.
        Unverified = ("unverified", "Left out"),
        /// This department's key, but an entry does not match its seal.
        Altered = ("altered", "Altered"),
        /// Into an empty data folder: carried over, but nothing here can check it.
        Unchecked = ("unchecked", "Carried over, not checked"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileHistory {
    /// Entries of history in the file.
    pub entries: i64,
    pub status: FileHistoryStatus,
    /// Entries added to this department's history by the import.
    pub carried_over: i64,
    /// In the manager's words.
    pub message: String,
}

/// What an import does with the file's history: the entries to add (sealed
/// by this department's key as they are added).
#[derive(Debug, Default)]
pub struct Carry {
    pub ids: Vec<i64>,
}

/// The file's history and what an import would do with it: the check, and
/// the file's entries to carry over.
pub fn check(live: &Connection, staged: &super::Staged) -> AppResult<(FileHistory, Carry)> {
    let staging = &staged.conn;
    let entries: i64 = staging.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    let done = |status, carry: Carry, message: String| {
        Ok((
            FileHistory {
                entries,
                status,
                carried_over: carry.ids.len() as i64,
                message,
            },
            carry,
        ))
    };
    let plural = |n: i64| if n == 1 { "entry" } else { "entries" };
    if entries == 0 {
        return done(
            FileHistoryStatus::Empty,
            Carry::default(),
            "The file holds no change history.".into(),
        );
    }
    let n = format!("{entries} {}", plural(entries));
    let live_key = chain::key(live)?;
    let ours = live_key.as_deref().map(chain::key_id);
    let same = ours.is_some() && ours == staged.history_key;
    let live_entries: i64 = live.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    if !same && live_entries == 0 {
        // A new computer (or an empty folder): the department comes with its
        // history, which nothing here can check.
        let ids: Vec<i64> = {
            let mut stmt = staging.prepare("SELECT id FROM audit_log ORDER BY id")?;
            let ids = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            ids
        };
        return done(
            FileHistoryStatus::Unchecked,
            Carry { ids },
            format!(
                "The file's change history ({n}) comes with the department, but it could not be \
                 checked: only the department it came from can check it, and a department file \
                 does not carry what the check needs. The import's entry in the history says so."
            ),
        );
    }
    if !same {
        return done(
            FileHistoryStatus::Unverified,
            Carry::default(),
            format!(
                "The file's change history ({n}) is another department's record, or cannot be \
                 checked here, so it is not added to this department's history; the department \
                 file still holds it. To bring a department to a new computer with its history, \
                 import the file there before anything else."
            ),
        );
    }
    let check = chain::verify_with(staging, live_key)?;
    if !check.intact {
        let which = check
            .first_broken
            .map(|id| format!(" from entry {id} on"))
            .unwrap_or_default();
        return done(
            FileHistoryStatus::Altered,
            Carry::default(),
            format!(
                "The file's change history ({n}) was altered{which} after the file was exported, \
                 so it is not added to this department's history."
            ),
        );
    }
    // Entries both hold (same id, same seal), from the start.
    let seals = |conn: &Connection| -> AppResult<Vec<(i64, Vec<u8>)>> {
        let mut stmt = conn.prepare(
            "SELECT l.id, s.hash FROM audit_log AS l JOIN audit_seal AS s ON s.entry_id = l.id ORDER BY l.id",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    };
    let (ours, theirs) = (seals(live)?, seals(staging)?);
    let common = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    if common == theirs.len() {
        return done(
            FileHistoryStatus::Verified,
            Carry::default(),
            format!(
                "The file's change history ({n}) was checked and is already part of this \
                 department's history."
            ),
        );
    }
    if common < ours.len() {
        let after = common
            .checked_sub(1)
            .map(|i| format!("after entry {}", theirs[i].0))
            .unwrap_or_else(|| "from its first entry".into());
        let later = (theirs.len() - common) as i64;
        return done(
            FileHistoryStatus::Verified,
            Carry::default(),
            format!(
                "The file's change history ({n}) was checked, but it went apart from this \
                 department's history {after}; its {later} later {} {} not added (this department's \
                 own are kept).",
                plural(later),
                if later == 1 { "is" } else { "are" }
            ),
        );
    }
    let ids: Vec<i64> = theirs[common..].iter().map(|(id, _)| *id).collect();
    let c = ids.len() as i64;
    done(
        FileHistoryStatus::Verified,
        Carry { ids },
        format!(
            "The file's change history ({n}) was checked; the {c} {} this department did not \
             have yet {} added to its history.",
            plural(c),
            if c == 1 { "was" } else { "were" }
        ),
    )
}

/// Copies the file's entries `ids` into the department's history, in order,
/// through the chain trigger: sealed by this department's key, so each
/// entry of its own file gets the seal it had there.
pub fn carry_over(live: &Connection, staging: &Connection, ids: &[i64]) -> AppResult<()> {
    const FIELDS: &str = "id, at, table_name, record_key, action, staff_id, label, before, after";
    let mut read = staging.prepare(&format!("SELECT {FIELDS} FROM audit_log WHERE id = ?1"))?;
    let mut write = live.prepare(&format!(
        "INSERT INTO audit_log ({FIELDS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    ))?;
    for id in ids {
        let values: Vec<rusqlite::types::Value> = read.query_row([id], |r| {
            (0..9).map(|i| r.get(i)).collect::<Result<Vec<_>, _>>()
        })?;
        write.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

/// The import's own entry in the department's history, sealed like any.
pub fn note_import(live: &Connection, label: &str, file: &FileHistory) -> AppResult<()> {
    let after = serde_json::json!({
        "file_history": file.status.label(),
        "file_history_entries": file.entries,
        "carried_over": file.carried_over,
    });
    live.execute(
        "INSERT INTO audit_log (table_name, record_key, action, label, before, after)
         VALUES ('department', '1', 'update', ?1, NULL, ?2)",
        rusqlite::params![label, after.to_string()],
    )?;
    Ok(())
}
