//! Budget variance for the sample year: each line's month and year-to-date
//! figures as the budget computes them, the explanations, the totals.

use super::*;
use wardbook::budget::{variance, years};
use wardbook_tests::{day, DataDir};

/// "1234.56" as the CSV writes cents.
fn plain(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

/// Basis points as a percentage to one decimal, half away from zero: -2825 → "-28.3%".
fn pct(bp: Option<i64>) -> String {
    let Some(bp) = bp else {
        return String::new();
    };
    let tenths = (bp.abs() + 5) / 10;
    let sign = if bp < 0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}%", tenths / 10, tenths % 10)
}

#[test]
fn month_and_year_to_date_per_line_with_the_explanations() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day(TODAY)).unwrap();
    let fy = years::overview(&conn, day(TODAY))
        .unwrap()
        .current_id
        .unwrap();
    // The latest month with actuals, which the sample explains.
    let expected = variance::report(&conn, fy, None).unwrap();
    let month = expected.month;
    assert!(month > 0, "a year to date of more than one month");
    let request = ReportRequest {
        fiscal_year_id: Some(fy),
        month: Some(month),
        ..Default::default()
    };

    let csv = make(
        &conn,
        ReportKind::BudgetVariance,
        ReportFormat::Csv,
        &request,
    );
    assert_eq!(
        csv.name,
        format!(
            "budget-variance-{}.csv",
            expected.year.months[month as usize].month
        )
    );
    let rows = csv_rows(&csv.bytes);
    // A spreadsheet has no title: the headers name the month and the year.
    assert_eq!(
        rows[0][3],
        format!("{} budget", expected.year.months[month as usize].label)
    );
    assert_eq!(
        rows[0][7],
        format!("{} year to date budget", expected.year.label)
    );
    assert_eq!(rows[0][11], "Explanation");
    assert_eq!(
        rows.len(),
        1 + expected.lines.len() + 1,
        "header, lines, total"
    );
    for line in &expected.lines {
        let r = row(&rows, 0, &line.name);
        let (m, y) = (&line.figures.month, &line.figures.ytd);
        assert_eq!(
            r[3..11],
            [
                plain(m.budget_cents),
                plain(m.actual_cents),
                plain(m.variance_cents),
                pct(m.variance_bp),
                plain(y.budget_cents),
                plain(y.actual_cents),
                plain(y.variance_cents),
                pct(y.variance_bp),
            ],
            "{}",
            line.name
        );
        assert_eq!(r[11], line.explanation);
    }
    let total = row(&rows, 0, "Total");
    assert_eq!(total[8], plain(expected.total.ytd.actual_cents));
    assert_eq!(total[9], plain(expected.total.ytd.variance_cents));
    assert_eq!(total[5], plain(expected.total.month.variance_cents));

    let explained = expected
        .lines
        .iter()
        .find(|l| !l.explanation.is_empty())
        .expect("the sample explains some variances");
    let overtime = expected
        .lines
        .iter()
        .find(|l| !l.figures.ytd.favourable)
        .expect("the sample's overtime runs over");
    let pdf = make(
        &conn,
        ReportKind::BudgetVariance,
        ReportFormat::Pdf,
        &request,
    );
    let pages = pdf_pages(&pdf.bytes);
    let department = wardbook::department::require(&conn).unwrap().name;
    let scope = format!(
        "{} · {} and year to date",
        expected.year.label, expected.month_label
    );
    assert_page_headers(&pages, &department, "Budget variance", &scope);
    let text: String = pages
        .concat()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let first_words: String = explained
        .explanation
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&first_words),
        "the explanation {first_words:?} is printed"
    );
    assert!(text.contains(&overtime.name));
    let sentence_start = format!(
        "Year to date ({} – {}): budget",
        expected.year.months[0].label, expected.month_label
    );
    assert!(text.contains(&sentence_start), "the YTD summary: {text}");
}

#[test]
fn a_fiscal_year_must_be_chosen() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day(TODAY)).unwrap();
    let err = reports::make(
        &conn,
        ReportKind::BudgetVariance,
        ReportFormat::Csv,
        &ReportRequest::default(),
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("fiscal_year_id"));
}
