//! The change history's date filters: the days a manager types are the
//! department's days (its time zone), not UTC's.

use chrono::{Timelike, Utc};
use wardbook::audit::{self, HistoryQuery};
use wardbook::input::format_date;
use wardbook::staff::{EmploymentType, Role, StaffInput};
use wardbook::{department, staff};
use wardbook_tests::{department_input, DataDir};

fn on(conn: &rusqlite::Connection, from: &str, to: &str) -> i64 {
    let query = HistoryQuery {
        from: from.into(),
        to: to.into(),
        limit: 50,
        ..Default::default()
    };
    audit::list(conn, &query).unwrap().total
}

#[test]
fn a_change_is_found_on_the_departments_day_not_on_the_utc_day() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    // A zone where it is another day than in UTC right now: 14 h ahead from
    // 10:00 UTC on, 11 h behind before it.
    let zone = if Utc::now().hour() >= 10 {
        "Pacific/Kiritimati"
    } else {
        "Pacific/Pago_Pago"
    };
    let mut input = department_input("Island ward");
    input.time_zone = zone.into();
    department::create(&conn, &input).unwrap();
    let utc_day = format_date(Utc::now().date_naive());
    staff::create(
        &mut conn,
        &StaffInput {
            first_name: "Ngozi".into(),
            last_name: "Okafor".into(),
            employee_no: "E1".into(),
            role: Some(Role::Rn),
            employment_type: Some(EmploymentType::FullTime),
            fte: "0.9".into(),
            hourly_rate: "51.00".into(),
            hire_date: "2021-08-16".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let local_day = format_date(department::today(&department::require(&conn).unwrap()));
    assert_ne!(local_day, utc_day, "{zone} is on another day than UTC");

    let everything = on(&conn, "", "");
    assert!(everything > 0, "adding a person is in the history");
    assert_eq!(
        on(&conn, &local_day, &local_day),
        everything,
        "today on the department's clock ({local_day} in {zone}) holds the change"
    );
    assert_eq!(
        on(&conn, &utc_day, &utc_day),
        0,
        "the UTC date ({utc_day}) is not the department's day"
    );
    let page = audit::list(
        &conn,
        &HistoryQuery {
            limit: 1,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        page.entries[0].at.starts_with(&local_day),
        "the entry's time is shown on the department's clock: {}",
        page.entries[0].at
    );
}

#[test]
fn a_date_typed_another_way_is_refused_beside_its_field() {
    let dir = DataDir::new();
    let conn = dir.open();
    department::create(&conn, &department_input("5 East")).unwrap();
    for (field, query) in [
        (
            "from",
            HistoryQuery {
                from: "12/07/2026".into(),
                limit: 50,
                ..Default::default()
            },
        ),
        (
            "to",
            HistoryQuery {
                to: "7.12.2026".into(),
                limit: 50,
                ..Default::default()
            },
        ),
    ] {
        let err = audit::list(&conn, &query).unwrap_err();
        let message = err.message_for(field).unwrap_or_default();
        assert!(
            message.contains("YYYY-MM-DD"),
            "{field} says the format the app's date fields take: {message:?}"
        );
    }
}

/// Every record the app writes (the sample department, grown to 150 staff
/// with their shifts) is as the history says: no warning at open. Then one
/// pay rate edited around the history (trigger dropped, edit, trigger put
/// back) is the one record named.
#[test]
fn records_are_checked_against_the_history_at_open_without_false_alarms() {
    use wardbook::store::DepartmentFile;
    let dir = DataDir::new();
    {
        let mut conn = dir.open();
        wardbook::sample::create(&mut conn, wardbook_tests::day("2026-11-27")).unwrap();
        let draft = wardbook::schedule::store::periods::list(&conn).unwrap()[1].clone();
        wardbook_tests::big_unit::grow_to_150(&mut conn, &draft);
    }
    let open = || DepartmentFile::open(&dir.db(), None, None, wardbook_tests::now()).unwrap();
    let file = open();
    assert_eq!(file.outside_changes(), None);
    assert_eq!(file.history_warning(), None);
    drop(file);
    {
        let conn = rusqlite::Connection::open(dir.db()).unwrap();
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'audit_trg_staff_update'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(
            "DROP TRIGGER audit_trg_staff_update;
             UPDATE staff SET hourly_rate_cents = hourly_rate_cents + 400
              WHERE id = (SELECT MIN(id) FROM staff WHERE employee_no LIKE 'X%');",
        )
        .unwrap();
        conn.execute_batch(&sql).unwrap();
    }
    let file = open();
    let said = file.outside_changes().expect("the edit is found");
    assert!(
        said.contains("Extra0 Nurse000's hourly rate was changed outside Wardbook: $45.00 → $49.00; no history entry."),
        "{said}"
    );
    assert!(!said.contains("more records"), "only that record: {said}");
}
