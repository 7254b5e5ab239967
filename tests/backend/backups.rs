//! Backups: verified copies through the online backup API, the last N kept,
//! at most one automatic backup a day, one before every migration, and a
//! restore that shows what a backup holds and keeps the current file too.

use std::fs;
use wardbook::error::ErrorCode;
use wardbook::store::backup::{self, BackupPlan, BackupReason};
use wardbook::store::passphrase::{self, PassphraseInput};
use wardbook::store::{restore, summary, DepartmentFile, Passphrase};
use wardbook::{department, staff};
use wardbook_tests::{at, department_input, now, person, DataDir};

fn plan(dir: &DataDir, keep: usize) -> BackupPlan {
    BackupPlan {
        folder: dir.path().join("backups"),
        keep,
    }
}

fn filled(dir: &DataDir, people: usize) -> DepartmentFile {
    let mut file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    department::create(file.conn(), &department_input("4 West")).unwrap();
    for i in 0..people {
        staff::create(
            file.conn_mut(),
            &person("Ana", "Ruiz", &format!("E{i}"), "45.00"),
        )
        .unwrap();
    }
    file
}

#[test]
fn a_backup_is_verified_and_holds_the_same_counts() {
    let dir = DataDir::new();
    let file = filled(&dir, 3);
    let plan = plan(&dir, 14);
    let made = file
        .backup(&plan, BackupReason::Manual, at("2026-11-27 09:30:00"))
        .unwrap();
    assert_eq!(made.name, "wardbook-20261127-093000-manual.db");
    assert!(!made.encrypted);
    let counts = backup::verify(&plan.folder.join(&made.name), None, None).unwrap();
    assert_eq!(
        counts,
        summary::counts(file.conn()).unwrap(),
        "the backup holds what the file holds"
    );
    assert_eq!(counts.staff, 3);
    assert_eq!(counts.department.as_deref(), Some("4 West"));
    let leftovers: Vec<_> = fs::read_dir(&plan.folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no partial file or WAL beside the backup: {leftovers:?}"
    );
}

#[test]
fn rotation_keeps_the_last_n_backups() {
    let dir = DataDir::new();
    let file = filled(&dir, 1);
    let plan = plan(&dir, 3);
    for day in 1..=5 {
        file.backup(
            &plan,
            BackupReason::Manual,
            at(&format!("2026-11-0{day} 08:00:00")),
        )
        .unwrap();
    }
    let kept: Vec<String> = backup::list(&plan.folder)
        .unwrap()
        .into_iter()
        .map(|f| f.made_at)
        .collect();
    assert_eq!(
        kept,
        [
            "2026-11-05 08:00:00",
            "2026-11-04 08:00:00",
            "2026-11-03 08:00:00"
        ],
        "the newest three stay, newest first"
    );
}

#[test]
fn at_most_one_automatic_backup_a_day() {
    let dir = DataDir::new();
    let file = filled(&dir, 1);
    let plan = plan(&dir, 14);
    let first = backup::daily(file.conn(), None, &plan, at("2026-11-27 07:00:00")).unwrap();
    assert!(first.is_some(), "the first start of the day backs up");
    let again = backup::daily(file.conn(), None, &plan, at("2026-11-27 16:45:00")).unwrap();
    assert!(again.is_none(), "a second start the same day does not");
    let tomorrow = backup::daily(file.conn(), None, &plan, at("2026-11-28 07:00:00")).unwrap();
    assert!(tomorrow.is_some(), "the next day does again");
    assert_eq!(backup::list(&plan.folder).unwrap().len(), 2);
}

#[test]
fn a_file_that_needs_migrating_is_backed_up_first() {
    let dir = DataDir::new();
    {
        // A file written by the first version: the foundation schema only.
        let mut conn = rusqlite::Connection::open(dir.db()).unwrap();
        wardbook::store::migrate_to(&mut conn, 1).unwrap();
        department::create(&conn, &department_input("4 West")).unwrap();
        // Rows as that version wrote them (today's staff code writes columns
        // added since).
        for i in 0..2 {
            conn.execute(
                "INSERT INTO staff (first_name, last_name, employee_no, role, employment_type,
                     fte_hundredths, hourly_rate_cents, hire_date)
                 VALUES ('Ana', 'Ruiz', ?1, 'RN', 'full_time', 90, 4500, '2020-01-06')",
                [format!("E{i}")],
            )
            .unwrap();
        }
    }
    let plan = plan(&dir, 14);
    let file =
        DepartmentFile::open(&dir.db(), None, Some(&plan), at("2026-11-27 10:00:00")).unwrap();
    assert_eq!(
        wardbook::store::schema_version(file.conn()).unwrap(),
        wardbook::store::LATEST_VERSION
    );
    let list = backup::list(&plan.folder).unwrap();
    assert_eq!(list.len(), 1, "one backup before the migration");
    assert_eq!(list[0].reason, BackupReason::BeforeMigration);
    let counts = backup::verify(&plan.folder.join(&list[0].name), None, None).unwrap();
    assert_eq!(
        counts.schema_version, 1,
        "it holds the file as it was before"
    );
    assert_eq!(counts.staff, 2);
    drop(file);
    let again = DepartmentFile::open(&dir.db(), None, Some(&plan), now()).unwrap();
    drop(again);
    assert_eq!(
        backup::list(&plan.folder).unwrap().len(),
        1,
        "no migration, no backup"
    );
}

#[test]
fn verify_finds_a_damaged_backup_and_one_that_lost_rows() {
    let dir = DataDir::new();
    let file = filled(&dir, 200);
    let plan = plan(&dir, 14);
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let path = plan.folder.join(&made.name);
    let expected = summary::counts(file.conn()).unwrap();

    let mut fewer = expected.clone();
    fewer.staff -= 1;
    let err = backup::verify(&path, None, Some(&fewer)).unwrap_err();
    assert!(
        err.message.contains("200 staff"),
        "a count mismatch is reported: {}",
        err.message
    );

    let mut bytes = fs::read(&path).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let last = bytes.len() - page;
    bytes[last..last + 64].fill(0xA5);
    fs::write(&path, &bytes).unwrap();
    let err = backup::verify(&path, None, Some(&expected)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Corrupt, "{err:?}");
    assert!(err.message.contains("damaged"), "{}", err.message);
}

#[test]
fn a_backup_of_an_encrypted_file_is_encrypted_with_the_same_key() {
    let dir = DataDir::new();
    let plan = plan(&dir, 14);
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "tulips in the rain".into(),
        confirm_passphrase: "tulips in the rain".into(),
        keep_plain_backups: true,
    };
    let file = passphrase::change(filled(&dir, 2), &input, false, &plan, now())
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    let made = file
        .backup(&plan, BackupReason::Manual, at("2030-01-01 00:00:00"))
        .unwrap();
    assert!(made.encrypted);
    let path = plan.folder.join(&made.name);
    assert!(
        backup::verify(&path, None, None).is_err(),
        "without the key the backup is unreadable"
    );
    let key = Passphrase::new("tulips in the rain");
    assert_eq!(backup::verify(&path, Some(&key), None).unwrap().staff, 2);
    let listed = backup::list(&plan.folder).unwrap();
    assert!(
        listed
            .iter()
            .any(|f| f.reason == BackupReason::Passphrase && f.encrypted),
        "setting a passphrase makes a backup under it"
    );
}

#[test]
fn unencrypted_backups_can_be_removed_once_a_passphrase_is_set() {
    let dir = DataDir::new();
    let plan = plan(&dir, 14);
    let file = filled(&dir, 2);
    file.backup(&plan, BackupReason::Manual, at("2026-11-01 08:00:00"))
        .unwrap();
    file.backup(&plan, BackupReason::Manual, at("2026-11-02 08:00:00"))
        .unwrap();
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "tulips in the rain".into(),
        confirm_passphrase: "tulips in the rain".into(),
        keep_plain_backups: true,
    };
    let file = passphrase::change(file, &input, false, &plan, at("2026-11-03 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        backup::remove_unencrypted(&plan.folder).unwrap(),
        2,
        "the two plain copies go"
    );
    let left = backup::list(&plan.folder).unwrap();
    assert_eq!(
        left.len(),
        1,
        "the encrypted backup made with the passphrase stays"
    );
    assert!(left[0].encrypted);
    drop(file);
}

#[test]
fn restore_shows_the_summary_then_keeps_the_current_file_as_a_backup() {
    let dir = DataDir::new();
    let mut file = filled(&dir, 2);
    let plan = plan(&dir, 14);
    let made = file
        .backup(&plan, BackupReason::Manual, at("2026-11-20 12:00:00"))
        .unwrap();
    staff::create(file.conn_mut(), &person("Late", "Addition", "E99", "50.00")).unwrap();

    let (summary, _) = restore::inspect(&plan.folder, &made.name, None, None).unwrap();
    assert_eq!(
        summary.counts.staff, 2,
        "the summary shows what the backup holds"
    );
    assert_eq!(summary.file.made_at, "2026-11-20 12:00:00");

    let (file, _) = restore::restore(
        Some(file),
        &dir.db(),
        &plan,
        &made.name,
        None,
        at("2026-11-27 12:00:00"),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        summary::counts(file.conn()).unwrap().staff,
        2,
        "the file is the backup now"
    );
    let kept = backup::list(&plan.folder).unwrap();
    let before = kept
        .iter()
        .find(|f| f.reason == BackupReason::BeforeRestore)
        .expect("the current file was kept");
    let counts = backup::verify(&plan.folder.join(&before.name), None, None).unwrap();
    assert_eq!(
        counts.staff, 3,
        "the kept copy has the change made after the backup"
    );
    assert!(
        !dir.db().with_extension("db.restore").exists(),
        "no staged copy is left behind"
    );
}

#[test]
fn a_forgotten_passphrase_is_got_round_by_restoring_an_older_backup() {
    let dir = DataDir::new();
    let plan = plan(&dir, 14);
    let file = filled(&dir, 2);
    let plain = file
        .backup(&plan, BackupReason::Manual, at("2026-11-01 08:00:00"))
        .unwrap();
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "long forgotten words".into(),
        confirm_passphrase: "long forgotten words".into(),
        // The older backups are kept readable, as the manager may choose.
        keep_plain_backups: true,
    };
    drop(
        passphrase::change(file, &input, false, &plan, at("2026-11-02 08:00:00"))
            .unwrap_or_else(|e| panic!("{:?}", e.error)),
    );
    let locked_bytes = fs::read(dir.db()).unwrap();

    // Locked: nothing is open, and nobody knows the key.
    let (file, _) = restore::restore(
        None,
        &dir.db(),
        &plan,
        &plain.name,
        None,
        at("2026-11-03 08:00:00"),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert!(
        !file.is_encrypted(),
        "the restored plain backup opens without a passphrase"
    );
    assert_eq!(summary::counts(file.conn()).unwrap().staff, 2);
    let kept = backup::list(&plan.folder).unwrap();
    let locked = kept
        .iter()
        .find(|f| f.reason == BackupReason::BeforeRestore)
        .expect("the locked file was kept");
    assert!(locked.encrypted);
    assert_eq!(
        fs::read(plan.folder.join(&locked.name)).unwrap(),
        locked_bytes,
        "kept byte for byte, still encrypted"
    );
}

#[test]
fn restore_refuses_a_name_outside_the_backup_folder() {
    let dir = DataDir::new();
    let file = filled(&dir, 1);
    let plan = plan(&dir, 14);
    fs::create_dir_all(&plan.folder).unwrap();
    let err = restore::restore(Some(file), &dir.db(), &plan, "../wardbook.db", None, now())
        .err()
        .unwrap();
    assert_eq!(err.error.code, ErrorCode::NotFound);
    assert!(err.file.is_some(), "the current file stays open");
}

#[test]
fn a_backup_folder_that_cannot_be_created_gives_a_clear_error() {
    let dir = DataDir::new();
    let file = filled(&dir, 1);
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, b"x").unwrap();
    let plan = BackupPlan {
        folder: blocker.join("backups"),
        keep: 14,
    };
    let err = file.backup(&plan, BackupReason::Manual, now()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage);
    assert!(
        err.message.contains("not-a-folder"),
        "the message names the folder: {}",
        err.message
    );
}

#[test]
fn backup_settings_are_checked_field_by_field_and_kept_beside_the_file() {
    use wardbook::store::settings::{self, StorageSettingsInput};
    let dir = DataDir::new();
    let defaults = settings::load(dir.path());
    assert_eq!(
        (defaults.keep, defaults.idle_lock_minutes),
        (14, 15),
        "14 backups, 15 idle minutes unless changed"
    );
    assert_eq!(
        settings::plan(dir.path()).folder,
        dir.path().join("backups")
    );

    let blocker = dir.path().join("a-file");
    fs::write(&blocker, b"x").unwrap();
    let bad = StorageSettingsInput {
        backup_folder: blocker.join("sub").display().to_string(),
        keep: "0".into(),
        idle_lock_minutes: "ten".into(),
    };
    let err = settings::save(dir.path(), &bad).unwrap_err();
    assert!(
        err.message_for("backup_folder").is_some(),
        "a folder that cannot be written is refused"
    );
    assert_eq!(
        err.message_for("keep"),
        Some("The number of backups to keep must be between 1 and 365.")
    );
    assert!(err
        .message_for("idle_lock_minutes")
        .unwrap()
        .contains("not a whole number"));
    let relative = StorageSettingsInput {
        backup_folder: "backups-elsewhere".into(),
        keep: "14".into(),
        idle_lock_minutes: "15".into(),
    };
    assert!(settings::save(dir.path(), &relative)
        .unwrap_err()
        .message_for("backup_folder")
        .unwrap()
        .contains("full path"));

    let share = dir.path().join("share").join("ward");
    let good = StorageSettingsInput {
        backup_folder: share.display().to_string(),
        keep: "3".into(),
        idle_lock_minutes: "5".into(),
    };
    settings::save(dir.path(), &good).unwrap();
    let plan = settings::plan(dir.path());
    assert_eq!(
        plan,
        BackupPlan {
            folder: share.clone(),
            keep: 3
        },
        "read back before any file is opened"
    );
    assert_eq!(settings::load(dir.path()).idle_lock_minutes, 5);
}

/// Every file under `dir`, recursively.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn setting_a_passphrase_leaves_no_readable_copy_in_the_folders() {
    let dir = DataDir::new();
    let plan = wardbook::store::settings::plan(dir.path());
    let file = filled(&dir, 3);
    for day in ["2026-11-01 08:00:00", "2026-11-02 08:00:00"] {
        file.backup(&plan, BackupReason::Manual, at(day)).unwrap();
    }
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "tulips in the rain".into(),
        confirm_passphrase: "tulips in the rain".into(),
        keep_plain_backups: false,
    };
    let file = passphrase::change(file, &input, false, &plan, at("2026-11-03 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    drop(file);
    let listed = backup::list(&plan.folder).unwrap();
    assert_eq!(
        listed.len(),
        3,
        "both older backups and the new one are kept"
    );
    let key = Passphrase::new("tulips in the rain");
    for b in &listed {
        assert!(b.encrypted, "{} is encrypted now", b.name);
        let counts = backup::verify(&plan.folder.join(&b.name), Some(&key), None).unwrap();
        assert_eq!(counts.staff, 3, "{} still holds everyone", b.name);
    }
    for path in files_under(dir.path()) {
        let bytes = fs::read(&path).unwrap();
        assert!(
            !bytes.windows(4).any(|w| w == b"Ruiz"),
            "{} holds a readable name",
            path.display()
        );
    }
}

#[test]
fn setting_a_passphrase_encrypts_the_copy_kept_before_an_import() {
    let dir = DataDir::new();
    let plan = wardbook::store::settings::plan(dir.path());
    let file = filled(&dir, 3);
    // What a department-file import leaves beside the department it replaced.
    let aside = dir
        .path()
        .join(backup::before_import_name("2026-11-02-090000"));
    file.conn()
        .execute("VACUUM INTO ?1", [aside.display().to_string()])
        .unwrap();
    assert!(
        fs::read(&aside).unwrap().windows(4).any(|w| w == b"Ruiz"),
        "the kept copy is readable before the passphrase"
    );
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "tulips in the rain".into(),
        confirm_passphrase: "tulips in the rain".into(),
        keep_plain_backups: false,
    };
    let file = passphrase::change(file, &input, false, &plan, at("2026-11-03 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    drop(file);
    let key = Passphrase::new("tulips in the rain");
    let counts = backup::verify(&aside, Some(&key), None).unwrap();
    assert_eq!(counts.staff, 3, "the kept copy still holds everyone");
    assert_eq!(
        backup::kept_aside(dir.path()).unwrap().len(),
        1,
        "no second copy"
    );
    for path in files_under(dir.path()) {
        let bytes = fs::read(&path).unwrap();
        assert!(
            !bytes.windows(4).any(|w| w == b"Ruiz"),
            "{} holds a readable name",
            path.display()
        );
    }
}

#[test]
fn a_copy_kept_before_an_import_left_readable_is_listed_with_the_backups() {
    let dir = DataDir::new();
    let plan = BackupPlan {
        keep: 1,
        ..wardbook::store::settings::plan(dir.path())
    };
    let file = filled(&dir, 3);
    let aside = dir
        .path()
        .join(backup::before_import_name("2026-11-02-090000"));
    file.conn()
        .execute("VACUUM INTO ?1", [aside.display().to_string()])
        .unwrap();
    file.backup(&plan, BackupReason::Manual, at("2026-11-02 10:00:00"))
        .unwrap();
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "tulips in the rain".into(),
        confirm_passphrase: "tulips in the rain".into(),
        keep_plain_backups: true,
    };
    let file = passphrase::change(file, &input, false, &plan, at("2026-11-03 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    drop(file);
    assert!(!aside.exists(), "no unlisted copy stays beside the file");
    let listed = backup::list(&plan.folder).unwrap();
    let kept = listed
        .iter()
        .find(|b| b.reason == BackupReason::BeforeImport)
        .expect("the kept department is listed, not rotated away");
    assert!(!kept.encrypted, "listed as readable by anyone");
    assert_eq!(kept.made_at, "2026-11-02 09:00:00");
    let counts = backup::verify(&plan.folder.join(&kept.name), None, None).unwrap();
    assert_eq!(counts.staff, 3);
    assert_eq!(
        listed.len(),
        2,
        "the kept copy and the one backup the plan keeps: {listed:?}"
    );
    assert_eq!(
        backup::remove_unencrypted(&plan.folder).unwrap(),
        1,
        "removed with the plain backups"
    );
    assert!(backup::kept_aside(dir.path()).unwrap().is_empty());
}

/// The staff names in a department file, sorted.
fn names(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT employee_no || ' ' || last_name FROM staff ORDER BY employee_no")
        .unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_copy_kept_of_a_locked_file_holds_the_saves_still_in_its_wal() {
    let dir = DataDir::new();
    let plan = plan(&dir, 14);
    let file = filled(&dir, 2);
    let plain = file
        .backup(&plan, BackupReason::Manual, at("2026-11-01 08:00:00"))
        .unwrap();
    let key = "a passphrase the manager forgot";
    let input = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: key.into(),
        confirm_passphrase: key.into(),
        keep_plain_backups: true,
    };
    drop(
        passphrase::change(file, &input, false, &plan, at("2026-11-02 08:00:00"))
            .unwrap_or_else(|e| panic!("{:?}", e.error)),
    );
    // Saves that are still in the WAL when the app stops (killed, power cut).
    let mut file =
        DepartmentFile::open(&dir.db(), Some(Passphrase::new(key)), None, now()).unwrap();
    file.conn()
        .pragma_update(None, "wal_autocheckpoint", 0)
        .unwrap();
    for i in 0..3 {
        staff::create(
            file.conn_mut(),
            &person("Ben", "Okafor", &format!("W{i}"), "38.00"),
        )
        .unwrap();
    }
    let written = names(file.conn());
    assert_eq!(written.len(), 5);
    std::mem::forget(file);
    let wal = dir.path().join("wardbook.db-wal");
    assert!(
        fs::metadata(&wal).unwrap().len() > 0,
        "the saves are in the WAL"
    );

    // Locked (the passphrase forgotten): the older plain backup is restored,
    // and the locked file is kept first.
    let (restored, _) = restore::restore(
        None,
        &dir.db(),
        &plan,
        &plain.name,
        None,
        at("2026-11-03 08:00:00"),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    let kept = backup::list(&plan.folder)
        .unwrap()
        .into_iter()
        .find(|f| f.reason == BackupReason::BeforeRestore)
        .expect("the locked file was kept");
    let leftovers: Vec<String> = fs::read_dir(&plan.folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .collect();
    assert!(leftovers.is_empty(), "one file per copy: {leftovers:?}");

    // The passphrase is found again: the kept copy is restored, with every save.
    let (back, _) = restore::restore(
        Some(restored),
        &dir.db(),
        &plan,
        &kept.name,
        Some(Passphrase::new(key)),
        at("2026-11-03 09:00:00"),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(names(back.conn()), written, "exactly the data written");
}

#[test]
fn restoring_a_copy_left_beside_its_wal_by_an_earlier_version_keeps_the_wal_saves() {
    let dir = DataDir::new();
    let plan = plan(&dir, 14);
    let mut file = filled(&dir, 1);
    file.conn()
        .pragma_update(None, "wal_autocheckpoint", 0)
        .unwrap();
    staff::create(file.conn_mut(), &person("Ben", "Okafor", "W1", "38.00")).unwrap();
    let written = names(file.conn());
    // What the older `copy_as_is` wrote: the file and its WAL, side by side.
    fs::create_dir_all(&plan.folder).unwrap();
    let old = plan.folder.join("wardbook-20261101-080000-damaged.db");
    fs::copy(dir.db(), &old).unwrap();
    fs::copy(
        dir.path().join("wardbook.db-wal"),
        plan.folder.join("wardbook-20261101-080000-damaged.db-wal"),
    )
    .unwrap();
    let (back, _) = restore::restore(
        Some(file),
        &dir.db(),
        &plan,
        "wardbook-20261101-080000-damaged.db",
        None,
        at("2026-11-03 09:00:00"),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(names(back.conn()), written);
}

fn newest_label(file: &DepartmentFile) -> String {
    file.conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn setting_changing_and_removing_a_passphrase_and_a_backup_by_hand_are_in_the_history() {
    let dir = DataDir::new();
    let plan = plan(&dir, 14);
    let mut file = filled(&dir, 1);
    let made = file
        .backup_by_hand(&plan, at("2026-11-01 08:00:00"))
        .unwrap();
    assert_eq!(
        newest_label(&file),
        format!("Backup made by hand: {}", made.name)
    );
    let set = PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: "first words here".into(),
        confirm_passphrase: "first words here".into(),
        keep_plain_backups: false,
    };
    let file = passphrase::change(file, &set, false, &plan, at("2026-11-02 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        newest_label(&file),
        "Passphrase set: the department file is now encrypted; 1 older backup encrypted with it"
    );
    let changed = PassphraseInput {
        current_passphrase: "first words here".into(),
        new_passphrase: "second words here".into(),
        confirm_passphrase: "second words here".into(),
        keep_plain_backups: false,
    };
    // Every backup so far is under the first passphrase: all take the second.
    let under_first = wardbook::store::backup::list(&plan.folder).unwrap().len();
    let file = passphrase::change(file, &changed, false, &plan, at("2026-11-03 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        newest_label(&file),
        format!("Passphrase changed; {under_first} backups made under the old passphrase re-encrypted with the new one")
    );
    let removed = PassphraseInput {
        current_passphrase: "second words here".into(),
        ..Default::default()
    };
    let file = passphrase::change(file, &removed, true, &plan, at("2026-11-04 08:00:00"))
        .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert_eq!(
        newest_label(&file),
        "Passphrase removed: the department file is no longer encrypted; the backups made with it stay encrypted and open with it"
    );
    for word in ["first words", "second words"] {
        let found: i64 = file
            .conn()
            .query_row(
                "SELECT count(*) FROM audit_log WHERE label LIKE ?1 OR before LIKE ?1 OR after LIKE ?1",
                [format!("%{word}%")],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 0, "the passphrase itself is never in the history");
    }
    assert!(wardbook::audit::chain::verify(file.conn()).unwrap().intact);
}
