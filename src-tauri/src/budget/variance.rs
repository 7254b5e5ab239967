//! Variance, year to date and the year-end forecast, per line and in total.
//!
//! Variance = budget − actual: positive is favourable for an expense (less
//! was spent than budgeted), and on budget (0) counts as favourable. Variance
//! % = variance ÷ budget in basis points, rounded half away from zero; none
//! when the budget is 0.
//!
//! Forecast by run rate: year-end actual = YTD actual ÷ months elapsed × 12,
//! computed as YTD × 12 ÷ months in one integer division rounded half away
//! from zero, to the cent. Its variance is against the annual budget.

use super::figures::{self, BudgetSheet};
use super::{money, Category, FiscalYear};
use crate::error::{AppError, AppResult};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Variance {
    pub budget_cents: i64,
    pub actual_cents: i64,
    /// budget − actual.
    pub variance_cents: i64,
    /// variance ÷ budget in basis points; none when the budget is 0.
    pub variance_bp: Option<i64>,
    pub favourable: bool,
}

pub fn variance(budget_cents: i64, actual_cents: i64) -> Variance {
    let variance_cents = budget_cents - actual_cents;
    Variance {
        budget_cents,
        actual_cents,
        variance_cents,
        variance_bp: money::basis_points(variance_cents, budget_cents),
        favourable: variance_cents >= 0,
    }
}

/// Year-end actual by run rate after `months_elapsed` months.
pub fn run_rate(ytd_actual_cents: i64, months_elapsed: i64) -> i64 {
    if months_elapsed <= 0 {
        return 0;
    }
    money::div_round(ytd_actual_cents as i128 * 12, months_elapsed as i128)
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct VarianceFigures {
    pub month: Variance,
    pub ytd: Variance,
    pub annual_budget_cents: i64,
    pub forecast_cents: i64,
    /// Annual budget − forecast.
    pub forecast: Variance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VarianceLine {
    pub line_id: i64,
    pub category: Category,
    pub name: String,
    pub gl_account: String,
    pub figures: VarianceFigures,
    /// The explanation of this month's variance.
    pub explanation: String,
}

/// One month of the budget-vs-actual chart (all lines together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChartMonth {
    pub index: i64,
    pub label: String,
    pub budget_cents: i64,
    /// None until a month has any actual.
    pub actual_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VarianceReport {
    pub year: FiscalYear,
    /// The month reported on, 0 to 11; the YTD runs from month 0 through it.
    pub month: i64,
    pub month_label: String,
    pub months_elapsed: i64,
    pub lines: Vec<VarianceLine>,
    pub total: VarianceFigures,
    pub chart: Vec<ChartMonth>,
}

/// The last month in which any line has an actual, or the first month.
pub fn latest_month(sheet: &BudgetSheet) -> i64 {
    (0..12)
        .rev()
        .find(|&m| sheet.lines.iter().any(|l| l.months[m as usize].has_actual))
        .unwrap_or(0)
}

fn figures_of(budget: &[i64], actual: &[i64], month: usize) -> VarianceFigures {
    let annual: i64 = budget.iter().sum();
    let ytd_actual: i64 = actual[..=month].iter().sum();
    let forecast_cents = run_rate(ytd_actual, month as i64 + 1);
    VarianceFigures {
        month: variance(budget[month], actual[month]),
        ytd: variance(budget[..=month].iter().sum(), ytd_actual),
        annual_budget_cents: annual,
        forecast_cents,
        forecast: variance(annual, forecast_cents),
    }
}

/// The report for `month` (by default the latest month with actuals).
pub fn build(sheet: &BudgetSheet, month: Option<i64>) -> AppResult<VarianceReport> {
    let month = month.unwrap_or_else(|| latest_month(sheet));
    if !(0..12).contains(&month) {
        return Err(AppError::field(
            "month",
            "Choose a month of the fiscal year.",
        ));
    }
    let m = month as usize;
    let mut total_budget = [0_i64; 12];
    let mut total_actual = [0_i64; 12];
    let mut any_actual = [false; 12];
    let mut lines = Vec::with_capacity(sheet.lines.len());
    for line in &sheet.lines {
        let budget: Vec<i64> = line.months.iter().map(|c| c.budget_cents).collect();
        let actual: Vec<i64> = line.months.iter().map(|c| c.actual_cents).collect();
        for i in 0..12 {
            total_budget[i] += budget[i];
            total_actual[i] += actual[i];
            any_actual[i] |= line.months[i].has_actual;
        }
        lines.push(VarianceLine {
            line_id: line.line.id,
            category: line.line.category,
            name: line.line.name.clone(),
            gl_account: line.line.gl_account.clone(),
            figures: figures_of(&budget, &actual, m),
            explanation: line.months[m].explanation.clone(),
        });
    }
    let chart = sheet
        .year
        .months
        .iter()
        .map(|info| {
            let i = info.index as usize;
            ChartMonth {
                index: info.index,
                label: info.label.clone(),
                budget_cents: total_budget[i],
                actual_cents: any_actual[i].then_some(total_actual[i]),
            }
        })
        .collect();
    Ok(VarianceReport {
        month,
        month_label: sheet.year.months[m].label.clone(),
        months_elapsed: month + 1,
        year: sheet.year.clone(),
        total: figures_of(&total_budget, &total_actual, m),
        lines,
        chart,
    })
}

pub fn report(
    conn: &Connection,
    fiscal_year_id: i64,
    month: Option<i64>,
) -> AppResult<VarianceReport> {
    build(&figures::load(conn, fiscal_year_id)?, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variance_is_budget_minus_actual() {
        // Supplies: budget $10,000.00, actual $9,250.00 → variance $750.00,
        // 750 ÷ 10 000 = 7.50 % = 750 bp, favourable (under budget).
        let v = variance(1_000_000, 925_000);
        assert_eq!(v.variance_cents, 75_000);
        assert_eq!(v.variance_bp, Some(750));
        assert!(v.favourable);
        // Overtime: budget $4,000.00, actual $5,130.00 → −$1,130.00,
        // −1 130 ÷ 4 000 = −28.25 % = −2 825 bp, unfavourable.
        let v = variance(400_000, 513_000);
        assert_eq!(v.variance_cents, -113_000);
        assert_eq!(v.variance_bp, Some(-2_825));
        assert!(!v.favourable);
        // No budget: no percentage; on budget counts as favourable.
        assert_eq!(variance(0, 500).variance_bp, None);
        assert!(variance(100, 100).favourable);
    }

    #[test]
    fn forecast_by_run_rate() {
        // YTD $41,000.00 after 8 months: 4 100 000 × 12 ÷ 8 = 6 150 000 ¢
        // ($61,500.00).
        assert_eq!(run_rate(4_100_000, 8), 6_150_000);
        // YTD $100.00 after 7 months: 10 000 × 12 ÷ 7 = 17 142.857… → 17 143 ¢.
        assert_eq!(run_rate(10_000, 7), 17_143);
        // A credit balance rounds the same way: −10 000 × 12 ÷ 7 → −17 143.
        assert_eq!(run_rate(-10_000, 7), -17_143);
        assert_eq!(run_rate(5, 0), 0, "no month elapsed, no forecast");
    }

    #[test]
    fn figures_for_a_month_and_year_to_date() {
        // Budget 1 000 a month; actuals 900, 1 100, 1 300 for months 0–2.
        // Month 2: 1 000 − 1 300 = −300 (−30 %). YTD: 3 000 − 3 300 = −300
        // (−10 %). Forecast: 3 300 × 12 ÷ 3 = 13 200 against 12 000: −1 200.
        let budget = [1_000; 12];
        let mut actual = [0; 12];
        actual[..3].copy_from_slice(&[900, 1_100, 1_300]);
        let f = figures_of(&budget, &actual, 2);
        assert_eq!(f.month.variance_cents, -300);
        assert_eq!(f.month.variance_bp, Some(-3_000));
        assert_eq!(f.ytd.variance_cents, -300);
        assert_eq!(f.ytd.variance_bp, Some(-1_000));
        assert_eq!(f.forecast_cents, 13_200);
        assert_eq!(f.forecast.variance_cents, -1_200);
        assert_eq!(f.annual_budget_cents, 12_000);
    }
}
