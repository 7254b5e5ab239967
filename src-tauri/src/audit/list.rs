//! Reading the history, newest first, filtered and paged.

use super::{describe, kind_of, HistoryAction, HistoryEntry, HistoryKind, HistoryPage, TABLES};
use crate::error::{AppResult, Validator};
use crate::input;
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;

/// The most entries one page may hold.
pub const MAX_LIMIT: i64 = 200;

/// The department's zone, or UTC before a department exists.
pub(super) fn zone(conn: &Connection) -> AppResult<chrono_tz::Tz> {
    Ok(crate::department::get(conn)?
        .and_then(|d| d.time_zone.parse().ok())
        .unwrap_or(chrono_tz::UTC))
}

/// Midnight at the start of `day` in `tz`, as the log's UTC text.
fn utc_start(tz: chrono_tz::Tz, day: NaiveDate) -> String {
    let local = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    let utc = tz
        .from_local_datetime(&local)
        .earliest()
        // A zone whose midnight is skipped (a DST jump) starts the day an hour later.
        .unwrap_or_else(|| Utc.from_utc_datetime(&local).with_timezone(&tz))
        .with_timezone(&Utc);
    utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The log's UTC text as the department's clock reads it, as the history shows it.
pub(super) fn local_time(tz: chrono_tz::Tz, at: &str) -> String {
    match NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S%.fZ") {
        Ok(utc) => Utc
            .from_utc_datetime(&utc)
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string(),
        Err(_) => at.to_string(),
    }
}

/// The ids of everyone whose name holds `text`, ignoring accents and case.
fn people_named(conn: &Connection, text: &str) -> AppResult<Vec<String>> {
    let needle = crate::search_text::Needle::new(text);
    let mut stmt = conn.prepare_cached("SELECT id, first_name, last_name FROM staff")?;
    let mut ids = Vec::new();
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (id, first, last) = row?;
        if needle.found_in(&format!("{first} {last}"))
            || needle.found_in(&format!("{last}, {first}"))
        {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

fn action(code: &str) -> HistoryAction {
    match code {
        "insert" => HistoryAction::Added,
        "delete" => HistoryAction::Removed,
        _ => HistoryAction::Changed,
    }
}

pub fn list(conn: &Connection, query: &super::HistoryQuery) -> AppResult<HistoryPage> {
    let mut v = Validator::new();
    let from = v.take("from", input::optional_date(&query.from)).flatten();
    let to = v.take("to", input::optional_date(&query.to)).flatten();
    if let (Some(f), Some(t)) = (from, to) {
        v.check(t >= f, "to", "The last day cannot be before the first day.");
    }
    let text = v.take("text", input::text(&query.text, 200, "The search text"));
    v.check(
        query.offset >= 0,
        "offset",
        "The page cannot start before the first entry.",
    );
    v.check(
        (1..=MAX_LIMIT).contains(&query.limit),
        "limit",
        format!("A page holds between 1 and {MAX_LIMIT} entries."),
    );
    v.finish()?;

    let tz = zone(conn)?;
    let mut clauses: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |clause: &str, value: Value, clauses: &mut Vec<String>| {
        args.push(value);
        clauses.push(clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(kind) = query.kind {
        let tables: Vec<String> = TABLES
            .iter()
            .filter(|(_, k, _)| *k == kind)
            .map(|(t, _, _)| format!("'{t}'"))
            .collect();
        let all: Vec<String> = TABLES.iter().map(|(t, _, _)| format!("'{t}'")).collect();
        clauses.push(if kind == HistoryKind::Other {
            format!("table_name NOT IN ({})", all.join(", "))
        } else {
            format!("table_name IN ({})", tables.join(", "))
        });
    }
    if let Some(id) = query.staff_id {
        arg("staff_id = ?", Value::Integer(id), &mut clauses);
    }
    if let Some(table) = query.table.as_ref().filter(|t| !t.is_empty()) {
        arg("table_name = ?", Value::Text(table.clone()), &mut clauses);
    }
    if let Some(key) = query.record_key.as_ref().filter(|k| !k.is_empty()) {
        arg("record_key = ?", Value::Text(key.clone()), &mut clauses);
    }
    if let Some(day) = from {
        arg("at >= ?", Value::Text(utc_start(tz, day)), &mut clauses);
    }
    if let Some(day) = to.and_then(|d| d.succ_opt()) {
        arg("at < ?", Value::Text(utc_start(tz, day)), &mut clauses);
    }
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        // LIKE ignores only ASCII case; a person is also found by their name
        // without accents ("lucia" finds Lucía's entries).
        let people = people_named(conn, &text)?;
        let by_person = if people.is_empty() {
            String::new()
        } else {
            format!(" OR staff_id IN ({})", people.join(", "))
        };
        arg(
            &format!("((label || ' ' || COALESCE(before, '') || ' ' || COALESCE(after, '')) LIKE ? ESCAPE '\\'{by_person})"),
            Value::Text(format!("%{escaped}%")),
            &mut clauses,
        );
    }
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM audit_log {filter}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT id, at, table_name, record_key, action, staff_id, label, before, after
         FROM audit_log {filter} ORDER BY id DESC LIMIT {} OFFSET {}",
        query.limit, query.offset
    ))?;
    type Raw = (
        i64,
        String,
        String,
        String,
        String,
        Option<i64>,
        String,
        Option<String>,
        Option<String>,
    );
    let raw: Vec<Raw> = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut entries = Vec::with_capacity(raw.len());
    for (id, at, table, record_key, act, staff_id, label, before, after) in raw {
        let (kind, what) = kind_of(&table);
        let changes =
            describe::changes_at(conn, &table, before.as_deref(), after.as_deref(), Some(id))?;
        let act = action(&act);
        let title = super::title::title(&super::title::Entry {
            table: &table,
            what: &what,
            label: &label,
            action: act,
            // A department event (backup, restore, import…) has no "before".
            event: act == HistoryAction::Changed && before.is_none(),
            state: after.as_deref().or(before.as_deref()),
            changes: &changes,
        });
        entries.push(HistoryEntry {
            id,
            title,
            at: local_time(tz, &at),
            kind,
            what,
            label,
            action: act,
            staff_id,
            changes,
            table,
            record_key,
        });
    }
    Ok(HistoryPage {
        entries,
        total,
        offset: query.offset,
        limit: query.limit,
    })
}
