//! Changing the passphrase re-encrypts the backups made under the old one,
//! so one passphrase opens the department and every backup; the list says
//! which backups the department's passphrase does not open.

use super::*;
use crate::store::backup::{BackupPlan, BackupReason};
use crate::store::passphrase::{change, PassphraseInput};
use crate::store::{db_path, DepartmentFile};

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn input(current: &str, new: &str) -> PassphraseInput {
    PassphraseInput {
        current_passphrase: current.into(),
        new_passphrase: new.into(),
        confirm_passphrase: new.into(),
        ..Default::default()
    }
}

fn set(file: DepartmentFile, current: &str, new: &str, plan: &BackupPlan) -> DepartmentFile {
    change(file, &input(current, new), false, plan, now())
        .unwrap_or_else(|e| panic!("{:?}", e.error))
}

const OLD: &str = "the old passphrase 1";
const NEW: &str = "the new passphrase 2";

#[test]
fn changing_the_passphrase_re_encrypts_the_backups_made_under_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let file = set(file, "", OLD, &plan);
    let under_old = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let old = Passphrase::new(OLD);
    let new = Passphrase::new(NEW);
    assert!(opens_with(&plan.folder.join(&under_old.name), &old));

    let file = set(file, OLD, NEW, &plan);
    for b in backup::list(&plan.folder).unwrap() {
        let path = plan.folder.join(&b.name);
        assert!(b.encrypted, "{} is encrypted", b.name);
        assert!(
            opens_with(&path, &new),
            "{} opens with the new passphrase",
            b.name
        );
        assert!(
            !opens_with(&path, &old),
            "{} no longer with the old one",
            b.name
        );
    }
    backup::verify(&plan.folder.join(&under_old.name), Some(&new), None)
        .expect("whole under the new passphrase");
    let said: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        said.starts_with("Passphrase changed; ")
            && said.contains("made under the old passphrase re-encrypted with the new one"),
        "{said}"
    );
}

#[test]
fn the_list_marks_the_backups_the_departments_passphrase_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let file = set(file, "", OLD, &plan);
    let under_old = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let as_made = std::fs::read(plan.folder.join(&under_old.name)).unwrap();
    let file = set(file, OLD, NEW, &plan);
    // A copy made under the old passphrase, put back from elsewhere.
    std::fs::write(plan.folder.join(&under_old.name), as_made).unwrap();

    let mut list = backup::list(&plan.folder).unwrap();
    mark_earlier(&plan.folder, &mut list, file.key());
    for b in &list {
        assert_eq!(
            b.earlier_passphrase,
            b.name == under_old.name,
            "{}: only the copy under the old passphrase is marked",
            b.name
        );
    }
    // With no passphrase now, every encrypted backup is under an earlier one.
    mark_earlier(&plan.folder, &mut list, None);
    assert!(list
        .iter()
        .filter(|b| b.encrypted)
        .all(|b| b.earlier_passphrase));
}
