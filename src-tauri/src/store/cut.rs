//! A history found cut off its end (`store::head`), told apart from edits
//! made outside Wardbook, and noted in the history once the manager has
//! seen it.
//!
//! Entries deleted from the end of the history leave the records as those
//! entries left them: every record a removed entry changed now differs from
//! the history's newest word on it, as an edit made around the history
//! would. When the history is found cut, those records are named as what
//! they are ("the newest 3 history entries were removed; the records still
//! show their changes"), not as outside edits; and noting the cut writes an
//! entry saying what is missing, then one per record (before → after), so
//! the warning clears while the fact stays in the history.

use super::head::Head;
use super::settings;
use crate::audit::chain::{entry_number, readable_time};
use crate::audit::rows::{self, OutsideChange};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;

/// The history found cut at open: the newest entry recorded beside the file,
/// and where the file's history stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub known: Head,
    /// The file's newest entry before the known one (0 for none).
    pub last: i64,
    /// The file holds another entry under the known number.
    pub replaced: bool,
    /// What the warning said of it, to take out when it is noted.
    pub said: String,
}

/// How many records the warning names before it counts the rest.
const NAMED: usize = 5;

/// The cut the record beside the file in `data_dir` finds in `conn`'s
/// history (called once `head::at_open` found one), with `said` its warning.
pub fn found(data_dir: &Path, conn: &Connection, said: String) -> AppResult<Option<Cut>> {
    let Some(known) = settings::history_head(data_dir) else {
        return Ok(None);
    };
    let seal: Option<Vec<u8>> = conn
        .query_row(
            "SELECT hash FROM audit_seal WHERE entry_id = ?1",
            [known.entry],
            |r| r.get(0),
        )
        .optional()?;
    let last: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE id < ?1",
        [known.entry],
        |r| r.get(0),
    )?;
    Ok(Some(Cut {
        known,
        last,
        replaced: seal.is_some(),
        said,
    }))
}

/// How many entries are missing, and which: "the newest known is entry
/// 2,071, of 7 Dec 2026 09:14; the file's history stops at entry 2,068".
fn missing(data_dir: &Path, conn: &Connection, cut: &Cut) -> AppResult<(i64, String)> {
    let when = readable_time(&crate::audit::local_time_of(conn, &cut.known.at)?);
    // Numbers a restore skipped on purpose were never entries of this history.
    let n = cut.known.entry
        - cut.last
        - super::numbering::skipped_between(data_dir, cut.last, cut.known.entry);
    let which = if n == 1 {
        format!("entry {}, of {when}", entry_number(cut.known.entry))
    } else {
        format!(
            "the newest known is entry {}, of {when}; the file's history stops at entry {}",
            entry_number(cut.known.entry),
            entry_number(cut.last)
        )
    };
    Ok((n, which))
}

fn named(conn: &Connection, changes: &[OutsideChange]) -> AppResult<String> {
    let mut parts = Vec::new();
    for change in changes.iter().take(NAMED) {
        parts.push(rows::plain_sentence(conn, change)?);
    }
    if changes.len() > NAMED {
        let more = changes.len() - NAMED;
        parts.push(format!(
            "And {more} more {}.",
            if more == 1 { "record" } else { "records" }
        ));
    }
    Ok(parts.join(" "))
}

/// The warning for a history found cut whose check said `said` (the same
/// at open and on "Check the history"), with the cut when it is one.
pub fn warning(
    data_dir: &Path,
    conn: &Connection,
    said: &str,
    outside: &[OutsideChange],
) -> AppResult<(String, Option<Cut>)> {
    let cut = found(data_dir, conn, String::new())?;
    let said = match &cut {
        Some(c) if !c.replaced && !outside.is_empty() => message(data_dir, conn, c, outside)?,
        _ => format!("{said} {NOTE_IT}"),
    };
    Ok((said.clone(), cut.map(|c| Cut { said, ..c })))
}

/// The warning for a cut whose records still show the removed entries'
/// changes (`changes`, not empty): said as a cut, not as outside edits.
pub fn message(
    data_dir: &Path,
    conn: &Connection,
    cut: &Cut,
    changes: &[OutsideChange],
) -> AppResult<String> {
    let (n, which) = missing(data_dir, conn, cut)?;
    let head = if n == 1 {
        format!(
            "The newest history entry was removed ({which}); the records still show its changes"
        )
    } else {
        format!("The newest {n} history entries were removed ({which}); the records still show their changes")
    };
    Ok(format!(
        "{head}: {} These records were not edited outside Wardbook: the history lost its account of \
         them. Choose “Note the cut in the history” to keep the records as they are and record what \
         is missing, or restore a backup made after those entries.",
        named(conn, changes)?
    ))
}

/// What a cut's warning adds when the records agree with the history (an
/// older copy of the file put back looks the same).
pub const NOTE_IT: &str =
    "Choose “Note the cut in the history” to carry on with the file as it is \
     (the missing entries are recorded as missing), or restore a backup.";

/// Notes the cut in the history (inside the caller's transaction): an entry
/// saying what is missing, then the records that still show the removed
/// entries' changes, one entry each. The note is numbered after the newest
/// known entry (`numbering`), so the removed entries' numbers are never used
/// again. Returns how many records.
pub fn note(data_dir: &Path, conn: &Connection, cut: &Cut) -> AppResult<usize> {
    let (n, which) = missing(data_dir, conn, cut)?;
    let changes = rows::find(conn)?;
    let gone = match (cut.replaced, n) {
        (true, _) => format!(
            "its newest entries up to entry {} were removed and others written in their place",
            entry_number(cut.known.entry)
        ),
        (false, 1) => format!("its newest entry ({which}) was removed"),
        (false, n) => format!("its newest {n} entries ({which}) were removed"),
    };
    let records = match changes.len() {
        0 => "every record agrees with the history as it stands".to_string(),
        c => format!(
            "{c} {} still showing changes the history lost {} added to it: {}",
            if c == 1 { "record" } else { "records" },
            if c == 1 { "is" } else { "are" },
            named(conn, &changes)?
        ),
    };
    let next = super::numbering::next(data_dir, conn, Some(cut.known.entry))?;
    let numbered = match next.skipped {
        Some(_) => format!(
            " This entry is numbered {}, after the newest known, so the removed entries' numbers \
             are not used again.",
            entry_number(next.number)
        ),
        None => String::new(),
    };
    super::numbering::write(
        data_dir,
        conn,
        &next,
        &format!(
            "History found cut: {gone} outside Wardbook, or an older copy of the file was put in its \
             place; what those entries recorded is not in the history.{numbered} {records}"
        ),
    )?;
    rows::record_each(conn, &changes)?;
    Ok(changes.len())
}

/// Refused when there is no cut to note.
pub fn nothing_to_note() -> AppError {
    AppError::new(
        ErrorCode::Validation,
        "The history is not found cut, so there is nothing to note.",
    )
}

#[cfg(test)]
#[path = "cut_tests.rs"]
mod tests;
