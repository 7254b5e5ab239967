//! What a restore loses is said before it: from the department's own
//! history when it can be read, from the record beside it when it cannot,
//! and as unknown when neither tells.

use super::*;
use crate::store::backup::{BackupPlan, BackupReason};
use crate::store::{db_path, head, DepartmentFile};

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn save(file: &mut DepartmentFile, n: usize, tag: &str) {
    for i in 0..n {
        file.conn()
            .execute(
                "INSERT INTO skill (name) VALUES (?1)",
                [format!("{tag} {i}")],
            )
            .unwrap();
        file.follow_history();
    }
}

/// A department with 2 saves, a backup, then 3 saves more; the backup's end.
fn after_a_backup(dir: &Path) -> (DepartmentFile, Head, String) {
    let plan = BackupPlan {
        folder: dir.join("backups"),
        keep: 14,
    };
    let mut file = DepartmentFile::open(&db_path(dir), None, None, now()).unwrap();
    save(&mut file, 2, "early");
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    save(&mut file, 3, "late");
    let end = head::of_file(&plan.folder.join(&made.name), None).expect("a sealed history");
    (file, end, made.made_at)
}

#[test]
fn a_readable_file_names_its_newest_save_and_counts_those_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (file, end, made_at) = after_a_backup(dir.path());
    let said = describe(dir.path(), Some(file.conn()), Some(&end), &made_at);
    assert!(
        said.starts_with(&format!(
            "Saves after {} will be lost (3 entries of the history): the newest was ",
            &made_at[..16]
        )),
        "{said}"
    );
    assert!(said.contains("late 2"), "the newest save by name: {said}");
}

#[test]
fn a_file_that_cannot_be_read_is_told_from_the_record_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let (file, end, made_at) = after_a_backup(dir.path());
    let newest = head::current(file.conn()).unwrap().unwrap();
    drop(file);
    // Locked or damaged: no connection, only the record kept beside the file.
    let said = describe(dir.path(), None, Some(&end), &made_at);
    let at = local(dir.path(), &newest.at);
    assert_eq!(
        said,
        format!(
            "Saves after {} will be lost (3 entries of the history): the newest was entry {} of the \
             history, at {at} (what it was cannot be read while the department file cannot be opened).",
            &made_at[..16],
            newest.entry
        )
    );
    // Without the backup's own end (it could not be read), the count is not guessed.
    let said = describe(dir.path(), None, None, &made_at);
    assert!(
        said.starts_with(&format!(
            "Saves after {} will be lost: the newest was entry",
            &made_at[..16]
        )),
        "{said}"
    );
}

#[test]
fn with_nothing_readable_the_loss_is_said_to_be_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let said = describe(dir.path(), None, None, "2026-12-07 09:43:10");
    assert_eq!(
        said,
        "Saves after 2026-12-07 09:43 will be lost; which, and how many, is unknown: the department \
         file cannot be read and no record of its newest save is kept beside it."
    );
}

#[test]
fn a_backup_that_holds_every_entry_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let mut file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    save(&mut file, 2, "only");
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let end = head::of_file(&plan.folder.join(&made.name), None).unwrap();
    let said = describe(dir.path(), Some(file.conn()), Some(&end), &made.made_at);
    assert!(said.starts_with("No save is lost"), "{said}");
    drop(file);
    let said = describe(dir.path(), None, Some(&end), &made.made_at);
    assert!(said.starts_with("No save is lost"), "{said}");
}
