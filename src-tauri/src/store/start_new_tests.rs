//! Starting a new department in place of a damaged one keeps the damaged file.

use super::*;
use crate::store::backup::{BackupPlan, BackupReason};
use crate::store::db_path;

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// A department with one backup, then its file overwritten with random-looking bytes.
fn damaged_department(dir: &Path) -> Vec<u8> {
    let plan = BackupPlan {
        folder: dir.join("backups"),
        keep: 14,
    };
    let file = DepartmentFile::open(&db_path(dir), None, None, now()).unwrap();
    file.backup(&plan, BackupReason::Manual, now()).unwrap();
    file.close().unwrap();
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(db_path(dir), &bytes).unwrap();
    bytes
}

#[test]
fn a_new_department_keeps_the_damaged_file_beside_it_unchanged_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = damaged_department(dir.path());
    let Err(refused) = DepartmentFile::open(&db_path(dir.path()), None, None, now()) else {
        panic!("random bytes opened as a department");
    };
    assert_eq!(refused.code, ErrorCode::Corrupt, "{}", refused.message);
    assert!(
        refused.message.contains("start a new department"),
        "{}",
        refused.message
    );
    assert!(
        !refused.message.contains("move the file"),
        "{}",
        refused.message
    );

    let (file, said) =
        start(None, &db_path(dir.path()), now()).unwrap_or_else(|e| panic!("{:?}", e.error));
    let kept = dir.path().join("wardbook-damaged-2026-12-07-0930.db");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        bytes,
        "the damaged file is kept byte for byte"
    );
    assert!(said.contains(&kept.display().to_string()), "{said}");
    assert!(said.contains("was not changed"), "{said}");
    let staff: i64 = file
        .conn()
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap();
    assert_eq!(staff, 0, "an empty department");
    let first: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        format!("{first}."),
        said,
        "the new history starts with where the old file is"
    );
    file.close().unwrap();
    assert!(
        DepartmentFile::open(&db_path(dir.path()), None, None, now()).is_ok(),
        "the new department opens at the next start, backups of the old one beside it"
    );
}

#[test]
fn the_journal_is_kept_with_the_damaged_file_and_a_name_taken_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    damaged_department(dir.path());
    let taken = dir.path().join("wardbook-damaged-2026-12-07-0930.db");
    std::fs::write(&taken, b"an earlier one").unwrap();
    let [wal, _] = companions(&db_path(dir.path()));
    std::fs::write(&wal, b"journal bytes").unwrap();
    let (_file, said) =
        start(None, &db_path(dir.path()), now()).unwrap_or_else(|e| panic!("{:?}", e.error));
    let kept = dir.path().join("wardbook-damaged-2026-12-07-0930-2.db");
    assert!(said.contains(&kept.display().to_string()), "{said}");
    assert_eq!(std::fs::read(&taken).unwrap(), b"an earlier one");
    assert_eq!(
        std::fs::read(companions(&kept)[0].clone()).unwrap(),
        b"journal bytes"
    );
}

#[test]
fn a_sound_file_is_not_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let file = DepartmentFile::open(&db_path(dir.path()), None, None, now()).unwrap();
    let refused = match start(Some(file), &db_path(dir.path()), now()) {
        Ok(_) => panic!("a sound file was set aside"),
        Err(e) => e,
    };
    assert_eq!(refused.error.code, ErrorCode::Blocked);
    assert!(refused.file.is_some(), "the file stays open");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("damaged")), "{names:?}");
}

/// The new department's history counts its own numbers: a restore of its own
/// backup does not say the damaged department's numbers were not brought back.
#[test]
fn the_new_departments_numbers_are_its_own() {
    let dir = tempfile::tempdir().unwrap();
    damaged_department(dir.path());
    let old = crate::store::head::Head {
        key_id: "the damaged department's".into(),
        entry: 3238,
        seal: "00".into(),
        at: "2026-12-01T08:00:00.000Z".into(),
    };
    crate::store::settings::set_history_head(dir.path(), Some(old)).unwrap();
    let (mut file, _) =
        start(None, &db_path(dir.path()), now()).unwrap_or_else(|e| panic!("{:?}", e.error));
    file.follow_history();
    let plan = BackupPlan {
        folder: dir.path().join("backups"),
        keep: 14,
    };
    let made = file.backup(&plan, BackupReason::Manual, now()).unwrap();
    let (file, outcome) = crate::store::restore::restore(
        Some(file),
        &db_path(dir.path()),
        &plan,
        &made.name,
        None,
        now(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.error));
    assert!(
        !outcome.message.contains("not brought back"),
        "{}",
        outcome.message
    );
    let newest: i64 = file
        .conn()
        .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert!(newest < 100, "numbered in the new history: {newest}");
}
