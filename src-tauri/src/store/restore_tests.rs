//! Restoring a backup: what the passphrase prompt asks for.

use crate::store::backup::{self, BackupPlan, BackupReason};
use crate::store::{db_path, restore, DepartmentFile};

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// A backup made before the passphrase and encrypted when it was set opens
/// with the department's passphrase: the prompt says that one, not "the one
/// in use when it was made" (there was none then).
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
