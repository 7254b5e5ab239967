use super::triggers::{audited_tables, NOT_AUDITED};
use super::*;
use crate::records::NewStaff;
use crate::store::open_in_memory;
use rusqlite::Connection;
use serde_json::Value;

fn last(
    conn: &Connection,
    table: &str,
) -> (String, Option<i64>, String, Option<Value>, Option<Value>) {
    conn.query_row(
        "SELECT action, staff_id, label, before, after FROM audit_log WHERE table_name = ?1
         ORDER BY id DESC LIMIT 1",
        [table],
        |r| {
            let json = |s: Option<String>| s.map(|s| serde_json::from_str::<Value>(&s).unwrap());
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                json(r.get(3)?),
                json(r.get(4)?),
            ))
        },
    )
    .unwrap_or_else(|e| panic!("{table} should have a history row: {e}"))
}

fn count(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

/// The department, one person and the records the other rows point at.
fn fixture(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01');",
    )
    .unwrap();
    NewStaff::new("Ann", "Lee", "E7")
        .id(7)
        .insert(conn)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO credential_type (id, name, renewal_months, when_expired) VALUES (3, 'BLS', 24, 'block');
         INSERT INTO shift_type (id, code, name, start, length_minutes, unpaid_break_minutes, evening, night, differential_kind)
             VALUES (2, 'D', 'Day', '07:00', 720, 30, 0, 0, 'none');
         INSERT INTO schedule_period (id, start_date, end_date, weeks, status) VALUES (5, '2026-03-01', '2026-03-29', 4, 'draft');
         INSERT INTO fiscal_year (id, first_month) VALUES (9, '2025-07');
         INSERT INTO budget_line (id, fiscal_year_id, position, category, name, annual_cents, spread)
             VALUES (11, 9, 0, 'medical_supplies', 'Supplies', 1200000, 'even');",
    )
    .unwrap();
}

struct Case {
    table: &'static str,
    insert: &'static str,
    update: &'static str,
    delete: &'static str,
    /// A column the update changes, and its value after.
    column: &'static str,
    after: Value,
    /// Who the record concerns.
    staff: Option<i64>,
    /// A piece of the readable label.
    label: &'static str,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            table: "staff",
            insert: "INSERT INTO staff (id, first_name, last_name, employee_no, role, employment_type,
                fte_hundredths, hourly_rate_cents, hire_date) VALUES (8, 'Bo', 'Ng', 'E8', 'CNA', 'per_diem', 50, 2000, '2021-01-01')",
            update: "UPDATE staff SET hourly_rate_cents = 2100 WHERE id = 8",
            delete: "DELETE FROM staff WHERE id = 8",
            column: "hourly_rate_cents",
            after: 2100.into(),
            staff: Some(8),
            label: "Ng, Bo",
        },
        Case {
            table: "credential",
            insert: "INSERT INTO credential (id, staff_id, type_id, number, expires_on) VALUES (1, 7, 3, 'X1', '2026-05-01')",
            update: "UPDATE credential SET expires_on = '2028-05-01' WHERE id = 1",
            delete: "DELETE FROM credential WHERE id = 1",
            column: "expires_on",
            after: "2028-05-01".into(),
            staff: Some(7),
            label: "Lee, Ann — BLS",
        },
        Case {
            table: "credential_type",
            insert: "INSERT INTO credential_type (id, name, when_expired) VALUES (4, 'ACLS', 'warn')",
            update: "UPDATE credential_type SET when_expired = 'block' WHERE id = 4",
            delete: "DELETE FROM credential_type WHERE id = 4",
            column: "when_expired",
            after: "block".into(),
            staff: None,
            label: "ACLS",
        },
        Case {
            table: "training",
            insert: "INSERT INTO training (id, staff_id, kind, name, due_on) VALUES (1, 7, 'training', 'Fire safety', '2026-06-01')",
            update: "UPDATE training SET completed_on = '2026-05-20' WHERE id = 1",
            delete: "DELETE FROM training WHERE id = 1",
            column: "completed_on",
            after: "2026-05-20".into(),
            staff: Some(7),
            label: "Lee, Ann — Fire safety",
        },
        Case {
            table: "assignment",
            insert: "INSERT INTO assignment VALUES (7, '2026-03-02', 5, 2)",
            update: "UPDATE assignment SET date = '2026-03-03' WHERE staff_id = 7",
            delete: "DELETE FROM assignment WHERE staff_id = 7",
            column: "date",
            after: "2026-03-03".into(),
            staff: Some(7),
            label: "Lee, Ann — 2026-03-0",
        },
        Case {
            table: "time_off",
            insert: "INSERT INTO time_off (id, staff_id, from_date, to_date, kind, status, paid) VALUES (1, 7, '2026-04-01', '2026-04-03', 'pto', 'requested', 1)",
            update: "UPDATE time_off SET status = 'approved' WHERE id = 1",
            delete: "DELETE FROM time_off WHERE id = 1",
            column: "status",
            after: "approved".into(),
            staff: Some(7),
            label: "Lee, Ann — 2026-04-01 to 2026-04-03",
        },
        Case {
            table: "staff_request",
            insert: "INSERT INTO staff_request (id, staff_id, date, kind, priority) VALUES (1, 7, '2026-04-02', 'off', 'nice')",
            update: "UPDATE staff_request SET priority = 'strong' WHERE id = 1",
            delete: "DELETE FROM staff_request WHERE id = 1",
            column: "priority",
            after: "strong".into(),
            staff: Some(7),
            label: "Lee, Ann — 2026-04-02",
        },
        Case {
            table: "budget_line",
            insert: "INSERT INTO budget_line (id, fiscal_year_id, position, category, name, annual_cents, spread) VALUES (12, 9, 1, 'education_travel', 'Courses', 500000, 'even')",
            update: "UPDATE budget_line SET annual_cents = 600000 WHERE id = 12",
            delete: "DELETE FROM budget_line WHERE id = 12",
            column: "annual_cents",
            after: 600000.into(),
            staff: None,
            label: "Courses",
        },
        Case {
            table: "budget_month",
            insert: "INSERT INTO budget_month (line_id, month, budget_cents) VALUES (11, 2, 100000)",
            update: "UPDATE budget_month SET actual_cents = 98000, explanation = 'Flu season' WHERE line_id = 11 AND month = 2",
            delete: "DELETE FROM budget_month WHERE line_id = 11 AND month = 2",
            column: "actual_cents",
            after: 98000.into(),
            staff: None,
            label: "Supplies — 2025-09",
        },
        Case {
            table: "expense",
            insert: "INSERT INTO expense (id, line_id, date, vendor, amount_cents) VALUES (1, 11, '2025-08-02', 'Medline', 12345)",
            update: "UPDATE expense SET amount_cents = 12000 WHERE id = 1",
            delete: "DELETE FROM expense WHERE id = 1",
            column: "amount_cents",
            after: 12000.into(),
            staff: None,
            label: "Supplies — Medline 2025-08-02",
        },
    ]
}

#[test]
fn every_audited_table_records_insert_update_and_delete_with_before_and_after() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    for case in cases() {
        let t = case.table;
        conn.execute_batch(case.insert).unwrap();
        let (action, staff, label, before, after) = last(&conn, t);
        assert_eq!(action, "insert", "{t}: an insert is logged as one");
        assert!(before.is_none(), "{t}: an insert has no before");
        assert!(after.is_some(), "{t}: an insert logs the new row");
        assert_eq!(
            staff, case.staff,
            "{t}: the entry names the person it concerns"
        );
        assert!(
            label.contains(case.label),
            "{t}: label {label:?} should name the record"
        );

        conn.execute_batch(case.update).unwrap();
        let (action, _, _, before, after) = last(&conn, t);
        assert_eq!(action, "update", "{t}");
        let (before, after) = (before.unwrap(), after.unwrap());
        assert_ne!(
            before[case.column], case.after,
            "{t}: before holds the old value"
        );
        assert_eq!(
            after[case.column], case.after,
            "{t}: after holds the new value"
        );

        conn.execute_batch(case.delete).unwrap();
        let (action, _, _, before, after) = last(&conn, t);
        assert_eq!(action, "delete", "{t}");
        assert_eq!(
            before.unwrap()[case.column],
            case.after,
            "{t}: a delete keeps the last values"
        );
        assert!(after.is_none(), "{t}: a delete has no after");
    }
}

#[test]
fn an_update_that_changes_nothing_is_not_logged() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let n = count(&conn);
    conn.execute("UPDATE staff SET fte_hundredths = 90 WHERE id = 7", [])
        .unwrap();
    assert_eq!(
        count(&conn),
        n,
        "saving a form unchanged must not fill the history"
    );
}

#[test]
fn insert_or_replace_is_logged_as_one_change_with_its_before() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    conn.execute("INSERT INTO assignment VALUES (7, '2026-03-02', 5, 2)", [])
        .unwrap();
    conn.execute(
        "INSERT INTO shift_type (id, code, name, start, length_minutes, unpaid_break_minutes, evening, night, differential_kind)
         VALUES (3, 'N', 'Night', '19:00', 720, 30, 0, 1, 'none')",
        [],
    )
    .unwrap();
    let n = count(&conn);
    conn.execute(
        "INSERT OR REPLACE INTO assignment VALUES (7, '2026-03-02', 5, 3)",
        [],
    )
    .unwrap();
    assert_eq!(
        count(&conn),
        n + 1,
        "a replaced cell is one entry, not a delete and an insert"
    );
    let (action, _, _, before, after) = last(&conn, "assignment");
    assert_eq!(action, "update");
    assert_eq!(before.unwrap()["shift_type_id"], 2);
    assert_eq!(after.unwrap()["shift_type_id"], 3);
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM audit_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        pending, 0,
        "the scratch row is cleared by the statement that made it"
    );
}

#[test]
fn a_change_that_rolls_back_leaves_no_history() {
    let mut conn = open_in_memory().unwrap();
    fixture(&conn);
    let n = count(&conn);
    let tx = conn.transaction().unwrap();
    tx.execute("UPDATE staff SET hourly_rate_cents = 9999 WHERE id = 7", [])
        .unwrap();
    drop(tx); // rolled back, as when a later step of a save fails
    assert_eq!(count(&conn), n, "the history row went with the change");
    // A statement refused by a constraint takes its trigger's row with it too.
    let refused = conn.execute("UPDATE staff SET fte_hundredths = 500 WHERE id = 7", []);
    assert!(refused.is_err(), "the CHECK refuses an FTE of 5.00");
    assert_eq!(count(&conn), n);
}

#[test]
fn the_history_cannot_be_edited_or_deleted() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let n = count(&conn);
    assert!(n > 0);
    let update = conn.execute("UPDATE audit_log SET label = 'x'", []);
    let delete = conn.execute("DELETE FROM audit_log", []);
    for (what, result) in [("update", update), ("delete", delete)] {
        let err = result.expect_err(what).to_string();
        assert!(
            err.contains("cannot be edited"),
            "{what} refused with {err}"
        );
    }
    assert_eq!(count(&conn), n, "nothing was removed");
}

#[test]
fn every_table_is_audited_or_left_out_with_a_reason_and_has_a_kind() {
    let conn = open_in_memory().unwrap();
    for table in audited_tables(&conn).unwrap() {
        assert!(
            TABLES.iter().any(|(t, _, _)| *t == table),
            "table {table} is audited but has no kind in audit::TABLES; add it there \
             (or to triggers::NOT_AUDITED with the reason it needs no history)"
        );
    }
    for (table, reason) in NOT_AUDITED {
        assert!(!reason.is_empty(), "{table} needs a reason");
    }
}

#[test]
fn triggers_follow_a_column_added_later_and_sync_is_idempotent() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    conn.execute_batch("ALTER TABLE staff ADD COLUMN pager TEXT")
        .unwrap();
    triggers::sync(&conn).unwrap();
    conn.execute("UPDATE staff SET pager = '555' WHERE id = 7", [])
        .unwrap();
    let (_, _, _, _, after) = last(&conn, "staff");
    assert_eq!(
        after.unwrap()["pager"],
        "555",
        "the new column is in the history"
    );
    let before: i64 = conn
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    triggers::sync(&conn).unwrap();
    let after: i64 = conn
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after, "a second sync writes nothing");
}

#[test]
fn the_sample_department_is_fully_in_the_history() {
    let mut conn = open_in_memory().unwrap();
    crate::sample::create(&mut conn, crate::input::date("2026-03-10").unwrap()).unwrap();
    for table in audited_tables(&conn).unwrap() {
        let rows: i64 = conn
            .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })
            .unwrap();
        // Each live record's latest entry is not a delete, and there is one per record.
        let logged: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit_log a WHERE table_name = ?1 AND action <> 'delete'
                   AND id = (SELECT max(id) FROM audit_log b WHERE b.table_name = a.table_name AND b.record_key = a.record_key)",
                [&table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(logged, rows, "{table}: every record has its history");
    }
}

#[test]
fn the_history_reads_in_plain_words_and_filters() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    conn.execute(
        "UPDATE staff SET hourly_rate_cents = 4750, role = 'LPN' WHERE id = 7",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO credential (staff_id, type_id, number) VALUES (7, 3, 'X1')",
        [],
    )
    .unwrap();
    let query = HistoryQuery {
        staff_id: Some(7),
        limit: 50,
        ..Default::default()
    };
    let page = list(&conn, &query).unwrap();
    assert_eq!(page.total, 3, "the person's insert, update and credential");
    let newest = &page.entries[0];
    assert_eq!(newest.what, "Credential");
    assert_eq!(newest.action, HistoryAction::Added);
    let change = &page.entries[1];
    assert_eq!(change.action, HistoryAction::Changed);
    let rate = change
        .changes
        .iter()
        .find(|c| c.field == "Hourly rate")
        .expect("rate change");
    assert_eq!(
        (rate.before.as_deref(), rate.after.as_deref()),
        (Some("$45.00"), Some("$47.50"))
    );
    let role = change
        .changes
        .iter()
        .find(|c| c.field == "Role")
        .expect("role change");
    assert_eq!(role.after.as_deref(), Some("Licensed practical nurse"));
    assert_eq!(change.changes.len(), 2, "only the fields that changed");

    let by_kind = HistoryQuery {
        kind: Some(HistoryKind::Credentials),
        limit: 50,
        ..Default::default()
    };
    assert!(list(&conn, &by_kind)
        .unwrap()
        .entries
        .iter()
        .all(|e| e.kind == HistoryKind::Credentials));
    let by_text = HistoryQuery {
        text: "Supplies".into(),
        limit: 50,
        ..Default::default()
    };
    assert_eq!(
        list(&conn, &by_text).unwrap().total,
        1,
        "only the budget line is named Supplies"
    );
    let future = HistoryQuery {
        from: "2099-01-01".into(),
        limit: 50,
        ..Default::default()
    };
    assert_eq!(list(&conn, &future).unwrap().total, 0);
    let paged = HistoryQuery {
        limit: 2,
        offset: 2,
        ..Default::default()
    };
    let page = list(&conn, &paged).unwrap();
    assert_eq!(page.entries.len(), 2);
    assert!(page.total > 4);
}

#[test]
fn a_bad_history_query_is_refused_beside_its_field() {
    let conn = open_in_memory().unwrap();
    let bad = HistoryQuery {
        from: "2026-02-30".into(),
        limit: 0,
        offset: -1,
        ..Default::default()
    };
    let err = list(&conn, &bad).unwrap_err();
    for field in ["from", "limit", "offset"] {
        assert!(
            err.message_for(field).is_some(),
            "{field} is named: {err:?}"
        );
    }
}

#[test]
fn an_ignored_insert_logs_nothing() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    conn.execute("INSERT INTO skill (id, name) VALUES (1, 'Charge')", [])
        .unwrap();
    conn.execute("INSERT INTO staff_skill VALUES (7, 1)", [])
        .unwrap();
    let n = count(&conn);
    conn.execute("INSERT OR IGNORE INTO staff_skill VALUES (7, 1)", [])
        .unwrap();
    assert_eq!(
        count(&conn),
        n,
        "saving a skill the person already has is no change"
    );
    conn.execute("INSERT INTO skill (id, name) VALUES (2, 'Preceptor')", [])
        .unwrap();
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM audit_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        pending, 0,
        "the next insert clears what the ignored one left"
    );
}

#[test]
fn a_person_is_found_in_the_history_without_their_accents() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    NewStaff::new("Lucía", "Núñez", "E9")
        .id(9)
        .insert(&conn)
        .unwrap();
    conn.execute_batch(
        "UPDATE staff SET hourly_rate_cents = 4600 WHERE id = 9;
         INSERT INTO credential (id, staff_id, type_id, number, expires_on) VALUES (4, 9, 3, 'X9', '2026-05-01');",
    )
    .unwrap();
    let total = |text: &str| {
        list(
            &conn,
            &HistoryQuery {
                text: text.into(),
                limit: 50,
                ..Default::default()
            },
        )
        .unwrap()
        .entries
        .iter()
        .map(|e| e.staff_id)
        .collect::<Vec<_>>()
    };
    assert_eq!(
        total("lucia nunez"),
        [Some(9), Some(9), Some(9)],
        "her insert, her rate change and her credential"
    );
    assert_eq!(total("NUNEZ, LUC").len(), 3, "last name first, any case");
    assert!(total("lucas").is_empty(), "nobody else");
    assert_eq!(
        total("Supplies").len(),
        1,
        "text that names nobody still searches the entries"
    );
}

#[test]
fn a_renamed_persons_older_entries_keep_the_name_of_their_time() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    conn.execute(
        "INSERT INTO credential (staff_id, type_id, number, issued_on, expires_on)
         VALUES (7, 3, 'X1', '2025-01-01', '2027-01-01')",
        [],
    )
    .unwrap();
    conn.execute("UPDATE staff SET last_name = 'Okafor' WHERE id = 7", [])
        .unwrap();
    let page = list(
        &conn,
        &HistoryQuery {
            staff_id: Some(7),
            limit: 50,
            ..Default::default()
        },
    )
    .unwrap();
    let rename = &page.entries[0];
    assert_eq!(rename.label, "Okafor, Ann", "the rename names the new name");
    let credential = page
        .entries
        .iter()
        .find(|e| e.table == "credential")
        .expect("the credential's entry");
    assert_eq!(credential.label, "Lee, Ann — BLS");
    let person = credential
        .changes
        .iter()
        .find(|c| c.field == "Person")
        .expect("the person field");
    assert_eq!(
        person.after.as_deref(),
        Some("Lee, Ann"),
        "named as they were when the credential was added"
    );
}
