//! The history's entry numbers are never used twice.
//!
//! An auditor cites an entry by its number ("entry 3,238"). A restore puts an
//! older history in place, and noting a cut carries on from a shorter one:
//! left to SQLite, the next entry would take the number after the file's
//! newest, one that an entry of the replaced or cut history already had. So
//! the highest number ever issued in the department's folder is kept in the
//! record beside the file (`settings::highest_entry`, never lowered), and the
//! entry a restore or a noted cut writes takes the number after it; every
//! later entry follows on. The restore's entry names the numbers it skips
//! ("entries 3,201–3,238 of the replaced file were not brought back"), and
//! the skipped ranges are recorded beside the file too, so a later cut is
//! not said to have lost entries that never were in this history.

use super::settings;
use crate::audit::chain::{self, entry_number};
use crate::error::AppResult;
use rusqlite::Connection;
use std::path::Path;

/// Where the next event's number comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Next {
    /// The number the event takes.
    pub number: i64,
    /// The numbers between the file's newest entry and it, which entries of a
    /// replaced or cut history had (inclusive), if any.
    pub skipped: Option<(i64, i64)>,
}

/// The number after the file's newest entry and after every number ever
/// issued in `data_dir` (and `also`: the newest entry of a file being
/// replaced, read before it was).
pub fn next(data_dir: &Path, conn: &Connection, also: Option<i64>) -> AppResult<Next> {
    let newest: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit_log", [], |r| {
        r.get(0)
    })?;
    let highest = settings::highest_entry(data_dir).max(also).unwrap_or(0);
    Ok(if highest > newest {
        Next {
            number: highest + 1,
            skipped: Some((newest + 1, highest)),
        }
    } else {
        Next {
            number: newest + 1,
            skipped: None,
        }
    })
}

/// The skipped numbers in the manager's words, for a restore's entry.
pub fn not_brought_back(next: &Next) -> Option<String> {
    let (from, to) = next.skipped?;
    Some(if from == to {
        format!(
            "entry {} of the replaced file was not brought back (this entry is {}, so no \
             number is used twice)",
            entry_number(from),
            entry_number(next.number)
        )
    } else {
        format!(
            "entries {}–{} of the replaced file were not brought back (this entry is {}, so \
             no number is used twice)",
            entry_number(from),
            entry_number(to),
            entry_number(next.number)
        )
    })
}

/// Writes `label` into the history under `next.number` and records the
/// skipped numbers beside the file (a record that cannot be written is
/// logged: the entry stands).
pub fn write(data_dir: &Path, conn: &Connection, next: &Next, label: &str) -> AppResult<()> {
    chain::note_event_numbered(conn, Some(next.number), label)?;
    if let Some((from, to)) = next.skipped {
        if let Err(e) = settings::add_skipped_entries(data_dir, from, to) {
            eprintln!(
                "wardbook: the skipped entry numbers were not recorded: {}",
                e.message
            );
        }
    }
    Ok(())
}

/// How many numbers after `after` up to `upto` were skipped on purpose.
pub fn skipped_between(data_dir: &Path, after: i64, upto: i64) -> i64 {
    settings::skipped_entries(data_dir)
        .into_iter()
        .map(|(from, to)| (to.min(upto) - from.max(after + 1) + 1).max(0))
        .sum()
}

#[cfg(test)]
#[path = "numbering_tests.rs"]
mod tests;
