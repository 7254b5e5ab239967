//! The history chain: every entry sealed, any edit around the guards found
//! and named, guards and change triggers restored at open with a note.

use super::*;
use crate::records::NewStaff;
use crate::store::{open_in_memory, open_in_memory_at, DepartmentFile};
use rusqlite::Connection;

/// A department with one person, three saved changes and so three entries.
fn filled() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01');",
    )
    .unwrap();
    NewStaff::new("Ann", "Lee", "E7")
        .id(7)
        .insert(&conn)
        .unwrap();
    conn.execute_batch("UPDATE staff SET hourly_rate_cents = 4700 WHERE id = 7;")
        .unwrap();
    conn
}

fn ids(conn: &Connection) -> Vec<i64> {
    let mut stmt = conn
        .prepare("SELECT id FROM audit_log ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn drop_guards(conn: &Connection) {
    for (name, _) in guards() {
        if name != "audit_log_chain" {
            conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
        }
    }
}

#[test]
fn the_keyed_hash_is_hmac_sha256() {
    // RFC 4231, test case 2.
    let mac = hmac(b"Jefe", b"what do ya want for nothing?");
    let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[test]
fn every_entry_is_sealed_and_an_untouched_history_verifies() {
    let conn = filled();
    let check = verify(&conn).unwrap();
    assert_eq!(check.entries, 3);
    assert!(check.intact, "{}", check.message);
    let seals: i64 = conn
        .query_row("SELECT COUNT(*) FROM audit_seal", [], |r| r.get(0))
        .unwrap();
    assert_eq!(seals, 3, "one seal per entry, written with it");
}

#[test]
fn insert_or_replace_over_an_entry_is_refused_with_the_guards_in_place() {
    let conn = filled();
    let first = ids(&conn)[0];
    let label_of = |id: i64| -> String {
        conn.query_row("SELECT label FROM audit_log WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let before = label_of(first);
    let replaced = conn.execute(
        "INSERT OR REPLACE INTO audit_log (id, table_name, record_key, action, label)
         VALUES (?1, 'staff', '7', 'insert', 'forged')",
        [first],
    );
    assert!(replaced.is_err(), "REPLACE must not overwrite an entry");
    assert_eq!(label_of(first), before);
    let seal = conn.execute(
        "INSERT OR REPLACE INTO audit_seal (entry_id, hash) VALUES (?1, x'00')",
        [first],
    );
    assert!(seal.is_err(), "nor a seal");
    assert!(verify(&conn).unwrap().intact);
}

#[test]
fn an_entry_edited_around_the_guards_is_named() {
    let conn = filled();
    let second = ids(&conn)[1];
    drop_guards(&conn);
    conn.execute(
        "UPDATE audit_log SET after = replace(after, '4500', '9900') WHERE id = ?1",
        [second],
    )
    .unwrap();
    let check = verify(&conn).unwrap();
    assert!(!check.intact);
    assert_eq!(check.first_broken, Some(second));
    assert!(
        check.message.contains(&format!("entry {second}")) && check.message.contains("Lee, Ann"),
        "{}",
        check.message
    );
}

#[test]
fn a_broken_entry_is_named_at_the_departments_time_as_the_history_shows_it() {
    let conn = filled();
    conn.execute("UPDATE department SET time_zone = 'Pacific/Auckland'", [])
        .unwrap();
    let second = ids(&conn)[1];
    drop_guards(&conn);
    conn.execute(
        "UPDATE audit_log SET at = '2026-12-07T07:10:00.000Z' WHERE id = ?1",
        [second],
    )
    .unwrap();
    let check = verify(&conn).unwrap();
    assert_eq!(check.first_broken, Some(second));
    // 07:10 UTC is 20:10 in Auckland (summer time, +13).
    assert!(
        check.message.contains("(7 Dec 2026 20:10, “Lee, Ann”)"),
        "{}",
        check.message
    );
    assert!(!check.message.contains("UTC"), "{}", check.message);
    let shown = crate::audit::list(
        &conn,
        &crate::audit::HistoryQuery {
            limit: 50,
            ..Default::default()
        },
    )
    .unwrap();
    let row = shown.entries.iter().find(|e| e.id == second).unwrap();
    assert_eq!(
        row.at, "2026-12-07 20:10:00",
        "the history row says the same"
    );
}

#[test]
fn a_removed_entry_is_found_in_the_middle_and_at_the_end() {
    let conn = filled();
    let all = ids(&conn);
    drop_guards(&conn);
    conn.execute("DELETE FROM audit_log WHERE id = ?1", [all[1]])
        .unwrap();
    let check = verify(&conn).unwrap();
    assert_eq!(check.first_broken, Some(all[2]), "{}", check.message);
    assert!(check.message.contains("removed"), "{}", check.message);

    let conn = filled();
    let all = ids(&conn);
    drop_guards(&conn);
    conn.execute("DELETE FROM audit_log WHERE id = ?1", [all[2]])
        .unwrap();
    let check = verify(&conn).unwrap();
    assert_eq!(
        check.first_broken,
        Some(all[2]),
        "its seal is left: {}",
        check.message
    );
}

#[test]
fn an_entry_slipped_in_without_its_seal_is_named() {
    let conn = filled();
    conn.execute_batch("DROP TRIGGER audit_log_chain").unwrap();
    conn.execute(
        "INSERT INTO audit_log (table_name, record_key, action, label) VALUES ('staff', '7', 'delete', 'Lee, Ann')",
        [],
    )
    .unwrap();
    let slipped = conn.last_insert_rowid();
    let check = verify(&conn).unwrap();
    assert_eq!(check.first_broken, Some(slipped));
    assert!(
        check.message.contains("was added outside Wardbook"),
        "{}",
        check.message
    );
}

#[test]
fn a_tool_without_wardbook_cannot_add_to_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wardbook.db");
    drop(crate::store::open(&path).unwrap());
    let raw = Connection::open(&path).unwrap();
    let written = raw.execute(
        "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01')",
        [],
    );
    assert!(
        written.is_err(),
        "the change trigger's seal needs Wardbook's function"
    );
}

#[test]
fn entries_from_before_the_chain_are_sealed_when_it_is_added() {
    let mut conn = open_in_memory_at(5).unwrap();
    conn.execute_batch(
        "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01');",
    )
    .unwrap();
    crate::store::migrate(&mut conn).unwrap();
    conn.execute_batch("UPDATE department SET name = 'Ward 5'")
        .unwrap();
    let check = verify(&conn).unwrap();
    assert_eq!(check.entries, 2);
    assert!(check.intact, "{}", check.message);
}

#[test]
fn guards_and_change_triggers_removed_outside_are_restored_at_open_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wardbook.db");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    {
        let file = DepartmentFile::open(&path, None, None, now).unwrap();
        assert!(file.history_warning().is_none());
    }
    {
        // Someone with the file drops a guard and the staff table's update trigger.
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_trg_staff_update;")
            .unwrap();
    }
    let file = DepartmentFile::open(&path, None, None, now).unwrap();
    let conn = file.conn();
    assert!(
        missing_triggers(conn).unwrap().is_empty(),
        "every trigger is back"
    );
    assert!(
        conn.execute("DELETE FROM audit_log", []).is_err(),
        "the guard refuses again"
    );
    let warning = file.history_warning().expect("the manager is told");
    assert!(warning.contains("protection"), "{warning}");
    let label: String = conn
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        label.starts_with("The history's protection had been removed outside Wardbook"),
        "{label}"
    );
    for technical in ["trigger", "seal", "audit", "Audit"] {
        assert!(!label.contains(technical), "{technical}: {label}");
        assert!(!warning.contains(technical), "{technical}: {warning}");
    }
    assert!(
        verify(conn).unwrap().intact,
        "the note is sealed like any entry"
    );
    drop(file);
    let again = DepartmentFile::open(&path, None, None, now).unwrap();
    assert!(
        again.history_warning().is_none(),
        "an intact file opens without a warning, and the note stays in the history"
    );
}

#[test]
fn a_broken_chain_is_reported_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wardbook.db");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    {
        let file = DepartmentFile::open(&path, None, None, now).unwrap();
        file.conn()
            .execute_batch(
                "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01');",
            )
            .unwrap();
    }
    {
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET label = 'Ward 9';
             CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
             BEGIN
                 SELECT RAISE(ABORT, 'The change history cannot be edited.');
             END;",
        )
        .unwrap();
    }
    let file = DepartmentFile::open(&path, None, None, now).unwrap();
    let warning = file.history_warning().expect("a broken chain is told");
    assert!(warning.contains("entry 1"), "{warning}");
}

/// The warning about removed protection says what was changed while it was
/// off: nothing (every record as the history says), or how many records,
/// each named in the warning about records changed outside Wardbook.
#[test]
fn removed_protection_says_what_changed_while_it_was_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wardbook.db");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    {
        let file = DepartmentFile::open(&path, None, None, now).unwrap();
        file.conn()
            .execute_batch(
                "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'UTC', 7, 'weekly_40', '2026-01-01');",
            )
            .unwrap();
        NewStaff::new("Ana", "Ruiz", "E7")
            .id(7)
            .rate(4800)
            .insert(file.conn())
            .unwrap();
    }
    let drop_trigger = || {
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch("DROP TRIGGER audit_trg_staff_update;")
            .unwrap();
        raw
    };
    drop(drop_trigger());
    let file = DepartmentFile::open(&path, None, None, now).unwrap();
    let warning = file.history_warning().expect("told").to_string();
    assert!(
        warning.contains(
            "Every record is still as the history says, so nothing was changed while it was off."
        ),
        "{warning}"
    );
    assert_eq!(file.outside_changes(), None);
    drop(file);

    let raw = drop_trigger();
    raw.execute_batch("UPDATE staff SET hourly_rate_cents = 5200 WHERE id = 7;")
        .unwrap();
    drop(raw);
    let file = DepartmentFile::open(&path, None, None, now).unwrap();
    let warning = file.history_warning().expect("told").to_string();
    assert!(
        warning.contains("One record was changed while it was off"),
        "{warning}"
    );
    let named = file.outside_changes().expect("and named");
    assert!(
        named.contains("Ana Ruiz's hourly rate was changed outside Wardbook: $48.00 → $52.00"),
        "{named}"
    );
}
