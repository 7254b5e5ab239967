//! Staff list, search, detail and save with 300 staff and 1,500 credentials:
//! target p95 under 5 ms per command, JSON encoding of the reply included.
//! The dashboard on the sample department (a 6-week period, budget, 53
//! staff) and on the 300 staff: target p95 under 20 ms, a fifth of the
//! 100 ms the screen has from opening to painted.
//! Baselines measured in the same run: a bare SELECT of the staff table and a
//! bare one-row UPDATE commit (the cost of a durable write on this disk).

use wardbook::credentials::{self, CredentialInput, CredentialTypeInput, ExpiredAction};
use wardbook::staff::{self, EmploymentType, Role, StaffInput, StaffQuery};
use wardbook::trainings::{self, TrainingInput, TrainingKind};
use wardbook::{dashboard, department, skills};
use wardbook_tests::timing::measure;
use wardbook_tests::{day, department_input, DataDir};

const STAFF: usize = 300;
const ROUNDS: usize = 300;

fn main() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    let today = day("2026-11-27");
    department::create(&conn, &department_input("Bench unit")).unwrap();
    let skill_ids: Vec<i64> = ["Charge", "Preceptor", "Telemetry"]
        .iter()
        .map(|s| skills::save(&conn, None, s).unwrap().id)
        .collect();
    let type_ids: Vec<i64> = ["RN license", "BLS", "ACLS", "PALS", "NIHSS"]
        .iter()
        .map(|name| {
            let form = CredentialTypeInput {
                name: name.to_string(),
                required_for: vec![Role::Rn],
                renewal_months: "24".into(),
                when_expired: ExpiredAction::Block,
            };
            credentials::save_type(&mut conn, None, &form).unwrap().id
        })
        .collect();
    let form = |i: usize| StaffInput {
        first_name: format!("First{i}"),
        last_name: format!("Last{:03}", (i * 37) % STAFF),
        employee_no: format!("E{i:05}"),
        role: Some(if i.is_multiple_of(3) {
            Role::Cna
        } else {
            Role::Rn
        }),
        employment_type: Some(EmploymentType::FullTime),
        fte: if i.is_multiple_of(2) {
            "0.9".into()
        } else {
            "0.6".into()
        },
        hourly_rate: "48.50".into(),
        hire_date: "2018-04-02".into(),
        skill_ids: vec![skill_ids[i % 3]],
        ..Default::default()
    };
    let mut ids = Vec::new();
    for i in 0..STAFF {
        let id = staff::create(&mut conn, &form(i)).unwrap().id;
        for (k, type_id) in type_ids.iter().enumerate() {
            let expires = format!("{}-{:02}-15", 2026 + (i + k) % 3, 1 + (i * 7 + k) % 12);
            let cred = CredentialInput {
                type_id: *type_id,
                number: format!("N{i}-{k}"),
                expires_on: expires,
                ..Default::default()
            };
            credentials::save(&mut conn, id, None, &cred, today).unwrap();
        }
        let t = TrainingInput {
            kind: Some(TrainingKind::Competency),
            name: "Annual skills".into(),
            due_on: "2027-02-01".into(),
            ..Default::default()
        };
        trainings::save(&conn, id, None, &t, today).unwrap();
        ids.push(id);
    }
    let creds: i64 = conn
        .query_row("SELECT COUNT(*) FROM credential", [], |r| r.get(0))
        .unwrap();
    assert_eq!(creds as usize, STAFF * 5);

    let baseline_read = measure(ROUNDS, |_| {
        let mut stmt = conn.prepare_cached("SELECT * FROM staff").unwrap();
        let n = stmt.query_map([], |r| r.get::<_, i64>(0)).unwrap().count();
        assert_eq!(n, STAFF);
    });
    let list = measure(ROUNDS, |_| {
        let rows = staff::list(&conn, &StaffQuery::default(), today).unwrap();
        serde_json::to_vec(&rows).unwrap();
    });
    let searches = ["last0", "e001", "charge", "first2", "zzz"];
    let search = measure(ROUNDS, |i| {
        let q = StaffQuery {
            search: searches[i % searches.len()].into(),
            ..Default::default()
        };
        let rows = staff::list(&conn, &q, today).unwrap();
        serde_json::to_vec(&rows).unwrap();
    });
    let detail = measure(ROUNDS, |i| {
        let d = staff::detail(&conn, ids[i % STAFF], today).unwrap();
        serde_json::to_vec(&d).unwrap();
    });
    let baseline_write = measure(ROUNDS, |i| {
        conn.execute(
            "UPDATE staff SET notes = ?1 WHERE id = ?2",
            rusqlite::params![format!("n{i}"), ids[i % STAFF]],
        )
        .unwrap();
    });
    let save = measure(ROUNDS, |i| {
        let id = ids[i % STAFF];
        let mut f = form(i % STAFF);
        f.employee_no = format!("E{:05}", id - ids[0]);
        f.notes = format!("edit {i}");
        let saved = staff::update(&mut conn, id, &f).unwrap();
        serde_json::to_vec(&saved).unwrap();
    });
    let dashboard_staff = measure(ROUNDS, |_| {
        let d = dashboard::build(&conn, today).unwrap();
        serde_json::to_vec(&d).unwrap();
    });
    let sample_dir = DataDir::new();
    let mut sample = sample_dir.open();
    wardbook::sample::create(&mut sample, today).unwrap();
    let dashboard_sample = measure(ROUNDS, |_| {
        let d = dashboard::build(&sample, today).unwrap();
        assert!(!d.gaps.items.is_empty(), "the sample has gaps to show");
        serde_json::to_vec(&d).unwrap();
    });

    println!("\nCommand latency: {STAFF} staff, {creds} credentials, {ROUNDS} rounds each (ms)");
    println!(
        "{:<34} {:>8} {:>8} {:>8} {:>10} {:>7}",
        "command", "p50", "p95", "max", "target p95", "ok"
    );
    let row = |name: &str, (p50, p95, max): (f64, f64, f64), target: Option<f64>| {
        let ok = target.map_or("-", |t| if p95 < t { "yes" } else { "NO" });
        let target = target.map_or("-".to_string(), |t| format!("< {t}"));
        println!("{name:<34} {p50:>8.3} {p95:>8.3} {max:>8.3} {target:>10} {ok:>7}");
    };
    row("baseline: SELECT * FROM staff", baseline_read, None);
    row("staff_list (active, by name)", list, Some(5.0));
    row("staff_list with search", search, Some(5.0));
    row("staff_detail", detail, Some(5.0));
    row("baseline: one-row UPDATE commit", baseline_write, None);
    row("staff_update (validate + save)", save, Some(5.0));
    row("dashboard, sample department", dashboard_sample, Some(20.0));
    row(
        "dashboard, 300 staff (no schedule)",
        dashboard_staff,
        Some(20.0),
    );
    println!(
        "ratios (p95): list/select {:.1}x, save/bare update {:.2}x",
        list.1 / baseline_read.1,
        save.1 / baseline_write.1
    );
}
