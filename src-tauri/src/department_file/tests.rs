//! Round trips (every table row for row, ids included) and every way a file
//! is refused without a change.

use super::document::{from_json, to_json, write};
use super::tables::{list, quote};
use super::*;
use crate::error::ErrorCode;
use crate::store;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::Connection;

const AT: &str = "2026-11-27T14:00:00Z";

fn sample() -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    let today = crate::department::today(&crate::sample::department());
    crate::sample::create(&mut conn, today).unwrap();
    conn
}

/// Every table with its rows in key order, values with their SQLite types.
fn dump(conn: &Connection) -> Vec<(String, Vec<Vec<SqlValue>>)> {
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

/// Table by table, so a difference names its table rather than printing all.
fn assert_same(a: &Connection, b: &Connection) {
    let (a, b) = (dump(a), dump(b));
    let names =
        |d: &[(String, Vec<Vec<SqlValue>>)]| d.iter().map(|t| t.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "table {name} differs:\n{x:?}\n{y:?}");
    }
}

fn exported(conn: &Connection) -> String {
    write(&export::document(conn, AT).unwrap())
}

fn refused(text: &[u8]) -> String {
    let err = parse(text)
        .and_then(|doc| load(&doc).map(|_| ()))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation, "{err:?}");
    err.message
}

#[test]
fn the_sample_department_round_trips_row_for_row() {
    let original = sample();
    let text = exported(&original);
    let staging = load(&parse(text.as_bytes()).unwrap()).unwrap();
    let mut fresh = store::open_in_memory().unwrap();
    let outcome = import_into(&mut fresh, &staging, false, "x").unwrap();
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
    assert_same(&fresh, &original);
    let chain = crate::audit::chain::verify(&fresh).unwrap();
    assert!(
        chain.intact && chain.entries > 0,
        "the history carried over keeps its seals: {}",
        chain.message
    );
    assert_eq!(
        exported(&fresh),
        text,
        "exporting again gives the same file"
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
    import_into(&mut live, &staging, true, "x").unwrap();
    assert_same(&live, &staging);
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
    old.execute(
        "INSERT INTO staff (id, first_name, last_name, employee_no, role, employment_type,
             fte_hundredths, hourly_rate_cents, hire_date) VALUES (41, 'Zoë', 'O''Brien', 'E41', 'RN', 'full_time', 90, 4550, '2020-03-15')",
        [],
    )
    .unwrap();
    let text = exported(&old);
    assert!(text.contains("\"schema_version\": 1,"));
    let doc = parse(text.as_bytes()).unwrap();
    let staging = load(&doc).unwrap();
    assert_eq!(
        store::schema_version(&staging).unwrap(),
        store::LATEST_VERSION
    );
    let s = summary(&doc, &staging, "old.json".into()).unwrap();
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
fn garbage_foreign_truncated_newer_and_damaged_files_are_refused_by_name() {
    let good = exported(&sample());
    let newer = good.replacen(
        &format!("\"schema_version\": {},", store::LATEST_VERSION),
        &format!("\"schema_version\": {},", store::LATEST_VERSION + 1),
        1,
    );
    let damaged = good.replacen("\"Registered nurse\"", "\"Registered nurze\"", 1);
    let damaged = if damaged == good {
        // A value flipped in the middle of the staff table.
        good.replacen("\"RN\"", "\"LPN\"", 1)
    } else {
        damaged
    };
    let up_to = format!(
        "this one reads files up to schema {}",
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
        ("damaged", damaged.into_bytes(), "do not match its checksum"),
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
fn rewritten(conn: &Connection, change: impl FnOnce(&mut Document)) -> Vec<u8> {
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
            "a table “payroll” that schema",
        ),
        (
            "missing table",
            rewritten(&conn, |d| {
                let i = table(d, "staff_skill");
                d.tables.remove(i);
            }),
            "no table “staff_skill”",
        ),
        (
            "renamed column",
            rewritten(&conn, |d| {
                let i = table(d, "skill");
                d.tables[i].columns[1] = "title".into();
            }),
            "table “skill” has the columns id, title",
        ),
        (
            "short row",
            rewritten(&conn, |d| {
                let i = table(d, "skill");
                d.tables[i].rows[0].pop();
            }),
            "Table “skill”, row 1 has 1 values where there are 2 columns",
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
            "Table “staff”, row 3 cannot be stored (CHECK constraint failed",
        ),
        (
            "dangling reference",
            rewritten(&conn, |d| {
                let i = table(d, "staff");
                d.tables[i].rows.clear();
            }),
            "refers to a “staff” record the file does not hold",
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
    let staging = load(&parse(exported(&sample()).as_bytes()).unwrap()).unwrap();
    let mut live = sample();
    live.execute("UPDATE staff SET first_name = 'Changed' WHERE id = 1", [])
        .unwrap();
    let before = dump(&live);
    let err = import_into(&mut live, &staging, false, "x").unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(dump(&live), before, "nothing changed");
    import_into(&mut live, &staging, true, "x").unwrap();
    assert_same(&live, &staging);
}

#[test]
fn values_the_forms_refuse_are_refused_by_table_row_and_field() {
    let conn = sample();
    let set = |column: &str, value: serde_json::Value| {
        let column = column.to_string();
        rewritten(&conn, move |d| {
            let t = d.tables.iter_mut().find(|t| t.name == "staff").unwrap();
            let i = t.columns.iter().position(|c| *c == column).unwrap();
            t.rows[2][i] = value;
        })
    };
    let cases = [
        (
            set("hire_date", "2026-02-30".into()),
            "field “hire_date”",
            "not a valid date",
        ),
        (
            set("hire_date", "0000-01-01".into()),
            "field “hire_date”",
            "outside the years",
        ),
        (
            set("hourly_rate_cents", serde_json::json!(1e300)),
            "field “hourly_rate_cents”",
            "a whole number",
        ),
        (
            set("fte_hundredths", "ninety".into()),
            "field “fte_hundredths”",
            "a whole number",
        ),
    ];
    for (bytes, field, why) in cases {
        let message = refused(&bytes);
        assert!(message.contains("Table “staff”, row 3"), "{message}");
        assert!(
            message.contains(field) && message.contains(why),
            "{message}"
        );
        assert!(message.contains("Nothing was imported"), "{message}");
    }
    // The boundary: the last day of February and the first year kept load.
    let fine = set("hire_date", "1900-02-28".into());
    assert!(load(&parse(&fine).unwrap()).is_ok());
}
