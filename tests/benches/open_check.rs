//! Opening a department file checks every record against the history
//! (`audit::rows`): the time of that check and of the whole open, on the
//! sample (55 staff) and on the sample grown to 150 staff.

use wardbook::store::DepartmentFile;
use wardbook_tests::timing::measure;
use wardbook_tests::{day, now, DataDir};

const ROUNDS: usize = 20;

fn main() {
    let dir = DataDir::new();
    {
        let mut conn = dir.open();
        wardbook::sample::create(&mut conn, day("2026-11-27")).unwrap();
    }
    let sample = times(&dir);
    {
        let mut conn = dir.open();
        let draft = wardbook::schedule::store::periods::list(&conn).unwrap()[1].clone();
        wardbook_tests::big_unit::grow_to_150(&mut conn, &draft);
    }
    let big = times(&dir);
    let conn = dir.open();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let (entries, shifts) = (
        count("SELECT COUNT(*) FROM audit_log"),
        count("SELECT COUNT(*) FROM assignment"),
    );
    println!("\nRecords checked against the history, {ROUNDS} rounds each (ms)");
    println!("{:<52} {:>8} {:>8} {:>8}", "", "p50", "p95", "max");
    let row = |name: &str, (p50, p95, max): (f64, f64, f64)| {
        println!("{name:<52} {p50:>8.2} {p95:>8.2} {max:>8.2}");
    };
    row("check, sample (55 staff)", sample.0);
    row("whole open, sample (55 staff)", sample.1);
    row(
        &format!("check, 150 staff ({shifts} shifts, {entries} entries)"),
        big.0,
    );
    row("whole open, 150 staff", big.1);
}

fn times(dir: &DataDir) -> ((f64, f64, f64), (f64, f64, f64)) {
    let conn = dir.open();
    let check = measure(ROUNDS, |_| {
        assert!(wardbook::audit::rows::find(&conn).unwrap().is_empty());
    });
    drop(conn);
    let open = measure(ROUNDS, |_| {
        let file = DepartmentFile::open(&dir.db(), None, None, now()).unwrap();
        assert!(file.outside_changes().is_none());
    });
    (check, open)
}
