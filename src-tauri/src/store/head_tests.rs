//! Entries cut off the end of the history are found against the record kept
//! beside the file; the honest ways a history gets shorter raise no alarm.

use super::*;
use crate::store::backup::{self, BackupPlan, BackupReason};
use crate::store::{db_path, restore, DepartmentFile};
use std::path::Path;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn open(dir: &Path) -> DepartmentFile {
    DepartmentFile::open(&db_path(dir), None, None, now()).unwrap()
}

/// `n` saves, each one history entry, recorded as the app records them.
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

pub(crate) fn entries(conn: &Connection) -> i64 {
    conn.query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

/// What someone with the file and sqlite3 does: lift the guards, delete the
/// newest `n` entries with their seals, and put the guards back as they were,
/// so no trigger is found missing and the shorter chain still verifies.
pub(crate) fn cut(dir: &Path, n: i64) {
    let conn = Connection::open(db_path(dir)).unwrap();
    let guards: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%_no_%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (name, _) in &guards {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    let last = entries(&conn);
    conn.execute("DELETE FROM audit_seal WHERE entry_id > ?1", [last - n])
        .unwrap();
    conn.execute("DELETE FROM audit_log WHERE id > ?1", [last - n])
        .unwrap();
    for (_, sql) in &guards {
        conn.execute_batch(sql).unwrap();
    }
}

#[test]
fn entries_cut_off_the_end_are_found_at_open_and_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 6, "Skill");
    let newest = entries(file.conn());
    drop(file);
    cut(dir.path(), 3);

    let file = open(dir.path());
    assert!(
        crate::audit::chain::verify(file.conn()).unwrap().intact,
        "the shorter chain verifies on its own"
    );
    let warning = file.history_warning().expect("the cut is found at open");
    // The records still show the removed entries' changes: named as a cut.
    assert!(
        warning.starts_with("The newest 3 history entries were removed")
            && warning.contains(&format!("the newest known is entry {newest}, of "))
            && warning.contains(&format!("stops at entry {}", newest - 3)),
        "{warning}"
    );
    let checked = verify(dir.path(), file.conn()).unwrap();
    assert!(!checked.intact);
    assert_eq!(
        checked.message, warning,
        "the check on demand says the same"
    );

    // Saves made afterwards reuse the numbers: still found, as replaced.
    let mut file = file;
    save(&mut file, 4, "Later");
    drop(file);
    let file = open(dir.path());
    let warning = file
        .history_warning()
        .expect("the record stands until a restore");
    assert!(
        warning.contains("others written in their place"),
        "{warning}"
    );
}

#[test]
fn entries_cut_with_the_guards_left_off_are_counted_right() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 6, "Skill");
    let newest = entries(file.conn());
    drop(file);
    cut(dir.path(), 3);
    // The guards stay off: the open puts them back and notes it in the history.
    let conn = Connection::open(db_path(dir.path())).unwrap();
    conn.execute_batch("DROP TRIGGER audit_log_no_delete")
        .unwrap();
    drop(conn);
    let file = open(dir.path());
    let warning = file.history_warning().expect("found");
    assert!(
        warning.starts_with("The newest 3 history entries were removed")
            && warning.contains(&format!("stops at entry {}", newest - 3)),
        "{warning}"
    );
    assert!(warning.contains("protection"), "{warning}");
}

#[test]
fn the_newest_entry_alone_cut_off_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 2, "Skill");
    drop(file);
    cut(dir.path(), 1);
    let file = open(dir.path());
    let warning = file.history_warning().expect("found");
    assert!(
        warning.starts_with("The newest history entry was removed (entry "),
        "{warning}"
    );
}

#[test]
fn a_history_that_only_grew_raises_no_alarm() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 3, "Skill");
    drop(file);
    // Saved while the record was not kept up (a crash before it was written).
    let file = open(dir.path());
    file.conn()
        .execute("INSERT INTO skill (name) VALUES ('Unrecorded')", [])
        .unwrap();
    drop(file);
    let file = open(dir.path());
    assert_eq!(file.history_warning(), None);
    assert!(verify(dir.path(), file.conn()).unwrap().intact);
}

#[test]
fn a_file_on_a_new_computer_starts_the_record_without_alarm() {
    let old = tempfile::tempdir().unwrap();
    let mut file = open(old.path());
    save(&mut file, 5, "Skill");
    drop(file);
    cut(old.path(), 2);
    // Copied to another folder (a new computer): no record there yet.
    let new = tempfile::tempdir().unwrap();
    std::fs::copy(db_path(old.path()), db_path(new.path())).unwrap();
    assert_eq!(settings::history_head(new.path()), None);
    let file = open(new.path());
    assert_eq!(file.history_warning(), None, "nothing to compare with yet");
    let recorded = settings::history_head(new.path()).expect("the first open records the end");
    assert_eq!(Some(recorded), current(file.conn()).unwrap());
}

#[test]
fn a_restored_backup_is_not_taken_for_a_cut_history_and_the_restore_is_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let mut file = open(dir.path());
    save(&mut file, 2, "Skill");
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    save(&mut file, 5, "After");
    let (mut file, outcome) = restore::restore(
        Some(file),
        &db_path(dir.path()),
        &plan,
        &made.name,
        None,
        now(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    file.follow_history();
    assert_eq!(file.history_warning(), None);
    let kept = outcome
        .kept_as
        .clone()
        .expect("the department as it was is kept");
    assert!(backup::list(&plan.folder)
        .unwrap()
        .iter()
        .any(|b| b.name == kept));
    let expected = outcome.message.trim_end_matches('.').to_string();
    assert!(
        expected.starts_with(&format!(
            "Restored the backup of {}; 5 later changes undone (made ",
            &made.made_at[..16]
        )),
        "{expected}"
    );
    assert!(
        expected.contains(
            ": Skill After 0 added, Skill After 1 added, Skill After 2 added and 2 more)"
        ),
        "the entries the restore drops are named: {expected}"
    );
    assert!(
        expected.ends_with(&format!("; the department as it was is kept as {kept}")),
        "{expected}"
    );
    let label: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        label, expected,
        "the restore is the newest entry of the history"
    );
    assert!(crate::audit::chain::verify(file.conn()).unwrap().intact);
    drop(file);
    let file = open(dir.path());
    assert_eq!(
        file.history_warning(),
        None,
        "no alarm after reopening either"
    );
}

#[test]
fn saving_the_settings_form_keeps_the_record_of_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 2, "Skill");
    let recorded = settings::history_head(dir.path()).expect("recorded");
    let form = settings::StorageSettingsInput {
        backup_folder: String::new(),
        keep: "7".into(),
        idle_lock_minutes: "20".into(),
    };
    settings::save(dir.path(), &form).unwrap();
    assert_eq!(settings::load(dir.path()).keep, 7);
    assert_eq!(settings::history_head(dir.path()), Some(recorded));
}

fn plan_of(dir: &Path) -> BackupPlan {
    settings::plan(dir)
}

#[test]
fn with_the_record_removed_too_the_newest_backup_tells() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 4, "Skill");
    file.backup(&plan_of(dir.path()), BackupReason::Daily, now())
        .unwrap();
    drop(file);
    cut(dir.path(), 2);
    std::fs::remove_file(dir.path().join(settings::FILE)).unwrap();

    let file = open(dir.path());
    let warning = file
        .history_warning()
        .expect("the backup holds the newer end");
    assert!(
        warning.starts_with("The newest 2 history entries were removed"),
        "{warning}"
    );
    let checked = verify(dir.path(), file.conn()).unwrap();
    assert_eq!(checked.message, warning, "and so does the check on demand");
}

#[test]
fn restoring_an_older_backup_beside_a_newer_one_raises_no_alarm() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_of(dir.path());
    let start = now();
    let mut file = open(dir.path());
    save(&mut file, 2, "Skill");
    let older = file.backup(&plan, BackupReason::Manual, start).unwrap();
    save(&mut file, 3, "Later");
    file.backup(
        &plan,
        BackupReason::Daily,
        start + chrono::Duration::minutes(5),
    )
    .unwrap();
    let (file, _) = restore::restore(
        Some(file),
        &db_path(dir.path()),
        &plan,
        &older.name,
        None,
        start + chrono::Duration::minutes(6),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(file.history_warning(), None);
    drop(file);
    let file = open(dir.path());
    assert_eq!(file.history_warning(), None, "nor after reopening");
}

#[test]
fn the_note_written_at_open_moves_the_record_so_a_later_cut_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 4, "Skill");
    drop(file);
    // A guard dropped: the open puts it back and writes a note of it.
    let conn = Connection::open(db_path(dir.path())).unwrap();
    conn.execute_batch("DROP TRIGGER audit_log_no_update")
        .unwrap();
    drop(conn);
    let file = open(dir.path());
    let newest = entries(file.conn());
    assert_eq!(
        settings::history_head(dir.path()).map(|h| h.entry),
        Some(newest),
        "the record beside the file holds the note written at open"
    );
    drop(file);
    cut(dir.path(), 3);
    let file = open(dir.path());
    let warning = file.history_warning().expect("found");
    assert!(
        warning.starts_with("The newest 3 history entries were removed")
            && warning.contains(&format!("the newest known is entry {newest}, of ")),
        "{warning}"
    );
}

#[test]
fn the_restores_own_entry_moves_the_record_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let mut file = open(dir.path());
    save(&mut file, 2, "Skill");
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    save(&mut file, 3, "After");
    let (file, _) = restore::restore(
        Some(file),
        &db_path(dir.path()),
        &plan,
        &made.name,
        None,
        now(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        settings::history_head(dir.path()).map(|h| h.entry),
        Some(entries(file.conn())),
        "the restore's entry is the newest recorded"
    );
}
