//! Faults: a damaged file opens read-only and stays byte-for-byte as it was;
//! a read-only folder and a full disk give clear errors and lose nothing saved.

use std::fs;
use wardbook::error::ErrorCode;
use wardbook::store::{self, DepartmentFile};
use wardbook::{department, staff};
use wardbook_tests::{department_input, now, person, DataDir, ReadOnlyFolder};

fn staff_count(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap()
}

/// A file of many pages whose last page is scribbled over.
fn damaged(dir: &DataDir) -> Vec<u8> {
    {
        let mut conn = dir.open();
        department::create(&conn, &department_input("5 East")).unwrap();
        for i in 0..200 {
            staff::create(
                &mut conn,
                &person("Ngozi", "Okafor", &format!("E{i}"), "51.00"),
            )
            .unwrap();
        }
    }
    let mut bytes = fs::read(dir.db()).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let last = bytes.len() - page;
    bytes[last..last + 64].fill(0xA5);
    fs::write(dir.db(), &bytes).unwrap();
    bytes
}

#[test]
fn a_damaged_file_opens_read_only_and_is_not_changed() {
    let dir = DataDir::new();
    let bytes = damaged(&dir);
    let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    assert!(
        file.damaged().is_some(),
        "the integrity check found the damage"
    );
    assert_eq!(
        department::get(file.conn()).unwrap().unwrap().name,
        "5 East",
        "what can still be read is shown"
    );
    let err = staff::create(file.conn_mut(), &person("New", "Person", "N1", "40.00")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage, "a save is refused: {err:?}");
    let err = department::update(file.conn(), &department_input("Renamed")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage);
    drop(file);
    assert_eq!(
        fs::read(dir.db()).unwrap(),
        bytes,
        "the damaged file is byte-for-byte as it was"
    );
}

#[test]
fn restoring_over_a_damaged_file_keeps_it_byte_for_byte_in_the_backups() {
    use wardbook::store::backup::{self, BackupPlan, BackupReason};
    let dir = DataDir::new();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    {
        let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
        department::create(file.conn(), &department_input("Earlier")).unwrap();
        file.backup(
            &plan,
            BackupReason::Manual,
            wardbook_tests::at("2026-11-01 08:00:00"),
        )
        .unwrap();
    }
    // The damaged file is made elsewhere: a missing file beside backups is
    // itself a damaged department and would not open.
    let elsewhere = DataDir::new();
    let bytes = damaged(&elsewhere);
    for p in store::swap::companions(&dir.db()) {
        let _ = fs::remove_file(p);
    }
    fs::write(dir.db(), &bytes).unwrap();
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    let good = backup::list(&plan.folder).unwrap()[0].name.clone();
    let (file, _) = store::restore::restore(Some(file), &dir.db(), &plan, &good, None, now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert!(file.damaged().is_none());
    assert_eq!(
        department::get(file.conn()).unwrap().unwrap().name,
        "Earlier"
    );
    let kept = backup::list(&plan.folder).unwrap();
    let copy = kept
        .iter()
        .find(|f| f.reason == BackupReason::Damaged)
        .expect("the damaged file was kept");
    assert_eq!(
        fs::read(plan.folder.join(&copy.name)).unwrap(),
        bytes,
        "kept byte for byte"
    );
}

#[test]
fn a_read_only_folder_gives_a_clear_error_and_loses_nothing() {
    let dir = DataDir::new();
    {
        let mut conn = dir.open();
        department::create(&conn, &department_input("5 East")).unwrap();
        staff::create(&mut conn, &person("Ngozi", "Okafor", "E1", "51.00")).unwrap();
    }
    let before = fs::read(dir.db()).unwrap();
    {
        let _ro = ReadOnlyFolder::new(dir.path());
        let err = DepartmentFile::open(&dir.db(), None, None, now())
            .err()
            .expect("refused");
        assert_eq!(err.code, ErrorCode::Storage, "{err:?}");
        assert!(
            err.message.contains("read-only")
                && err.message.contains(&dir.path().display().to_string()),
            "the message names the folder and the cause: {}",
            err.message
        );
        assert_eq!(fs::read(dir.db()).unwrap(), before);
    }
    let conn = dir.open();
    assert_eq!(staff_count(&conn), 1, "everything saved is still there");
}

#[test]
fn a_new_file_in_a_read_only_folder_gives_a_clear_error() {
    let dir = DataDir::new();
    let _ro = ReadOnlyFolder::new(dir.path());
    let err = DepartmentFile::open(&dir.db(), None, None, now())
        .err()
        .expect("refused");
    assert_eq!(err.code, ErrorCode::Storage, "{err:?}");
    assert!(err.message.contains("read-only"), "{}", err.message);
}

#[test]
fn a_full_disk_refuses_the_save_with_a_clear_error_and_keeps_every_earlier_save() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    department::create(&conn, &department_input("5 East")).unwrap();
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // The file may not grow past a few more pages: the disk is "full".
    conn.query_row(
        &format!("PRAGMA max_page_count = {}", pages + 3),
        [],
        |_| Ok(()),
    )
    .unwrap();
    let long_notes = "n".repeat(1500);
    let mut saved = 0;
    let err = loop {
        let mut p = person("Ngozi", "Okafor", &format!("E{saved}"), "51.00");
        p.notes = long_notes.clone();
        match staff::create(&mut conn, &p) {
            Ok(_) => saved += 1,
            Err(e) => break e,
        }
        assert!(saved < 1000, "the page limit never hit");
    };
    assert!(saved > 0, "some saves fitted before the disk was full");
    assert_eq!(err.code, ErrorCode::Storage, "{err:?}");
    assert!(err.message.contains("full"), "{}", err.message);
    assert!(
        err.message.contains("not saved"),
        "it says the change was not saved: {}",
        err.message
    );
    drop(conn);
    let conn = dir.open();
    assert_eq!(
        staff_count(&conn),
        saved,
        "every save reported as done is there, the failed one is not"
    );
}
