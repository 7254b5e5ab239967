//! What durability and encryption cost on the save benchmark (staff_update,
//! validate + save, 300 staff): synchronous=FULL against NORMAL, SQLCipher
//! against a plain file, reported as p50/p95 and as ratios of p50.
//!
//! FULL syncs the WAL on every commit, so a save reported as done survives a
//! power cut; NORMAL syncs only at checkpoints and may lose the last saves. The
//! app uses FULL; NORMAL is here only to price that choice.

use wardbook::department;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook::store::{DepartmentFile, Passphrase};
use wardbook_tests::timing::measure;
use wardbook_tests::{department_input, now, DataDir};

const STAFF: usize = 300;
const ROUNDS: usize = 300;

fn form(i: usize) -> StaffInput {
    StaffInput {
        first_name: format!("First{i}"),
        last_name: format!("Last{:03}", (i * 37) % STAFF),
        employee_no: format!("E{i:05}"),
        role: Some(if i.is_multiple_of(3) {
            Role::Cna
        } else {
            Role::Rn
        }),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "48.50".into(),
        hire_date: "2018-04-02".into(),
        ..Default::default()
    }
}

/// p50, p95 and max of a staff save on a fresh file with the given settings.
fn save_latency(encrypted: bool, synchronous: &str) -> (f64, f64, f64) {
    let dir = DataDir::new();
    let key = encrypted.then(|| Passphrase::new("bench passphrase"));
    let file = DepartmentFile::open(&dir.db(), key, None, now()).unwrap();
    assert_eq!(file.is_encrypted(), encrypted);
    let mut conn = file.into_connection();
    department::create(&conn, &department_input("Bench unit")).unwrap();
    // Filling the file is not what is measured: no syncs while it is built.
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    let ids: Vec<i64> = (0..STAFF)
        .map(|i| staff::create(&mut conn, &form(i)).unwrap().id)
        .collect();
    conn.pragma_update(None, "synchronous", synchronous)
        .unwrap();
    measure(ROUNDS, |i| {
        let id = ids[i % STAFF];
        let mut f = form(i % STAFF);
        f.notes = format!("edit {i}");
        let saved = staff::update(&mut conn, id, &f).unwrap();
        serde_json::to_vec(&saved).unwrap();
    })
}

fn main() {
    let plain_normal = save_latency(false, "NORMAL");
    let plain_full = save_latency(false, "FULL");
    let cipher_normal = save_latency(true, "NORMAL");
    let cipher_full = save_latency(true, "FULL");

    println!("\nSave cost of durability and encryption: staff_update, {STAFF} staff, {ROUNDS} rounds each (ms)");
    println!("{:<38} {:>8} {:>8} {:>8}", "file", "p50", "p95", "max");
    let row = |name: &str, (p50, p95, max): (f64, f64, f64)| {
        println!("{name:<38} {p50:>8.3} {p95:>8.3} {max:>8.3}");
    };
    row("plain, synchronous=NORMAL", plain_normal);
    row("plain, synchronous=FULL (the app)", plain_full);
    row("encrypted, synchronous=NORMAL", cipher_normal);
    row("encrypted, synchronous=FULL (the app)", cipher_full);
    let ratio = |a: (f64, f64, f64), b: (f64, f64, f64)| (a.0 / b.0, a.1 / b.1);
    let (full50, full95) = ratio(plain_full, plain_normal);
    let (enc50, enc95) = ratio(cipher_full, plain_full);
    let (both50, both95) = ratio(cipher_full, plain_normal);
    println!("ratios p50 (p95): FULL/NORMAL {full50:.2}x ({full95:.2}x), encrypted/plain at FULL {enc50:.2}x ({enc95:.2}x), both against plain NORMAL {both50:.2}x ({both95:.2}x)");
}
