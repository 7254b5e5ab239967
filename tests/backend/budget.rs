//! The budget through the domain API on a real file: fiscal years and lines,
//! actuals typed, logged and imported, variance, targets, productivity and
//! the sample's story — what is saved, what is refused (and that nothing is
//! saved then), and what the views show.

#[path = "budget/account_map.rs"]
mod account_map;
#[path = "budget/import.rs"]
mod import;
#[path = "budget/replace.rs"]
mod replace;
#[path = "budget/sample.rs"]
mod sample;
#[path = "budget/totals.rs"]
mod totals;

use rusqlite::Connection;
use wardbook::budget::actuals::{self, ActualInput};
use wardbook::budget::expenses::{self, ExpenseInput, ExpenseQuery};
use wardbook::budget::targets::{self, FteBudgetInput, TargetsInput, VolumeInput};
use wardbook::budget::{figures, lines, variance, years};
use wardbook::budget::{BudgetLineInput, Category, FiscalYearInput, Spread};
use wardbook::department;
use wardbook::error::ErrorCode;
use wardbook::staff::Role;
use wardbook_tests::{department_input, DataDir};

pub struct Unit {
    pub _dir: DataDir,
    pub conn: Connection,
    /// FY2027: Jul 2026 – Jun 2027.
    pub fy: i64,
    pub overtime: i64,
    pub supplies: i64,
}

pub fn line(
    category: Category,
    name: &str,
    gl: &str,
    annual: &str,
    spread: Spread,
) -> BudgetLineInput {
    BudgetLineInput {
        category: Some(category),
        name: name.into(),
        gl_account: gl.into(),
        annual: annual.into(),
        spread: Some(spread),
        monthly: Vec::new(),
    }
}

pub fn unit() -> Unit {
    let dir = DataDir::new();
    let mut conn = dir.open();
    department::create(&conn, &department_input("4 West")).unwrap();
    let fy = years::create(
        &mut conn,
        &FiscalYearInput {
            first_year: "2026".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let overtime = lines::save(
        &mut conn,
        fy,
        None,
        &line(
            Category::Overtime,
            "Overtime",
            "6020",
            "12,000.00",
            Spread::Even,
        ),
    )
    .unwrap()
    .id;
    let supplies = lines::save(
        &mut conn,
        fy,
        None,
        &line(
            Category::MedicalSupplies,
            "Supplies",
            "7010",
            "100.00",
            Spread::Days,
        ),
    )
    .unwrap()
    .id;
    Unit {
        _dir: dir,
        conn,
        fy,
        overtime,
        supplies,
    }
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_fiscal_year_starts_in_the_department_month_and_never_overlaps() {
    let mut u = unit();
    let (_, fy) = years::get(&u.conn, u.fy).unwrap();
    assert_eq!(fy.label, "FY2027", "a year from July 2026 ends in 2027");
    assert_eq!(fy.months[0].label, "Jul 2026");
    assert_eq!(fy.months[11].label, "Jun 2027");
    let err = years::create(
        &mut u.conn,
        &FiscalYearInput {
            first_year: "2026".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(err.message_for("first_year").unwrap().contains("overlaps"));
    assert_eq!(count(&u.conn, "fiscal_year"), 1, "nothing saved on refusal");
}

#[test]
fn line_months_add_up_and_bad_lines_are_refused_whole() {
    let mut u = unit();
    let supplies = lines::get(&u.conn, u.supplies).unwrap();
    assert_eq!(
        supplies.monthly_cents.iter().sum::<i64>(),
        10_000,
        "$100.00 by days adds up"
    );
    let overtime = lines::get(&u.conn, u.overtime).unwrap();
    assert_eq!(
        overtime.monthly_cents,
        vec![100_000; 12],
        "$12,000 evenly is $1,000 a month"
    );

    let mut typed = line(Category::Equipment, "Equipment", "", "", Spread::Typed);
    typed.monthly = vec!["0.05".into(); 12];
    typed.monthly[3] = "1,000".into();
    let saved = lines::save(&mut u.conn, u.fy, None, &typed).unwrap();
    // 11 × 5 ¢ + $1,000.00 = 100 055 ¢.
    assert_eq!(
        saved.annual_cents, 100_055,
        "a typed spread's annual is the sum of its months"
    );

    let before = count(&u.conn, "budget_line");
    let mut bad = line(Category::Pharmacy, "Supplies", "6020", "-5", Spread::Even);
    bad.category = None;
    let err = lines::save(&mut u.conn, u.fy, None, &bad).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message_for("category").is_some());
    assert!(err.message_for("annual").unwrap().contains("negative"));
    let dup = line(Category::Pharmacy, "supplies", "6020", "5", Spread::Even);
    let err = lines::save(&mut u.conn, u.fy, None, &dup).unwrap_err();
    assert!(
        err.message_for("name").unwrap().contains("already"),
        "names are unique, any case"
    );
    assert!(err.message_for("gl_account").unwrap().contains("6020"));
    let mut bad_month = line(Category::Equipment, "Pumps", "", "", Spread::Typed);
    bad_month.monthly = vec!["1".into(); 12];
    bad_month.monthly[7] = "x".into();
    let err = lines::save(&mut u.conn, u.fy, None, &bad_month).unwrap_err();
    assert!(
        err.message_for("monthly.7").is_some(),
        "the bad month is named"
    );
    assert_eq!(
        count(&u.conn, "budget_line"),
        before,
        "nothing saved on refusal"
    );
}

#[test]
fn copying_a_year_adjusts_every_amount_and_keeps_the_months_adding_up() {
    let mut u = unit();
    targets::save_targets(
        &mut u.conn,
        u.fy,
        &TargetsInput {
            target_hppd: "7.6".into(),
            fte: vec![FteBudgetInput {
                role: Role::Rn,
                fte: "22.4".into(),
            }],
        },
    )
    .unwrap();
    let next = years::create(
        &mut u.conn,
        &FiscalYearInput {
            first_year: "2027".into(),
            copy_from: Some(u.fy),
            adjustment_percent: "3.5".into(),
        },
    )
    .unwrap();
    assert_eq!(next.label, "FY2028");
    assert_eq!(next.target_hppd_hundredths, 760, "the target comes along");
    let copied = lines::list(&u.conn, next.id).unwrap();
    // Overtime $12,000.00 × 1.035 = $12,420.00, evenly $1,035.00 a month.
    assert_eq!(copied[0].annual_cents, 1_242_000);
    assert_eq!(copied[0].monthly_cents, vec![103_500; 12]);
    // Supplies $100.00 × 1.035 = $103.50 by days.
    assert_eq!(copied[1].annual_cents, 10_350);
    assert_eq!(copied[1].monthly_cents.iter().sum::<i64>(), 10_350);
    assert_eq!(
        targets::load(&u.conn, next.id).unwrap().fte[0].fte_hundredths,
        2_240
    );

    let err = years::create(
        &mut u.conn,
        &FiscalYearInput {
            first_year: "2028".into(),
            copy_from: Some(u.fy),
            adjustment_percent: "3.555".into(),
        },
    )
    .unwrap_err();
    assert!(err.message_for("adjustment_percent").is_some());
}

#[test]
fn the_typed_amount_is_the_actual_and_expenses_stand_in_for_a_month_without_one() {
    let mut u = unit();
    actuals::save(
        &u.conn,
        &ActualInput {
            line_id: u.supplies,
            month: 1,
            actual: "1,000.00".into(),
            explanation: "Isolation gowns".into(),
        },
    )
    .unwrap();
    for (date, amount) in [
        ("2026-08-03", "250.00"),
        ("2026-08-31", "49.99"),
        ("2026-09-01", "7.00"),
    ] {
        expenses::save(
            &u.conn,
            None,
            &ExpenseInput {
                date: date.into(),
                vendor: "Medline".into(),
                description: String::new(),
                line_id: Some(u.supplies),
                amount: amount.into(),
            },
        )
        .unwrap();
    }
    let sheet = figures::load(&u.conn, u.fy).unwrap();
    let august = &sheet.lines[1].months[1];
    // Finance's $1,000.00 for August holds the $250.00 + $49.99 logged there.
    assert_eq!(august.actual_cents, 100_000);
    assert_eq!(august.expenses_cents, 29_999, "the log is still shown");
    assert_eq!(august.explanation, "Isolation gowns");
    assert_eq!(
        sheet.lines[1].months[2].actual_cents, 700,
        "September has only its expense"
    );
    let listed = expenses::list(
        &u.conn,
        u.fy,
        &ExpenseQuery {
            line_id: None,
            month: Some(1),
        },
    )
    .unwrap();
    assert_eq!(listed.len(), 2, "August's expenses only");

    let before = count(&u.conn, "expense");
    let err = expenses::save(
        &u.conn,
        None,
        &ExpenseInput {
            date: "2027-07-01".into(),
            vendor: " ".into(),
            description: String::new(),
            line_id: Some(u.supplies),
            amount: "0".into(),
        },
    )
    .unwrap_err();
    assert!(
        err.message_for("date").unwrap().contains("FY2027"),
        "outside the line's year"
    );
    assert!(err.message_for("vendor").is_some());
    assert!(err.message_for("amount").is_some(), "0 is not an expense");
    assert_eq!(
        count(&u.conn, "expense"),
        before,
        "nothing saved on refusal"
    );

    let err = actuals::save(
        &u.conn,
        &ActualInput {
            line_id: u.supplies,
            month: 12,
            actual: "1.001".into(),
            explanation: String::new(),
        },
    )
    .unwrap_err();
    assert!(err.message_for("month").is_some());
    assert!(err.message_for("actual").is_some());
    let _ = &mut u.conn;
}

#[test]
fn variance_year_to_date_and_forecast_from_the_store() {
    let u = unit();
    // Overtime $1,000.00 a month; actuals $1,200, $1,300, $1,100 for Jul–Sep.
    for (month, amount) in [(0, "1,200"), (1, "1,300"), (2, "1,100")] {
        actuals::save(
            &u.conn,
            &ActualInput {
                line_id: u.overtime,
                month,
                actual: amount.into(),
                explanation: String::new(),
            },
        )
        .unwrap();
    }
    let report = variance::report(&u.conn, u.fy, None).unwrap();
    assert_eq!(report.month, 2, "by default the latest month with actuals");
    let ot = &report.lines[0].figures;
    // Month: 1 000 − 1 100 = −$100 (−10 %); YTD: 3 000 − 3 600 = −$600 (−20 %).
    assert_eq!(ot.month.variance_cents, -10_000);
    assert_eq!(ot.month.variance_bp, Some(-1_000));
    assert_eq!(ot.ytd.variance_cents, -60_000);
    assert_eq!(ot.ytd.variance_bp, Some(-2_000));
    assert!(!ot.ytd.favourable);
    // Forecast: $3,600 × 12 ÷ 3 = $14,400 against $12,000.
    assert_eq!(ot.forecast_cents, 1_440_000);
    assert_eq!(ot.forecast.variance_cents, -240_000);
    // Supplies have no actual: under budget by their whole YTD budget.
    assert!(report.lines[1].figures.ytd.favourable);
    assert_eq!(report.chart.len(), 12);
    assert_eq!(
        report.chart[3].actual_cents, None,
        "no actual yet in October"
    );
    assert_eq!(report.chart[0].actual_cents, Some(120_000));
}

#[test]
fn volumes_and_targets_are_validated_by_field() {
    let mut u = unit();
    let err = targets::save_volumes(
        &mut u.conn,
        u.fy,
        &[VolumeInput {
            month: 2,
            budgeted_patient_days: "abc".into(),
            worked_hours: "8.333".into(),
            ..Default::default()
        }],
    )
    .unwrap_err();
    assert!(err.message_for("volumes.2.budgeted_patient_days").is_some());
    assert!(err.message_for("volumes.2.worked_hours").is_some());
    assert_eq!(
        count(&u.conn, "budget_volume"),
        0,
        "nothing saved on refusal"
    );
    let saved = targets::save_volumes(
        &mut u.conn,
        u.fy,
        &[VolumeInput {
            month: 2,
            budgeted_patient_days: "810".into(),
            actual_patient_days: "832".into(),
            worked_hours: "6,400".replace(',', ""),
            ..Default::default()
        }],
    )
    .unwrap();
    assert_eq!(saved.volumes[2].actual_patient_days, Some(832));
    assert_eq!(saved.volumes[2].worked_minutes, Some(6_400 * 60));
    let err = targets::save_targets(
        &mut u.conn,
        u.fy,
        &TargetsInput {
            target_hppd: "-1".into(),
            fte: vec![
                FteBudgetInput {
                    role: Role::Rn,
                    fte: "1".into(),
                },
                FteBudgetInput {
                    role: Role::Rn,
                    fte: "2".into(),
                },
            ],
        },
    )
    .unwrap_err();
    assert!(err.message_for("target_hppd").is_some());
    assert!(err.message_for("fte.1.role").unwrap().contains("twice"));
}

#[test]
fn saving_targets_records_only_the_roles_that_changed() {
    let mut u = unit();
    let fy = u.fy;
    let save = |conn: &mut Connection, fte: &[(Role, &str)]| {
        targets::save_targets(
            conn,
            fy,
            &TargetsInput {
                target_hppd: "7.6".into(),
                fte: fte
                    .iter()
                    .map(|(role, fte)| FteBudgetInput {
                        role: *role,
                        fte: (*fte).into(),
                    })
                    .collect(),
            },
        )
        .unwrap()
    };
    let history = |conn: &Connection| -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT action, record_key FROM audit_log
                 WHERE table_name = 'budget_fte' ORDER BY id",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    save(&mut u.conn, &[(Role::Rn, "22.4"), (Role::Cna, "8")]);
    assert_eq!(history(&u.conn).len(), 2, "two roles added");

    // The same figures again: nothing changed, nothing recorded.
    save(&mut u.conn, &[(Role::Rn, "22.4"), (Role::Cna, "8.00")]);
    assert_eq!(history(&u.conn).len(), 2);

    // One role changed: one update, for that role.
    let saved = save(&mut u.conn, &[(Role::Rn, "23"), (Role::Cna, "8")]);
    let h = history(&u.conn);
    assert_eq!(h.len(), 3);
    assert_eq!(h[2].0, "update");
    assert!(h[2].1.contains("RN"), "the RN row: {:?}", h[2]);
    assert_eq!(
        saved
            .fte
            .iter()
            .map(|f| (f.role, f.fte_hundredths))
            .collect::<Vec<_>>(),
        vec![(Role::Cna, 800), (Role::Rn, 2_300)]
    );

    // A role left out is removed, and only it.
    let saved = save(&mut u.conn, &[(Role::Rn, "23")]);
    let h = history(&u.conn);
    assert_eq!(h.len(), 4);
    assert_eq!(h[3].0, "delete");
    assert!(h[3].1.contains("CNA"), "the CNA row: {:?}", h[3]);
    assert_eq!(saved.fte.len(), 1);
}
