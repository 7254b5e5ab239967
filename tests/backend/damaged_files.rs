//! Every shape of damaged department file has a way out: an empty, missing,
//! truncated, header-damaged, page-1-damaged (encrypted), random or foreign
//! file is named for what it is (not a passphrase problem, not a new
//! install), left byte for byte as found, and a backup restores over it.

use std::fs;
use wardbook::error::ErrorCode;
use wardbook::store::backup::{self, BackupPlan, BackupReason};
use wardbook::store::{self, DepartmentFile, Passphrase};
use wardbook::{department, staff};
use wardbook_tests::{department_input, now, person, DataDir};

const KEY: &str = "tulips in the snow";

/// A data folder with a department of 40 people (encrypted under `KEY` when
/// `encrypted`) and one verified backup of it, in the default backup folder.
fn department(encrypted: bool) -> (DataDir, BackupPlan, String) {
    let dir = DataDir::new();
    let plan = store::settings::plan(dir.path());
    let key = encrypted.then(|| Passphrase::new(KEY));
    let mut file = DepartmentFile::open(&dir.db(), key, None, now()).unwrap();
    department::create(file.conn(), &department_input("5 East")).unwrap();
    for i in 0..40 {
        staff::create(
            file.conn_mut(),
            &person("Ngozi", "Okafor", &format!("E{i}"), "51.00"),
        )
        .unwrap();
    }
    let made = file
        .backup(
            &plan,
            BackupReason::Manual,
            wardbook_tests::at("2026-11-01 08:00:00"),
        )
        .unwrap();
    assert_eq!(made.encrypted, encrypted);
    drop(file);
    (dir, plan, made.name)
}

/// The file's bytes and its `-wal`'s, to prove an attempt changed nothing
/// (SQLite may leave an empty `-wal` beside a file it only read: it holds nothing).
fn snapshot(dir: &DataDir) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let [wal, _] = store::swap::companions(&dir.db());
    let wal = fs::read(wal).ok().filter(|b| !b.is_empty());
    (fs::read(dir.db()).ok(), wal)
}

fn random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// Opening is refused as damaged (not locked, not a wrong passphrase, not
/// new), with `words` in the message, and the file is left as it was.
fn refused_as_damaged(dir: &DataDir, key: Option<&str>, words: &str) {
    let message = refused(dir, key, words);
    assert!(
        message.contains("damaged or is not a Wardbook file"),
        "{message}"
    );
}

/// Opening is refused (not locked, not new) with `words` in the message,
/// which says the file was not changed; the file is left as it was.
fn refused(dir: &DataDir, key: Option<&str>, words: &str) -> String {
    let before = snapshot(dir);
    let err = DepartmentFile::open(&dir.db(), key.map(Passphrase::new), None, now())
        .err()
        .unwrap_or_else(|| panic!("a damaged file must not open ({words})"));
    assert_eq!(err.code, ErrorCode::Corrupt, "{err:?}");
    assert!(
        err.message.contains("Wardbook has not changed"),
        "{}",
        err.message
    );
    assert!(err.message.contains(words), "{words}: {}", err.message);
    assert_eq!(snapshot(dir), before, "the file is left as it was");
    err.message
}

/// A restore with no file open, through what the start or lock screen calls
/// (`backups_list`, `backup_inspect`, `backup_restore`), brings the department
/// back with its history verifying, and keeps what was there in the backup
/// folder.
fn restore_works(dir: &DataDir, plan: &BackupPlan, name: &str, key: Option<&str>) {
    let had = fs::read(dir.db()).ok().filter(|b| !b.is_empty());
    let listed = backup::list(&plan.folder).unwrap();
    assert!(listed.iter().any(|b| b.name == name), "{listed:?}");
    let (shown, _) =
        store::restore::inspect(&plan.folder, name, key.map(Passphrase::new), None).unwrap();
    assert!(
        shown.counts.staff >= 40,
        "the screen shows what the backup holds: {:?}",
        shown.counts
    );
    let (file, outcome) =
        store::restore::restore(None, &dir.db(), plan, name, key.map(Passphrase::new), now())
            .unwrap_or_else(|e| panic!("restore: {:?}", e.error));
    assert!(file.damaged().is_none());
    // The restore is told on screen and written into the history, naming
    // where what was there is kept (nothing, when the file was missing).
    let newest: String = file
        .conn()
        .query_row(
            "SELECT label FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(newest.starts_with("Restored the backup of "), "{newest}");
    assert_eq!(outcome.message, format!("{newest}."));
    if had.is_some() {
        assert!(outcome.kept_as.is_some(), "what was there is kept");
    }
    if let Some(kept) = &outcome.kept_as {
        assert!(newest.ends_with(&format!("kept as {kept}")), "{newest}");
    }
    assert_eq!(
        department::get(file.conn()).unwrap().unwrap().name,
        "5 East"
    );
    let count: i64 = file
        .conn()
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 40);
    let chain = wardbook::audit::chain::verify(file.conn()).unwrap();
    assert!(chain.intact && chain.entries > 40, "{}", chain.message);
    assert!(file.history_warning().is_none());
    if let Some(bytes) = had {
        let kept = backup::list(&plan.folder).unwrap();
        assert!(
            kept.iter()
                .any(|b| fs::read(plan.folder.join(&b.name)).ok().as_ref() == Some(&bytes)),
            "the damaged file is kept byte for byte among {kept:?}"
        );
    }
}

#[test]
fn an_empty_file_beside_backups_is_a_damaged_department_not_a_new_one() {
    let (dir, plan, name) = department(false);
    fs::write(dir.db(), b"").unwrap();
    let said = refused(&dir, None, "is empty (0 bytes), but 1 backup of it exists");
    assert!(!said.contains("move the file aside"), "{said}");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn a_file_copied_without_its_wal_beside_backups_is_a_lost_department_not_a_new_one() {
    let (dir, plan, name) = department(false);
    // What a copy of the file alone holds when every save sat in its WAL:
    // a database of one page and no schema.
    fs::remove_file(dir.db()).unwrap();
    {
        let shell = rusqlite::Connection::open(dir.db()).unwrap();
        shell
            .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (a); DROP TABLE t;")
            .unwrap();
    }
    let [wal, shm] = store::swap::companions(&dir.db());
    let _ = fs::remove_file(&wal);
    let _ = fs::remove_file(&shm);
    let before = fs::read(dir.db()).unwrap();
    assert!(!before.is_empty());
    let said = refused(&dir, None, "holds no department, but 1 backup of it exists");
    assert!(said.contains("put the “-wal” file back"), "{said}");
    // The way out inside Wardbook comes first; moving a file by hand after it.
    assert!(
        said.find("restore one of the backups")
            .expect("a restore is offered")
            < said
                .find("put the “-wal” file back")
                .expect("the journal is named"),
        "{said}"
    );
    assert_eq!(
        fs::read(dir.db()).unwrap(),
        before,
        "the file is left as it was"
    );
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn an_empty_file_whose_wal_holds_the_data_is_a_damaged_department() {
    // No backups here: the WAL alone shows a department lived in this file.
    let dir = DataDir::new();
    let source = DataDir::new();
    let file = DepartmentFile::open(&source.db(), None, None, now()).unwrap();
    department::create(file.conn(), &department_input("5 East")).unwrap();
    // Copied while the writer still has it open: the saves are in the WAL only.
    let [source_wal, _] = store::swap::companions(&source.db());
    let [wal, _] = store::swap::companions(&dir.db());
    fs::copy(&source_wal, &wal).unwrap();
    drop(file);
    assert!(fs::metadata(&wal).unwrap().len() > 0);
    fs::write(dir.db(), b"").unwrap();
    refused(&dir, None, "its journal (-wal) still holds saved changes");
}

#[test]
fn an_empty_file_whose_wal_holds_the_data_is_restored_from_a_backup() {
    let (dir, plan, name) = department(false);
    // A later save sits in the WAL of a writer that still has the file open.
    let mut writer = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    staff::create(writer.conn_mut(), &person("Ada", "Eze", "E-WAL", "50.00")).unwrap();
    let [wal, _] = store::swap::companions(&dir.db());
    let journal = fs::read(&wal).unwrap();
    drop(writer);
    fs::write(dir.db(), b"").unwrap();
    fs::write(&wal, &journal).unwrap();
    assert!(!journal.is_empty());
    refused(
        &dir,
        None,
        "is empty (0 bytes), but its journal (-wal) still holds saved changes and 1 backup of it exists",
    );
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn a_missing_file_beside_backups_is_a_damaged_department() {
    let (dir, plan, name) = department(false);
    fs::remove_file(dir.db()).unwrap();
    let said = refused(
        &dir,
        None,
        "is missing (deleted, moved or renamed?), but 1 backup of it exists",
    );
    assert!(
        !said.contains("damaged") && !said.contains("move the file aside"),
        "a missing file is not called damaged, and there is nothing to move: {said}"
    );
    assert!(!dir.db().exists(), "no new file was made in its place");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn a_new_folder_still_starts_a_new_department() {
    let dir = DataDir::new();
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    assert!(department::get(file.conn()).unwrap().is_none());
    drop(file);
    fs::remove_file(dir.db()).unwrap();
    fs::write(dir.db(), b"").unwrap();
    let [wal, shm] = store::swap::companions(&dir.db());
    let _ = fs::remove_file(wal);
    let _ = fs::remove_file(shm);
    assert!(
        DepartmentFile::open(&dir.db(), None, None, now()).is_ok(),
        "an empty file with no backups and no journal is a new install"
    );
}

#[test]
fn a_truncated_file_is_refused_and_a_backup_restores() {
    let (dir, plan, name) = department(false);
    let bytes = fs::read(dir.db()).unwrap();
    fs::write(dir.db(), &bytes[..3000]).unwrap();
    refused_as_damaged(
        &dir,
        None,
        "the file is incomplete — it may have been cut short while copying",
    );
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn a_plain_file_with_a_damaged_header_is_damaged_not_locked() {
    let (dir, plan, name) = department(false);
    let mut bytes = fs::read(dir.db()).unwrap();
    bytes[..16].fill(0xA5);
    fs::write(dir.db(), &bytes).unwrap();
    refused_as_damaged(&dir, None, "does not start like a department file");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn an_encrypted_file_with_a_damaged_first_page_is_damaged_under_the_right_passphrase() {
    let (dir, plan, name) = department(true);
    let mut bytes = fs::read(dir.db()).unwrap();
    // Past the salt (the first 16 bytes), inside page 1's ciphertext.
    bytes[200..264].fill(0xA5);
    fs::write(dir.db(), &bytes).unwrap();
    let before = snapshot(&dir);
    let locked = DepartmentFile::open(&dir.db(), None, None, now())
        .err()
        .unwrap();
    assert_eq!(
        locked.code,
        ErrorCode::Locked,
        "no key yet: the lock screen"
    );
    let wrong = DepartmentFile::open(
        &dir.db(),
        Some(Passphrase::new("not it at all")),
        None,
        now(),
    )
    .err()
    .unwrap();
    assert_eq!(wrong.field.as_deref(), Some("passphrase"), "{wrong:?}");
    refused_as_damaged(&dir, Some(KEY), "the passphrase is right");
    assert_eq!(snapshot(&dir), before);
    restore_works(&dir, &plan, &name, Some(KEY));
}

#[test]
fn an_encrypted_file_with_a_damaged_salt_is_known_by_its_backup() {
    // The salt is gone, so no page verifies; the passphrase still opens the backup.
    let (dir, plan, name) = department(true);
    let mut bytes = fs::read(dir.db()).unwrap();
    bytes[..16].copy_from_slice(&random_bytes(16, 7));
    fs::write(dir.db(), &bytes).unwrap();
    refused_as_damaged(
        &dir,
        Some(KEY),
        "the passphrase opens a backup but not this file: either the start of the file is damaged",
    );
    restore_works(&dir, &plan, &name, Some(KEY));
}

#[test]
fn random_bytes_where_an_encrypted_department_was_ask_for_a_passphrase() {
    // Its backups are encrypted: random pages cannot be told from its own.
    let (dir, plan, name) = department(true);
    fs::write(dir.db(), random_bytes(40960, 99)).unwrap();
    let before = snapshot(&dir);
    let locked = DepartmentFile::open(&dir.db(), None, None, now())
        .err()
        .unwrap();
    assert_eq!(
        locked.code,
        ErrorCode::Locked,
        "random pages cannot be told from encrypted ones without a key"
    );
    let tried = DepartmentFile::open(
        &dir.db(),
        Some(Passphrase::new("not it at all")),
        None,
        now(),
    )
    .err()
    .unwrap();
    assert_eq!(tried.field.as_deref(), Some("passphrase"));
    assert!(
        tried.message.contains("damaged or is not a Wardbook file"),
        "{}",
        tried.message
    );
    assert_eq!(snapshot(&dir), before);
    restore_works(&dir, &plan, &name, Some(KEY));
}

#[test]
fn random_bytes_where_a_department_without_passphrase_was_are_damaged_not_locked() {
    let (dir, plan, name) = department(false);
    fs::write(dir.db(), random_bytes(40960, 99)).unwrap();
    refused_as_damaged(&dir, None, "has no passphrase, so it is not a locked file");
    refused_as_damaged(
        &dir,
        Some(KEY),
        "has no passphrase, so it is not a locked file",
    );
    restore_works(&dir, &plan, &name, None);
    let kept = backup::list(&plan.folder).unwrap();
    assert_eq!(
        kept[0].reason,
        BackupReason::Damaged,
        "the random bytes are kept as a damaged file, not as a locked department: {kept:?}"
    );
}

#[test]
fn another_programs_database_is_refused_not_migrated() {
    let (dir, plan, name) = department(false);
    fs::remove_file(dir.db()).unwrap();
    {
        let other = rusqlite::Connection::open(dir.db()).unwrap();
        other
            .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
            .unwrap();
    }
    refused_as_damaged(&dir, None, "a database of another program");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn a_half_written_encrypted_file_is_called_incomplete() {
    let (dir, plan, name) = department(true);
    let bytes = fs::read(dir.db()).unwrap();
    // Cut short in the middle of a page, as a copy or a write stopped half way.
    fs::write(dir.db(), &bytes[..bytes.len() - 1500]).unwrap();
    for key in [None, Some(KEY)] {
        let said = refused(&dir, key, "encrypted department file that is incomplete");
        assert!(!said.contains("does not start like"), "{said}");
    }
    restore_works(&dir, &plan, &name, Some(KEY));
}

/// Overwrites pages `pages` (1-based, 4096 bytes) with random bytes.
fn noise(dir: &DataDir, pages: std::ops::Range<usize>) {
    let mut bytes = fs::read(dir.db()).unwrap();
    for page in pages {
        let at = (page - 1) * 4096;
        bytes[at..at + 4096].copy_from_slice(&random_bytes(4096, page as u64 + 3));
    }
    fs::write(dir.db(), &bytes).unwrap();
}

/// Overwrites each early page after the first in turn (the file put back
/// between tries) and opens it: it opens read-only, or is refused with `check`
/// passing on the message. Returns how many pages were refused.
fn each_page_overwritten(dir: &DataDir, key: Option<&str>, check: impl Fn(usize, &str)) -> usize {
    let original = fs::read(dir.db()).unwrap();
    // The list of tables is written first, so its pages come early; each
    // try costs the key's derivation, so the first pages are enough.
    let pages = (original.len() / 4096).min(17);
    let mut refused = 0;
    for page in 2..=pages {
        fs::write(dir.db(), &original).unwrap();
        noise(dir, page..page + 1);
        let before = snapshot(dir);
        match DepartmentFile::open(&dir.db(), key.map(Passphrase::new), None, now()) {
            Err(e) => {
                assert_eq!(e.code, ErrorCode::Corrupt, "page {page}: {e:?}");
                assert!(
                    !e.message.contains("first page"),
                    "page {page}: {}",
                    e.message
                );
                check(page, &e.message);
                refused += 1;
            }
            Ok(file) => assert!(file.damaged().is_some(), "page {page}: opened read-only"),
        }
        assert_eq!(
            snapshot(dir),
            before,
            "page {page}: the file is left as it was"
        );
    }
    refused
}

#[test]
fn noise_in_the_middle_of_an_encrypted_file_names_the_damaged_page() {
    let (dir, plan, name) = department(true);
    let refused = each_page_overwritten(&dir, Some(KEY), |page, message| {
        assert!(
            message.contains(&format!("the passphrase is right, but page {page} of its")),
            "{message}"
        );
    });
    assert!(refused > 0, "some page holds the list of tables");
    restore_works(&dir, &plan, &name, Some(KEY));
}

#[test]
fn noise_in_the_middle_of_a_plain_file_is_not_called_its_first_page() {
    let (dir, plan, name) = department(false);
    let refused = each_page_overwritten(&dir, None, |_, message| {
        assert!(
            message.contains("part of the file was overwritten or lost"),
            "{message}"
        );
    });
    assert!(refused > 0, "some page holds the list of tables");
    restore_works(&dir, &plan, &name, None);
}

#[test]
fn a_damaged_file_open_read_only_can_still_be_exported() {
    use wardbook::reports::{self, ReportFormat, ReportKind, ReportRequest};
    let dir = DataDir::new();
    {
        let mut conn = store::open(&dir.db()).unwrap();
        let today = department::today(&wardbook::sample::department());
        wardbook::sample::create(&mut conn, today).unwrap();
    }
    // An index overwritten: the records read, the integrity check fails.
    let root: i64 = rusqlite::Connection::open(dir.db())
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'audit_log_at'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    noise(&dir, root as usize..root as usize + 1);
    let before = snapshot(&dir);
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    assert!(file.damaged().is_some(), "opened read-only");
    let conn = file.conn();
    let out = DataDir::new();
    let path = out.path().join("4 West.wardbook.json");
    let saved = wardbook::department_file::export(conn, &path, "2026-12-07T09:00:00Z")
        .unwrap_or_else(|e| panic!("department file: {e:?}"));
    assert!(saved.rows > 1000);
    let today = department::today(&department::require(conn).unwrap());
    let options = reports::options::options(conn, today).unwrap();
    let request = ReportRequest {
        period_id: options.current_period_id,
        fiscal_year_id: options.current_fiscal_year_id,
        month: Some(0),
        pay_period_start: options.pay_periods[0].start.clone(),
        as_of: String::new(),
        paper: Default::default(),
        window_months: None,
    };
    for &kind in ReportKind::ALL {
        for format in [ReportFormat::Csv, ReportFormat::Pdf] {
            let made = reports::make(conn, kind, format, &request, today)
                .unwrap_or_else(|e| panic!("{kind:?} {format:?}: {e:?}"));
            assert!(!made.bytes.is_empty());
        }
    }
    let period = options.current_period_id.unwrap();
    let csv = wardbook::schedule::store::csv(conn, period, today)
        .unwrap_or_else(|e| panic!("schedule CSV: {e:?}"));
    assert!(csv.lines().count() > 10);
    drop(file);
    assert_eq!(
        snapshot(&dir),
        before,
        "nothing written to the damaged file"
    );
}

#[test]
fn an_encrypted_file_whose_backup_after_the_passphrase_failed_is_locked_not_damaged() {
    let (dir, plan, _) = department(false);
    let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
    let input = store::passphrase::PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: KEY.into(),
        confirm_passphrase: KEY.into(),
        keep_plain_backups: true,
    };
    drop(
        store::passphrase::change(file, &input, false, &plan, now())
            .unwrap_or_else(|e| panic!("{:?}", e.error)),
    );
    // The backup under the new passphrase did not happen (a full or offline folder).
    for b in backup::list(&plan.folder).unwrap() {
        if b.reason == BackupReason::Passphrase {
            fs::remove_file(plan.folder.join(&b.name)).unwrap();
        }
    }
    assert!(!backup::list(&plan.folder).unwrap()[0].encrypted);
    let err = DepartmentFile::open(&dir.db(), None, None, now())
        .err()
        .expect("needs its passphrase");
    assert_eq!(
        err.code,
        ErrorCode::Locked,
        "the lock screen, not a damaged file: {}",
        err.message
    );
    let file = DepartmentFile::open(&dir.db(), Some(Passphrase::new(KEY)), None, now()).unwrap();
    assert!(file.damaged().is_none());
}

#[path = "damaged/more.rs"]
mod more;
