//! `sqlcipher_export` is there on every connection Wardbook opens: one that
//! never had a key, an in-memory one, and a brand-new empty department's (an
//! earlier test once saw "no such function: sqlcipher_export").

use super::*;
use crate::store::backup::BackupPlan;
use crate::store::{db_path, DepartmentFile};

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn secret() -> Passphrase {
    Passphrase::new("correct horse battery")
}

/// The export at `target` opens with the key and holds `table`.
fn holds(target: &Path, table: &str) -> bool {
    let conn = Connection::open(target).unwrap();
    apply_key(&conn, Some(&secret())).unwrap();
    let found = conn
        .prepare("SELECT 1 FROM sqlite_master WHERE name = ?1")
        .unwrap()
        .exists([table])
        .unwrap();
    found
}

#[test]
fn a_plain_in_memory_connection_that_never_had_a_key_can_export() {
    let dir = tempfile::tempdir().unwrap();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let target = dir.path().join("out.db");
    export(&conn, &target, Some(&secret())).unwrap();
    assert!(holds(&target, "t"));
}

#[test]
fn the_apps_in_memory_record_can_export() {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::open_in_memory().unwrap();
    let target = dir.path().join("out.db");
    export(&conn, &target, Some(&secret())).unwrap();
    assert!(holds(&target, "audit_log"));
}

#[test]
fn a_file_connection_opened_without_a_key_can_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x);").unwrap();
    let target = dir.path().join("out.db");
    export(&conn, &target, Some(&secret())).unwrap();
    assert!(holds(&target, "t"));
}

#[test]
fn a_passphrase_set_on_a_brand_new_empty_department_encrypts_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    // Nothing in it yet: no department, no person, no backup.
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    let input = crate::store::passphrase::PassphraseInput {
        new_passphrase: "correct horse battery".into(),
        confirm_passphrase: "correct horse battery".into(),
        ..Default::default()
    };
    let file = crate::store::passphrase::change(file, &input, false, &plan, now())
        .unwrap_or_else(|e| panic!("{}", e.error.message));
    assert!(file.is_encrypted());
    file.close().unwrap();
    assert_eq!(
        file_kind(&db_path(dir.path())).unwrap(),
        FileKind::Encrypted
    );
    assert!(DepartmentFile::open(&db_path(dir.path()), Some(secret()), None, now()).is_ok());
    let Err(locked) = DepartmentFile::open(&db_path(dir.path()), None, None, now()) else {
        panic!("the encrypted file opened without its passphrase");
    };
    assert_eq!(locked.code, crate::error::ErrorCode::Locked);
}
