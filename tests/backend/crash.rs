//! Crash safety: a writer process is killed with SIGKILL at random moments
//! while it saves, many times over; every change it reported as saved must
//! be in the file afterwards (with its history entry), and the file must pass
//! SQLite's integrity check. See `src/bin/crash_writer.rs` for why that
//! process stands for the app. Iterations: `WARDBOOK_KILL_ITERATIONS`
//! (default 200).

use rusqlite::{Connection, OptionalExtension};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;
use wardbook_tests::DataDir;

/// Reported saves: (employee number, notes; empty for a create).
fn read_reports(stdout: std::process::ChildStdout) -> Vec<(String, String)> {
    let mut reader = BufReader::new(stdout);
    let mut reports = Vec::new();
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 0 {
        // A line cut short by the kill was never fully reported.
        if line.ends_with('\n') {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["created", no] => reports.push((no.to_string(), String::new())),
                ["updated", no, notes] => reports.push((no.to_string(), notes.to_string())),
                _ => panic!("unexpected output {line:?}"),
            }
        }
        line.clear();
    }
    reports
}

/// The sequence number inside "n123".
fn seq(notes: &str) -> u64 {
    notes.trim_start_matches('n').parse().unwrap_or(0)
}

#[test]
fn changes_reported_as_saved_survive_sigkill() {
    let iterations: usize = std::env::var("WARDBOOK_KILL_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = DataDir::new();
    let db = dir.db();
    let mut rng = 0x00C0_FFEE_u64;
    let (mut checked, mut lost, mut killed_mid_save) = (0usize, Vec::new(), 0usize);
    for i in 0..iterations {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
            .arg(&db)
            .arg((i as u64 * 1_000_000).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || read_reports(stdout));
        // xorshift: 0–120 ms, which covers start-up, opening and steady saving.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(Duration::from_micros(rng % 120_000));
        child.kill().expect("SIGKILL the writer"); // std sends SIGKILL on Unix
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "the writer was killed, it does not stop by itself"
        );
        let reports = reader.join().unwrap();

        let conn = Connection::open(&db).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "iteration {i}: integrity check");
        let mut latest: std::collections::HashMap<&str, u64> = Default::default();
        for (no, notes) in &reports {
            let e = latest.entry(no.as_str()).or_default();
            *e = (*e).max(seq(notes));
        }
        for (no, min_seq) in latest {
            checked += 1;
            let found: Option<(String, i64)> = conn
                .query_row(
                    "SELECT s.notes, (SELECT count(*) FROM audit_log a WHERE a.table_name = 'staff'
                         AND a.record_key = CAST(s.id AS TEXT)) FROM staff s WHERE s.employee_no = ?1",
                    [no],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .unwrap();
            match found {
                // A later save may have committed without being reported: never older.
                Some((notes, history)) if seq(&notes) >= min_seq && history > 0 => {}
                other => lost.push(format!(
                    "iteration {i}: {no} reported saved, found {other:?}"
                )),
            }
        }
        // Saves in flight when the kill landed: the file is opened again by
        // the next iteration, which must recover the WAL.
        if !reports.is_empty() {
            killed_mid_save += 1;
        }
    }
    // The app's own opening (quick_check, migrations) accepts the file too.
    wardbook::store::open(&db).expect("the app opens the file after all the kills");
    println!(
        "crash safety: {iterations} SIGKILLs ({killed_mid_save} after at least one reported save), \
         {checked} saved records checked, {} lost",
        lost.len()
    );
    assert!(lost.is_empty(), "lost saves:\n{}", lost.join("\n"));
}

/// Every complete line the writer printed before it was killed.
fn read_lines(stdout: std::process::ChildStdout) -> Vec<String> {
    let mut reader = BufReader::new(stdout);
    let mut lines = Vec::new();
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 0 {
        if line.ends_with('\n') {
            lines.push(line.trim().to_string());
        }
        line.clear();
    }
    lines
}

/// Starts the writer in `mode`, kills it after a random pause up to
/// `max_ms`, and gives back what it reported.
fn run_and_kill(
    db: &std::path::Path,
    i: usize,
    mode: &[&str],
    rng: &mut u64,
    max_ms: u64,
) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .arg(db)
        .arg((i as u64 * 1_000_000).to_string())
        .args(mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || read_lines(stdout));
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    std::thread::sleep(Duration::from_micros(*rng % (max_ms * 1000)));
    child.kill().expect("SIGKILL the writer");
    assert!(!child.wait().unwrap().success());
    reader.join().unwrap()
}

fn iterations(default: usize) -> usize {
    std::env::var("WARDBOOK_KILL_ITERATIONS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map(|n| n.min(default))
        .unwrap_or(default)
}

/// The file's integrity check and its history's chain, as the app checks them at open.
fn sound(conn: &Connection, i: usize) {
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "iteration {i}: integrity check");
    let chain = wardbook::audit::chain::verify(conn).unwrap();
    assert!(chain.intact, "iteration {i}: {}", chain.message);
}

fn employee_numbers(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT employee_no FROM staff ORDER BY employee_no")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn small_department(dir: &DataDir, name: &str, prefix: &str) -> Connection {
    let mut conn = wardbook::store::open(&dir.db()).unwrap();
    wardbook::department::create(&conn, &wardbook_tests::department_input(name)).unwrap();
    for n in 0..20 {
        let no = format!("{prefix}{n:02}");
        wardbook::staff::create(
            &mut conn,
            &wardbook_tests::person("Ines", "Ortiz", &no, "48.00"),
        )
        .unwrap();
    }
    conn
}

#[test]
fn a_department_file_import_killed_midway_is_all_or_nothing_and_the_history_verifies() {
    let iterations = iterations(40);
    let source = DataDir::new();
    let file = source.path().join("6 West.wardbook.json");
    let theirs = small_department(&source, "6 West", "F");
    wardbook::department_file::export(&theirs, &file, "2026-11-27T15:00:00Z").unwrap();
    let their_staff = employee_numbers(&theirs);
    let dir = DataDir::new();
    let ours = employee_numbers(&small_department(&dir, "5 East", "A"));
    let db = dir.db();
    let mut rng = 0x1A9D_0C7E_u64;
    // Imports in the history: each one reported, and at most one more.
    let mut imports_known = 0usize;
    let mut created_since_import: Vec<String> = Vec::new();
    let mut mid_import = 0;
    for i in 0..iterations {
        // Up to 600 ms: an import also writes what it changed into the
        // history, and kills must land before, during and after it.
        let lines = run_and_kill(&db, i, &["import", file.to_str().unwrap()], &mut rng, 600);
        let conn = Connection::open(&db).unwrap();
        sound(&conn, i);
        let events = conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE label LIKE 'Department file imported: %'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as usize;
        for line in &lines {
            if line == "imported" {
                imports_known += 1;
                created_since_import.clear();
            } else if let Some(no) = line.strip_prefix("created ") {
                created_since_import.push(no.to_string());
            }
        }
        assert!(
            events == imports_known || events == imports_known + 1,
            "iteration {i}: {events} imports in the history, {imports_known} reported"
        );
        if events == imports_known + 1 {
            // An import committed as the kill landed: its creates before it are gone with it.
            mid_import += 1;
            imports_known = events;
            created_since_import.clear();
        }
        let now = employee_numbers(&conn);
        let base: Vec<String> = now
            .iter()
            .filter(|n| !n.starts_with('K'))
            .cloned()
            .collect();
        assert!(
            base == ours || base == their_staff,
            "iteration {i}: the roster is one department's, never a mix: {base:?}"
        );
        assert_eq!(base == their_staff, imports_known > 0, "iteration {i}");
        for no in &created_since_import {
            assert!(now.contains(no), "iteration {i}: {no} was reported saved");
        }
    }
    wardbook::store::open(&db).expect("the app opens the file after all the kills");
    println!(
        "import kills: {iterations} SIGKILLs, {imports_known} imports committed ({mid_import} unreported when killed)"
    );
    assert!(imports_known > 0, "some imports ran before a kill");
}

#[test]
fn a_passphrase_change_killed_midway_loses_no_save_and_no_backup() {
    use wardbook::store::{backup, settings, Passphrase};
    // A change takes about 3 s in a debug build (the key derivation, twice).
    let iterations = iterations(12);
    let dir = DataDir::new();
    let db = dir.db();
    let plan = settings::plan(dir.path());
    {
        small_department(&dir, "5 East", "A");
        let file =
            wardbook::store::DepartmentFile::open(&db, None, None, wardbook_tests::now()).unwrap();
        for day in ["2026-11-01", "2026-11-02", "2026-11-03"] {
            file.backup(
                &plan,
                backup::BackupReason::Daily,
                wardbook_tests::at(&format!("{day} 08:00:00")),
            )
            .unwrap();
        }
    }
    let keys = [
        None,
        Some(Passphrase::new("crash one two three")),
        Some(Passphrase::new("crash four five six")),
    ];
    let opens_with = |path: &std::path::Path| -> Option<usize> {
        (0..keys.len()).find(|&k| backup::verify(path, keys[k].as_ref(), None).is_ok())
    };
    // A backup checked once is checked again only when its bytes change.
    let mut checked: std::collections::HashMap<String, (u64, std::time::SystemTime)> =
        Default::default();
    let mut rng = 0x7E4E_u64;
    let mut saved: Vec<String> = Vec::new();
    let mut rekeys = 0;
    for i in 0..iterations {
        let lines = run_and_kill(&db, i, &["rekey"], &mut rng, 8000);
        for line in &lines {
            if let Some(no) = line.strip_prefix("created ") {
                saved.push(no.to_string());
            } else if line == "rekeyed" {
                rekeys += 1;
            }
        }
        let key = opens_with(&db).unwrap_or_else(|| {
            panic!("iteration {i}: the file opens under a passphrase it was given")
        });
        let file = wardbook::store::DepartmentFile::open(
            &db,
            keys[key].clone(),
            None,
            wardbook_tests::now(),
        )
        .unwrap_or_else(|e| panic!("iteration {i}: {e:?}"));
        sound(file.conn(), i);
        let now = employee_numbers(file.conn());
        for no in &saved {
            assert!(now.contains(no), "iteration {i}: {no} was reported saved");
        }
        drop(file);
        let kept = backup::list(&plan.folder).unwrap();
        assert!(kept.len() >= 3, "iteration {i}: {kept:?}");
        for b in &kept {
            let path = plan.folder.join(&b.name);
            let meta = std::fs::metadata(&path).unwrap();
            let seen = (meta.len(), meta.modified().unwrap());
            if checked.get(&b.name) == Some(&seen) {
                continue;
            }
            assert!(
                opens_with(&path).is_some(),
                "iteration {i}: backup {} is whole under a passphrase it was given",
                b.name
            );
            checked.insert(b.name.clone(), seen);
        }
    }
    println!(
        "passphrase kills: {iterations} SIGKILLs, {rekeys} changes reported, {} saves checked",
        saved.len()
    );
    assert!(rekeys > 0, "some changes ran before a kill");
}
