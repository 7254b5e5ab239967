//! Schedule grid latency: `schedule_view` (load, every rule, cost, JSON) on
//! the sample's 6-week period (55 staff), and on the same period with 150
//! staff; and `assignment_set` (check one cell, save, rebuild the view).
//! Target p95 under 20 ms for the view.

use wardbook::schedule::store::{self, assignments, periods};
use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook_tests::timing::measure;
use wardbook_tests::{day, DataDir};

const ROUNDS: usize = 100;

fn main() {
    let today = day("2026-11-27");
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, today).unwrap();
    let list = periods::list(&conn).unwrap();
    let (current, draft) = (list[0].clone(), list[1].clone());

    let sample_view = measure(ROUNDS, |_| {
        let v = store::view(&conn, current.id, today).unwrap();
        serde_json::to_vec(&v).unwrap();
    });

    // Grow the unit to 150 people, each working 3 day shifts a week of the draft.
    let day_shift: i64 = conn
        .query_row("SELECT id FROM shift_type WHERE code = 'D'", [], |r| {
            r.get(0)
        })
        .unwrap();
    for i in 0..95_usize {
        let form = StaffInput {
            first_name: format!("Extra{i}"),
            last_name: format!("Nurse{i:03}"),
            employee_no: format!("X{i:04}"),
            role: Some(if i.is_multiple_of(3) {
                Role::Cna
            } else {
                Role::Rn
            }),
            employment_type: Some(EmploymentType::FullTime),
            fte: "0.9".into(),
            hourly_rate: "45.00".into(),
            hire_date: "2020-01-06".into(),
            ..Default::default()
        };
        let id = staff::create(&mut conn, &form).unwrap().id;
        for k in (0..42_usize).filter(|k| (k + i) % 7 < 3) {
            conn.execute(
                "INSERT INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id, wardbook::input::format_date(draft.start() + chrono::Duration::days(k as i64)), draft.id, day_shift],
            )
            .unwrap();
        }
    }
    let assignments: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM assignment WHERE period_id = ?1",
            [draft.id],
            |r| r.get(0),
        )
        .unwrap();
    let big_view = measure(ROUNDS, |_| {
        let v = store::view(&conn, draft.id, today).unwrap();
        serde_json::to_vec(&v).unwrap();
    });
    let extra: i64 = conn
        .query_row(
            "SELECT MIN(id) FROM staff WHERE employee_no LIKE 'X%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let set = measure(ROUNDS, |i| {
        let date =
            wardbook::input::format_date(draft.start() + chrono::Duration::days((i % 42) as i64));
        let code = if i % 2 == 0 { "N" } else { "D" };
        let out = assignments::set(
            &mut conn,
            draft.id,
            extra + (i % 90) as i64,
            &date,
            code,
            today,
            "now",
        );
        serde_json::to_vec(&out.ok()).unwrap();
    });

    println!("\nSchedule latency, {ROUNDS} rounds each (ms)");
    println!(
        "{:<46} {:>8} {:>8} {:>8} {:>10}",
        "command", "p50", "p95", "max", "target p95"
    );
    let row = |name: &str, (p50, p95, max): (f64, f64, f64), target: &str| {
        println!("{name:<46} {p50:>8.2} {p95:>8.2} {max:>8.2} {target:>10}");
    };
    row(
        "schedule_view, sample (55 staff, 6 weeks)",
        sample_view,
        "< 20",
    );
    row(
        &format!("schedule_view, 150 staff, {assignments} shifts"),
        big_view,
        "< 20",
    );
    row("assignment_set, 150 staff (check+save+view)", set, "-");
}
