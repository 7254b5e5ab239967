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
