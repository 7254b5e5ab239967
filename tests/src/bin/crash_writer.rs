//! Saves changes to a department file until it is killed, printing each one
//! only after its save has returned — the moment the app would tell the
//! manager "saved". Used by `backend/crash.rs`, which SIGKILLs it at random.
//!
//! It stands for the app because it writes through the same path the app's
//! commands take: `wardbook::store::open` (WAL, synchronous=FULL, the same
//! migrations and audit triggers) and the same domain functions
//! (`staff::create`, `staff::update`) that `staff_create` / `staff_update`
//! call inside `Db::run`. The WebView and IPC in front of them add nothing to
//! durability, and a process per iteration keeps hundreds of kills fast.
//!
//! Usage: crash-writer <database file> <first sequence number> [mode]
//! Output lines: `created <employee_no>` and `updated <employee_no> <notes>`.
//!
//! Modes beside the default:
//! - `import <department file>`: imports that file over the department
//!   (`department_file::open` and `import_into`, what the import commands
//!   call) between creates; prints `imported` once an import has returned.
//! - `rekey`: sets and removes the passphrase in turn (`passphrase::change`,
//!   which re-encrypts the file, encrypts the plain backups when set, and
//!   makes a backup) between creates, alternating between [`PASSPHRASES`];
//!   prints `rekeyed` once a change has returned.

use std::io::Write;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook::store::{passphrase, DepartmentFile, Passphrase};

/// The passphrases `rekey` alternates between, by number.
pub const PASSPHRASES: [&str; 2] = ["crash one two three", "crash four five six"];

fn person(no: &str, notes: &str) -> StaffInput {
    StaffInput {
        first_name: "Crash".into(),
        last_name: format!("Test {no}"),
        employee_no: no.into(),
        role: Some(Role::Rn),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "41.25".into(),
        hire_date: "2021-04-05".into(),
        notes: notes.into(),
        ..Default::default()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("a database path"));
    let seq: u64 = args
        .next()
        .and_then(|s| s.parse().ok())
        .expect("a first sequence number");
    match args.next().as_deref() {
        None => saves(&path, seq),
        Some("import") => {
            let file = std::path::PathBuf::from(args.next().expect("a department file"));
            imports(&path, seq, &file)
        }
        Some("rekey") => rekeys(&path, seq),
        Some(other) => panic!("unknown mode {other}"),
    }
}

fn create(conn: &mut rusqlite::Connection, seq: u64, out: &mut impl Write) {
    let no = format!("K{seq}");
    staff::create(conn, &person(&no, "")).expect("create saved");
    writeln!(out, "created {no}").unwrap();
    out.flush().unwrap();
}

fn imports(path: &std::path::Path, mut seq: u64, file: &std::path::Path) {
    let mut conn = wardbook::store::open(path).expect("the file opens");
    let mut out = std::io::stdout().lock();
    loop {
        seq += 1;
        if seq.is_multiple_of(2) {
            let (_, staged) = wardbook::department_file::open(file, &conn).expect("the file reads");
            let plan = wardbook::store::settings::plan(path.parent().expect("a data folder"));
            let when = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .expect("a date")
                + chrono::Duration::seconds(seq as i64);
            let aside = wardbook::store::backup::before_import(&plan, "crash.json", when)
                .expect("a place for the kept copy");
            wardbook::department_file::import_into(&mut conn, &staged, true, Some(&aside))
                .expect("imported");
            writeln!(out, "imported").unwrap();
            out.flush().unwrap();
        } else {
            create(&mut conn, seq, &mut out);
        }
    }
}

fn rekeys(path: &std::path::Path, mut seq: u64) {
    let plan = wardbook::store::settings::plan(path.parent().expect("a data folder"));
    let now = || chrono::Local::now().naive_local();
    // The file is under no passphrase yet, or under either (a kill may land
    // after the new key is in place but before it was reported).
    let mut file = [None, Some(0), Some(1)]
        .into_iter()
        .find_map(|k| {
            let key = k.map(|i: usize| Passphrase::new(PASSPHRASES[i]));
            DepartmentFile::open(path, key, None, now())
                .ok()
                .map(|f| (f, k))
        })
        .map(|(f, _)| f)
        .expect("the file opens under one of the passphrases");
    let mut out = std::io::stdout().lock();
    loop {
        seq += 1;
        if seq.is_multiple_of(2) {
            let current = file.key().map(|k| k.as_str().to_string());
            let next = PASSPHRASES[(seq / 4 % 2) as usize];
            let input = passphrase::PassphraseInput {
                current_passphrase: current.clone().unwrap_or_default(),
                new_passphrase: next.into(),
                confirm_passphrase: next.into(),
                keep_plain_backups: false,
            };
            file = passphrase::change(file, &input, current.is_some(), &plan, now())
                .map_err(|e| e.error)
                .expect("the passphrase changed");
            writeln!(out, "rekeyed").unwrap();
            out.flush().unwrap();
        } else {
            create(file.conn_mut(), seq, &mut out);
        }
    }
}

fn saves(path: &std::path::Path, mut seq: u64) {
    let mut conn = wardbook::store::open(path).expect("the file opens");
    let mut out = std::io::stdout().lock();
    let mut mine: Vec<(i64, String)> = Vec::new();
    loop {
        seq += 1;
        // Two creates for every update, so the file keeps growing.
        if seq.is_multiple_of(3) && !mine.is_empty() {
            let (id, no) = mine[(seq as usize / 3) % mine.len()].clone();
            let notes = format!("n{seq}");
            staff::update(&mut conn, id, &person(&no, &notes)).expect("update saved");
            writeln!(out, "updated {no} {notes}").unwrap();
        } else {
            let no = format!("K{seq}");
            let saved = staff::create(&mut conn, &person(&no, "")).expect("create saved");
            mine.push((saved.id, no.clone()));
            writeln!(out, "created {no}").unwrap();
        }
        // Unbuffered as far as the test can see: a line is out once written.
        out.flush().unwrap();
    }
}
