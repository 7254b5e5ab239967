//! Every budget view over 5 fiscal years of actuals and 10,000 expense rows
//! (the sample department, its schedule included, plus four earlier years):
//! target p95 under 20 ms per command, JSON encoding of the reply included.

use wardbook::budget::csv_import::{self, ImportMapping};
use wardbook::budget::expenses::{self, ExpenseQuery};
use wardbook::budget::{figures, productivity, targets, variance, years, FiscalYearInput};
use wardbook_tests::timing::measure;
use wardbook_tests::{day, DataDir};

const ROUNDS: usize = 100;
const EXPENSES: usize = 10_000;

fn main() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    let today = day("2026-11-27");
    wardbook::sample::create(&mut conn, today).unwrap();
    let current = years::overview(&conn, today).unwrap();
    let sample_fy = current.current_id.unwrap();
    let first_year = current.next_first_year - 1;
    // Four earlier years, each a copy of the next with -3 %, every month actual.
    let mut source = sample_fy;
    for back in 1..=4 {
        source = years::create(
            &mut conn,
            &FiscalYearInput {
                first_year: (first_year - back).to_string(),
                copy_from: Some(source),
                adjustment_percent: "-3".into(),
            },
        )
        .unwrap()
        .id;
        conn.execute(
            "UPDATE budget_month SET actual_cents = budget_cents * 103 / 100, explanation = 'Census above plan'
             WHERE line_id IN (SELECT id FROM budget_line WHERE fiscal_year_id = ?1)",
            [source],
        )
        .unwrap();
    }
    // 10,000 expenses spread over the five years' lines and months.
    let all: Vec<(i64, String)> = years::list(&conn)
        .unwrap()
        .into_iter()
        .flat_map(|fy| {
            let lines = wardbook::budget::lines::list(&conn, fy.id).unwrap();
            fy.months
                .iter()
                .flat_map(|m| {
                    lines
                        .iter()
                        .map(|l| (l.id, format!("{}-15", m.month)))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let tx = conn.transaction().unwrap();
    for i in 0..EXPENSES {
        let (line, date) = &all[i % all.len()];
        tx.execute(
            "INSERT INTO expense (line_id, date, vendor, description, amount_cents) VALUES (?1, ?2, 'Vendor', 'Item', ?3)",
            rusqlite::params![line, date, 1_000 + (i as i64 % 50_000)],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    let csv: String = std::iter::once("account,period,amount\n".to_string())
        .chain((0..500).map(|i| {
            format!(
                "70{}0,{},\"1,234.56\"\n",
                1 + i % 2,
                current
                    .years
                    .iter()
                    .find(|y| y.id == sample_fy)
                    .unwrap()
                    .months[i % 8]
                    .month
            )
        }))
        .collect();
    let mapping = ImportMapping {
        has_header: true,
        account_column: 0,
        period_column: 1,
        amount_column: 2,
        cost_centre_column: None,
    };

    // The reply's JSON text is kept so the encoding is not optimised away.
    let json = |text: &String| std::hint::black_box(text.len());
    let rows: Vec<(&str, (f64, f64, f64))> = vec![
        (
            "fiscal_years_list",
            measure(ROUNDS, |_| {
                json(&serde_json::to_string(&years::overview(&conn, today).unwrap()).unwrap());
            }),
        ),
        (
            "budget_sheet",
            measure(ROUNDS, |_| {
                json(&serde_json::to_string(&figures::load(&conn, sample_fy).unwrap()).unwrap());
            }),
        ),
        (
            "budget_variance",
            measure(ROUNDS, |_| {
                json(
                    &serde_json::to_string(&variance::report(&conn, sample_fy, None).unwrap())
                        .unwrap(),
                );
            }),
        ),
        (
            "expenses_list (year)",
            measure(ROUNDS, |_| {
                json(
                    &serde_json::to_string(
                        &expenses::list(&conn, sample_fy, &ExpenseQuery::default()).unwrap(),
                    )
                    .unwrap(),
                );
            }),
        ),
        (
            "budget_targets",
            measure(ROUNDS, |_| {
                json(&serde_json::to_string(&targets::load(&conn, sample_fy).unwrap()).unwrap());
            }),
        ),
        (
            "budget_productivity",
            measure(ROUNDS, |_| {
                json(
                    &serde_json::to_string(&productivity::report(&conn, sample_fy, today).unwrap())
                        .unwrap(),
                );
            }),
        ),
        (
            "budget_labor_cost",
            measure(ROUNDS, |_| {
                json(
                    &serde_json::to_string(
                        &productivity::labor_cost_report(&conn, sample_fy).unwrap(),
                    )
                    .unwrap(),
                );
            }),
        ),
        (
            "budget_import_preview (500 rows)",
            measure(ROUNDS, |_| {
                json(
                    &serde_json::to_string(
                        &csv_import::preview(&conn, sample_fy, &csv, &mapping).unwrap(),
                    )
                    .unwrap(),
                );
            }),
        ),
    ];
    println!("budget views: 5 fiscal years of actuals, {EXPENSES} expenses, {ROUNDS} rounds");
    println!(
        "{:<34} {:>9} {:>9} {:>9}",
        "command", "p50 ms", "p95 ms", "max ms"
    );
    let mut over = Vec::new();
    for (name, (p50, p95, max)) in &rows {
        println!("{name:<34} {p50:>9.2} {p95:>9.2} {max:>9.2}");
        if *p95 >= 20.0 {
            over.push(*name);
        }
    }
    if over.is_empty() {
        println!("all under the 20 ms target (p95)");
    } else {
        println!("OVER the 20 ms target (p95): {}", over.join(", "));
    }
}
