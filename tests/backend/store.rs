//! The department file: migrations, durability settings, reopening, and
//! refusing a damaged file without touching it.

use std::fs;
use wardbook::error::ErrorCode;
use wardbook::staff::{EmploymentType, Role, StaffInput};
use wardbook::{department, staff, store};
use wardbook_tests::{department_input, DataDir};

fn person(no: &str) -> StaffInput {
    StaffInput {
        first_name: "Ngozi".into(),
        last_name: "Okafor".into(),
        employee_no: no.into(),
        role: Some(Role::Rn),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "51.00".into(),
        hire_date: "2021-08-16".into(),
        ..Default::default()
    }
}

#[test]
fn migrating_from_empty_creates_the_latest_schema_with_durable_settings() {
    let dir = DataDir::new();
    let conn = dir.open();
    assert_eq!(
        store::schema_version(&conn).unwrap(),
        store::LATEST_VERSION,
        "a new file is fully migrated"
    );
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(
        sync, 2,
        "synchronous=FULL so a reported save survives a power cut"
    );
    assert_eq!(fk, 1, "foreign keys keep credentials tied to real staff");
    let tables: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('department', 'staff', 'credential', 'credential_type', 'training', 'skill')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 6);
}

#[test]
fn migrating_twice_changes_nothing() {
    let dir = DataDir::new();
    drop(dir.open());
    let conn = dir.open();
    assert_eq!(store::schema_version(&conn).unwrap(), store::LATEST_VERSION);
}

#[test]
fn reopening_keeps_the_department_and_its_staff() {
    let dir = DataDir::new();
    {
        let mut conn = dir.open();
        department::create(&conn, &department_input("5 East")).unwrap();
        staff::create(&mut conn, &person("E77")).unwrap();
    }
    let conn = dir.open();
    assert_eq!(department::get(&conn).unwrap().unwrap().name, "5 East");
    let rows = staff::list(
        &conn,
        &Default::default(),
        wardbook_tests::day("2026-11-27"),
    )
    .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].employee_no, "E77");
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() {
    let dir = DataDir::new();
    {
        let conn = dir.open();
        conn.pragma_update(None, "user_version", store::LATEST_VERSION + 1)
            .unwrap();
    }
    let err = store::open(&dir.db()).unwrap_err();
    assert!(
        err.message.contains("newer version of Wardbook"),
        "{}",
        err.message
    );
}

/// A file whose pages are damaged: the check must refuse it and leave every byte as it was.
#[test]
fn a_damaged_file_is_refused_and_left_byte_for_byte_untouched() {
    let dir = DataDir::new();
    {
        let mut conn = dir.open();
        department::create(&conn, &department_input("5 East")).unwrap();
        for i in 0..200 {
            staff::create(&mut conn, &person(&format!("E{i}"))).unwrap();
        }
        // Closing the last connection checkpoints the WAL into the main file.
    }
    let path = dir.db();
    let mut bytes = fs::read(&path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let pages = bytes.len() / page_size;
    assert!(pages > 3, "the test needs a file of several pages");
    // Scribble over the b-tree header of the last page.
    let last = (pages - 1) * page_size;
    bytes[last..last + 64].fill(0xA5);
    fs::write(&path, &bytes).unwrap();

    let err = store::open(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::Corrupt, "{err:?}");
    assert!(
        err.message.contains("damaged"),
        "the message says what is wrong: {}",
        err.message
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "the damaged file must not be changed"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = DataDir::new();
    let path = dir.db();
    let garbage = b"Name,FTE\nLopez,0.9\n".repeat(500);
    fs::write(&path, &garbage).unwrap();
    let err = store::open(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::Corrupt);
    assert_eq!(fs::read(&path).unwrap(), garbage);
}
