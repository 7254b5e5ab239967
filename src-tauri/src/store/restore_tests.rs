//! Restoring a backup: what the passphrase prompt asks for.

use crate::store::backup::{self, BackupPlan, BackupReason};
use crate::store::{db_path, restore, DepartmentFile};

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// A backup made before the passphrase and encrypted when it was set opens
/// with the department's passphrase: the prompt says that one, not "the one
/// in use when it was made" (there was none then).
const ASKED: &str = "This backup is encrypted. Enter the department's passphrase: a change of \
     passphrase re-encrypts the backups with the new one. Only a backup made before the passphrase \
     was removed still opens with the passphrase the department had then.";
const WRONG: &str = "This passphrase does not open the backup. Backups open with the department's \
     current passphrase, except a backup made before the passphrase was removed: it opens with \
     the passphrase the department had then.";

#[test]
fn a_backup_encrypted_when_the_passphrase_was_set_asks_for_the_departments_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    assert!(!made.encrypted);
    let input = crate::store::passphrase::PassphraseInput {
        new_passphrase: "correct horse battery".into(),
        confirm_passphrase: "correct horse battery".into(),
        ..Default::default()
    };
    let file = crate::store::passphrase::change(file, &input, false, &plan, now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    drop(file);
    let listed = backup::list(&plan.folder).unwrap();
    assert!(
        listed
            .iter()
            .find(|b| b.name == made.name)
            .unwrap()
            .encrypted
    );
    // From the lock screen: no passphrase known yet.
    let err = restore::inspect(&plan.folder, &made.name, None, None).unwrap_err();
    let asked = &err.fields[0].message;
    assert!(
        asked.contains("Enter the department's passphrase"),
        "{asked}"
    );
    assert!(!asked.contains("when it was made"), "{asked}");
    // A passphrase change re-encrypts the backups: the one before is no
    // longer the advice; only a removal leaves backups under an older one.
    assert_eq!(asked, ASKED);
    let wrong = restore::inspect(
        &plan.folder,
        &made.name,
        Some(crate::store::Passphrase::new("wrong")),
        None,
    )
    .unwrap_err();
    assert!(
        !wrong.fields[0].message.contains("in use when it was made"),
        "{}",
        wrong.fields[0].message
    );
    assert_eq!(wrong.fields[0].message, WRONG);
    let right = restore::inspect(
        &plan.folder,
        &made.name,
        Some(crate::store::Passphrase::new("correct horse battery")),
        None,
    );
    assert!(right.is_ok(), "the department's passphrase opens it");
}

/// From the lock screen (the passphrase forgotten, the file not open), the
/// restore's preview says which saves are lost from the record kept beside
/// the file: how many, and the newest entry's number and time.
#[test]
fn a_restore_from_the_lock_screen_says_which_saves_are_lost() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let input = crate::store::passphrase::PassphraseInput {
        new_passphrase: "correct horse battery".into(),
        confirm_passphrase: "correct horse battery".into(),
        ..Default::default()
    };
    let mut file = crate::store::passphrase::change(file, &input, false, &plan, now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    for i in 0..4 {
        file.conn()
            .execute(
                "INSERT INTO skill (name) VALUES (?1)",
                [format!("late {i}")],
            )
            .unwrap();
        file.follow_history();
    }
    let newest = crate::store::head::current(file.conn()).unwrap().unwrap();
    drop(file);
    let summary = restore::preview(
        dir.path(),
        &plan.folder,
        &made.name,
        Some(crate::store::Passphrase::new("correct horse battery")),
        None,
    )
    .unwrap();
    assert!(
        summary.lost.starts_with(&format!(
            "Saves after {} will be lost (4 entries of the history): the newest was entry {} of the history, at ",
            &made.made_at[..16],
            newest.entry
        )),
        "{}",
        summary.lost
    );
}

const FIRST: &str = "first passphrase here";
const SECOND: &str = "second passphrase now";

fn pass(text: &str) -> crate::store::Passphrase {
    crate::store::Passphrase::new(text)
}

/// A department under SECOND with a backup made under FIRST (kept as it
/// was made: an older copy, from before the passphrase was changed).
fn a_backup_under_an_earlier_passphrase(dir: &std::path::Path) -> (BackupPlan, String) {
    let plan = BackupPlan {
        folder: dir.join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir), None, None, now()).unwrap();
    file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let set = |file, current: &str, new: &str| {
        let input = crate::store::passphrase::PassphraseInput {
            current_passphrase: current.into(),
            new_passphrase: new.into(),
            confirm_passphrase: new.into(),
            ..Default::default()
        };
        crate::store::passphrase::change(file, &input, false, &plan, now())
            .unwrap_or_else(|e| panic!("{:?}", e.error))
    };
    let file = set(file, "", FIRST);
    let made = file
        .backup(
            &plan,
            BackupReason::Manual,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        )
        .unwrap();
    let as_made = std::fs::read(plan.folder.join(&made.name)).unwrap();
    let file = set(file, FIRST, SECOND);
    drop(file);
    std::fs::write(plan.folder.join(&made.name), as_made).unwrap();
    (plan, made.name)
}

/// With the department open (its passphrase typed in this session), a
/// backup made under an earlier passphrase is restored under the current
/// one: the earlier one may have leaked, and no longer opens the department.
#[test]
fn a_restore_with_the_file_open_keeps_the_current_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, name) = a_backup_under_an_earlier_passphrase(dir.path());
    let db = db_path(dir.path());
    let current = DepartmentFile::open(&db, Some(pass(SECOND)), None, now()).unwrap();
    let (file, done) = restore::restore(Some(current), &db, &plan, &name, Some(pass(FIRST)), now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(file.key(), Some(&pass(SECOND)), "the current passphrase");
    assert!(
        done.message.contains(
            "this backup was made under an earlier passphrase; the restored file is encrypted with the department's current one"
        ),
        "{}",
        done.message
    );
    drop(file);
    assert!(
        DepartmentFile::open(&db, Some(pass(FIRST)), None, now()).is_err(),
        "the earlier passphrase does not open it"
    );
    assert!(DepartmentFile::open(&db, Some(pass(SECOND)), None, now()).is_ok());
}

/// From the lock screen the current passphrase is not known: the backup's
/// own is needed, the restored file stays under it, and the message says so.
#[test]
fn a_restore_from_the_lock_screen_keeps_the_backups_passphrase_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, name) = a_backup_under_an_earlier_passphrase(dir.path());
    let db = db_path(dir.path());
    let Err(asked) = restore::restore(None, &db, &plan, &name, None, now()) else {
        panic!("restored without the backup's passphrase");
    };
    assert_eq!(
        asked.error.fields[0].field, "passphrase",
        "the backup's passphrase is needed"
    );
    let (file, done) = restore::restore(None, &db, &plan, &name, Some(pass(FIRST)), now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        file.key(),
        Some(&pass(FIRST)),
        "the backup's own passphrase"
    );
    assert!(
        done.message.contains("the department file now opens with this backup's passphrase, the one entered to restore it"),
        "{}",
        done.message
    );
}

/// An entry edited outside Wardbook (guards lifted): the chain breaks.
fn edit_an_entry(dir: &std::path::Path) {
    let conn = rusqlite::Connection::open(db_path(dir)).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET label = 'forged' WHERE id = (SELECT MIN(id) FROM audit_log);",
    )
    .unwrap();
}

/// Tampering seen before a restore stays in the restored history: the
/// restore's own entry says what was found in the file it replaced.
#[test]
fn a_restore_over_a_tampered_history_says_what_was_found_in_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    file.conn()
        .execute("INSERT INTO skill (name) VALUES ('Telemetry')", [])
        .unwrap();
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    drop(file);
    edit_an_entry(dir.path());
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    let warning = file
        .history_warning()
        .expect("the edit is found")
        .to_string();
    let (file, outcome) = restore::restore(
        Some(file),
        &db_path(dir.path()),
        &plan,
        &made.name,
        None,
        now(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    let label: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        label.contains(
            "before the restore, Wardbook had found this in the department file it replaced: \
             The history was changed outside Wardbook: entry "
        ),
        "{label}"
    );
    assert!(label.contains("no longer matches"), "{label}");
    assert!(warning.contains("no longer matches"), "{warning}");
    assert!(
        !label.contains("Choose “"),
        "no advice in the record: {label}"
    );
    assert_eq!(outcome.message.trim_end_matches('.'), label);
    assert!(crate::audit::chain::verify(file.conn()).unwrap().intact);
}

#[test]
fn a_restore_over_a_sound_history_says_nothing_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let (_file, outcome) = restore::restore(
        Some(file),
        &db_path(dir.path()),
        &plan,
        &made.name,
        None,
        now(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert!(
        !outcome.message.contains("had found"),
        "{}",
        outcome.message
    );
}

/// Issue #22, fresh eyes: the department file deleted while its journal
/// (`-wal`) still held saves, the screen said so, and a restore then threw
/// the journal away. It is kept, byte for byte, beside the copy kept as
/// found.
#[test]
fn a_restore_keeps_the_journal_of_a_deleted_department_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let db = db_path(dir.path());
    let file = DepartmentFile::open(&db, None, None, now()).unwrap();
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    file.conn()
        .execute("INSERT INTO skill (name) VALUES ('late')", [])
        .unwrap();
    let wal = crate::store::swap::companions(&db)[0].clone();
    let journal = std::fs::read(&wal).unwrap();
    assert!(!journal.is_empty(), "the save is in the journal");
    drop(file);
    std::fs::remove_file(&db).unwrap();
    std::fs::write(&wal, &journal).unwrap();
    let (_file, outcome) = restore::restore(None, &db, &plan, &made.name, None, now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    let kept = outcome.kept_as.expect("the deleted file's journal is kept");
    let beside = crate::store::swap::companions(&plan.folder.join(&kept))[0].clone();
    assert_eq!(std::fs::read(beside).unwrap(), journal);
    // The kept copy is listed once, not its journal as a second backup.
    let listed = backup::list(&plan.folder).unwrap();
    assert_eq!(listed.iter().filter(|b| b.name == kept).count(), 1);
    assert!(!listed.iter().any(|b| b.name.ends_with("-wal")));
}
