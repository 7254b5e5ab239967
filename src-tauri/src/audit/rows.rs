//! The records checked against the history, so an edit made around it is
//! found: every row of an audited table must be as its newest history entry
//! left it (the entry's "after", sealed in the chain), or as the history's
//! description of it says (`audit_baseline`, for rows no entry describes as
//! they are: written before the history began, or reshaped by a schema
//! update; each sealed with the history's key).
//!
//! A change trigger dropped, a pay rate edited and the trigger put back
//! leaves a row that no longer matches: [`find`] names it, [`message`] says
//! it in the manager's words, and [`record`] writes it into the history once
//! the manager has seen it, so it is told once and kept.

use super::chain;
use super::triggers::{audited_tables, TableSql};
use crate::error::AppResult;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// A record that is not as the history says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideChange {
    pub table: String,
    pub record_key: String,
    /// The record as the history has it; `None`: the history has no such record.
    pub reference: Option<String>,
    /// The record as it is; `None`: it is not there.
    pub current: Option<String>,
}

/// What comparing the records with the history found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The records not as the trusted history says.
    pub changes: Vec<OutsideChange>,
    /// Records last changed in entries from the first broken one on: those
    /// entries cannot be trusted, so these records cannot be checked.
    pub unchecked: usize,
}

/// "3 records were last changed in entries after the break and cannot be
/// checked against the history."; `None` for none.
pub fn unchecked_sentence(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some(
            "One record was last changed in entries after the break and cannot be checked \
             against the history."
                .into(),
        ),
        n => Some(format!(
            "{n} records were last changed in entries after the break and cannot be checked \
             against the history."
        )),
    }
}

fn has_table(conn: &Connection, name: &str) -> AppResult<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")?
        .exists([name])?)
}

fn quoted(table: &str) -> String {
    format!("\"{}\"", table.replace('"', "\"\""))
}

/// The seal of one description: table, record, entry and state under `key`.
fn baseline_seal(
    key: &[u8],
    table: &str,
    record: &str,
    entry: i64,
    state: Option<&str>,
) -> Vec<u8> {
    chain::seal(
        key,
        &[
            ValueRef::Text(table.as_bytes()),
            ValueRef::Text(record.as_bytes()),
            ValueRef::Integer(entry),
            state.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes())),
        ],
    )
}

/// Every row of `table` now: key → JSON, as the triggers write them.
fn rows_now(conn: &Connection, table: &str) -> AppResult<HashMap<String, String>> {
    let t = TableSql::new(conn, table)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, {} FROM {} AS r",
        t.key("r"),
        t.json("r"),
        quoted(table)
    ))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<HashMap<_, _>, _>>()?;
    Ok(rows)
}

/// The history's account of one table: what it says each record is, and
/// the records it cannot vouch for.
type References = (HashMap<String, (i64, Option<String>)>, HashSet<String>);

/// What the history says each record of `table` is: its newest entry (an
/// event of the whole department, which has no "before", is not a state of
/// the record), or the sealed description when that is newer. Only entries
/// before `broken` (the first entry that fails its seal) count: a record
/// whose newest entry is from there on, with no newer description, is
/// returned apart, as one that cannot be checked.
fn references(
    conn: &Connection,
    key: &[u8],
    table: &str,
    broken: Option<i64>,
) -> AppResult<References> {
    let below = broken.unwrap_or(i64::MAX);
    let mut refs: HashMap<String, (i64, Option<String>)> = HashMap::new();
    let mut newest = conn.prepare_cached(
        "SELECT l.record_key, l.id, l.action, l.before, l.after FROM audit_log AS l
         JOIN (SELECT MAX(id) AS id FROM audit_log WHERE table_name = ?1 AND id < ?2
               GROUP BY record_key) AS m
           ON m.id = l.id",
    )?;
    let mut events = Vec::new();
    for row in newest.query_map(params![table, below], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })? {
        let (record, id, action, before, after) = row?;
        match action.as_str() {
            "update" if before.is_none() => events.push(record),
            "delete" => {
                refs.insert(record, (id, None));
            }
            _ => {
                refs.insert(record, (id, after));
            }
        }
    }
    let mut state = conn.prepare_cached(
        "SELECT id, action, after FROM audit_log WHERE table_name = ?1 AND record_key = ?2
           AND id < ?3 AND NOT (action = 'update' AND before IS NULL) ORDER BY id DESC LIMIT 1",
    )?;
    for record in events {
        let found: Option<(i64, String, Option<String>)> = state
            .query_row(params![table, record, below], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((id, action, after)) = found {
            refs.insert(record, (id, if action == "delete" { None } else { after }));
        }
    }
    if has_table(conn, "audit_baseline")? {
        let mut stmt = conn.prepare_cached(
            "SELECT record_key, entry_id, state, seal FROM audit_baseline WHERE table_name = ?1",
        )?;
        for row in stmt.query_map([table], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
            ))
        })? {
            let (record, entry, state, seal) = row?;
            // A description edited outside Wardbook no longer matches its
            // seal: it is not a description, and the record is judged without it.
            if baseline_seal(key, table, &record, entry, state.as_deref()) != seal {
                continue;
            }
            let newer = refs.get(&record).is_none_or(|(id, _)| entry >= *id);
            if newer {
                refs.insert(record, (entry, state));
            }
        }
    }
    let mut unchecked = HashSet::new();
    if broken.is_some() {
        let mut after_break = conn.prepare_cached(
            "SELECT record_key, MAX(id) FROM audit_log WHERE table_name = ?1 AND id >= ?2
               AND NOT (action = 'update' AND before IS NULL) GROUP BY record_key",
        )?;
        for row in after_break.query_map(params![table, below], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (record, newest) = row?;
            // A sealed description newer than the untrusted entries still holds.
            if refs.get(&record).is_some_and(|(id, _)| *id >= newest) {
                continue;
            }
            refs.remove(&record);
            unchecked.insert(record);
        }
    }
    Ok((refs, unchecked))
}

/// The records of `table` that are not as the history (its entries before
/// `broken`) says, by key order; and how many cannot be checked.
fn find_in(
    conn: &Connection,
    key: &[u8],
    table: &str,
    broken: Option<i64>,
) -> AppResult<(Vec<OutsideChange>, usize)> {
    let now = match rows_now(conn, table) {
        Ok(now) => now,
        // A table holding binary values (one no migration of Wardbook made)
        // cannot be written as JSON: its triggers cannot record it either,
        // so there is nothing to compare it with.
        Err(e) if e.message.contains("JSON cannot hold BLOB") => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e),
    };
    let (refs, unchecked) = references(conn, key, table, broken)?;
    let mut out = Vec::new();
    for (record, current) in &now {
        if unchecked.contains(record) {
            continue;
        }
        let reference = refs.get(record).and_then(|(_, s)| s.clone());
        if reference.as_deref() != Some(current.as_str()) {
            out.push(OutsideChange {
                table: table.to_string(),
                record_key: record.clone(),
                reference,
                current: Some(current.clone()),
            });
        }
    }
    for (record, (_, state)) in refs {
        if let (Some(state), false) = (state, now.contains_key(&record)) {
            out.push(OutsideChange {
                table: table.to_string(),
                record_key: record,
                reference: Some(state),
                current: None,
            });
        }
    }
    out.sort_by(|a, b| {
        let n = |k: &str| k.parse::<i64>().ok();
        (n(&a.record_key), &a.record_key).cmp(&(n(&b.record_key), &b.record_key))
    });
    Ok((out, unchecked.len()))
}

/// Every record of the audited tables that is not as the history says: an
/// edit, addition or removal made around the history. Empty for a file
/// without the sealed history (nothing to compare with). With the chain
/// broken, only the entries before the break are trusted (see [`find_checked`]).
pub fn find(conn: &Connection) -> AppResult<Vec<OutsideChange>> {
    Ok(find_checked(conn)?.changes)
}

/// As [`find`], with the count of records that cannot be checked: when
/// the chain is broken, the entries from the first broken one on are not
/// compared with (a forged entry must not accuse an untouched record, nor
/// lend its value to what is added to the history).
pub fn find_checked(conn: &Connection) -> AppResult<Found> {
    if !chain::is_chained(conn)? {
        return Ok(Found::default());
    }
    let Some(key) = chain::key(conn)? else {
        return Ok(Found::default());
    };
    let broken = chain::verify_with(conn, Some(key.clone()))?.first_broken;
    let mut found = Found::default();
    for table in audited_tables(conn)? {
        let (changes, unchecked) = find_in(conn, &key, &table, broken)?;
        found.changes.extend(changes);
        found.unchecked += unchecked;
    }
    Ok(found)
}

/// Describes, sealed, every record the history does not describe as it is,
/// after the app itself reshaped them (a schema update, an import): what is
/// there now is then what the history says. Inside the caller's transaction.
pub fn describe_as_they_are(conn: &Connection) -> AppResult<usize> {
    if !chain::is_chained(conn)? || !has_table(conn, "audit_baseline")? {
        return Ok(0);
    }
    let Some(key) = chain::key(conn)? else {
        return Ok(0);
    };
    let newest: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit_log", [], |r| {
        r.get(0)
    })?;
    let mut write = conn.prepare_cached(
        "INSERT OR REPLACE INTO audit_baseline (table_name, record_key, entry_id, state, seal)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut count = 0;
    for table in audited_tables(conn)? {
        for change in find_in(conn, &key, &table, None)?.0 {
            let state = change.current.as_deref();
            let seal = baseline_seal(&key, &table, &change.record_key, newest, state);
            write.execute(params![table, change.record_key, newest, state, seal])?;
            count += 1;
        }
    }
    Ok(count)
}

/// "Ana Ruiz" for a person, "Shift “Ruiz, Ana — 2026-01-12”" for anything else.
fn subject(conn: &Connection, change: &OutsideChange) -> AppResult<String> {
    let state = change.current.as_deref().or(change.reference.as_deref());
    let json: serde_json::Value = state
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    if change.table == "staff" {
        let part = |k: &str| {
            json.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let name = format!("{} {}", part("first_name"), part("last_name"));
        if !name.trim().is_empty() {
            return Ok(name.trim().to_string());
        }
    }
    let (_, what) = super::kind_of(&change.table);
    let label = label_of(conn, change)?.0;
    Ok(if label.is_empty() {
        what
    } else {
        format!("{what} “{label}”")
    })
}

/// The record's readable name and person, as the triggers would write them:
/// from the row when it is there, else from its newest entry.
fn label_of(conn: &Connection, change: &OutsideChange) -> AppResult<(String, Option<i64>)> {
    if change.current.is_some() {
        let t = TableSql::new(conn, &change.table)?;
        let found = conn
            .query_row(
                &format!(
                    "SELECT {}, {} FROM {} AS r WHERE {} = ?1",
                    t.label("r"),
                    t.staff("r"),
                    quoted(&change.table),
                    t.key("r")
                ),
                [&change.record_key],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)),
            )
            .optional()?;
        if let Some(found) = found {
            return Ok(found);
        }
    }
    Ok(conn
        .query_row(
            "SELECT label, staff_id FROM audit_log WHERE table_name = ?1 AND record_key = ?2
               AND label <> '' ORDER BY id DESC LIMIT 1",
            params![change.table, change.record_key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_default())
}

/// One record's change in a sentence: "Ana Ruiz's hourly rate was changed
/// outside Wardbook: $48.00 → $52.00; no history entry."
pub fn sentence(conn: &Connection, change: &OutsideChange) -> AppResult<String> {
    worded(conn, change, " outside Wardbook", "; no history entry")
}

/// The same without saying where the change came from: "Ana Ruiz's hourly
/// rate was changed: $48.00 → $52.00." (for a history cut off its end,
/// whose removed entries held the changes).
pub fn plain_sentence(conn: &Connection, change: &OutsideChange) -> AppResult<String> {
    worded(conn, change, "", "")
}

fn worded(conn: &Connection, change: &OutsideChange, how: &str, tail: &str) -> AppResult<String> {
    let who = subject(conn, change)?;
    Ok(match (&change.reference, &change.current) {
        (None, _) => format!("{who} was added{how}{tail}."),
        (Some(_), None) => format!("{who} was removed{how}{tail}."),
        (Some(before), Some(after)) => {
            let fields =
                super::describe::changes_at(conn, &change.table, Some(before), Some(after), None)?;
            let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(empty)".into());
            let parts: Vec<String> = fields
                .iter()
                .map(|f| {
                    format!(
                        "{}: {} → {}",
                        f.field.to_lowercase(),
                        shown(&f.before),
                        shown(&f.after)
                    )
                })
                .collect();
            let whose = if change.table == "staff" {
                format!("{who}'s")
            } else {
                format!("{who}:")
            };
            match parts.as_slice() {
                [] => format!("{who} was changed{how}{tail}."),
                [one] => {
                    let (field, values) = one.split_once(": ").unwrap_or((one, ""));
                    format!("{whose} {field} was changed{how}: {values}{tail}.")
                }
                many => format!("{whose} {} were changed{how}{tail}.", many.join(", ")),
            }
        }
    })
}

/// How many records a warning names before it counts the rest.
const NAMED: usize = 5;

/// The warning for `changes`, in the manager's words; `None` when there are none.
pub fn message(conn: &Connection, changes: &[OutsideChange]) -> AppResult<Option<String>> {
    if changes.is_empty() {
        return Ok(None);
    }
    let mut parts = Vec::new();
    for change in changes.iter().take(NAMED) {
        parts.push(sentence(conn, change)?);
    }
    if changes.len() > NAMED {
        let more = changes.len() - NAMED;
        parts.push(format!(
            "And {more} more {} changed the same way.",
            if more == 1 { "record" } else { "records" }
        ));
    }
    Ok(Some(format!(
        "Records were changed outside Wardbook, around the change history. {} \
         Choose “Add to the history” to keep these changes and record them, or restore a backup.",
        parts.join(" ")
    )))
}

/// Writes the records found changed outside into the history, once the
/// manager has seen them: an entry saying so, then one entry per record
/// (before → after as the history had it and as it is), so the records and
/// the history agree again. Returns how many records were recorded.
pub fn record(conn: &Connection) -> AppResult<usize> {
    let changes = find(conn)?;
    if changes.is_empty() {
        return Ok(0);
    }
    let mut said = Vec::new();
    for change in &changes {
        said.push(sentence(conn, change)?);
    }
    let count = changes.len();
    chain::note_event(
        conn,
        &format!(
            "{count} {} found changed outside Wardbook and added to the history: {}",
            if count == 1 { "record" } else { "records" },
            said.join(" ")
        ),
    )?;
    record_each(conn, &changes)?;
    Ok(count)
}

/// One history entry per record in `changes` (before → after as the history
/// had it and as it is), so the records and the history agree again.
pub fn record_each(conn: &Connection, changes: &[OutsideChange]) -> AppResult<()> {
    let mut log = conn.prepare_cached(
        "INSERT INTO audit_log (table_name, record_key, action, staff_id, label, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for change in changes {
        let (label, staff) = label_of(conn, change)?;
        let action = match (&change.reference, &change.current) {
            (None, _) => "insert",
            (Some(_), None) => "delete",
            _ => "update",
        };
        log.execute(params![
            change.table,
            change.record_key,
            action,
            staff,
            label,
            change.reference,
            change.current
        ])?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
