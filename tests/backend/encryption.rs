//! Encryption at rest: a passphrase opens the file and nothing else does;
//! set, change and remove keep every row; the bytes on disk hold no name.

use rusqlite::Connection;
use std::fs;
use std::path::Path;
use wardbook::error::ErrorCode;
use wardbook::store::passphrase::{self, PassphraseInput};
use wardbook::store::{self, settings, swap, DepartmentFile, Passphrase};
use wardbook::{department, staff};
use wardbook_tests::{department_input, now, person, DataDir};

const SECRET: &str = "correct horse battery";

fn key(s: &str) -> Option<Passphrase> {
    Some(Passphrase::new(s))
}

fn set(file: DepartmentFile, dir: &DataDir, current: &str, new: &str) -> DepartmentFile {
    let input = PassphraseInput {
        current_passphrase: current.into(),
        new_passphrase: new.into(),
        confirm_passphrase: new.into(),
        keep_plain_backups: false,
    };
    passphrase::change(file, &input, false, &settings::plan(dir.path()), now())
        .unwrap_or_else(|e| panic!("setting the passphrase: {:?}", e.error))
}

/// A department with a person whose name and pay rate are easy to find in bytes.
fn filled(dir: &DataDir) -> DepartmentFile {
    let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    department::create(file.conn(), &department_input("Zanzibar Ward")).unwrap();
    staff::create(
        file.conn_mut(),
        &person("Quintessa", "Vandermolen", "E1", "73.45"),
    )
    .unwrap();
    file
}

fn staff_count(conn: &Connection) -> i64 {
    conn.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every byte Wardbook keeps for the file: the file, its WAL and shared memory.
fn all_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = fs::read(db).unwrap();
    for p in swap::companions(db) {
        if let Ok(b) = fs::read(p) {
            bytes.extend(b);
        }
    }
    bytes
}

#[test]
fn an_encrypted_file_opens_only_with_its_passphrase() {
    let dir = DataDir::new();
    let file = set(filled(&dir), &dir, "", SECRET);
    assert!(file.is_encrypted());
    drop(file);

    let err = DepartmentFile::open(&dir.db(), None, None, now())
        .err()
        .expect("no key");
    assert_eq!(
        err.code,
        ErrorCode::Locked,
        "without a key the app asks for one: {err:?}"
    );

    let err = DepartmentFile::open(&dir.db(), key("wrong horse battery"), None, now())
        .err()
        .expect("a wrong key is refused");
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.field.as_deref(),
        Some("passphrase"),
        "the message goes beside the field"
    );
    assert!(err.message.contains("does not open"), "{}", err.message);

    let file = DepartmentFile::open(&dir.db(), key(SECRET), None, now()).unwrap();
    assert_eq!(staff_count(file.conn()), 1, "the right key reads every row");
    assert_eq!(
        department::get(file.conn()).unwrap().unwrap().name,
        "Zanzibar Ward"
    );
}

#[test]
fn without_the_passphrase_the_bytes_hold_no_name_or_pay_rate() {
    let dir = DataDir::new();
    let mut file = set(filled(&dir), &dir, "", SECRET);
    // A second change after encrypting goes through the WAL; check it too.
    staff::create(
        file.conn_mut(),
        &person("Bartholomew", "Okonkwo-Reyes", "E2", "68.15"),
    )
    .unwrap();
    file.conn()
        .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
        .unwrap();
    let bytes = all_bytes(&dir.db());
    for needle in [
        "Quintessa",
        "Vandermolen",
        "Bartholomew",
        "Okonkwo-Reyes",
        "Zanzibar",
        "SQLite format 3",
    ] {
        assert!(
            !contains(&bytes, needle.as_bytes()),
            "{needle} must not appear in the encrypted file or its WAL"
        );
    }
    // Rates are stored as integer cents inside the (encrypted) pages; anything
    // that ever writes one as text (history, exports) would show it like this.
    for rate in ["73.45", "7345", "68.15", "6815"] {
        assert!(
            !contains(&bytes, rate.as_bytes()),
            "the pay rate {rate} must not appear"
        );
    }
    let plain = Connection::open(dir.db()).unwrap();
    let err = plain
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get::<_, i64>(0))
        .unwrap_err();
    assert_eq!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase),
        "plain SQLite sees no database: {err}"
    );
    drop(file);
}

#[test]
fn the_sqlite3_shell_cannot_read_the_encrypted_file() {
    let dir = DataDir::new();
    drop(set(filled(&dir), &dir, "", SECRET));
    let out = std::process::Command::new("sqlite3")
        .arg(dir.db())
        .arg("SELECT first_name FROM staff;")
        .output()
        .expect("the sqlite3 shell is installed (apt: sqlite3)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "sqlite3 must fail: {stdout}");
    assert!(
        stderr.contains("not a database"),
        "sqlite3 says why: {stderr}"
    );
    assert!(!stdout.contains("Quintessa"));
}

#[test]
fn a_plain_file_shows_the_name_so_the_byte_test_can_fail() {
    let dir = DataDir::new();
    let file = filled(&dir);
    file.conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    assert!(
        contains(&all_bytes(&dir.db()), b"Vandermolen"),
        "unencrypted, the name is there to find"
    );
}

#[test]
fn changing_the_passphrase_needs_the_current_one_and_keeps_every_row() {
    let dir = DataDir::new();
    let file = set(filled(&dir), &dir, "", SECRET);
    let wrong = PassphraseInput {
        current_passphrase: "not it at all".into(),
        new_passphrase: "new passphrase here".into(),
        confirm_passphrase: "new passphrase here".into(),
        keep_plain_backups: false,
    };
    let refused = passphrase::change(file, &wrong, false, &settings::plan(dir.path()), now())
        .err()
        .expect("a wrong current passphrase is refused");
    assert_eq!(
        refused.error.message_for("current_passphrase"),
        Some("This is not the passphrase in use now.")
    );
    let file = *refused.file.expect("the file stays open after a refusal");
    let file = set(file, &dir, SECRET, "new passphrase here");
    assert_eq!(staff_count(file.conn()), 1);
    drop(file);
    assert!(
        DepartmentFile::open(&dir.db(), key(SECRET), None, now()).is_err(),
        "the old passphrase no longer opens it"
    );
    let file = DepartmentFile::open(&dir.db(), key("new passphrase here"), None, now()).unwrap();
    assert_eq!(staff_count(file.conn()), 1);
    assert!(
        !dir.db().with_extension("db.rekey").exists(),
        "no staged copy is left behind"
    );
}

#[test]
fn removing_the_passphrase_makes_a_plain_file_again() {
    let dir = DataDir::new();
    let file = set(filled(&dir), &dir, "", SECRET);
    let input = PassphraseInput {
        current_passphrase: SECRET.into(),
        ..Default::default()
    };
    let file = passphrase::change(file, &input, true, &settings::plan(dir.path()), now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert!(!file.is_encrypted());
    drop(file);
    let conn = store::open(&dir.db()).expect("opens without a key");
    assert_eq!(staff_count(&conn), 1);
}

#[test]
fn a_new_passphrase_must_be_long_enough_and_typed_twice_alike() {
    let dir = DataDir::new();
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "short".into(),
        confirm_passphrase: "shirt".into(),
        keep_plain_backups: false,
    };
    let err = passphrase::change(
        filled(&dir),
        &input,
        false,
        &settings::plan(dir.path()),
        now(),
    )
    .err()
    .expect("refused");
    assert!(err
        .error
        .message_for("new_passphrase")
        .unwrap()
        .contains("at least 8"));
    assert!(
        err.error.message_for("confirm_passphrase").is_some(),
        "both mistakes are reported at once"
    );
    assert!(!err.file.unwrap().is_encrypted(), "nothing changed");
}

#[test]
fn the_integrity_check_at_open_works_on_an_encrypted_file() {
    let dir = DataDir::new();
    let file = set(filled(&dir), &dir, "", SECRET);
    let mut file = file;
    for i in 0..150 {
        staff::create(
            file.conn_mut(),
            &person("A", "B", &format!("X{i}"), "40.00"),
        )
        .unwrap();
    }
    drop(file);
    let mut bytes = fs::read(dir.db()).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(pages > 3);
    // Damage a page in the middle: SQLCipher's page MAC catches it.
    let mid = (pages / 2) * page + 100;
    bytes[mid..mid + 32].fill(0x5A);
    fs::write(dir.db(), &bytes).unwrap();
    let file = DepartmentFile::open(&dir.db(), key(SECRET), None, now()).unwrap();
    assert!(
        file.damaged().is_some(),
        "the damaged encrypted file is found out"
    );
    drop(file);
    assert_eq!(fs::read(dir.db()).unwrap(), bytes, "and left as it was");
}
