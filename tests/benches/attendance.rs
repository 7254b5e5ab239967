//! Time and attendance at the size of a large department (issue #26): 150
//! staff and about 1,600 punch pairs in one pay period. Targets: the
//! import and match from a parsed file to the exception list under 200 ms;
//! the pay period's timecards and exceptions (what the command returns)
//! under 20 ms at p95.

use rusqlite::{params, Connection};
use wardbook::attendance::import::run;
use wardbook::attendance::{period, timecards};
use wardbook::records::NewStaff;
use wardbook_tests::day;
use wardbook_tests::timing::measure;

const ROUNDS: usize = 10;
const VIEW_ROUNDS: usize = 50;
const STAFF: usize = 150;
/// The sample as of Wednesday 25 Nov 2026: its last closed pay period.
const START: &str = "2026-11-08";

/// The sample grown to 150 staff, the 95 new ones on 8-hour day shifts
/// most days of the period, with no punches yet.
fn department() -> Connection {
    let mut c = wardbook::store::open_in_memory().unwrap();
    wardbook::sample::create(&mut c, day("2026-11-25")).unwrap();
    c.execute_batch("DELETE FROM punch; DELETE FROM punch_import_mapping;")
        .unwrap();
    let have: i64 = c
        .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))
        .unwrap();
    let d8: i64 = c
        .query_row("SELECT id FROM shift_type WHERE code = 'D8'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let tx = c.transaction().unwrap();
    for i in have as usize..STAFF {
        let id = NewStaff::new(&format!("Nurse {i}"), "Bench", &format!("B{i:04}"))
            .fte(100)
            .rate(4800)
            .insert(&tx)
            .unwrap();
        let start = day(START);
        for k in 0..14_i64 {
            if (k + i as i64) % 7 == 6 {
                continue; // a day off a week
            }
            tx.execute(
                "INSERT INTO assignment (period_id, staff_id, date, shift_type_id)
                 VALUES ((SELECT id FROM schedule_period ORDER BY start_date LIMIT 1), ?1, ?2, ?3)",
                params![id, (start + chrono::Duration::days(k)).to_string(), d8],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
    c
}

fn main() {
    let base = department();
    let tz = period::zone(&base).unwrap();
    let start = day(START);
    let until = wardbook::schedule::time::instant(
        tz,
        (start + chrono::Duration::days(14))
            .and_hms_opt(8, 0, 0)
            .unwrap(),
    );
    let csv = wardbook::sample::punches::clock_export(
        &base,
        start,
        start + chrono::Duration::days(13),
        until,
    )
    .unwrap();
    let pairs = csv.lines().count() - 2;
    let mapping = run::columns(&base, &csv).unwrap().mapping;

    // Each round imports into its own copy, made before the clock starts.
    let mut stores: Vec<Connection> = (0..ROUNDS + ROUNDS.clamp(1, 20))
        .map(|_| {
            let mut copy = wardbook::store::open_in_memory().unwrap();
            let backup = rusqlite::backup::Backup::new(&base, &mut copy).unwrap();
            backup
                .run_to_completion(1000, std::time::Duration::ZERO, None)
                .unwrap();
            drop(backup);
            copy
        })
        .collect();
    let mut exceptions = 0;
    let import = measure(ROUNDS, |_| {
        let mut store = stores.pop().unwrap();
        run::import_file(&mut store, &csv, &mapping).unwrap();
        let v = timecards::view(&store, &period::load(&store, START).unwrap()).unwrap();
        exceptions = v.exceptions.len();
        std::hint::black_box(v);
    });
    let mut done = stores.pop().unwrap_or_else(department);
    run::import_file(&mut done, &csv, &mapping).unwrap();
    let view = measure(VIEW_ROUNDS, |_| {
        std::hint::black_box(timecards::view(&done, &period::load(&done, START).unwrap()).unwrap());
    });
    // Opening a schedule period with the worked layer (schedule_worked):
    // the marks of every pay period it overlaps, as of the day after this
    // pay period.
    let (period_id, pay_periods): (i64, i64) = done
        .query_row(
            "SELECT id, (julianday(end_date) - julianday(start_date) + 1) / 14 FROM schedule_period
             WHERE ?1 BETWEEN start_date AND end_date",
            [START],
            |r| Ok((r.get(0)?, r.get::<_, f64>(1)?.ceil() as i64)),
        )
        .unwrap();
    let mut marks = 0;
    let worked = measure(VIEW_ROUNDS, |_| {
        let cells = wardbook::attendance::worked::for_period(&done, period_id, until).unwrap();
        marks = cells.len();
        std::hint::black_box(cells);
    });
    println!(
        "worked layer: the schedule period holding {START} (about {pay_periods} pay periods), {marks} marks"
    );
    println!(
        "time and attendance: {STAFF} staff, {pairs} punch pairs in one pay period, {exceptions} exceptions"
    );
    println!(
        "{:<58} {:>9} {:>9} {:>9} {:>8}",
        "operation", "p50 ms", "p95 ms", "max ms", "target"
    );
    for (name, (p50, p95, max), target) in [
        (
            "punch import and match to the exception list",
            import,
            "200",
        ),
        (
            "pay period timecards and exceptions (the command)",
            view,
            "20 p95",
        ),
        (
            "schedule period's worked layer (schedule_worked)",
            worked,
            "—",
        ),
    ] {
        println!("{name:<58} {p50:>9.2} {p95:>9.2} {max:>9.2} {target:>8}");
    }
}
