//! A year's figures per line and month, read in three queries: the budget
//! lines, their twelve month rows, and the expense log summed by month.
//!
//! The rule for actuals: the amount typed or imported for the month is the
//! month's actual: it is finance's figure, which already holds every
//! purchase posted that month, so the expenses logged against the line for
//! the month are not added to it (they would count twice). Until finance's
//! figure comes, the logged expenses are the month's actual. A month "has an
//! actual" when either is present.

use super::calendar::{Year, YearMonth};
use super::{lines, years, BudgetLine, FiscalYear};
use crate::error::AppResult;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One line in one month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct MonthCell {
    pub budget_cents: i64,
    /// Typed or imported; none when nothing was entered.
    pub typed_actual_cents: Option<i64>,
    /// The expenses logged in the month.
    pub expenses_cents: i64,
    pub expense_count: i64,
    /// The typed or imported amount; without one, the logged expenses.
    pub actual_cents: i64,
    pub has_actual: bool,
    pub explanation: String,
}

impl MonthCell {
    pub fn combine(&mut self) {
        self.actual_cents = self.typed_actual_cents.unwrap_or(self.expenses_cents);
        self.has_actual = self.typed_actual_cents.is_some() || self.expense_count > 0;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SheetLine {
    pub line: BudgetLine,
    /// Twelve months.
    pub months: Vec<MonthCell>,
}

/// The budget sheet of a year: every line by month, as the entry grid shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetSheet {
    pub year: FiscalYear,
    pub lines: Vec<SheetLine>,
}

pub fn load(conn: &Connection, fiscal_year_id: i64) -> AppResult<BudgetSheet> {
    let (year, fy) = years::get(conn, fiscal_year_id)?;
    load_year(conn, year, fy)
}

pub(super) fn load_year(conn: &Connection, year: Year, fy: FiscalYear) -> AppResult<BudgetSheet> {
    let budget_lines = lines::list(conn, fy.id)?;
    let mut cells: HashMap<i64, Vec<MonthCell>> = budget_lines
        .iter()
        .map(|l| {
            let months = l
                .monthly_cents
                .iter()
                .map(|&b| MonthCell {
                    budget_cents: b,
                    ..Default::default()
                })
                .collect();
            (l.id, months)
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT m.line_id, m.month, m.actual_cents, m.explanation FROM budget_month m
         JOIN budget_line l ON l.id = m.line_id
         WHERE l.fiscal_year_id = ?1 AND (m.actual_cents IS NOT NULL OR m.explanation <> '')",
    )?;
    for row in stmt.query_map([fy.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })? {
        let (line, month, actual, explanation) = row?;
        if let Some(cell) = cells.get_mut(&line).and_then(|m| m.get_mut(month as usize)) {
            cell.typed_actual_cents = actual;
            cell.explanation = explanation;
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT e.line_id, substr(e.date, 1, 7), SUM(e.amount_cents), COUNT(*) FROM expense e
         JOIN budget_line l ON l.id = e.line_id
         WHERE l.fiscal_year_id = ?1 GROUP BY e.line_id, substr(e.date, 1, 7)",
    )?;
    for row in stmt.query_map([fy.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })? {
        let (line, month, sum, count) = row?;
        let index = YearMonth::from_code(&month).and_then(|m| year.index_of(m));
        if let (Some(i), Some(months)) = (index, cells.get_mut(&line)) {
            months[i as usize].expenses_cents += sum;
            months[i as usize].expense_count += count;
        }
    }
    let lines = budget_lines
        .into_iter()
        .map(|line| {
            let mut months = cells.remove(&line.id).unwrap_or_default();
            months.iter_mut().for_each(MonthCell::combine);
            SheetLine { line, months }
        })
        .collect();
    Ok(BudgetSheet { year: fy, lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finances_figure_is_the_actual_and_the_log_stands_in_until_it_comes() {
        // Finance's $1,000.00 already holds the $250.00 and $49.99 logged.
        let mut cell = MonthCell {
            typed_actual_cents: Some(100_000),
            expenses_cents: 25_000 + 4_999,
            expense_count: 2,
            ..Default::default()
        };
        cell.combine();
        assert_eq!(cell.actual_cents, 100_000, "the log is not added again");
        assert!(cell.has_actual);
        // Nothing typed: the expenses alone ($30.00) are the actual.
        let mut cell = MonthCell {
            expenses_cents: 3_000,
            expense_count: 1,
            ..Default::default()
        };
        cell.combine();
        assert_eq!(cell.actual_cents, 3_000);
        // A typed 0 (nothing posted) is finance's word too.
        let mut cell = MonthCell {
            typed_actual_cents: Some(0),
            expenses_cents: 3_000,
            expense_count: 1,
            ..Default::default()
        };
        cell.combine();
        assert_eq!(cell.actual_cents, 0);
        // Neither: no actual yet, which is not the same as a typed 0.
        let mut cell = MonthCell::default();
        cell.combine();
        assert!(!cell.has_actual, "an empty month has no actual");
        let mut cell = MonthCell {
            typed_actual_cents: Some(0),
            ..Default::default()
        };
        cell.combine();
        assert!(cell.has_actual, "a typed 0 is an actual");
    }
}
