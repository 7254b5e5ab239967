//! Every refusal of a department file speaks of records and fields as the
//! manager sees them: no table or column name, no SQL.

use super::naming;
use super::tests::{refused, rewritten, sample};
use crate::store;
use rusqlite::Connection;
use serde_json::{json, Value};

/// Every CHECK of every table, as SQLite reports it when a row breaks it.
fn checks(conn: &Connection) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
        .unwrap();
    let tables: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut found = Vec::new();
    for (table, sql) in tables {
        let mut rest = sql.as_str();
        while let Some(at) = rest.find("CHECK (") {
            let body = &rest[at + "CHECK (".len()..];
            let mut depth = 1;
            let end = body
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map(|(i, _)| i)
                .unwrap();
            found.push((table.clone(), body[..end].to_string()));
            rest = &body[end..];
        }
    }
    found
}

/// Every column name of the schema that is not also a plain word.
fn column_names(conn: &Connection) -> Vec<String> {
    let mut names = Vec::new();
    for t in super::tables::list(conn).unwrap() {
        names.extend(t.columns.into_iter().filter(|c| c.contains('_')));
        if t.name.contains('_') {
            names.push(t.name);
        }
    }
    names
}

/// What a refusal must never show.
fn speaks_schema(message: &str, names: &[String]) -> Option<String> {
    for sql in [
        "BETWEEN",
        " IN (",
        "IS NULL",
        "NOT NULL",
        "GLOB",
        "<>",
        ">=",
        "CHECK",
        "constraint",
        "Table “",
        "field “",
        "column",
        "schema",
    ] {
        if message.contains(sql) {
            return Some(sql.to_string());
        }
    }
    names.iter().find(|n| message.contains(n.as_str())).cloned()
}

#[test]
fn every_rule_of_the_schema_is_said_as_a_sentence() {
    let conn = store::open_in_memory().unwrap();
    let names = column_names(&conn);
    let all = checks(&conn);
    assert!(
        all.len() >= 50,
        "the schema's rules were found: {}",
        all.len()
    );
    for (table, expr) in &all {
        let error = format!("CHECK constraint failed: {expr}");
        let said = naming::refusal(&error, table, |_| Some("zzz".into()));
        assert!(
            !said.contains("do not fit together"),
            "{table}: “{expr}” has a sentence of its own, not the general one"
        );
        assert_eq!(
            speaks_schema(&said, &names),
            None,
            "{table}: “{expr}” said as “{said}”"
        );
    }
}

#[test]
fn the_manager_reads_which_record_and_which_field() {
    let conn = sample();
    let set = |table: &'static str, row: usize, column: &'static str, value: Value| {
        rewritten(&conn, move |d| {
            let t = d.tables.iter_mut().find(|t| t.name == table).unwrap();
            let i = t.columns.iter().position(|c| c == column).unwrap();
            t.rows[row][i] = value;
        })
    };
    let night: (i64, String) = conn
        .query_row(
            "SELECT id, name FROM shift_type WHERE name LIKE '%Night%' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let night_row: i64 = conn
        .query_row(
            "SELECT count(*) FROM shift_type WHERE id < ?1",
            [night.0],
            |r| r.get(0),
        )
        .unwrap();
    let night_row = night_row as usize;
    let message = refused(&set("shift_type", night_row, "length_minutes", json!(1200)));
    assert_eq!(
        message,
        format!(
            "Shift type {} ({}): length must be between 1 and 16 hours. Nothing was imported.",
            night.0, night.1
        )
    );
    let (first, last): (String, String) = conn
        .query_row(
            "SELECT first_name, last_name FROM staff ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let message = refused(&set("staff", 0, "hourly_rate_cents", json!(-5)));
    assert!(
        message.starts_with(&format!("Staff {first} {last}, hourly rate: ")),
        "{message}"
    );
    let message = refused(&set("staff", 0, "termination_date", json!("1901-01-01")));
    assert_eq!(
        message,
        format!(
            "Staff {first} {last}: termination date cannot be before the hire date. Nothing was imported."
        )
    );
    let message = refused(&set("time_off", 0, "kind", json!("holiday")));
    assert!(
        message.contains(": “holiday” is not a kind Wardbook knows. Nothing was imported."),
        "{message}"
    );
}

/// Each table keeps one record of the sample's: every rule gets its chance
/// quickly, and an accepted bad value ends in another refusal, also read.
fn small(conn: &Connection) -> super::Document {
    let mut doc = super::export::document(conn, super::tests::AT).unwrap();
    for t in &mut doc.tables {
        t.rows.truncate(1);
    }
    doc
}

#[test]
fn no_refusal_of_any_field_speaks_schema() {
    let conn = sample();
    let names = column_names(&conn);
    let doc = small(&conn);
    let hostile = [
        json!(-1),
        json!(99_999_999_999_i64),
        json!(1.5),
        json!("zzz"),
        json!(""),
        json!("2026-02-30"),
        Value::Null,
    ];
    let mut refusals = 0;
    for (ti, table) in doc.tables.iter().enumerate() {
        if table.rows.is_empty() || super::history::is_history(&table.name) {
            continue;
        }
        for ci in 0..table.columns.len() {
            for value in &hostile {
                let mut d = doc.clone();
                d.tables[ti].rows[0][ci] = value.clone();
                let Err(e) = super::load(&d) else { continue };
                refusals += 1;
                assert!(
                    e.message.ends_with("Nothing was imported."),
                    "{}",
                    e.message
                );
                assert_eq!(
                    speaks_schema(&e.message, &names),
                    None,
                    "{}.{} = {value}: {}",
                    table.name,
                    table.columns[ci],
                    e.message
                );
            }
        }
    }
    assert!(
        refusals > 200,
        "the hostile values were refused: {refusals}"
    );
}
