//! What a restore undoes: the history entries the department has after the
//! newest one the backup holds, in a few words for the restore's own entry
//! ("12 later changes undone, made 2026-12-03 14:10 to 2026-12-05 09:30:
//! Staff record Lee, Ann changed, …").

use super::list::{local_time, zone};
use crate::error::AppResult;
use rusqlite::Connection;

/// How many entries are named one by one before "and N more".
const NAMED: usize = 3;

fn action_word(action: &str) -> &'static str {
    match action {
        "insert" => "added",
        "delete" => "removed",
        _ => "changed",
    }
}

/// The entries of `conn`'s history after entry `kept` (the newest the
/// backup holds), in words; `None` when there are none.
pub fn describe(conn: &Connection, kept: i64) -> AppResult<Option<String>> {
    let (count, first, last): (i64, Option<String>, Option<String>) = conn.query_row(
        "SELECT count(*), MIN(at), MAX(at) FROM audit_log WHERE id > ?1",
        [kept],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(None);
    };
    if count == 0 {
        return Ok(None);
    }
    let tz = zone(conn)?;
    let minute = |at: &str| local_time(tz, at).chars().take(16).collect::<String>();
    let (from, to) = (minute(&first), minute(&last));
    let when = if from == to {
        format!("made {from}")
    } else {
        format!("made {from} to {to}")
    };
    let mut stmt = conn.prepare(
        "SELECT table_name, action, label FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2",
    )?;
    let named: Vec<String> = stmt
        .query_map(rusqlite::params![kept, NAMED as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(table, action, label)| {
            let (_, what) = super::kind_of(&table);
            // Events of the whole department (a restore, an import) are sentences.
            if matches!(table.as_str(), "department" | "audit_log") && label.len() > 40 {
                return super::title::shorten(&label, 80);
            }
            match label.is_empty() {
                true => format!("{what} {}", action_word(&action)),
                false => format!("{what} {label} {}", action_word(&action)),
            }
        })
        .collect();
    let more = count - named.len() as i64;
    let mut list = named.join(", ");
    if more > 0 {
        list.push_str(&format!(" and {more} more"));
    }
    let changes = if count == 1 { "change" } else { "changes" };
    Ok(Some(format!(
        "{count} later {changes} undone ({when}: {list})"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_event_is_shortened_at_a_word_end_not_mid_word() {
        let conn = crate::store::open_in_memory().unwrap();
        let kept: i64 = conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM audit_log", [], |r| {
                r.get(0)
            })
            .unwrap();
        super::super::chain::note_event(
            &conn,
            "1 record found changed outside Wardbook and added to the history: \
             James Kim's hourly rate was changed outside Wardbook: $48.00 → $52.00; no history entry.",
        )
        .unwrap();
        let said = describe(&conn, kept).unwrap().unwrap();
        assert!(
            said.contains("added to the history: James Kim's…)"),
            "{said}"
        );
        assert!(!said.contains("James Kim's ho"), "{said}");
    }
}
