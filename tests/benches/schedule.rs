//! Schedule grid latency: `schedule_view` (load, every rule, cost, JSON) on
//! the sample's 6-week period (55 staff), and on the same period with 150
//! staff; and `assignment_set` (check one cell, save, rebuild the view).
//! Target p95 under 20 ms for the view.

use wardbook::schedule::store::{self, assignments, periods};
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

    // Grow the unit to 150 people, each extra working 3 day shifts a week of the draft.
    wardbook_tests::big_unit::grow_to_150(&mut conn, &draft);
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
