//! Entries cut off the end of the history are told apart from records
//! edited outside Wardbook, and noting the cut clears the warning while the
//! history keeps the fact.

use crate::store::{db_path, head, DepartmentFile};
use std::path::Path;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn open(dir: &Path) -> DepartmentFile {
    DepartmentFile::open(&db_path(dir), None, None, now()).unwrap()
}

/// In-app saves: `n` skills added, then the first one renamed.
fn save(file: &mut DepartmentFile, n: usize) {
    for i in 0..n {
        file.conn()
            .execute(
                "INSERT INTO skill (name) VALUES (?1)",
                [format!("Skill {i}")],
            )
            .unwrap();
        file.follow_history();
    }
    file.conn()
        .execute(
            "UPDATE skill SET name = 'Telemetry' WHERE name = 'Skill 0'",
            [],
        )
        .unwrap();
    file.follow_history();
}

// The newest entry, and a cut as someone with sqlite3 makes it: as the
// head record's own tests do.
use crate::store::head::tests::{cut, entries as newest};

#[test]
fn a_cut_history_is_named_as_a_cut_not_as_records_edited_outside() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 4);
    drop(file);
    // The last two saves' entries go: Skill 3 added, Skill 0 renamed.
    cut(dir.path(), 2);

    let file = open(dir.path());
    let warning = file
        .history_warning()
        .expect("the cut is found")
        .to_string();
    assert!(
        warning.starts_with(
            "The newest 2 history entries were removed (the newest known is entry 5, of "
        ),
        "{warning}"
    );
    assert!(
        warning.contains("the records still show their changes: "),
        "{warning}"
    );
    assert!(
        warning.contains("Telemetry"),
        "the renamed record is named: {warning}"
    );
    assert!(
        !warning.contains("changed outside Wardbook") && !warning.contains("no history entry"),
        "not called an outside edit: {warning}"
    );
    assert!(
        file.outside_changes().is_none(),
        "the records are not offered as outside edits"
    );
    assert!(file.history_cut());
}

#[test]
fn noting_the_cut_clears_the_warning_and_keeps_the_fact_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 4);
    drop(file);
    cut(dir.path(), 2);

    let mut file = open(dir.path());
    let before = newest(file.conn());
    let added = file.note_cut().unwrap();
    assert_eq!(added, 2, "the added skill and the renamed one");
    assert!(file.history_warning().is_none(), "the warning clears");
    assert!(!file.history_cut());
    // Numbered after the two removed entries, never in their place.
    let note: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log WHERE id = ?1",
            [before + 3],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        note.starts_with(
            "History found cut: its newest 2 entries (the newest known is entry 5, of "
        ),
        "{note}"
    );
    assert!(
        note.contains("2 records still showing changes the history lost are added to it"),
        "{note}"
    );
    let again = file.note_cut().unwrap_err();
    assert!(
        again.message.contains("nothing to note"),
        "{}",
        again.message
    );
    // In-app saves after the note move the record on as usual.
    file.conn()
        .execute("INSERT INTO skill (name) VALUES ('Wound care')", [])
        .unwrap();
    file.follow_history();
    drop(file);

    let file = open(dir.path());
    assert_eq!(
        file.history_warning(),
        None,
        "nothing to warn of at the next open"
    );
    assert_eq!(file.outside_changes(), None);
    let check = head::verify(dir.path(), file.conn()).unwrap();
    assert!(check.intact, "{}", check.message);
}

#[test]
fn a_cut_whose_records_agree_can_be_noted_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = open(dir.path());
    save(&mut file, 2);
    file.close().unwrap();
    // An older copy of the file put back: records and history both older.
    let older = std::fs::read(db_path(dir.path())).unwrap();
    let mut file = open(dir.path());
    file.conn()
        .execute("INSERT INTO skill (name) VALUES ('Later')", [])
        .unwrap();
    file.follow_history();
    file.close().unwrap();
    std::fs::write(db_path(dir.path()), &older).unwrap();

    let mut file = open(dir.path());
    let warning = file
        .history_warning()
        .expect("the cut is found")
        .to_string();
    assert!(
        warning.contains("or an older copy of the department file")
            && warning.ends_with(crate::store::cut::NOTE_IT),
        "{warning}"
    );
    assert_eq!(file.note_cut().unwrap(), 0);
    assert!(file.history_warning().is_none());
}
