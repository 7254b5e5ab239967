//! Every value of a department file held to the forms' own rules, refused
//! by table, row and field (`rules`).

use super::tests::{refused, rewritten, sample};
use super::*;
use rusqlite::Connection;

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
            "hire date: ",
            "not a valid date",
        ),
        (
            set("hire_date", "0000-01-01".into()),
            "hire date: ",
            "outside the years",
        ),
        (
            set("hourly_rate_cents", serde_json::json!(1e300)),
            "hourly rate: ",
            "a whole number",
        ),
        (
            set("hourly_rate_cents", serde_json::json!(999_999_999)),
            "hourly rate: ",
            "at most $1,000.00",
        ),
        (
            set("fte_hundredths", "ninety".into()),
            "FTE: ",
            "a whole number",
        ),
    ];
    for (bytes, field, why) in cases {
        let message = refused(&bytes);
        assert!(message.starts_with("Staff "), "{message}");
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

/// A file with one value of `table`'s row `row` (0-based) set to `value`.
fn with_value(
    conn: &Connection,
    table: &str,
    row: usize,
    column: &str,
    value: serde_json::Value,
) -> Vec<u8> {
    let (table, column) = (table.to_string(), column.to_string());
    rewritten(conn, move |d| {
        let t = d.tables.iter_mut().find(|t| t.name == table).unwrap();
        let i = t.columns.iter().position(|c| *c == column).unwrap();
        t.rows[row][i] = value;
    })
}

#[test]
fn every_form_rule_holds_for_imported_rows_named_by_table_row_and_field() {
    use serde_json::json;
    let conn = sample();
    // (table, column, value, the form's words in the refusal)
    let cases: Vec<(&str, &str, serde_json::Value, &str)> = vec![
        (
            "staff",
            "first_name",
            json!("Ann\u{0}"),
            "contains a NUL character",
        ),
        (
            "staff",
            "last_name",
            json!("Lee\u{202E}nnA"),
            "text-direction character (U+202E)",
        ),
        (
            "staff",
            "notes",
            json!("line\u{7}bell"),
            "control character (U+0007)",
        ),
        ("staff", "first_name", json!("   "), "enter the first name"),
        (
            "staff",
            "employee_no",
            json!("E".repeat(33)),
            "too long (at most 32",
        ),
        (
            "staff",
            "fte_hundredths",
            json!(-50),
            "the FTE from 0 to 1.00",
        ),
        (
            "staff",
            "fte_hundredths",
            json!(250),
            "FTE must be between 0 and 1.00",
        ),
        (
            "staff",
            "hourly_rate_cents",
            json!(-1),
            "cannot be negative",
        ),
        ("staff", "role", json!("NURSE"), "“NURSE” is not a role"),
        (
            "staff",
            "employment_type",
            json!("contractor"),
            "not an employment type",
        ),
        (
            "staff",
            "hire_date",
            json!("2101-01-01"),
            "outside the years",
        ),
        (
            "department",
            "time_zone",
            json!("Mars/Olympus_Mons"),
            "not a known time zone",
        ),
        ("department", "beds", json!(1_000_000), "between 0 and 2000"),
        (
            "budget_fte",
            "fte_hundredths",
            json!(1e300),
            "a whole number",
        ),
        (
            "budget_fte",
            "fte_hundredths",
            json!(10_000_000),
            "budgeted FTE must be between 0 and 999.99",
        ),
        (
            "budget_line",
            "annual_cents",
            json!(-500),
            "cannot be negative",
        ),
        (
            "budget_month",
            "actual_cents",
            json!(100_000_000_001_i64),
            "“1000000000.01” is not an amount",
        ),
        ("skill", "name", json!("Charge\u{2066}"), "text-direction"),
    ];
    for (table, column, value, why) in cases {
        let message = refused(&with_value(&conn, table, 0, column, value.clone()));
        assert!(
            message.contains(&format!(", {}: ", super::naming::field(column))),
            "{table}.{column} = {value}: {message}"
        );
        assert!(
            message.contains(why),
            "{table}.{column} = {value}: {message}"
        );
        assert!(message.ends_with("Nothing was imported."), "{message}");
    }
    // The boundaries the forms accept are let in.
    for (table, column, value) in [
        ("staff", "fte_hundredths", json!(100)),
        ("staff", "fte_hundredths", json!(0)),
        ("staff", "hourly_rate_cents", json!(0)),
        ("staff", "notes", json!("line one\r\nline two\tend")),
        ("staff", "hire_date", json!("2100-12-31")),
        ("budget_month", "actual_cents", json!(-100_000_000_000_i64)),
        ("department", "time_zone", json!("Europe/London")),
    ] {
        let bytes = with_value(&conn, table, 0, column, value.clone());
        assert!(
            load(&parse(&bytes).unwrap()).is_ok(),
            "{table}.{column} = {value} is what a form accepts"
        );
    }
}

#[test]
fn duplicates_and_broken_schema_rules_name_the_field() {
    let conn = sample();
    let copy_of_first = |column: &str| {
        let column = column.to_string();
        rewritten(&conn, move |d| {
            let t = d.tables.iter_mut().find(|t| t.name == "staff").unwrap();
            let i = t.columns.iter().position(|c| *c == column).unwrap();
            let first = t.rows[0][i].clone();
            t.rows[1][i] = first;
        })
    };
    let message = refused(&copy_of_first("id"));
    assert!(
        message.ends_with(
            ": another record of the file has the same number (a duplicate). Nothing was imported."
        ),
        "{message}"
    );
    let message = refused(&copy_of_first("employee_no"));
    assert!(
        message.ends_with(
            ": another record of the file has the same employee number (a duplicate). Nothing was imported."
        ),
        "{message}"
    );
    // A termination before the hire date breaks the table's own rule.
    let message = refused(&with_value(
        &conn,
        "staff",
        0,
        "termination_date",
        "1901-01-01".into(),
    ));
    assert!(
        message
            .ends_with(": termination date cannot be before the hire date. Nothing was imported."),
        "{message}"
    );
}

#[test]
fn a_staff_request_in_a_file_is_held_to_the_request_forms_rules() {
    let conn = sample();
    let (staff, shift): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT MIN(id) FROM staff), (SELECT MIN(id) FROM shift_type)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "INSERT INTO staff_request (staff_id, date, kind, shift_type_id, priority, note)
         VALUES (?1, '2026-12-24', 'work', ?2, 'strong', 'Swap with Ben')",
        [staff, shift],
    )
    .unwrap();
    let cases = [
        (
            "note",
            serde_json::json!("a\u{202E}b"),
            ", note: ",
            "text-direction",
        ),
        (
            "note",
            serde_json::json!("x".repeat(501)),
            ", note: ",
            "too long",
        ),
        (
            "date",
            serde_json::json!("2026-02-30"),
            ", date: ",
            "not a valid date",
        ),
        (
            "priority",
            serde_json::json!("urgent"),
            "“urgent”",
            "is not a priority Wardbook knows",
        ),
        (
            "kind",
            serde_json::json!("swap"),
            "“swap”",
            "Wardbook knows",
        ),
    ];
    for (column, value, field, why) in cases {
        let message = refused(&with_value(&conn, "staff_request", 0, column, value));
        assert!(
            message.starts_with("Staff request 1 of Maria Lopez"),
            "the record as the manager sees it: {message}"
        );
        assert!(
            message.contains(field) && message.contains(why),
            "{message}"
        );
    }
    // A day off that names a shift breaks the table's own rule.
    let message = refused(&with_value(&conn, "staff_request", 0, "kind", "off".into()));
    assert!(message.contains("Nothing was imported."), "{message}");
    // The request as saved loads.
    let fine = with_value(&conn, "staff_request", 0, "note", "Swap with Ben".into());
    assert!(load(&parse(&fine).unwrap()).is_ok());
}
