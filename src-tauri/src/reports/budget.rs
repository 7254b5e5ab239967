//! Budget variance for a month and the year to date, line by line with the
//! manager's explanations, as a director or finance reads it. Variance is
//! budget − actual (positive is favourable for an expense); unfavourable
//! figures are marked.

use super::table::{money, percent, Cell, Column, Orientation, Report, Row};
use crate::budget::variance::{self, Variance, VarianceReport};
use crate::error::AppResult;
use chrono::NaiveDate;
use rusqlite::Connection;

pub fn report(
    conn: &Connection,
    fiscal_year_id: i64,
    month: Option<i64>,
    today: NaiveDate,
) -> AppResult<Report> {
    let v = variance::report(conn, fiscal_year_id, month)?;
    Ok(from_variance(&v, super::department_name(conn)?, today))
}

fn figures(v: &Variance) -> [Cell; 4] {
    let mut var = money(v.variance_cents);
    var.alert = !v.favourable;
    [
        money(v.budget_cents),
        money(v.actual_cents),
        var,
        percent(v.variance_bp).into(),
    ]
}

fn sentence(what: &str, v: &Variance) -> String {
    let verdict = if v.favourable {
        "favourable"
    } else {
        "unfavourable"
    };
    let pct = percent(v.variance_bp);
    format!(
        "{what}: budget {}, actual {}, variance {}{} — {verdict}.",
        money(v.budget_cents).text,
        money(v.actual_cents).text,
        money(v.variance_cents).text,
        if pct.is_empty() {
            String::new()
        } else {
            format!(" ({pct})")
        },
    )
}

pub fn from_variance(v: &VarianceReport, department: String, today: NaiveDate) -> Report {
    let first = &v.year.months[0].label;
    let mut rows: Vec<Row> = v
        .lines
        .iter()
        .map(|line| {
            let mut cells: Vec<Cell> = vec![
                line.name.clone().into(),
                line.category.label().into(),
                line.gl_account.clone().into(),
            ];
            cells.extend(figures(&line.figures.month));
            cells.extend(figures(&line.figures.ytd));
            cells.push(line.explanation.clone().into());
            Row::body(cells)
        })
        .collect();
    let mut total: Vec<Cell> = vec!["Total".into(), Cell::default(), Cell::default()];
    total.extend(figures(&v.total.month));
    total.extend(figures(&v.total.ytd));
    total.push(Cell::default());
    rows.push(Row::total(total));
    // A spreadsheet has no title above its columns: the CSV's headers say
    // which month and which part of the fiscal year they hold.
    let month_csv = |what: &str| format!("{} {what}", v.month_label);
    let ytd_csv = |what: &str| format!("{} year to date {what}", v.year.label);
    let named = |c: Column, csv: String| Column {
        csv_header: Some(csv),
        ..c
    };
    let columns = vec![
        Column::left("Line", 2.3).wrapping(),
        Column::left("Category", 1.7).wrapping(),
        Column::left("GL\naccount", 1.1),
        named(Column::right("Month\nbudget", 1.35), month_csv("budget")),
        named(Column::right("Month\nactual", 1.35), month_csv("actual")),
        named(
            Column::right("Month\nvariance", 1.35),
            month_csv("variance"),
        ),
        named(Column::right("Month\n%", 0.8), month_csv("variance %")),
        named(Column::right("YTD\nbudget", 1.45), ytd_csv("budget")),
        named(Column::right("YTD\nactual", 1.45), ytd_csv("actual")),
        named(Column::right("YTD\nvariance", 1.45), ytd_csv("variance")),
        named(Column::right("YTD\n%", 0.8), ytd_csv("variance %")),
        Column::left("Explanation", 3.4).wrapping(),
    ];
    let ytd = if v.month == 0 {
        v.month_label.clone()
    } else {
        format!("{first} – {}", v.month_label)
    };
    Report {
        title: "Budget variance".into(),
        department,
        generated_on: today,
        scope: format!("{} · {} and year to date", v.year.label, v.month_label),
        orientation: Orientation::Landscape,
        font_size: 7.5,
        summary: vec![
            sentence(&v.month_label, &v.total.month),
            sentence(&format!("Year to date ({ytd})"), &v.total.ytd),
            format!(
                "Year-end forecast at the year-to-date run rate: {} against an annual budget of {}, variance {}.",
                money(v.total.forecast_cents).text,
                money(v.total.annual_budget_cents).text,
                money(v.total.forecast.variance_cents).text,
            ),
        ],
        columns,
        rows,
        notes: vec![
            "Variance = budget − actual: positive is favourable (less spent than budgeted); unfavourable variances are marked. % is the variance over the budget. Amounts in dollars. Explanations are those entered for the month.".into(),
        ],
        bands: None,
        file_stem: format!(
            "budget-variance-{}",
            v.year.months[v.month as usize].month
        ),
    }
}
