//! The restore's preview names the records it changes.

use super::*;
use crate::store::backup::{BackupPlan, BackupReason};
use crate::store::{db_path, DepartmentFile};

#[test]
fn the_people_a_restore_brings_back_removes_or_changes_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let now = chrono::Local::now().naive_local();
    let mut file = DepartmentFile::open(&db_path(dir.path()), None, None, now).unwrap();
    crate::sample::create(file.conn_mut(), now.date()).unwrap();
    let made = file.backup(&plan, BackupReason::Manual, now).unwrap();
    let (first, last): (String, String) = file
        .conn()
        .query_row(
            "SELECT first_name, last_name FROM staff ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    file.conn()
        .execute("UPDATE staff SET hourly_rate_cents = hourly_rate_cents + 100 WHERE id = (SELECT MIN(id) FROM staff)", [])
        .unwrap();
    file.conn().execute("DELETE FROM assignment", []).unwrap();
    let shifts: usize = crate::sample::STAFF_COUNT; // at least as many shifts as people
    let (said, total) = list(file.conn(), &plan.folder.join(&made.name), None).unwrap();
    assert!(
        total > shifts,
        "every shift removed since comes back: {total}"
    );
    assert_eq!(said.len(), NAMED, "the first {NAMED} are named");
    assert_eq!(
        said[0],
        format!("Person {last}, {first}: back to how it was in the backup")
    );
    assert!(
        said[1].starts_with("Shift ") && said[1].contains(": back (removed since the backup)"),
        "{}",
        said[1]
    );
}
