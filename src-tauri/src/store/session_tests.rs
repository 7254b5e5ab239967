//! The lock states the session goes through: locked at start, unlocked by
//! the right passphrase only, locked again when idle too long or on request.

use super::*;

fn staff_count(db: &Session) -> AppResult<i64> {
    db.run(|c| Ok(c.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))?))
}

/// A data folder holding an encrypted department file, and a session opened on it as at start.
fn encrypted() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    drop(DepartmentFile::open(&path, Some(Passphrase::new("open sesame 1")), None, now()).unwrap());
    let db = Session::new(dir.path().to_path_buf());
    db.set(DepartmentFile::open(&path, None, None, now()));
    (dir, db)
}

#[test]
fn an_encrypted_file_waits_locked_until_the_right_passphrase() {
    let (_dir, db) = encrypted();
    assert!(db.snapshot().locked);
    assert_eq!(
        staff_count(&db).unwrap_err().code,
        ErrorCode::Locked,
        "no command reads a locked file"
    );
    let wrong = db.unlock("open sesame 2".into()).unwrap_err();
    assert_eq!(wrong.field.as_deref(), Some("passphrase"));
    assert!(db.snapshot().locked, "a wrong passphrase leaves it locked");
    db.unlock("open sesame 1".into()).unwrap();
    assert_eq!(staff_count(&db).unwrap(), 0);
}

#[test]
fn idle_too_long_locks_the_file_before_the_next_command() {
    let (_dir, db) = encrypted();
    db.unlock("open sesame 1".into()).unwrap();
    db.set_idle_minutes(0);
    assert_eq!(
        staff_count(&db).unwrap_err().code,
        ErrorCode::Locked,
        "the idle limit has passed"
    );
    assert!(db.snapshot().locked);
    db.set_idle_minutes(15);
    db.unlock("open sesame 1".into()).unwrap();
    assert!(staff_count(&db).is_ok(), "within the limit it stays open");
    assert!(db.lock().unwrap(), "locking on request");
    assert_eq!(staff_count(&db).unwrap_err().code, ErrorCode::Locked);
}

#[test]
fn a_plain_file_has_nothing_to_lock_with() {
    let dir = tempfile::tempdir().unwrap();
    let db = Session::new(dir.path().to_path_buf());
    db.set(DepartmentFile::open(
        &crate::store::db_path(dir.path()),
        None,
        None,
        now(),
    ));
    db.set_idle_minutes(0);
    assert!(
        staff_count(&db).is_ok(),
        "without a passphrase the idle lock does not apply"
    );
    assert!(!db.lock().unwrap());
}

/// A zone whose clock reads at least 10 hours away from this computer's.
fn far_zone() -> &'static str {
    let local = chrono::Local::now().naive_local();
    ["Pacific/Kiritimati", "Pacific/Pago_Pago"]
        .into_iter()
        .find(|z| {
            let there = crate::department::wall_clock(chrono::Utc::now(), Some(z));
            (there - local).num_hours().abs() >= 10
        })
        .expect("+14 and -11 cannot both be near this computer's clock")
}

fn minutes_apart(a: chrono::NaiveDateTime, b: chrono::NaiveDateTime) -> i64 {
    (a - b).num_minutes().abs()
}

#[test]
fn backups_are_named_and_dated_by_the_department_clock() {
    let zone = far_zone();
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    {
        let file = DepartmentFile::open(&path, None, None, now()).unwrap();
        crate::department::create(
            file.conn(),
            &crate::department::DepartmentInput {
                name: "4 West".into(),
                unit_type: crate::department::UnitType::MedSurg,
                beds: "32".into(),
                time_zone: zone.into(),
                fiscal_year_start_month: "7".into(),
                overtime_rule: crate::department::OvertimeRule::Weekly40,
            },
        )
        .unwrap();
    }
    let there = || crate::department::wall_clock(chrono::Utc::now(), Some(zone));

    // Read from the plain file before it is opened (a backup before an update).
    let db = Session::new(dir.path().to_path_buf());
    assert!(
        minutes_apart(db.now(), now()) <= 1,
        "unknown: the computer's"
    );
    db.peek_zone();
    assert!(minutes_apart(db.now(), there()) <= 1, "peeked: {zone}'s");

    let db = Session::new(dir.path().to_path_buf());
    db.set(DepartmentFile::open(&path, None, None, now()));
    assert!(minutes_apart(db.now(), there()) <= 1, "opened: {zone}'s");
    let made = db
        .with_file(|db, file| {
            file.backup(
                &db.plan(),
                crate::store::backup::BackupReason::Manual,
                db.now(),
            )
        })
        .unwrap();
    let stamp = chrono::NaiveDateTime::parse_from_str(&made.made_at, "%Y-%m-%d %H:%M:%S").unwrap();
    assert!(
        minutes_apart(stamp, there()) <= 1 && minutes_apart(stamp, now()) >= 600,
        "the backup reads {zone}'s time, not this computer's: {}",
        made.made_at
    );
    assert!(
        made.name
            .starts_with(&format!("wardbook-{}", stamp.format("%Y%m%d-%H%M"))),
        "the file name carries the same time: {}",
        made.name
    );

    // A department moved to another zone: its clock follows at once.
    db.set_zone("UTC".into());
    let utc = chrono::Utc::now().naive_utc();
    assert!(minutes_apart(db.now(), utc) <= 1);
}

#[test]
fn an_encrypted_files_backup_before_an_update_is_dated_by_the_department_clock() {
    let zone = far_zone();
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    let key = Passphrase::new("open sesame 1");
    {
        // An encrypted department file of an older Wardbook (schema 7).
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        crate::store::cipher::apply_key(&conn, Some(&key)).unwrap();
        crate::store::configure(&conn).unwrap();
        crate::store::migrate_to(&mut conn, 7).unwrap();
        conn.execute(
            "INSERT INTO department (id, name, unit_type, beds, time_zone, fiscal_year_start_month, overtime_rule, created_at)
             VALUES (1, '4 West', 'med_surg', 32, ?1, 7, 'weekly_40', '2026-01-01T00:00:00Z')",
            [zone],
        )
        .unwrap();
    }
    let db = Session::new(dir.path().to_path_buf());
    db.peek_zone();
    db.set(DepartmentFile::open(&path, None, None, now()));
    assert!(
        db.snapshot().locked,
        "the first start asks for the passphrase"
    );
    assert!(
        minutes_apart(db.now(), now()) <= 1,
        "nothing tells the zone of an encrypted file before it is unlocked"
    );
    db.unlock(key.as_str().into()).unwrap();
    let made = backup::list(&db.plan().folder)
        .unwrap()
        .into_iter()
        .find(|b| b.reason == backup::BackupReason::BeforeMigration)
        .expect("a backup before the update");
    let there = crate::department::wall_clock(chrono::Utc::now(), Some(zone));
    let stamp = chrono::NaiveDateTime::parse_from_str(&made.made_at, "%Y-%m-%d %H:%M:%S").unwrap();
    assert!(
        minutes_apart(stamp, there) <= 1 && minutes_apart(stamp, now()) >= 600,
        "the backup reads {zone}'s time, not this computer's: {}",
        made.made_at
    );
    assert!(
        made.name
            .starts_with(&format!("wardbook-{}", stamp.format("%Y%m%d-%H%M"))),
        "the file name carries the same time: {}",
        made.name
    );
}

/// Restores backup `name` the way the `backup_restore` command does.
fn restore(db: &Session, name: &str, passphrase: Option<&str>) -> AppResult<()> {
    let name = name.to_string();
    let given = passphrase.map(Passphrase::new);
    db.replace(move |db, current| {
        crate::store::restore::restore(current, &db.db_path(), &db.plan(), &name, given, now())
            .map(|(file, _)| file)
    })
}

#[test]
fn a_locked_file_can_be_replaced_by_a_backup_from_the_lock_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    let plan = crate::store::settings::plan(dir.path());
    // A plain backup from before the passphrase, and an encrypted one after it.
    let plain = {
        let file = DepartmentFile::open(&path, None, None, now()).unwrap();
        file.backup(&plan, backup::BackupReason::Manual, now())
            .unwrap()
    };
    let key = Passphrase::new("open sesame 1");
    let encrypted = {
        let file = DepartmentFile::open(&path, None, None, now()).unwrap();
        let input = crate::store::passphrase::PassphraseInput {
            current_passphrase: String::new(),
            new_passphrase: key.as_str().into(),
            confirm_passphrase: key.as_str().into(),
            keep_plain_backups: true,
        };
        let file = crate::store::passphrase::change(file, &input, false, &plan, now())
            .map_err(|e| e.error)
            .unwrap();
        file.backup(&plan, backup::BackupReason::Manual, now())
            .unwrap()
    };
    assert!(encrypted.encrypted && !plain.encrypted);
    let db = Session::new(dir.path().to_path_buf());
    db.set(DepartmentFile::open(&path, None, None, now()));
    assert!(db.snapshot().locked);

    let refused = restore(&db, &encrypted.name, Some("not the one")).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("passphrase"));
    assert!(
        db.snapshot().locked,
        "a wrong passphrase leaves the file locked"
    );

    restore(&db, &encrypted.name, Some("open sesame 1"))
        .expect("an encrypted backup with its passphrase");
    assert!(!db.snapshot().locked);
    assert_eq!(staff_count(&db).unwrap(), 0);

    assert!(db.lock().unwrap());
    restore(&db, &plain.name, None).expect("a plain backup needs no passphrase");
    let snapshot = db.snapshot();
    assert!(!snapshot.locked && !snapshot.encrypted);
    let kept = backup::list(&plan.folder).unwrap();
    assert!(
        kept.iter()
            .any(|b| b.reason == backup::BackupReason::BeforeRestore && b.encrypted),
        "the locked file is kept as it was: {kept:?}"
    );
}

/// A locked or damaged file cannot say its zone; the copy the lock or
/// damaged-file screen keeps of it is still named on the department's clock,
/// the zone last seen being remembered beside the file.
#[test]
fn the_zone_last_seen_dates_backups_while_the_file_cannot_be_read() {
    let zone = far_zone();
    let dir = tempfile::tempdir().unwrap();
    let first = Session::new(dir.path().to_path_buf());
    first.set_zone(zone.into());
    drop(first);
    // The next start: nothing opened yet, the file unreadable.
    let db = Session::new(dir.path().to_path_buf());
    let there = crate::department::wall_clock(chrono::Utc::now(), Some(zone));
    assert!(
        minutes_apart(db.now(), there) <= 1,
        "the department's clock ({zone}), not this computer's"
    );
}

/// A damaged file open read-only: a save is refused in the manager's terms,
/// while reading and an export's own failure keep their words.
#[test]
fn a_damaged_file_refuses_saves_but_an_export_says_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    {
        let file = DepartmentFile::open(&path, None, None, now()).unwrap();
        file.conn()
            .execute_batch("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX note_body ON note (body);")
            .unwrap();
        for i in 0..400 {
            file.conn()
                .execute(
                    "INSERT INTO note (body) VALUES (?1)",
                    [format!("note {i:04} with some words")],
                )
                .unwrap();
        }
    }
    // The index's root page overwritten: the integrity check fails, the rows still read.
    let root: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'note_body'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let at = (root as usize - 1) * 4096;
    bytes[at..at + 4096].fill(0x5A);
    std::fs::write(&path, &bytes).unwrap();
    let db = Session::new(dir.path().to_path_buf());
    db.set(DepartmentFile::open(&path, None, None, now()));
    assert!(db.snapshot().damaged);
    let read: i64 = db
        .run(|c| Ok(c.query_row("SELECT COUNT(*) FROM note", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(read, 400);
    let save = db
        .run(|c| Ok(c.execute("DELETE FROM note", [])?))
        .unwrap_err();
    assert!(
        save.message
            .starts_with("This file is open read-only because it failed its integrity check"),
        "{}",
        save.message
    );
    let refused = db.refuse_if_read_only().unwrap_err();
    assert_eq!(
        refused.message, save.message,
        "a command that keeps a backup before writing (an import) is refused before it starts, in the same words"
    );
    let destination = db
        .run(|_| -> AppResult<()> {
            Err(AppError::new(
                ErrorCode::Storage,
                "The department file could not be saved to /media/usb (it is full).",
            ))
        })
        .unwrap_err();
    assert_eq!(
        destination.message, "The department file could not be saved to /media/usb (it is full).",
        "an export's own failure is not blamed on the damaged file"
    );
}

#[test]
fn closing_at_exit_leaves_every_save_in_the_file_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::store::db_path(dir.path());
    let db = Session::new(dir.path().to_path_buf());
    db.set(DepartmentFile::open(&path, None, None, now()));
    assert!(
        db.refuse_if_read_only().is_ok(),
        "a sound file takes changes"
    );
    db.run(|c| {
        crate::sample::create(c, chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())?;
        Ok(())
    })
    .unwrap();
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name().unwrap().to_string_lossy()
    ));
    assert!(
        std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0),
        "the saves sit in the WAL"
    );
    db.close_at_exit();
    assert!(
        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
        "the WAL was written into the file"
    );
    // The file alone, copied without its WAL, holds the department.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();
    let alone = rusqlite::Connection::open(&copy).unwrap();
    let staff: i64 = alone
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap();
    assert_eq!(staff, crate::sample::STAFF_COUNT as i64);
}
