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
//! Usage: crash-writer <database file> <first sequence number>
//! Output lines: `created <employee_no>` and `updated <employee_no> <notes>`.

use std::io::Write;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};

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
    let mut seq: u64 = args
        .next()
        .and_then(|s| s.parse().ok())
        .expect("a first sequence number");
    let mut conn = wardbook::store::open(&path).expect("the file opens");
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
