//! Data exchange on the sample department: an HR export of 1,000 people
//! (the 55 of the sample updated, the rest added) previewed and imported,
//! and the whole department exported to a file, opened (parsed, rebuilt
//! and checked) and imported into a fresh store. No target is set by the
//! issue; these say what a manager waits for.

use wardbook::department_file;
use wardbook::staff::import as staff_import;
use wardbook_tests::timing::measure;
use wardbook_tests::{day, DataDir};

const ROUNDS: usize = 10;
const PEOPLE: usize = 1_000;

fn hr_export(conn: &rusqlite::Connection) -> String {
    let mut csv = String::from(
        "Employee ID,First Name,Last Name,Job Title,FT/PT,FTE %,Pay Rate,Hire Date,Seniority Date\r\n",
    );
    let existing: Vec<String> = conn
        .prepare("SELECT employee_no FROM staff")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for i in 0..PEOPLE {
        let no = existing
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("H{i:05}"));
        csv.push_str(&format!(
            "{no},Ana {i},\"O'Brien, {i}\",RN,FT,90%,$5{}.25,03/15/2020,03/15/2020\r\n",
            i % 10
        ));
    }
    csv
}

/// Each round imports into its own fresh sample, made before the clock starts.
fn import_times(csv: &str, mapping: &staff_import::StaffImportMapping) -> (f64, f64, f64) {
    let mut stores: Vec<rusqlite::Connection> = (0..ROUNDS + ROUNDS.clamp(1, 20))
        .map(|_| {
            let mut c = wardbook::store::open_in_memory().unwrap();
            wardbook::sample::create(&mut c, day("2026-11-27")).unwrap();
            c
        })
        .collect();
    measure(ROUNDS, |_| {
        let mut store = stores.pop().unwrap();
        std::hint::black_box(staff_import::import(&mut store, csv, mapping).unwrap());
    })
}

fn main() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day("2026-11-27")).unwrap();
    let csv = hr_export(&conn);
    let mapping = staff_import::columns(&csv).unwrap().guess;
    let files = DataDir::new();
    let file = files.path().join("department.json");
    let at = "2026-11-27T15:00:00Z";

    let rows = [
        (
            "staff import preview (1,000 rows)",
            measure(ROUNDS, |_| {
                std::hint::black_box(staff_import::preview(&conn, &csv, &mapping).unwrap());
            }),
        ),
        (
            "staff import (1,000 rows, on a fresh sample)",
            import_times(&csv, &mapping),
        ),
        (
            "department export to a file",
            measure(ROUNDS, |_| {
                std::hint::black_box(department_file::export(&conn, &file, at).unwrap());
            }),
        ),
        (
            "department file open (parse, rebuild, check)",
            measure(ROUNDS, |_| {
                std::hint::black_box(department_file::open(&file, &conn).unwrap());
            }),
        ),
        (
            "department import into a fresh store",
            measure(ROUNDS, |_| {
                let mut fresh = wardbook::store::open_in_memory().unwrap();
                let (_, staging) = department_file::open(&file, &fresh).unwrap();
                std::hint::black_box(
                    department_file::import_into(&mut fresh, &staging, false, None).unwrap(),
                );
            }),
        ),
    ];
    let bytes = std::fs::metadata(&file).unwrap().len();
    println!(
        "data exchange: the sample department ({} KB file), {ROUNDS} rounds",
        bytes / 1024
    );
    println!(
        "{:<46} {:>9} {:>9} {:>9}",
        "operation", "p50 ms", "p95 ms", "max ms"
    );
    for (name, (p50, p95, max)) in &rows {
        println!("{name:<46} {p50:>9.2} {p95:>9.2} {max:>9.2}");
    }
}
