//! The adapter: a command that panics is logged and answered in plain
//! words, and the session goes on.

use super::*;
use tauri::async_runtime::block_on;

fn now() -> chrono::NaiveDateTime {
    crate::store::session::now()
}

fn staff_count(db: &Arc<Db>) -> AppResult<i64> {
    block_on(db.run(|c| Ok(c.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))?)))
}

#[test]
fn a_command_that_panics_is_logged_and_answered_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = Arc::new(Db::new(dir.path().to_path_buf()));
    db.set(DepartmentFile::open(
        &crate::store::db_path(dir.path()),
        None,
        None,
        now(),
    ));
    let answer = block_on(db.run(|conn| -> AppResult<()> {
        let tx = conn.transaction()?;
        tx.execute_batch("INSERT INTO skill (name) VALUES ('Chemo')")?;
        panic!("no shift for “Ann Lee” in the test command");
    }))
    .unwrap_err();
    assert_eq!(answer.code, ErrorCode::Internal);
    assert!(
        answer.message.contains("stopped unexpectedly"),
        "{}",
        answer.message
    );
    assert!(
        answer.message.contains("wardbook.log"),
        "{}",
        answer.message
    );
    let log = std::fs::read_to_string(dir.path().join(crate::applog::FILE)).unwrap();
    assert!(
        log.contains("panic: a command stopped: no shift for “…” in the test command"),
        "{log}"
    );
    assert!(!log.contains("Ann Lee"), "no staff data in the log: {log}");
    let skills: i64 =
        block_on(db.run(|c| Ok(c.query_row("SELECT COUNT(*) FROM skill", [], |r| r.get(0))?)))
            .unwrap();
    assert_eq!(skills, 0, "the unfinished transaction rolled back");
    // The state survives the panic: the next command runs.
    assert_eq!(staff_count(&db).unwrap(), 0);
}
