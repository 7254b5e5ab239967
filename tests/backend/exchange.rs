//! Data exchange on real files: the department exported to a file and
//! imported into a fresh data folder (every record identical, ids included,
//! and still so after reopening), a department replaced only with its old
//! self kept aside and its history kept, refused files that change nothing,
//! and an HR export read from disk. The history's chain verifies after each.

use rusqlite::types::Value;
use rusqlite::Connection;
use wardbook::department_file::{self, import_into, FileHistoryStatus};
use wardbook::error::ErrorCode;
use wardbook::staff::import as staff_import;
use wardbook_tests::DataDir;

fn sample(dir: &DataDir) -> Connection {
    let mut conn = dir.open();
    let today = wardbook::department::today(&wardbook::sample::department());
    wardbook::sample::create(&mut conn, today).unwrap();
    conn
}

/// Every table (from sqlite_master, so tables added later count too) with
/// its rows, sorted, values with their SQLite types.
fn dump(conn: &Connection) -> Vec<(String, Vec<Vec<Value>>)> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
        .into_iter()
        .map(|name| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
            let width = stmt.column_count();
            let mut rows: Vec<Vec<Value>> = stmt
                .query_map([], |r| (0..width).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort_by_key(|r| format!("{r:?}"));
            (name, rows)
        })
        .collect()
}

/// `dump` without the history's tables, which an import keeps.
fn records(conn: &Connection) -> Vec<(String, Vec<Vec<Value>>)> {
    dump(conn)
        .into_iter()
        .filter(|(name, _)| !name.starts_with("audit_"))
        .collect()
}

/// The history's entries in order.
fn history(conn: &Connection) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare("SELECT * FROM audit_log ORDER BY id").unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |r| (0..width).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn verifies(conn: &Connection) {
    let check = wardbook::audit::chain::verify(conn).unwrap();
    assert!(check.intact, "{}", check.message);
}

const AT: &str = "2026-11-27T15:00:00Z";

#[test]
fn the_sample_department_moves_to_a_fresh_data_folder_exactly() {
    let from = DataDir::new();
    let original = sample(&from);
    let files = DataDir::new();
    let path = files.path().join("4 West 2026-11-27.wardbook.json");
    let outcome = department_file::export(&original, &path, AT).unwrap();
    assert!(outcome.rows > 1000 && outcome.tables >= 24, "{outcome:?}");
    assert!(!files
        .path()
        .join("4 West 2026-11-27.wardbook.json.part")
        .exists());
    for own in ["wardbook.db", "wardbook.db-wal", "WARDBOOK.DB"] {
        let err = department_file::export(&original, &from.path().join(own), AT).unwrap_err();
        assert!(
            err.message.contains("own database file"),
            "{own}: {}",
            err.message
        );
    }

    let to = DataDir::new();
    let mut fresh = to.open();
    let (summary, staging) = department_file::open(&path, &fresh).unwrap();
    assert_eq!(summary.department, "4 West Medical-Surgical");
    assert!(!summary.migrated);
    assert_eq!(summary.kept_history_entries, 0);
    // A new computer: the department comes with its history, which only
    // the department it came from could check (the key stays there).
    assert_eq!(summary.history.status, FileHistoryStatus::Unchecked);
    let done = import_into(&mut fresh, &staging, false, None).unwrap();
    assert_eq!(done.set_aside, None);
    let expected = records(&original);
    assert_eq!(records(&fresh), expected);
    assert_eq!(
        history(&fresh).len(),
        history(&original).len() + 1,
        "the department's history, then the import"
    );
    verifies(&fresh);
    drop(fresh);
    let reopened = to.open();
    assert_eq!(
        records(&reopened),
        expected,
        "and so after reopening the file"
    );
    verifies(&reopened);
}

#[test]
fn replacing_a_department_keeps_the_old_one_aside_first() {
    let from = DataDir::new();
    let files = DataDir::new();
    let path = files.path().join("handover.json");
    department_file::export(&sample(&from), &path, AT).unwrap();

    let here = DataDir::new();
    let mut live = sample(&here);
    live.execute("UPDATE staff SET last_name = 'Renamed' WHERE id = 2", [])
        .unwrap();
    let ours = dump(&live);
    let our_history = history(&live);
    let (_, staging) = department_file::open(&path, &live).unwrap();
    let refused = import_into(&mut live, &staging, false, None).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Conflict);
    assert_eq!(dump(&live), ours, "not without the manager's confirmation");
    verifies(&live);

    let plan = wardbook::store::settings::plan(here.path());
    let at = wardbook_tests::at("2026-11-27 15:00:00");
    let kept_at = wardbook::store::backup::before_import(&plan, "handover.json", at).unwrap();
    let done = import_into(&mut live, &staging, true, Some(&kept_at)).unwrap();
    let aside = done.set_aside.expect("the old department was kept");
    assert_eq!(aside, "wardbook-20261127-150000-before-import.db");
    let listed = wardbook::store::backup::list(&plan.folder).unwrap();
    let kept_backup = listed
        .iter()
        .find(|b| b.name == aside)
        .expect("listed among the backups");
    assert_eq!(
        kept_backup.reason,
        wardbook::store::backup::BackupReason::BeforeImport
    );
    assert_eq!(kept_backup.made_at, "2026-11-27 15:00:00");
    assert_eq!(kept_backup.imported_file.as_deref(), Some("handover.json"));
    let aside = kept_at.display().to_string();
    assert_eq!(records(&live), records(&staging.conn));
    let now = history(&live);
    assert_eq!(
        now[..our_history.len()],
        our_history[..],
        "our history kept"
    );
    // What the file changes (the rename it undoes among it), then the import.
    let added = &now[our_history.len()..];
    assert!(
        added.iter().any(|e| e[2] == Value::Text("staff".into())
            && matches!(&e[7], Value::Text(before) if before.contains("Renamed"))),
        "the rename the import undoes is in the history: {added:?}"
    );
    assert!(
        matches!(&added[added.len() - 1][6], Value::Text(l) if l.starts_with("Department file imported")),
        "{added:?}"
    );
    drop(live);
    let reopened = here.open();
    verifies(&reopened);
    assert_eq!(history(&reopened), now, "and so after reopening");
    let kept = wardbook::store::open(std::path::Path::new(&aside)).unwrap();
    assert_eq!(
        dump(&kept),
        ours,
        "the copy aside is the department as it was"
    );
}

#[test]
fn damaged_or_foreign_files_change_nothing() {
    let here = DataDir::new();
    let live = sample(&here);
    let files = DataDir::new();
    let good = files.path().join("good.json");
    department_file::export(&live, &good, AT).unwrap();
    let text = std::fs::read_to_string(&good).unwrap();
    let before = dump(&live);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "garbage",
            vec![0xff, 0xd8, 0xff, 0xe0, 1, 2, 3],
            "not a Wardbook department file",
        ),
        (
            "truncated",
            text.as_bytes()[..text.len() * 2 / 3].to_vec(),
            "ends early",
        ),
        (
            "newer schema",
            text.replacen(
                &format!("\"schema_version\": {}", wardbook::store::LATEST_VERSION),
                "\"schema_version\": 999",
                1,
            )
            .into_bytes(),
            "newer Wardbook",
        ),
    ];
    for (what, bytes, expected) in cases {
        let path = files.path().join(format!("{what}.json"));
        std::fs::write(&path, bytes).unwrap();
        let err = department_file::open(&path, &live).map(|_| ()).unwrap_err();
        assert!(err.message.contains(expected), "{what}: {}", err.message);
        assert_eq!(dump(&live), before, "{what}");
        verifies(&live);
    }
}

#[test]
fn an_hr_export_read_from_disk_updates_the_roster() {
    let here = DataDir::new();
    let mut conn = sample(&here);
    let files = DataDir::new();
    let path = files.path().join("hr.csv");
    std::fs::write(
        &path,
        b"\xEF\xBB\xBFEmployee ID,Pay Rate,FTE %\r\nE10002,\"$1,000.00\",80%\r\n",
    )
    .unwrap();
    let file = staff_import::read(&path).unwrap();
    assert_eq!(file.name, "hr.csv");
    let cols = staff_import::columns(&file.text).unwrap();
    let outcome = staff_import::import(&mut conn, &file.text, &cols.guess).unwrap();
    assert_eq!((outcome.added, outcome.updated), (0, 1));
    let (rate, fte): (i64, i64) = conn
        .query_row(
            "SELECT hourly_rate_cents, fte_hundredths FROM staff WHERE employee_no = 'E10002'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (rate, fte),
        (100_000, 80),
        "the highest rate, with its thousands separator"
    );
}

#[test]
fn an_encrypted_department_replaced_is_kept_aside_encrypted() {
    use wardbook::store::cipher::{file_kind, FileKind};
    use wardbook::store::{DepartmentFile, Passphrase};
    let from = DataDir::new();
    let files = DataDir::new();
    let path = files.path().join("handover.json");
    department_file::export(&sample(&from), &path, AT).unwrap();

    let here = DataDir::new();
    drop(sample(&here));
    let key = "a long enough passphrase";
    let input = wardbook::store::passphrase::PassphraseInput {
        current_passphrase: String::new(),
        new_passphrase: key.into(),
        confirm_passphrase: key.into(),
        keep_plain_backups: false,
    };
    let plan = wardbook::store::settings::plan(here.path());
    let file = DepartmentFile::open(&here.db(), None, None, wardbook_tests::now()).unwrap();
    let file =
        wardbook::store::passphrase::change(file, &input, false, &plan, wardbook_tests::now())
            .map_err(|e| e.error)
            .unwrap();
    let mut live = file.into_connection();
    let (_, staged) = department_file::open(&path, &live).unwrap();
    let aside =
        wardbook::store::backup::before_import(&plan, "handover.json", wardbook_tests::now())
            .unwrap();
    let done = import_into(&mut live, &staged, true, Some(&aside)).unwrap();
    assert!(done.set_aside.is_some());
    assert_eq!(
        file_kind(&aside).unwrap(),
        FileKind::Encrypted,
        "the copy aside is as unreadable without the passphrase as the department"
    );
    let kept = DepartmentFile::open(
        &aside,
        Some(Passphrase::new(key)),
        None,
        wardbook_tests::now(),
    )
    .unwrap();
    assert!(wardbook::department::get(kept.conn()).unwrap().is_some());
}

#[test]
fn the_job_title_and_a_leave_go_with_the_department_file() {
    let from = DataDir::new();
    let original = sample(&from);
    original
        .execute(
            "UPDATE staff SET job_title = 'RN - Charge Nurse, Med/Surg', on_leave = 1,
                 leave_since = '2026-11-02' WHERE employee_no = 'E10002'",
            [],
        )
        .unwrap();
    let files = DataDir::new();
    let path = files.path().join("4 West.wardbook.json");
    department_file::export(&original, &path, AT).unwrap();
    let to = DataDir::new();
    let mut fresh = to.open();
    let (_, staging) = department_file::open(&path, &fresh).unwrap();
    import_into(&mut fresh, &staging, false, None).unwrap();
    let moved: (String, bool, Option<String>) = fresh
        .query_row(
            "SELECT job_title, on_leave, leave_since FROM staff WHERE employee_no = 'E10002'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        moved,
        (
            "RN - Charge Nurse, Med/Surg".to_string(),
            true,
            Some("2026-11-02".to_string())
        )
    );
}
