//! One truth for a line's amount: its months. The annual amount the Sheet
//! shows is their sum, and so is every total the Variance, its chart, the
//! dashboard and the variance report show — for every spread, for a file
//! whose stored annual disagreed with its months (the day-one bug: Sheet
//! $48,000, months $48,500), and for the sample.

use super::{line, unit};
use wardbook::budget::actuals::{self, ActualInput};
use wardbook::budget::{figures, lines, variance, years};
use wardbook::budget::{Category, FiscalYearInput, Spread};
use wardbook::reports::table::money;
use wardbook_tests::{day, DataDir};

/// Every total a manager can read for the year, each as its screen or
/// report computes it, against the sum of the lines' months.
fn assert_one_truth(conn: &rusqlite::Connection, fy: i64, today: &str) {
    let months_total: i64 = lines::list(conn, fy)
        .unwrap()
        .iter()
        .map(|l| {
            let sum: i64 = l.monthly_cents.iter().sum();
            assert_eq!(
                l.annual_cents, sum,
                "{}: the annual amount is the sum of its months",
                l.name
            );
            sum
        })
        .sum();
    // The Sheet: each line's annual, and the total the Sheet adds up from them.
    let sheet = figures::load(conn, fy).unwrap();
    let sheet_total: i64 = sheet.lines.iter().map(|l| l.line.annual_cents).sum();
    assert_eq!(sheet_total, months_total, "the Sheet's total");
    for l in &sheet.lines {
        let cells: i64 = l.months.iter().map(|c| c.budget_cents).sum();
        assert_eq!(
            l.line.annual_cents, cells,
            "{}: Sheet row vs its cells",
            l.line.name
        );
    }
    // The Variance tab: each line's annual budget, the total, the chart.
    let v = variance::report(conn, fy, Some(11)).unwrap();
    assert_eq!(v.total.annual_budget_cents, months_total, "Variance total");
    assert_eq!(
        v.chart.iter().map(|m| m.budget_cents).sum::<i64>(),
        months_total,
        "the chart's months"
    );
    for (vl, sl) in v.lines.iter().zip(&sheet.lines) {
        assert_eq!(
            vl.figures.annual_budget_cents, sl.line.annual_cents,
            "{}: Variance vs Sheet",
            vl.name
        );
    }
    assert_eq!(
        v.total.ytd.budget_cents, months_total,
        "through the last month, the YTD budget is the year"
    );
    // The variance report (PDF and CSV are printed from it).
    let report = wardbook::reports::budget::report(conn, fy, Some(11), day(today)).unwrap();
    let annual_text = money(months_total).text;
    assert!(
        report.summary[2].contains(&format!("annual budget of {annual_text}")),
        "the report's forecast sentence names {annual_text}: {}",
        report.summary[2]
    );
    let total_row = report.rows.last().unwrap();
    assert_eq!(total_row.cells[0].text, "Total");
    assert_eq!(
        total_row.cells[7].text, annual_text,
        "the report's YTD budget total through the last month"
    );
}

#[test]
fn every_spread_keeps_the_annual_and_the_months_one_number() {
    let mut u = unit();
    // Even and days are in the unit; add a typed line like the day-one one.
    let mut typed = line(
        Category::Equipment,
        "Minor equipment",
        "7300",
        "",
        Spread::Typed,
    );
    typed.monthly = [
        "1,500", "1,500", "1,500", "18,000", "1,500", "1,500", "1,500", "1,500", "1,500", "15,000",
        "2,000", "1,500",
    ]
    .map(String::from)
    .to_vec();
    // An annual typed alongside a typed spread is ignored: the months decide.
    typed.annual = "48,000.00".into();
    let saved = lines::save(&mut u.conn, u.fy, None, &typed).unwrap();
    assert_eq!(
        saved.annual_cents, 4_850_000,
        "$48,500: what the months add up to"
    );
    actuals::save(
        &u.conn,
        &ActualInput {
            line_id: saved.id,
            month: 0,
            actual: "1,400".into(),
            explanation: String::new(),
        },
    )
    .unwrap();
    assert_one_truth(&u.conn, u.fy, "2027-06-30");

    // Changing a line's spread from typed to even re-spreads its annual.
    let mut even = typed.clone();
    even.spread = Some(Spread::Even);
    even.annual = "48,000.00".into();
    let saved = lines::save(&mut u.conn, u.fy, Some(saved.id), &even).unwrap();
    assert_eq!(saved.monthly_cents, vec![400_000; 12]);
    assert_one_truth(&u.conn, u.fy, "2027-06-30");

    // A copied year, every spread adjusted by 3.5 %, agrees with itself too.
    let next = years::create(
        &mut u.conn,
        &FiscalYearInput {
            first_year: "2027".into(),
            copy_from: Some(u.fy),
            adjustment_percent: "3.5".into(),
        },
    )
    .unwrap();
    assert_one_truth(&u.conn, next.id, "2028-06-30");
}

#[test]
fn a_stored_annual_that_disagrees_with_its_months_is_never_shown() {
    let mut u = unit();
    let mut typed = line(
        Category::Equipment,
        "Minor equipment",
        "7300",
        "",
        Spread::Typed,
    );
    typed.monthly = vec!["4,000".into(); 12];
    typed.monthly[10] = "4,500".into();
    let id = lines::save(&mut u.conn, u.fy, None, &typed).unwrap().id;
    // A file written before the fix (or by another tool): $48,000 stored,
    // months adding up to $48,500.
    u.conn
        .execute(
            "UPDATE budget_line SET annual_cents = 4800000 WHERE id = ?1",
            [id],
        )
        .unwrap();
    assert_eq!(
        lines::get(&u.conn, id).unwrap().annual_cents,
        4_850_000,
        "read from the months, not the stale column"
    );
    assert_one_truth(&u.conn, u.fy, "2027-06-30");
}

#[test]
fn the_migration_repairs_stored_annuals_from_the_months() {
    // Version 6 is the schema just before 0007_budget_account_map, which repairs the annuals.
    let before = 6;
    let mut conn = wardbook::store::open_in_memory_at(before).unwrap();
    conn.execute_batch(
        "INSERT INTO fiscal_year (id, first_month) VALUES (1, '2026-07');
         INSERT INTO budget_line (id, fiscal_year_id, position, category, name, annual_cents, spread)
           VALUES (1, 1, 1, 'equipment', 'Minor equipment', 4800000, 'typed'),
                  (2, 1, 2, 'pharmacy', 'Pharmacy', 1200, 'even');",
    )
    .unwrap();
    for m in 0..12 {
        conn.execute(
            "INSERT INTO budget_month (line_id, month, budget_cents) VALUES (1, ?1, ?2), (2, ?1, 100)",
            [m, if m == 10 { 450_000 } else { 400_000 }],
        )
        .unwrap();
    }
    wardbook::store::migrate(&mut conn).unwrap();
    let stored = |id: i64| -> i64 {
        conn.query_row(
            "SELECT annual_cents FROM budget_line WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(stored(1), 4_850_000, "repaired to the months' $48,500");
    assert_eq!(stored(2), 1_200, "a line that agreed is left alone");
}

#[test]
fn the_sample_budget_agrees_on_every_screen() {
    let today = day("2026-11-27");
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, today).unwrap();
    let fy = years::overview(&conn, today).unwrap().current_id.unwrap();
    let equipment = lines::list(&conn, fy)
        .unwrap()
        .into_iter()
        .find(|l| l.spread == Spread::Typed)
        .expect("the sample has a typed line");
    assert_eq!(
        equipment.annual_cents, 4_800_000,
        "the sample's minor equipment is $48,000 in its months too"
    );
    assert_one_truth(&conn, fy, "2026-11-27");
    // The dashboard's year to date is the Variance's.
    let glance = wardbook::dashboard::build(&conn, today)
        .unwrap()
        .budget
        .expect("the sample has a budget");
    let v = variance::report(&conn, fy, None).unwrap();
    assert_eq!(glance.ytd, v.total.ytd, "dashboard and Variance agree");
}
