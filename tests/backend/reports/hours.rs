//! Hours for payroll on a pay period whose figures are worked out by hand:
//! overtime under both FLSA rules, each differential, paid time off, and
//! shifts outside the pay period left out.

use super::*;
use wardbook::department::OvertimeRule;
use wardbook::schedule::store::parse::DifferentialKind;
use wardbook::schedule::store::periods::{self, Seed};
use wardbook::schedule::store::rule_settings::{self, RulesInput};
use wardbook::schedule::store::shift_types::{self, ShiftTypeInput};
use wardbook::schedule::store::time_off::{self, TimeOffInput};
use wardbook::schedule::TimeOffKind;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook_tests::{day, department_input, DataDir};

const PAY_PERIOD: &str = "2026-11-29";

fn person(first: &str, last: &str, no: &str, role: Role) -> StaffInput {
    StaffInput {
        first_name: first.into(),
        last_name: last.into(),
        employee_no: no.into(),
        role: Some(role),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "50.00".into(),
        hire_date: "2020-02-03".into(),
        ..Default::default()
    }
}

fn shift(
    code: &str,
    name: &str,
    start: &str,
    night: bool,
    diff: Option<(DifferentialKind, &str)>,
) -> ShiftTypeInput {
    ShiftTypeInput {
        code: code.into(),
        name: name.into(),
        start: start.into(),
        length_hours: "12".into(),
        unpaid_break_minutes: "0".into(),
        night,
        differential_kind: diff.map(|d| d.0),
        differential_value: diff.map(|d| d.1.to_string()).unwrap_or_default(),
        ..Default::default()
    }
}

/// Maria (RN) works four 12 h days from Sunday 29 Nov (48 h in the week,
/// one on a weekend) and one in the next pay period; Ann (RN) two 12 h
/// nights (10 % differential) and three weekdays of approved paid time off;
/// Bo (CNA) one day on a holiday. Carl (CNA) works nothing.
fn unit(rule: OvertimeRule) -> (DataDir, Connection) {
    let dir = DataDir::new();
    let mut conn = dir.open();
    let mut dept = department_input("4 West");
    dept.overtime_rule = rule;
    wardbook::department::create(&conn, &dept).unwrap();
    let maria = staff::create(&mut conn, &person("Maria", "Lopez", "E1", Role::Rn))
        .unwrap()
        .id;
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E2", Role::Rn))
        .unwrap()
        .id;
    let bo = staff::create(&mut conn, &person("Bo", "Chen", "E3", Role::Cna))
        .unwrap()
        .id;
    staff::create(&mut conn, &person("Carl", "Diaz", "E4", Role::Cna)).unwrap();
    let d = shift_types::save(&mut conn, None, &shift("D", "Day", "07:00", false, None))
        .unwrap()
        .id;
    let n = shift_types::save(
        &mut conn,
        None,
        &shift(
            "N",
            "Night",
            "19:00",
            true,
            Some((DifferentialKind::Percent, "10")),
        ),
    )
    .unwrap()
    .id;
    rule_settings::save(
        &conn,
        &RulesInput {
            min_rest_hours: "10".into(),
            max_consecutive_8h: "5".into(),
            max_consecutive_12h: "5".into(),
            weekly_hours_limit: "40".into(),
            period_hours_limit: "80".into(),
            per_diem_period_hours_limit: "36".into(),
            no_day_after_night: false,
            max_weekends_per_4_weeks: String::new(),
            pay_period_anchor: PAY_PERIOD.into(),
            weekend_differential_kind: Some(DifferentialKind::PerHour),
            weekend_differential_value: "1.50".into(),
            holiday_differential_kind: Some(DifferentialKind::Percent),
            holiday_differential_value: "50".into(),
        },
    )
    .unwrap();
    rule_settings::holiday_save(&conn, "2026-12-10", "Unit holiday").unwrap();
    let period = periods::create(&mut conn, 4, Seed::Empty, day("2026-12-02")).unwrap();
    let work = |staff: i64, date: &str, shift: i64| {
        wardbook::records::NewAssignment {
            staff_id: staff,
            date: day(date),
            period_id: period.id,
            shift_type_id: shift,
        }
        .insert(&conn)
        .unwrap();
    };
    for date in [
        "2026-11-29",
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-13",
    ] {
        work(maria, date, d);
    }
    work(ann, "2026-12-03", n);
    work(ann, "2026-12-04", n);
    work(bo, "2026-12-10", d);
    let off = TimeOffInput {
        staff_id: Some(ann),
        from: "2026-12-07".into(),
        to: "2026-12-09".into(),
        kind: Some(TimeOffKind::Pto),
        paid: true,
        note: String::new(),
    };
    let id = time_off::save(&mut conn, None, &off).unwrap().id;
    time_off::decide(&conn, id, true, "2026-11-20T10:00:00Z").unwrap();
    (dir, conn)
}

fn request() -> ReportRequest {
    ReportRequest {
        pay_period_start: PAY_PERIOD.into(),
        ..Default::default()
    }
}

/// Regular, overtime, shift diff., weekend diff., holiday diff., PTO, total.
fn figures(rows: &[Vec<String>], no: &str) -> Vec<String> {
    row(rows, 0, no)[3..].to_vec()
}

#[test]
fn weekly_40_hours_per_person_with_each_differential_and_pto() {
    let (_dir, conn) = unit(OvertimeRule::Weekly40);
    let csv = make(&conn, ReportKind::Hours, ReportFormat::Csv, &request());
    assert_eq!(csv.name, "hours-2026-11-29.csv");
    let rows = csv_rows(&csv.bytes);
    assert_eq!(
        rows[0],
        [
            "Employee no.",
            "Name",
            "Role",
            "Regular",
            "Overtime",
            "Shift diff.",
            "Weekend diff.",
            "Holiday diff.",
            "PTO",
            "Total paid"
        ]
    );
    // 48 h in the week from Sunday: 8 over 40. The 13 Dec shift is the next pay period's.
    assert_eq!(
        figures(&rows, "E1"),
        ["40", "8", "0", "12", "0", "0", "48"],
        "Maria"
    );
    assert_eq!(
        figures(&rows, "E2"),
        ["24", "0", "24", "0", "0", "21.6", "45.6"],
        "Ann: nights and 3 weekdays of PTO with no shift, each her 0.9 FTE's day (7.2 h)"
    );
    assert_eq!(
        figures(&rows, "E3"),
        ["12", "0", "0", "0", "12", "0", "12"],
        "Bo: the holiday"
    );
    assert_eq!(
        figures(&rows, "E4"),
        ["0", "0", "0", "0", "0", "0", "0"],
        "Carl is listed with nothing"
    );
    assert_eq!(
        figures(&rows, "Total"),
        ["76", "8", "24", "12", "12", "21.6", "105.6"],
        "the lines add up"
    );
    assert_eq!(row(&rows, 0, "E1")[1], "Lopez, Maria");

    let pdf = make(&conn, ReportKind::Hours, ReportFormat::Pdf, &request());
    let pages = pdf_pages(&pdf.bytes);
    assert_eq!(pages.len(), 1);
    assert_page_headers(
        &pages,
        "4 West",
        "Hours for payroll",
        "Pay period 2026-11-29 to 2026-12-12",
    );
    let text = &pages[0];
    assert!(
        text.contains("4 people: 76 regular hours, 8 overtime hours (9.5% of worked hours), 21.6 hours of paid time off; 105.6 paid hours in all."),
        "the summary: {text}"
    );
    assert!(
        text.contains("Over 40 hours in the work week"),
        "the rule is named"
    );
    assert!(
        text.contains("N Night 10%"),
        "which shifts carry a differential"
    );
    assert!(text.contains("Lopez, Maria"));
}

#[test]
fn eight_and_80_counts_the_hours_over_8_in_each_day() {
    let (_dir, conn) = unit(OvertimeRule::EightEighty);
    let rows = csv_rows(&make(&conn, ReportKind::Hours, ReportFormat::Csv, &request()).bytes);
    assert_eq!(figures(&rows, "E1")[..2], ["32", "16"], "4 × (8 + 4)");
    assert_eq!(figures(&rows, "E2")[..2], ["16", "8"]);
    assert_eq!(figures(&rows, "E3")[..2], ["8", "4"]);
    assert_eq!(
        figures(&rows, "Total")[6],
        "105.6",
        "the paid total is the same hours"
    );
}

#[test]
fn a_day_that_does_not_start_a_pay_period_is_refused_beside_its_field() {
    let (_dir, conn) = unit(OvertimeRule::Weekly40);
    let bad = ReportRequest {
        pay_period_start: "2026-12-06".into(),
        ..Default::default()
    };
    let err = reports::make(
        &conn,
        ReportKind::Hours,
        ReportFormat::Pdf,
        &bad,
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("pay_period_start"));
    assert!(
        err.message.contains("2026-11-29"),
        "it says where periods start: {}",
        err.message
    );
}
