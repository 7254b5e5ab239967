//! Entry numbers are never used twice: not after a restore to an older
//! backup, nor after a cut is noted.

use crate::audit::chain::entry_number;
use crate::store::backup::{BackupPlan, BackupReason};
use crate::store::head::tests::{cut, entries as newest};
use crate::store::{db_path, restore, DepartmentFile};
use rusqlite::Connection;
use std::path::Path;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn open(dir: &Path) -> DepartmentFile {
    DepartmentFile::open(&db_path(dir), None, None, now()).unwrap()
}

fn plan(dir: &Path) -> BackupPlan {
    BackupPlan {
        folder: dir.join("backups"),
        keep: 14,
    }
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

fn label_of(conn: &Connection, id: i64) -> String {
    conn.query_row("SELECT label FROM audit_log WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .unwrap()
}

fn ids(conn: &Connection) -> Vec<i64> {
    conn.prepare("SELECT id FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Restores `name` with the department open.
fn restore_open(dir: &Path, file: DepartmentFile, name: &str) -> (DepartmentFile, String) {
    let (file, outcome) =
        restore::restore(Some(file), &db_path(dir), &plan(dir), name, None, now())
            .unwrap_or_else(|e| panic!("{:?}", e.error));
    (file, outcome.message)
}

#[test]
fn after_a_restore_new_entries_continue_after_the_replaced_files_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 2, "Kept");
    let made = file
        .backup(&plan(dir.path()), BackupReason::Manual, now())
        .unwrap();
    let backup_end = newest(file.conn());
    save(&mut file, 5, "Lost");
    let replaced_end = newest(file.conn());
    let (mut file, message) = restore_open(dir.path(), file, &made.name);

    let restore_entry = newest(file.conn());
    assert_eq!(
        restore_entry,
        replaced_end + 1,
        "the restore's entry takes no replaced number"
    );
    let named = format!(
        "entries {}–{} of the replaced file were not brought back (this entry is {}, so no number is used twice)",
        entry_number(backup_end + 1),
        entry_number(replaced_end),
        entry_number(restore_entry)
    );
    assert!(message.contains(&named), "{message}");
    assert!(label_of(file.conn(), restore_entry).contains(&named));
    save(&mut file, 1, "Later");
    assert_eq!(
        newest(file.conn()),
        replaced_end + 2,
        "later entries follow on"
    );
    assert!(
        ids(file.conn())
            .iter()
            .all(|&id| id <= backup_end || id > replaced_end),
        "no number of the lost branch is in the restored history"
    );
    assert!(crate::audit::chain::verify(file.conn()).unwrap().intact);
    drop(file);
    let file = open(dir.path());
    assert_eq!(
        file.history_warning(),
        None,
        "the skipped numbers are no gap to warn of"
    );
}

#[test]
fn a_restore_that_loses_nothing_skips_no_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 3, "Kept");
    let made = file
        .backup(&plan(dir.path()), BackupReason::Manual, now())
        .unwrap();
    let end = newest(file.conn());
    let (file, message) = restore_open(dir.path(), file, &made.name);
    assert_eq!(newest(file.conn()), end + 1);
    assert!(!message.contains("not brought back"), "{message}");
}

#[test]
fn a_restore_after_restores_never_reuses_an_earlier_branchs_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 2, "Kept");
    let made = file
        .backup(&plan(dir.path()), BackupReason::Manual, now())
        .unwrap();
    save(&mut file, 4, "First branch");
    let first_end = newest(file.conn());
    let (mut file, _) = restore_open(dir.path(), file, &made.name);
    save(&mut file, 1, "Second branch");
    let (file, message) = restore_open(dir.path(), file, &made.name);
    assert_eq!(
        newest(file.conn()),
        first_end + 3,
        "after the first branch, the first restore's entry and the second branch's save"
    );
    assert!(message.contains("not brought back"), "{message}");
}

#[test]
fn a_cut_across_a_restores_skipped_numbers_counts_only_entries_that_were() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 2, "Kept");
    let made = file
        .backup(&plan(dir.path()), BackupReason::Manual, now())
        .unwrap();
    save(&mut file, 30, "Lost");
    let (mut file, _) = restore_open(dir.path(), file, &made.name);
    save(&mut file, 2, "After");
    drop(file);
    // The restore's entry and the two saves after it go.
    cut(dir.path(), 3);
    let file = open(dir.path());
    let warning = file
        .history_warning()
        .expect("the cut is found")
        .to_string();
    assert!(
        warning.contains("The newest 3 history entries were removed"),
        "{warning}"
    );
}

#[test]
fn noting_a_cut_numbers_the_note_after_the_removed_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 5, "Skill");
    let known = newest(file.conn());
    drop(file);
    cut(dir.path(), 2);
    let mut file = open(dir.path());
    assert!(file.history_cut());
    file.note_cut().unwrap();
    let note = ids(file.conn())
        .into_iter()
        .find(|&id| label_of(file.conn(), id).starts_with("History found cut"))
        .unwrap();
    assert_eq!(
        note,
        known + 1,
        "the removed entries' numbers are not used again"
    );
    assert!(label_of(file.conn(), note).contains(&format!(
        "This entry is numbered {}, after the newest known",
        entry_number(known + 1)
    )));
    save(&mut file, 1, "Later");
    assert!(newest(file.conn()) > note);
    assert!(crate::audit::chain::verify(file.conn()).unwrap().intact);
    drop(file);
    assert_eq!(open(dir.path()).history_warning(), None);
}

#[test]
fn skipped_numbers_are_counted_only_within_the_range_asked() {
    let dir = tempfile::tempdir().unwrap();
    crate::store::settings::add_skipped_entries(dir.path(), 10, 19).unwrap();
    assert_eq!(super::skipped_between(dir.path(), 0, 9), 0);
    assert_eq!(super::skipped_between(dir.path(), 9, 19), 10);
    assert_eq!(super::skipped_between(dir.path(), 14, 30), 5);
    assert_eq!(super::skipped_between(dir.path(), 19, 30), 0);
}
