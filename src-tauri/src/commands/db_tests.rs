//! The lock states the commands go through: locked at start, unlocked by the
//! right passphrase only, locked again when idle too long or on request.

use super::*;
use tauri::async_runtime::block_on;

fn staff_count(db: &Arc<Db>) -> AppResult<i64> {
    block_on(db.run(|c| Ok(c.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))?)))
}

/// A data folder holding an encrypted department file, and a Db opened on it as at start.
fn encrypted() -> (tempfile::TempDir, Arc<Db>) {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    drop(DepartmentFile::open(&path, Some(Passphrase::new("open sesame 1")), None, now()).unwrap());
    let db = Arc::new(Db::new(dir.path().to_path_buf()));
    db.set(DepartmentFile::open(&path, None, None, now()));
    (dir, db)
}

#[test]
fn an_encrypted_file_waits_locked_until_the_right_passphrase() {
    let (_dir, db) = encrypted();
    assert!(db.snapshot().locked);
    assert_eq!(
        staff_count(&db).unwrap_err().code,
        ErrorCode::Locked,
        "no command reads a locked file"
    );
    let wrong = block_on(db.unlock("open sesame 2".into())).unwrap_err();
    assert_eq!(wrong.field.as_deref(), Some("passphrase"));
    assert!(db.snapshot().locked, "a wrong passphrase leaves it locked");
    block_on(db.unlock("open sesame 1".into())).unwrap();
    assert_eq!(staff_count(&db).unwrap(), 0);
}

#[test]
fn idle_too_long_locks_the_file_before_the_next_command() {
    let (_dir, db) = encrypted();
    block_on(db.unlock("open sesame 1".into())).unwrap();
    db.set_idle_minutes(0);
    assert_eq!(
        staff_count(&db).unwrap_err().code,
        ErrorCode::Locked,
        "the idle limit has passed"
    );
    assert!(db.snapshot().locked);
    db.set_idle_minutes(15);
    block_on(db.unlock("open sesame 1".into())).unwrap();
    assert!(staff_count(&db).is_ok(), "within the limit it stays open");
    assert!(block_on(db.lock()).unwrap(), "locking on request");
    assert_eq!(staff_count(&db).unwrap_err().code, ErrorCode::Locked);
}

#[test]
fn a_plain_file_has_nothing_to_lock_with() {
    let dir = tempfile::tempdir().unwrap();
    let db = Arc::new(Db::new(dir.path().to_path_buf()));
    db.set(DepartmentFile::open(
        &crate::store::db_path(dir.path()),
        None,
        None,
        now(),
    ));
    db.set_idle_minutes(0);
    assert!(
        staff_count(&db).is_ok(),
        "without a passphrase the idle lock does not apply"
    );
    assert!(!block_on(db.lock()).unwrap());
}
