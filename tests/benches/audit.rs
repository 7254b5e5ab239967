//! What the audit history costs a save: `staff::update` (validate, save,
//! skills, re-read) on 300 staff with the audit triggers, then the same with
//! the triggers dropped, in one run on one file. The history row is written
//! in the same transaction, so the cost is a few more B-tree inserts, not
//! another fsync.

use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook_tests::timing::measure;
use wardbook_tests::DataDir;

const STAFF: usize = 300;
const ROUNDS: usize = 300;

fn form(i: usize, notes: &str) -> StaffInput {
    StaffInput {
        first_name: format!("First{i}"),
        last_name: format!("Last{i:03}"),
        employee_no: format!("E{i:05}"),
        role: Some(Role::Rn),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "45.00".into(),
        hire_date: "2020-01-06".into(),
        notes: notes.into(),
        ..Default::default()
    }
}

fn main() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    let ids: Vec<i64> = (0..STAFF)
        .map(|i| staff::create(&mut conn, &form(i, "")).unwrap().id)
        .collect();
    let save = |conn: &mut rusqlite::Connection, round: &str| {
        measure(ROUNDS, |i| {
            let notes = format!("{round} {i}");
            staff::update(conn, ids[i % STAFF], &form(i % STAFF, &notes)).unwrap();
        })
    };
    let audited = save(&mut conn, "audited");
    let triggers: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_trg_%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!triggers.is_empty(), "the file has audit triggers to drop");
    for t in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{t}\""))
            .unwrap();
    }
    let bare = save(&mut conn, "bare");
    println!("\nAudit history cost on staff_update, {STAFF} staff, {ROUNDS} rounds (ms)");
    println!("{:<28} {:>8} {:>8} {:>8}", "save", "p50", "p95", "max");
    for (name, (p50, p95, max)) in [("with audit triggers", audited), ("without", bare)] {
        println!("{name:<28} {p50:>8.3} {p95:>8.3} {max:>8.3}");
    }
    println!(
        "ratio with/without audit: p50 {:.2}x, p95 {:.2}x",
        audited.0 / bare.0,
        audited.1 / bare.1
    );
}
