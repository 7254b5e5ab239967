//! Records edited around the history (a change trigger dropped, the record
//! edited, the trigger put back) are found, named, and added to the history
//! once seen; records the app itself wrote or reshaped are not.

use super::*;
use crate::records::NewStaff;
use crate::store::{open_in_memory, open_in_memory_at, DepartmentFile};
use rusqlite::Connection;

const DEPARTMENT: &str =
    "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01');";

/// Ana Ruiz (id 7), a full-time RN at $48.00/h, written as the app writes her.
fn add_ana(conn: &Connection) {
    NewStaff::new("Ana", "Ruiz", "E7")
        .id(7)
        .rate(4800)
        .insert(conn)
        .unwrap();
}

fn filled() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(DEPARTMENT).unwrap();
    add_ana(&conn);
    conn
}

/// Runs `sql` with `table`'s change triggers dropped, then puts them back
/// exactly as they were: what a hostile edit with the sqlite3 shell does.
fn around_the_history(conn: &Connection, table: &str, sql: &str) {
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")
        .unwrap()
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!triggers.is_empty());
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))
            .unwrap();
    }
    conn.execute_batch(sql).unwrap();
    for (_, sql) in &triggers {
        conn.execute_batch(sql).unwrap();
    }
}

fn entries(conn: &Connection) -> i64 {
    conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn records_changed_through_the_app_are_as_the_history_says() {
    let conn = filled();
    conn.execute_batch(
        "UPDATE staff SET hourly_rate_cents = 5000 WHERE id = 7;
         UPDATE department SET name = 'Ward 5' WHERE id = 1;",
    )
    .unwrap();
    // A department event (no before) is not a state of the department row.
    chain::note_event(&conn, "Backup made by hand: x.db").unwrap();
    assert_eq!(find(&conn).unwrap(), vec![]);
    assert_eq!(message(&conn, &[]).unwrap(), None);
}

#[test]
fn a_pay_rate_edited_around_the_history_is_named_with_before_and_after() {
    let conn = filled();
    let before = entries(&conn);
    around_the_history(
        &conn,
        "staff",
        "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7",
    );
    assert_eq!(entries(&conn), before, "the edit left no entry");
    let found = find(&conn).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].table, "staff");
    assert_eq!(found[0].record_key, "7");
    let said = message(&conn, &found).unwrap().unwrap();
    assert!(
        said.contains(
            "Ana Ruiz's hourly rate was changed outside Wardbook: $48.00 → $52.00; no history entry."
        ),
        "{said}"
    );
    assert!(
        !said.contains("staff") && !said.contains("trigger"),
        "{said}"
    );
}

#[test]
fn records_added_or_removed_around_the_history_are_named() {
    let conn = filled();
    conn.execute_batch(
        "INSERT INTO staff (id, first_name, last_name, employee_no, role, employment_type,
             fte_hundredths, hourly_rate_cents, hire_date)
         VALUES (8, 'Ben', 'Ode', 'E8', 'RN', 'full_time', 90, 4000, '2020-01-01');",
    )
    .unwrap();
    around_the_history(
        &conn,
        "staff",
        "DELETE FROM staff WHERE id = 8;
         INSERT INTO staff (id, first_name, last_name, employee_no, role, employment_type,
             fte_hundredths, hourly_rate_cents, hire_date)
         VALUES (9, 'Cy', 'Pax', 'E9', 'RN', 'full_time', 90, 9900, '2020-01-01');",
    );
    let found = find(&conn).unwrap();
    let said: Vec<String> = found.iter().map(|c| sentence(&conn, c).unwrap()).collect();
    assert_eq!(
        said,
        vec![
            "Ben Ode was removed outside Wardbook; no history entry.".to_string(),
            "Cy Pax was added outside Wardbook; no history entry.".to_string(),
        ]
    );
}

#[test]
fn once_added_to_the_history_the_change_is_kept_and_no_longer_warned() {
    let conn = filled();
    around_the_history(
        &conn,
        "staff",
        "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7",
    );
    let before = entries(&conn);
    assert_eq!(record(&conn).unwrap(), 1);
    assert_eq!(
        entries(&conn),
        before + 2,
        "the event and the record's change"
    );
    assert_eq!(find(&conn).unwrap(), vec![], "nothing left to warn about");
    let event: String = conn
        .query_row(
            "SELECT label FROM audit_log WHERE after IS NULL AND before IS NULL ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        event.starts_with("1 record found changed outside Wardbook and added to the history: Ana Ruiz's hourly rate"),
        "{event}"
    );
    let (label, after): (String, String) = conn
        .query_row(
            "SELECT label, after FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(label, "Ruiz, Ana", "the person's history shows it");
    assert!(after.contains("5200"));
    assert!(
        chain::verify(&conn).unwrap().intact,
        "sealed like any entry"
    );
    assert_eq!(record(&conn).unwrap(), 0, "recording twice adds nothing");
}

#[test]
fn rows_from_before_the_history_and_reshaped_by_updates_are_described_not_flagged() {
    // Version 4 has no history: Ana is written with no entry, then every
    // update (columns added since) runs over her row.
    let mut conn = open_in_memory_at(4).unwrap();
    conn.execute_batch(DEPARTMENT).unwrap();
    add_ana(&conn);
    crate::store::migrate(&mut conn).unwrap();
    assert_eq!(find(&conn).unwrap(), vec![]);
    // …and described rows are checked like any: an edit of hers is found.
    around_the_history(
        &conn,
        "staff",
        "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7",
    );
    let found = find(&conn).unwrap();
    assert_eq!(found.len(), 1);
    assert!(sentence(&conn, &found[0])
        .unwrap()
        .contains("$48.00 → $52.00"));
}

#[test]
fn a_description_edited_outside_no_longer_counts() {
    let mut conn = open_in_memory_at(4).unwrap();
    conn.execute_batch(DEPARTMENT).unwrap();
    add_ana(&conn);
    crate::store::migrate(&mut conn).unwrap();
    // The forger edits the row and its description to match, without the key.
    around_the_history(
        &conn,
        "staff",
        "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7",
    );
    conn.execute_batch(
        "UPDATE audit_baseline SET state = replace(state, '4800', '5200') WHERE table_name = 'staff'",
    )
    .unwrap();
    let found = find(&conn).unwrap();
    assert_eq!(found.len(), 1, "the unsealed description is not believed");
    assert_eq!(found[0].record_key, "7");
}

#[test]
fn many_changes_name_five_and_count_the_rest() {
    let conn = filled();
    around_the_history(
        &conn,
        "staff",
        "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 8)
         INSERT INTO staff (first_name, last_name, employee_no, role, employment_type,
             fte_hundredths, hourly_rate_cents, hire_date)
         SELECT 'P' || value, 'Q', 'N' || value, 'RN', 'full_time', 90, 4000, '2020-01-01'
         FROM n;",
    );
    let found = find(&conn).unwrap();
    assert_eq!(found.len(), 8);
    let said = message(&conn, &found).unwrap().unwrap();
    assert!(
        said.contains("And 3 more records changed the same way."),
        "{said}"
    );
}

fn plain_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("wardbook.db");
    let file = DepartmentFile::open(&path, None, None, chrono::Local::now().naive_local()).unwrap();
    file.conn().execute_batch(DEPARTMENT).unwrap();
    add_ana(file.conn());
    file.close().unwrap();
    path
}

#[test]
fn a_plain_file_edited_with_another_tool_warns_at_open_until_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_file(dir.path());
    {
        // The sqlite3 shell: no seal function, so the trigger must go.
        let other = Connection::open(&path).unwrap();
        around_the_history(
            &other,
            "staff",
            "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7",
        );
    }
    let open =
        || DepartmentFile::open(&path, None, None, chrono::Local::now().naive_local()).unwrap();
    let mut file = open();
    let warning = file.outside_changes().expect("told at open").to_string();
    assert!(
        warning.contains("Ana Ruiz's hourly rate was changed outside Wardbook: $48.00 → $52.00"),
        "{warning}"
    );
    assert_eq!(file.history_warning(), None, "the history itself is whole");
    let check = crate::store::head::verify(dir.path(), file.conn()).unwrap();
    assert!(!check.intact, "“Check the history” finds it too");
    assert!(
        check.message.contains("$48.00 → $52.00"),
        "{}",
        check.message
    );
    assert_eq!(file.record_outside_changes().unwrap(), 1);
    assert_eq!(file.outside_changes(), None);
    file.close().unwrap();
    let again = open();
    assert_eq!(
        again.outside_changes(),
        None,
        "told once, then kept in the history"
    );
    assert_eq!(again.history_warning(), None);
}

/// The reviewer's case: with the file closed, the guard against editing
/// entries dropped and only the newest entry's "after" of Ana's pay rate
/// forged; the staff table untouched.
fn forged_entry(dir: &std::path::Path) -> std::path::PathBuf {
    let path = plain_file(dir);
    {
        let file =
            DepartmentFile::open(&path, None, None, chrono::Local::now().naive_local()).unwrap();
        file.conn()
            .execute_batch("UPDATE staff SET hourly_rate_cents = 4975 WHERE id = 7")
            .unwrap();
        file.close().unwrap();
    }
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET after = replace(after, '4975', '14975')
               WHERE id = (SELECT MAX(id) FROM audit_log WHERE table_name = 'staff');",
        )
        .unwrap();
    path
}

#[test]
fn a_forged_entry_does_not_accuse_the_untouched_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = forged_entry(dir.path());
    let mut file =
        DepartmentFile::open(&path, None, None, chrono::Local::now().naive_local()).unwrap();
    assert_eq!(
        file.outside_changes(),
        None,
        "the record is as it was saved; only the entry was forged"
    );
    let warning = file
        .history_warning()
        .expect("the chain is broken")
        .to_string();
    assert!(warning.contains("no longer matches"), "{warning}");
    assert!(
        warning.contains(
            "One record was last changed in entries after the break and cannot be checked against the history."
        ),
        "{warning}"
    );
    assert!(
        !warning.contains("One record was changed while it was off"),
        "no record was changed: {warning}"
    );
    let noted: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        noted.contains("except one last changed in entries found changed outside Wardbook, which cannot be checked"),
        "the history's own note does not claim every record was compared: {noted}"
    );
    // Nothing to add, so the forged $149.75 is never written as a before.
    assert_eq!(file.record_outside_changes().unwrap(), 0);
    let forged: i64 = file
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE before LIKE '%14975%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(forged, 0);
}

#[test]
fn with_the_chain_broken_records_are_checked_against_the_trusted_entries_only() {
    let conn = filled();
    conn.execute_batch("UPDATE staff SET hourly_rate_cents = 5000 WHERE id = 7")
        .unwrap();
    let trusted: i64 = conn
        .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    // Ana's rate changed around the history; then a later entry forged.
    around_the_history(
        &conn,
        "staff",
        "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7",
    );
    conn.execute_batch(
        "UPDATE department SET name = 'Ward 5' WHERE id = 1;
         DROP TRIGGER audit_log_no_update;",
    )
    .unwrap();
    conn.execute(
        "UPDATE audit_log SET label = 'forged' WHERE id > ?1",
        [trusted],
    )
    .unwrap();
    let found = find_checked(&conn).unwrap();
    assert_eq!(
        found.unchecked, 1,
        "the department row: last changed after the break"
    );
    assert_eq!(found.changes.len(), 1, "{:?}", found.changes);
    assert_eq!(found.changes[0].record_key, "7");
    assert_eq!(
        sentence(&conn, &found.changes[0]).unwrap(),
        "Ana Ruiz's hourly rate was changed outside Wardbook: $50.00 → $52.00; no history entry."
    );
    // Intact: nothing is left unchecked.
    let whole = filled();
    assert_eq!(find_checked(&whole).unwrap().unchecked, 0);
}

#[test]
fn checking_the_history_says_which_records_cannot_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = forged_entry(dir.path());
    let file = DepartmentFile::open(&path, None, None, chrono::Local::now().naive_local()).unwrap();
    let check = crate::store::head::verify(dir.path(), file.conn()).unwrap();
    assert!(!check.intact);
    assert!(
        check.message.ends_with(
            "One record was last changed in entries after the break and cannot be checked against the history."
        ),
        "{}",
        check.message
    );
}
