//! What restoring a backup loses, said before the manager confirms: the
//! saves after the backup was made, how many, and which was the newest.
//!
//! A readable department file tells it from its own history. A file that
//! cannot be read (a forgotten passphrase, damage) cannot, so the record of
//! the history's newest entry kept beside it (`store::head`) tells its number
//! and time; its title is staff data and is never kept outside the file, so
//! it is said to be unreadable. With neither, the loss is said to be unknown.

use super::head::Head;
use super::settings;
use crate::audit::HistoryQuery;
use chrono::{NaiveDateTime, TimeZone, Utc};
use rusqlite::Connection;
use std::path::Path;

/// The newest entry of a readable history: its title and time (the
/// department's clock); `None` when it has none or cannot be read.
fn newest(conn: &Connection) -> Option<(i64, String, String)> {
    let query = HistoryQuery {
        limit: 1,
        ..Default::default()
    };
    let page = crate::audit::list(conn, &query).ok()?;
    let e = page.entries.into_iter().next()?;
    // "Skill added" says what; the record's name says which (an event's
    // label is its whole sentence, which the title already heads).
    let what = match e.label.trim() {
        "" => e.title,
        label if label.starts_with(&e.title) => e.title,
        label => format!("{} ({})", e.title, crate::audit::title::shorten(label, 60)),
    };
    Some((e.id, what, minute(&e.at)))
}

/// "2026-12-07 09:14:05" → "2026-12-07 09:14".
fn minute(at: &str) -> String {
    at.chars().take(16).collect()
}

/// The record's UTC time on the department's clock (as last seen beside the file).
fn local(data_dir: &Path, at: &str) -> String {
    let zone: chrono_tz::Tz = settings::time_zone(data_dir)
        .and_then(|z| z.parse().ok())
        .unwrap_or(chrono_tz::UTC);
    match NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S%.fZ") {
        Ok(utc) => minute(
            &Utc.from_utc_datetime(&utc)
                .with_timezone(&zone)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
        ),
        Err(_) => minute(at),
    }
}

fn entries(n: i64) -> String {
    match n {
        1 => "1 entry of the history".into(),
        n => format!("{n} entries of the history"),
    }
}

/// What restoring the backup made at `made_at` (the department's clock),
/// whose history ends at `backup_end`, loses from the department file:
/// `current` when it can be read, else the record beside it in `data_dir`.
pub fn describe(
    data_dir: &Path,
    current: Option<&Connection>,
    backup_end: Option<&Head>,
    made_at: &str,
) -> String {
    let made = minute(made_at);
    let kept = backup_end.map(|h| h.entry);
    if let Some((conn, (id, title, at))) = current.and_then(|c| Some((c, newest(c)?))) {
        if kept.is_some_and(|k| k >= id) {
            return format!(
                "No save is lost: the backup holds every entry of the department's history (the newest is {title}, at {at})."
            );
        }
        // Counted, not subtracted: numbers skipped by an earlier restore
        // (`numbering`) were never entries of this history.
        let count = kept
            .and_then(|k| {
                conn.query_row("SELECT COUNT(*) FROM audit_log WHERE id > ?1", [k], |r| {
                    r.get::<_, i64>(0)
                })
                .ok()
            })
            .map(|n| format!(" ({})", entries(n)))
            .unwrap_or_default();
        return format!("Saves after {made} will be lost{count}: the newest was {title} at {at}.");
    }
    match settings::history_head(data_dir) {
        Some(known) => {
            // The backup's end counts only when it is the same history.
            let kept = backup_end
                .filter(|b| b.key_id == known.key_id)
                .map(|b| b.entry);
            if kept.is_some_and(|k| k >= known.entry) {
                return format!(
                    "No save is lost: the backup holds the newest entry recorded beside the department file \
                     (entry {}, at {}).",
                    known.entry,
                    local(data_dir, &known.at)
                );
            }
            let count = kept
                .map(|k| {
                    let skipped = super::numbering::skipped_between(data_dir, k, known.entry);
                    format!(" ({})", entries(known.entry - k - skipped))
                })
                .unwrap_or_default();
            format!(
                "Saves after {made} will be lost{count}: the newest was entry {} of the history, at {} \
                 (what it was cannot be read while the department file cannot be opened).",
                known.entry,
                local(data_dir, &known.at)
            )
        }
        None => format!(
            "Saves after {made} will be lost; which, and how many, is unknown: the department file \
             cannot be read and no record of its newest save is kept beside it."
        ),
    }
}

#[cfg(test)]
#[path = "lost_tests.rs"]
mod tests;
