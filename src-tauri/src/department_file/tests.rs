//! Round trips (every record row for row, ids included) and every way a file
//! is refused without a change.

use super::document::{from_json, to_json, write};
use super::tables::{list, quote};
use super::*;
use crate::error::ErrorCode;
use crate::records::NewStaff;
use crate::store;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::Connection;

pub(super) const AT: &str = "2026-11-27T14:00:00Z";

pub(super) fn sample() -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    let today = crate::department::today(&crate::sample::department());
    crate::sample::create(&mut conn, today).unwrap();
    conn
}

/// Every table with its rows in key order, values with their SQLite types.
pub(super) fn dump(conn: &Connection) -> Vec<(String, Vec<Vec<SqlValue>>)> {
    list(conn)
        .unwrap()
        .into_iter()
        .map(|t| {
            let cols: Vec<String> = t.columns.iter().map(|c| quote(c)).collect();
            let mut stmt = conn
                .prepare(&format!(
                    "SELECT {} FROM {}",
                    cols.join(", "),
                    quote(&t.name)
                ))
                .unwrap();
            let mut rows: Vec<Vec<SqlValue>> = stmt
                .query_map([], |r| (0..cols.len()).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            (t.name, rows)
        })
        .collect()
}

pub(super) fn exported(conn: &Connection) -> String {
    write(&export::document(conn, AT).unwrap())
}

pub(super) fn refused(text: &[u8]) -> String {
    let err = parse(text)
        .and_then(|doc| load(&doc).map(|_| ()))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation, "{err:?}");
    err.message
}

/// A parsed file rebuilt and ready to import.
pub(super) fn staged(text: &[u8]) -> Staged {
    stage(&parse(text).unwrap(), "handover.wardbook.json").unwrap()
}

/// `dump` without the history's tables, which an import never replaces.
pub(super) fn records(conn: &Connection) -> Vec<(String, Vec<Vec<SqlValue>>)> {
    dump(conn)
        .into_iter()
        .filter(|(name, _)| !history::is_history(name))
        .collect()
}

/// (id, label) of every history entry, in order.
pub(super) fn entries(conn: &Connection) -> Vec<(i64, String)> {
    let mut stmt = conn
        .prepare("SELECT id, label FROM audit_log ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

pub(super) fn intact(conn: &Connection) -> bool {
    let check = crate::audit::chain::verify(conn).unwrap();
    assert!(check.intact, "{}", check.message);
    check.intact
}

#[test]
fn the_sample_department_round_trips_row_for_row() {
    let original = sample();
    let text = exported(&original);
    let mut fresh = store::open_in_memory().unwrap();
    let outcome = import_into(&mut fresh, &staged(text.as_bytes()), false, None).unwrap();
    assert_eq!(
        outcome.set_aside, None,
        "an empty store keeps nothing aside"
    );
    let before = dump(&original);
    assert!(
        before.len() >= 24,
        "every table of the schema is in the file"
    );
    assert!(before.iter().filter(|(_, rows)| !rows.is_empty()).count() >= 15);
    assert_eq!(records(&fresh), records(&original));
    assert!(intact(&fresh), "the new department's history verifies");
    let without_history = |text: &str| {
        let mut doc = parse(text.as_bytes()).unwrap();
        doc.tables.retain(|t| !history::is_history(&t.name));
        doc.history_key = None;
        write(&doc)
    };
    assert_eq!(
        without_history(&exported(&fresh)),
        without_history(&text),
        "exporting again gives the same records"
    );
}

#[test]
fn a_manager_can_read_the_file() {
    let text = exported(&sample());
    assert!(text.starts_with("{\n  \"format\": \"wardbook-department\",\n"));
    let first_table = text.lines().find(|l| l.contains("\"name\": "));
    assert_eq!(
        first_table.map(str::trim),
        Some("\"name\": \"department\","),
        "the department comes first"
    );
    assert!(
        text.contains("\"department\": \"4 West"),
        "{}",
        &text[..600]
    );
    let staff_row = text
        .lines()
        .find(|l| l.contains("\"name\": \"staff\""))
        .is_some();
    assert!(staff_row, "tables are named");
    assert!(
        text.lines().count() > 1000,
        "one row per line, not one long line"
    );
}

#[test]
fn values_keep_their_sqlite_type() {
    let cases = [
        SqlValue::Null,
        SqlValue::Integer(i64::MIN),
        SqlValue::Integer(i64::MAX),
        SqlValue::Real(2.0),
        SqlValue::Real(0.1 + 0.2),
        SqlValue::Real(-1e300),
        SqlValue::Real(f64::INFINITY),
        SqlValue::Text("Núñez, \"Tito\" \u{1F600}\n".into()),
        SqlValue::Blob(vec![0, 255, 10, 13]),
        SqlValue::Blob(Vec::new()),
    ];
    for v in cases {
        let json = to_json(ValueRef::from(&v));
        let text = serde_json::to_string(&json).unwrap();
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(from_json(&back).unwrap(), v, "{text}");
    }
    assert!(from_json(&serde_json::json!(true)).is_err());
    assert!(from_json(&serde_json::json!(u64::MAX)).is_err());
    assert!(from_json(&serde_json::json!({"base64": "%%"})).is_err());
}

#[test]
fn tables_added_later_with_blobs_and_guard_triggers_are_copied_too() {
    let extra = "CREATE TABLE audit_note (at TEXT NOT NULL, data BLOB, amount REAL);
        CREATE TRIGGER audit_note_keep BEFORE DELETE ON audit_note
        BEGIN SELECT RAISE(ABORT, 'the audit history cannot be edited'); END;
        CREATE TABLE audit_seq (id INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT);";
    let staging = sample();
    staging.execute_batch(extra).unwrap();
    staging
        .execute(
            "INSERT INTO audit_note (rowid, at, data, amount) VALUES (7, '2026-01-01', x'00ff', 1.5)",
            [],
        )
        .unwrap();
    // The counter of an AUTOINCREMENT table is past its last row: ids are never reused.
    staging
        .execute_batch(
            "INSERT INTO audit_seq (what) VALUES ('a'), ('b'); DELETE FROM audit_seq WHERE id = 2;",
        )
        .unwrap();
    let mut live = store::open_in_memory().unwrap();
    live.execute_batch(extra).unwrap();
    live.execute("INSERT INTO audit_note VALUES ('old', NULL, NULL)", [])
        .unwrap();
    let t = list(&live).unwrap();
    let note = t.iter().find(|t| t.name == "audit_note").unwrap();
    assert_eq!(
        note.columns,
        ["rowid", "at", "data", "amount"],
        "a bare rowid is kept"
    );
    let staging = Staged {
        conn: staging,
        file_name: "x".into(),
        history_key: None,
        edited_after_export: false,
    };
    import_into(&mut live, &staging, true, None).unwrap();
    assert_eq!(records(&live), records(&staging.conn));
    let err = live.execute("DELETE FROM audit_note", []).unwrap_err();
    assert!(
        err.to_string().contains("cannot be edited"),
        "the trigger is back"
    );
    let seq: i64 = live
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_seq'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(seq, 2, "the next id stays 3");
}

#[test]
fn an_older_schema_is_rebuilt_then_migrated() {
    let old = store::open_in_memory_at(1).unwrap();
    crate::department::create(
        &old,
        &crate::department::DepartmentInput {
            name: "3 North".into(),
            unit_type: crate::department::UnitType::MedSurg,
            beds: "20".into(),
            time_zone: "America/Chicago".into(),
            fiscal_year_start_month: "7".into(),
            overtime_rule: crate::department::OvertimeRule::Weekly40,
        },
    )
    .unwrap();
    NewStaff::new("Zoë", "O'Brien", "E41")
        .id(41)
        .rate(4550)
        .hired(chrono::NaiveDate::from_ymd_opt(2020, 3, 15).unwrap())
        .insert(&old)
        .unwrap();
    let text = exported(&old);
    assert!(text.contains("\"schema_version\": 1,"));
    let doc = parse(text.as_bytes()).unwrap();
    let staged = stage(&doc, "old.json").unwrap();
    let staging = &staged.conn;
    assert_eq!(
        store::schema_version(staging).unwrap(),
        store::LATEST_VERSION
    );
    let s = summary(&doc, &staged, &sample()).unwrap();
    assert!(s.migrated);
    assert_eq!((s.staff, s.schedule_periods), (1, 0));
    let name: String = staging
        .query_row("SELECT last_name FROM staff WHERE id = 41", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(name, "O'Brien");
}

#[test]
fn garbage_foreign_truncated_and_newer_files_are_refused_by_name() {
    let good = exported(&sample());
    let newer = good.replacen(
        &format!("\"schema_version\": {},", store::LATEST_VERSION),
        &format!("\"schema_version\": {},", store::LATEST_VERSION + 1),
        1,
    );
    let up_to = format!(
        "this one reads up to {}). Update Wardbook",
        store::LATEST_VERSION
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "garbage",
            vec![0x89, b'P', b'N', b'G', 0, 1, 2],
            "not a Wardbook department file (it is not JSON text)",
        ),
        ("empty", Vec::new(), "not JSON text"),
        (
            "a CSV",
            b"Employee ID,Name\nE1,Ana\n".to_vec(),
            "not JSON text",
        ),
        (
            "other JSON",
            br#"{"name": "something else"}"#.to_vec(),
            "does not say it is one",
        ),
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "The file ends early",
        ),
        ("newer schema", newer.into_bytes(), &up_to),
        (
            "newer layout",
            good.replacen("\"format_version\": 1", "\"format_version\": 2", 1)
                .into_bytes(),
            "layout this one does not know",
        ),
    ];
    for (what, bytes, expected) in cases {
        let message = refused(&bytes);
        assert!(message.contains(expected), "{what}: {message}");
        assert!(
            message.contains("Nothing was imported"),
            "{what}: {message}"
        );
    }
}

/// A document changed on purpose, with a fresh checksum (as a foreign tool
/// that knew the layout might write it).
pub(super) fn rewritten(conn: &Connection, change: impl FnOnce(&mut Document)) -> Vec<u8> {
    let mut doc = export::document(conn, AT).unwrap();
    change(&mut doc);
    write(&doc).into_bytes()
}

#[test]
fn well_formed_files_that_do_not_fit_the_schema_are_refused() {
    let conn = sample();
    let table =
        |doc: &mut Document, name: &str| doc.tables.iter().position(|t| t.name == name).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "unknown table",
            rewritten(&conn, |d| {
                let mut t = d.tables[0].clone();
                t.name = "payroll".into();
                d.tables.push(t);
            }),
            "records of a kind this version of Wardbook does not know (“Payroll”)",
        ),
        (
            "missing table",
            rewritten(&conn, |d| {
                let i = table(d, "staff_skill");
                d.tables.remove(i);
            }),
            "no place for skill records",
        ),
        (
            "renamed column",
            rewritten(&conn, |d| {
                let i = table(d, "skill");
                d.tables[i].columns[1] = "title".into();
            }),
            "The file's skill records have fields Wardbook does not know (“title”) and no name",
        ),
        (
            "short row",
            rewritten(&conn, |d| {
                let i = table(d, "skill");
                d.tables[i].rows[0].pop();
            }),
            "has 1 values where a record of its kind has 2",
        ),
        (
            "broken rule",
            rewritten(&conn, |d| {
                let i = table(d, "staff");
                let fte = d.tables[i]
                    .columns
                    .iter()
                    .position(|c| c == "fte_hundredths")
                    .unwrap();
                d.tables[i].rows[2][fte] = serde_json::json!(250);
            }),
            // The form's rule answers first, naming the record and field (issue #22).
            ", FTE: FTE must be between 0 and 1.00. Nothing was imported.",
        ),
        (
            "dangling reference",
            rewritten(&conn, |d| {
                let i = table(d, "staff");
                d.tables[i].rows.clear();
            }),
            "refers to a staff record the file does not hold",
        ),
        (
            "no department",
            rewritten(&conn, |d| {
                let i = table(d, "department");
                d.tables[i].rows.clear();
            }),
            "holds no department",
        ),
    ];
    for (what, bytes, expected) in cases {
        let message = refused(&bytes);
        assert!(message.contains(expected), "{what}: {message}");
    }
}

#[test]
fn a_department_is_replaced_only_when_asked() {
    let staging = staged(exported(&sample()).as_bytes());
    let mut live = sample();
    live.execute("UPDATE staff SET first_name = 'Changed' WHERE id = 1", [])
        .unwrap();
    let before = dump(&live);
    let err = import_into(&mut live, &staging, false, None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(dump(&live), before, "nothing changed");
    assert!(intact(&live));
    import_into(&mut live, &staging, true, None).unwrap();
    assert_eq!(records(&live), records(&staging.conn));
}

/// A file edited by hand after export (its checksum stale) is read, said to
/// be edited, and imported with each difference an entry of the history; the
/// untouched file is not said to be edited.
#[test]
fn a_file_edited_after_export_is_imported_with_its_edits_named() {
    let mut live = sample();
    let good = exported(&live);
    assert!(!parse(good.as_bytes()).unwrap().edited_after_export);
    let (id, first): (i64, String) = live
        .query_row(
            "SELECT id, first_name FROM staff ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let edited = good.replacen(&format!("\"{first}\""), "\"Zed\"", 1);
    assert_ne!(edited, good);
    let staged = staged(edited.as_bytes());
    let doc = parse(edited.as_bytes()).unwrap();
    assert!(doc.edited_after_export);
    assert!(summary(&doc, &staged, &live).unwrap().edited_after_export);
    let outcome = import_into(&mut live, &staged, true, None).unwrap();
    assert!(outcome.edited_after_export);
    assert_eq!(outcome.changes, 1, "one record differs");
    let name: String = live
        .query_row("SELECT first_name FROM staff WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(name, "Zed");
    let event: String = live
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        event.contains("the file was changed after it was exported (1 difference from the department, each an entry)"),
        "{event}"
    );
    let change: String = live
        .query_row(
            "SELECT after FROM audit_log WHERE table_name = 'staff' AND record_key = ?1 ORDER BY id DESC LIMIT 1",
            [id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(change.contains("\"Zed\""));
    assert!(
        crate::audit::rows::find(&live).unwrap().is_empty(),
        "records as the history says"
    );
}
