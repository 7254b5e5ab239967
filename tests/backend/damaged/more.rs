//! More shapes with a way out: zeroed pages, a stale `-wal`, a forgotten
//! passphrase, a removed passphrase, and a restore over later changes. Each
//! says what it is, leaves the file as found, and restores from its screen.

use super::*;
use wardbook::store::passphrase::{self, PassphraseInput};

fn zero(dir: &DataDir, pages: std::ops::Range<usize>) {
    let mut bytes = fs::read(dir.db()).unwrap();
    for page in pages {
        let at = (page - 1) * 4096;
        bytes[at..at + 4096].fill(0);
    }
    fs::write(dir.db(), &bytes).unwrap();
}

#[test]
fn a_file_with_its_first_page_zeroed_is_damaged_and_a_backup_restores() {
    let (dir, plan, name) = department(false);
    zero(&dir, 1..2);
    refused_as_damaged(&dir, None, "");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn zeroed_pages_in_the_middle_open_read_only_or_are_refused_and_a_backup_restores() {
    let (dir, plan, name) = department(false);
    let pages = fs::read(dir.db()).unwrap().len() / 4096;
    assert!(pages >= 6, "{pages} pages");
    zero(&dir, 3..pages - 1);
    let before = snapshot(&dir);
    match DepartmentFile::open(&dir.db(), None, None, now()) {
        Err(e) => {
            assert_eq!(e.code, ErrorCode::Corrupt, "{e:?}");
            assert!(
                e.message.contains("Wardbook has not changed"),
                "{}",
                e.message
            );
        }
        Ok(file) => {
            let why = file
                .damaged()
                .expect("zeroed pages are damage, not a sound file");
            assert!(!why.is_empty());
            // Nothing can be saved into it.
            assert!(file
                .conn()
                .execute("UPDATE department SET name = 'x'", [])
                .is_err());
        }
    }
    assert_eq!(snapshot(&dir), before, "the file is left as it was");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn an_encrypted_file_with_zeroed_pages_is_not_taken_for_a_wrong_passphrase() {
    let (dir, plan, name) = department(true);
    zero(&dir, 1..2);
    let before = snapshot(&dir);
    let err = DepartmentFile::open(&dir.db(), Some(Passphrase::new(KEY)), None, now())
        .err()
        .expect("a zeroed first page does not open");
    assert!(
        !err.message.contains("Caps Lock"),
        "the right passphrase is not called wrong: {}",
        err.message
    );
    assert_eq!(snapshot(&dir), before);
    restore_works(&dir, &plan, &name, Some(KEY));
}

/// A `-wal` from an earlier moment of the file, left beside it after the
/// file moved on (a copy put back, a sync tool). SQLite cannot tell it is
/// stale (its frames are whole) and reads its older pages over the newer
/// file, so the newest save is gone: the manager is told, because the
/// history no longer holds the newest entry recorded beside the file, and a
/// backup restores. (Not prevented: see the report of issue #22.)
#[test]
fn a_stale_wal_that_undoes_a_save_is_told_and_a_backup_restores() {
    let (dir, plan, name) = department(false);
    let [wal, _] = store::swap::companions(&dir.db());
    // A moment with saves still in the WAL: its copy is the stale one.
    let stale = {
        let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
        file.conn()
            .execute_batch("PRAGMA wal_autocheckpoint = 0;")
            .unwrap();
        staff::create(file.conn_mut(), &person("Old", "Wal", "W1", "40.00")).unwrap();
        file.follow_history();
        let bytes = fs::read(&wal).unwrap();
        assert!(!bytes.is_empty(), "the save is in the WAL");
        drop(file);
        bytes
    };
    // The file moves on (the WAL folded in, more saves), then the old WAL is put back.
    {
        let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
        staff::create(file.conn_mut(), &person("New", "Save", "W2", "40.00")).unwrap();
        // As every command does after a save: the newest entry is recorded beside the file.
        file.follow_history();
        file.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    fs::write(&wal, &stale).unwrap();
    let names = |conn: &rusqlite::Connection| -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT last_name FROM staff WHERE employee_no LIKE 'W%' ORDER BY employee_no")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    assert_eq!(names(file.conn()), ["Wal"], "the older pages are read");
    let told = file.history_warning().expect("the manager is told");
    assert!(
        told.contains("the last entry of the history is missing")
            && told.contains("an older copy of the department file (or of its “-wal” file)"),
        "{told}"
    );
    assert!(
        file.outside_changes().is_none(),
        "records and history agree with each other"
    );
    drop(file);
    restore_works(&dir, &plan, &name, None);
}

fn set_passphrase(dir: &DataDir, plan: &BackupPlan, keep_plain: bool) {
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: KEY.into(),
        confirm_passphrase: KEY.into(),
        keep_plain_backups: keep_plain,
    };
    passphrase::change(file, &input, false, plan, now())
        .map_err(|e| e.error)
        .unwrap();
}

/// The passphrase set (the older backup kept readable, at the manager's
/// choice), then forgotten: the lock screen's restore brings back the
/// readable backup without any passphrase, and keeps the locked file.
#[test]
fn a_forgotten_passphrase_has_a_way_out_through_a_backup_kept_readable() {
    let (dir, plan, name) = department(false);
    set_passphrase(&dir, &plan, true);
    let err = DepartmentFile::open(&dir.db(), None, None, now())
        .err()
        .expect("locked");
    assert_eq!(err.code, ErrorCode::Locked);
    let wrong = DepartmentFile::open(
        &dir.db(),
        Some(Passphrase::new("forgotten it")),
        None,
        now(),
    )
    .err()
    .expect("a wrong passphrase does not open");
    assert_eq!(wrong.code, ErrorCode::Validation, "{wrong:?}");
    assert!(
        wrong.message.contains("restore a backup instead"),
        "{}",
        wrong.message
    );
    let listed = backup::list(&plan.folder).unwrap();
    assert!(
        listed.iter().any(|b| b.name == name && !b.encrypted),
        "the readable backup is listed as not encrypted: {listed:?}"
    );
    restore_works(&dir, &plan, &name, None);
}

/// The restore through a readable backup says the department is no longer
/// encrypted, and the folder's record of it agrees, so the next start does
/// not ask for a passphrase the file no longer has.
#[test]
fn a_restore_of_a_backup_without_a_passphrase_says_the_file_is_no_longer_encrypted() {
    let (dir, plan, name) = department(false);
    set_passphrase(&dir, &plan, true);
    assert_eq!(store::settings::encrypted(dir.path()), Some(true));
    let (file, outcome) = store::restore::restore(None, &dir.db(), &plan, &name, None, now())
        .unwrap_or_else(|e| panic!("restore: {:?}", e.error));
    assert!(!file.is_encrypted());
    assert!(
        outcome.message.contains("no longer encrypted"),
        "{}",
        outcome.message
    );
    assert_eq!(store::settings::encrypted(dir.path()), Some(false));
}

/// A backup made under an earlier passphrase, restored with the department
/// open, takes the department's current passphrase (the earlier one may have
/// leaked): the restore says so, and the current passphrase still opens it.
#[test]
fn a_restore_of_a_backup_under_an_earlier_passphrase_says_which_opens_it_now() {
    let (dir, plan, _) = department(true);
    let file = DepartmentFile::open(&dir.db(), Some(Passphrase::new(KEY)), None, now()).unwrap();
    let made = backup::create(file.conn(), file.key(), &plan, BackupReason::Manual, now()).unwrap();
    // Kept as made: a change re-encrypts the backups with the new passphrase,
    // so this is a copy from elsewhere, put back in the folder.
    let as_made = std::fs::read(plan.folder.join(&made.name)).unwrap();
    let input = PassphraseInput {
        current_passphrase: KEY.into(),
        new_passphrase: "a newer passphrase 2".into(),
        confirm_passphrase: "a newer passphrase 2".into(),
        keep_plain_backups: false,
    };
    let changed = passphrase::change(file, &input, false, &plan, now())
        .map_err(|e| e.error)
        .unwrap();
    std::fs::write(plan.folder.join(&made.name), as_made).unwrap();
    let (file, outcome) = store::restore::restore(
        Some(changed),
        &dir.db(),
        &plan,
        &made.name,
        Some(Passphrase::new(KEY)),
        now(),
    )
    .unwrap_or_else(|e| panic!("restore: {:?}", e.error));
    assert_eq!(
        file.key().map(Passphrase::as_str),
        Some("a newer passphrase 2")
    );
    assert!(
        outcome
            .message
            .contains("encrypted with the department's current one, so the earlier passphrase does not open it"),
        "{}",
        outcome.message
    );
}

/// With the older backups encrypted too (the default), a forgotten
/// passphrase leaves no readable copy: the lock screen's restore refuses
/// each without it, plainly, and changes nothing.
#[test]
fn a_forgotten_passphrase_with_every_backup_encrypted_is_refused_plainly() {
    let (dir, plan, name) = department(false);
    set_passphrase(&dir, &plan, false);
    let before = snapshot(&dir);
    let listed = backup::list(&plan.folder).unwrap();
    assert!(listed.iter().all(|b| b.encrypted), "{listed:?}");
    let refused = store::restore::restore(None, &dir.db(), &plan, &name, None, now())
        .err()
        .expect("an encrypted backup needs its passphrase");
    assert!(
        !refused.error.message.contains("SQL") && !refused.error.message.is_empty(),
        "{}",
        refused.error.message
    );
    assert_eq!(snapshot(&dir), before, "nothing changed");
    // Remembered after all: it restores.
    restore_works(&dir, &plan, &name, Some(KEY));
}

/// The passphrase removed: the file opens without one, the removal is in
/// the history, and an encrypted backup from before still restores with it.
#[test]
fn a_removed_passphrase_opens_plain_and_older_encrypted_backups_still_restore() {
    let (dir, plan, name) = department(true);
    let file = DepartmentFile::open(&dir.db(), Some(Passphrase::new(KEY)), None, now()).unwrap();
    let input = PassphraseInput {
        current_passphrase: KEY.into(),
        new_passphrase: String::new(),
        confirm_passphrase: String::new(),
        keep_plain_backups: false,
    };
    let plain = passphrase::change(file, &input, true, &plan, now())
        .map_err(|e| e.error)
        .unwrap();
    assert!(!plain.is_encrypted());
    drop(plain);
    let reopened = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    assert!(!reopened.is_encrypted());
    let said: String = reopened
        .conn()
        .query_row(
            "SELECT label FROM audit_log WHERE label LIKE 'Passphrase removed%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(said.contains("no longer encrypted"), "{said}");
    drop(reopened);
    restore_works(&dir, &plan, &name, Some(KEY));
}

/// A restore over later changes says how many it undoes, and the department
/// is as the backup was.
#[test]
fn a_restore_over_later_changes_says_what_it_undoes() {
    let (dir, plan, name) = department(false);
    {
        let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
        for i in 0..3 {
            staff::create(
                file.conn_mut(),
                &person("Late", "Hire", &format!("L{i}"), "40.00"),
            )
            .unwrap();
        }
    }
    // From Settings: the department is open while the backup is chosen.
    let open = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    let (file, outcome) = store::restore::restore(Some(open), &dir.db(), &plan, &name, None, now())
        .unwrap_or_else(|e| panic!("restore: {:?}", e.error));
    assert!(
        outcome.message.contains("3 later changes undone"),
        "{}",
        outcome.message
    );
    let count: i64 = file
        .conn()
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 40);
    assert!(
        file.outside_changes().is_none(),
        "a restore is not an edit made outside"
    );
    drop(file);
    restore_works(&dir, &plan, &name, None);
}

/// Every byte of the file set to 0 (a disk that lost it, a sync tool's
/// placeholder): damaged, not new, not a passphrase problem; a backup restores.
#[test]
fn a_file_of_zeros_throughout_is_damaged_not_new_and_a_backup_restores() {
    let (dir, plan, name) = department(false);
    let len = fs::read(dir.db()).unwrap().len();
    fs::write(dir.db(), vec![0u8; len]).unwrap();
    refused_as_damaged(&dir, None, "");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn an_encrypted_file_of_zeros_throughout_is_not_taken_for_a_wrong_passphrase() {
    let (dir, plan, name) = department(true);
    let len = fs::read(dir.db()).unwrap().len();
    fs::write(dir.db(), vec![0u8; len]).unwrap();
    let before = snapshot(&dir);
    let err = DepartmentFile::open(&dir.db(), Some(Passphrase::new(KEY)), None, now())
        .err()
        .expect("a file of zeros does not open");
    assert!(
        !err.message.contains("Caps Lock"),
        "the right passphrase is not called wrong: {}",
        err.message
    );
    assert_eq!(snapshot(&dir), before, "the file is left as it was");
    restore_works(&dir, &plan, &name, Some(KEY));
}

/// A restore with the file beyond reading (here: zeroed) takes the numbers
/// the damaged file's history had from the record beside it: the restore's
/// entry is numbered after them, never in their place.
#[test]
fn a_restore_over_an_unreadable_file_numbers_its_entry_after_the_lost_ones() {
    let (dir, plan, name) = department(false);
    let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    for i in 0..3 {
        staff::create(
            file.conn_mut(),
            &person("Late", "Save", &format!("L{i}"), "40.00"),
        )
        .unwrap();
        file.follow_history();
    }
    let lost_end = store::head::current(file.conn()).unwrap().unwrap().entry;
    let recorded = store::settings::history_head(dir.path()).map(|h| h.entry);
    assert_eq!(
        recorded,
        Some(lost_end),
        "the saves moved the record beside the file"
    );
    // Closing the last connection writes its journal into the file.
    drop(file);
    let _ = fs::remove_file(&store::swap::companions(&dir.db())[0]);
    let len = fs::read(dir.db()).unwrap().len();
    fs::write(dir.db(), vec![0u8; len]).unwrap();
    let (file, outcome) = store::restore::restore(None, &dir.db(), &plan, &name, None, now())
        .unwrap_or_else(|e| panic!("restore: {:?}", e.error));
    let newest: i64 = file
        .conn()
        .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(newest, lost_end + 1, "{}", outcome.message);
    assert!(
        outcome
            .message
            .contains("of the replaced file were not brought back"),
        "{}",
        outcome.message
    );
}

/// A `-wal` left beside a damaged file (the app stopped mid-session, then
/// the file was damaged): the restore keeps it with the damaged file and
/// never lets it replay over the restored one.
#[test]
fn a_stale_wal_beside_a_replaced_file_is_not_read_into_the_restored_one() {
    let (dir, plan, name) = department(false);
    let [wal, _] = store::swap::companions(&dir.db());
    let stale = {
        let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
        file.conn()
            .execute("UPDATE staff SET first_name = 'Stale'", [])
            .unwrap();
        let bytes = fs::read(&wal).unwrap();
        drop(file);
        assert!(bytes.len() > 32, "the save sits in the journal");
        bytes
    };
    let len = fs::read(dir.db()).unwrap().len();
    fs::write(dir.db(), vec![0u8; len]).unwrap();
    fs::write(&wal, &stale).unwrap();
    refused_as_damaged(&dir, None, "");
    // Kept with its journal folded in (`store::wal`), so not byte for byte:
    // the restore is checked here rather than by `restore_works`.
    let (file, outcome) = store::restore::restore(None, &dir.db(), &plan, &name, None, now())
        .unwrap_or_else(|e| panic!("restore: {:?}", e.error));
    assert!(outcome.kept_as.is_some(), "{}", outcome.message);
    drop(file);
    assert_ne!(
        fs::read(&wal).ok(),
        Some(stale),
        "the stale journal is not beside the restored file"
    );
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    let stale_names: i64 = file
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM staff WHERE first_name = 'Stale'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        stale_names, 0,
        "the stale journal was not read into the restored file"
    );
    let staff: i64 = file
        .conn()
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap();
    assert_eq!(staff, 40);
    assert!(file.damaged().is_none() && file.history_warning().is_none());
}
