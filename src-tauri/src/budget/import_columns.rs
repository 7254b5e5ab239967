//! The finance import's first step: the file's columns and a guess at which
//! holds the account, the cost centre, the period and the amount.
//!
//! Finance exports name their columns in many ways ("GL Account", "Natural
//! Acct", "Cost Center", "Dept", "Fiscal Period", "Net Amount") and often
//! carry more columns than the import needs (descriptions, a budget column,
//! a journal source). The guess reads the header's words, most telling word
//! first, so that a cost centre is never taken for the account and a budget
//! or description column never for the amount or the account. The manager
//! sees the guess and can change it.

use crate::csv_file::records;
use crate::error::{AppError, AppResult, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which column (from 0) holds what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct ImportMapping {
    pub has_header: bool,
    /// Finance's account, or the budget line's GL code or name.
    pub account_column: i64,
    pub period_column: i64,
    pub amount_column: i64,
    /// The cost centre (department), when the file holds several; none when
    /// every row is this department's.
    pub cost_centre_column: Option<i64>,
}

/// The mapping step: the file's columns and a first guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportColumns {
    /// The first row's fields (the header, when there is one).
    pub headers: Vec<String>,
    /// Up to five rows after the first, to help pick the columns.
    pub sample: Vec<Vec<String>>,
    pub guess: ImportMapping,
}

/// The header's words, lower case, split at anything not a letter or digit.
fn words(header: &str) -> Vec<String> {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Does the header say `phrase` (one or more words, in order)?
fn says(header: &[String], phrase: &str) -> bool {
    let want: Vec<&str> = phrase.split(' ').collect();
    header
        .windows(want.len())
        .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
        || (want.len() > 1 && header.iter().any(|w| w == &want.concat()))
}

/// Words that make a column a description or a budget, never the figure.
const NOT_A_CODE: &[&str] = &["description", "desc", "name", "title", "text"];
const NOT_AN_ACTUAL: &[&str] = &["budget", "plan", "forecast", "variance", "encumbrance"];

const COST_CENTRE: &[&str] = &[
    "cost centre",
    "cost center",
    "cost ctr",
    "cc",
    "department",
    "dept",
    "deptid",
    "dept id",
    "org",
    "organization",
    "unit",
];
const ACCOUNT: &[&str] = &[
    "gl account",
    "account",
    "acct",
    "natural account",
    "object",
    "gl",
    "line",
];
const PERIOD: &[&str] = &[
    "period",
    "fiscal period",
    "month",
    "posting date",
    "gl date",
    "date",
];
const AMOUNT: &[&str] = &[
    "actual",
    "actuals",
    "amount",
    "net",
    "net amount",
    "total",
    "value",
    "balance",
];

/// The first column, not yet taken, whose header says one of `phrases`
/// (earlier phrases win) and none of `never`.
fn find(headers: &[Vec<String>], phrases: &[&str], never: &[&str], taken: &[i64]) -> Option<i64> {
    phrases.iter().find_map(|p| {
        headers
            .iter()
            .enumerate()
            .find(|(i, h)| {
                !taken.contains(&(*i as i64)) && says(h, p) && !never.iter().any(|n| says(h, n))
            })
            .map(|(i, _)| i as i64)
    })
}

/// Every column, not yet taken, whose header says one of `phrases` (and
/// none of `never`), in the phrases' order.
fn find_all(headers: &[Vec<String>], phrases: &[&str], never: &[&str]) -> Vec<i64> {
    let mut found = Vec::new();
    for p in phrases {
        for (i, h) in headers.iter().enumerate() {
            let i = i as i64;
            if !found.contains(&i) && says(h, p) && !never.iter().any(|n| says(h, n)) {
                found.push(i);
            }
        }
    }
    found
}

/// The cost centre column among the candidates: the first with several
/// distinct values in the data (a business unit such as "HOSP1" on every row
/// of a many-department file is not the department), else the first.
fn cost_centre_of(candidates: &[i64], data: &[Vec<String>]) -> Option<i64> {
    let distinct = |c: i64| {
        data.iter()
            .filter_map(|r| r.get(c as usize))
            .filter(|v| !v.trim().is_empty())
            .map(|v| v.trim().to_lowercase())
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    candidates
        .iter()
        .copied()
        .find(|&c| distinct(c) > 1)
        .or_else(|| candidates.first().copied())
}

/// How many records come before the header: a report's title lines
/// ("Workday Financials - Cost Center …", "Report run: …"). The header is
/// the first of the first records with at least three filled fields whose
/// next record is as wide; none is skipped when no record looks like one.
pub fn preamble(records: &[Vec<String>]) -> usize {
    let filled = |r: &Vec<String>| r.iter().filter(|f| !f.is_empty()).count();
    records
        .windows(2)
        .take(15)
        .position(|w| filled(&w[0]) >= 3 && w[1].len() >= w[0].len().min(3) && filled(&w[1]) >= 3)
        .unwrap_or(0)
}

/// The file's columns and a guess at the mapping from the header's words.
pub fn columns(text: &str) -> AppResult<ImportColumns> {
    let mut all: Vec<Vec<String>> = records(text)
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .collect();
    all.drain(..preamble(&all));
    let rows: Vec<Vec<String>> = all.iter().take(6).cloned().collect();
    let Some(headers) = rows.first().cloned() else {
        return Err(AppError::new(ErrorCode::Validation, "The file is empty."));
    };
    let heads: Vec<Vec<String>> = headers.iter().map(|h| words(h)).collect();
    // The cost centre first: "Cost Center" must not be read as an account.
    let cost_centre = cost_centre_of(
        &find_all(&heads, COST_CENTRE, &["account", "acct"]),
        all.get(1..).unwrap_or_default(),
    );
    let mut taken: Vec<i64> = cost_centre.into_iter().collect();
    let mut pick = |phrases: &[&str], never: &[&str]| {
        let found = find(&heads, phrases, never, &taken);
        taken.extend(found);
        found
    };
    let account = pick(ACCOUNT, NOT_A_CODE);
    let period = pick(PERIOD, &[]);
    let amount = pick(AMOUNT, NOT_AN_ACTUAL);
    let has_header = [cost_centre, account, period, amount]
        .iter()
        .any(Option::is_some);
    let guess = ImportMapping {
        has_header,
        account_column: account.unwrap_or(0),
        period_column: period.unwrap_or(1),
        amount_column: amount.unwrap_or(2),
        cost_centre_column: cost_centre,
    };
    Ok(ImportColumns {
        headers,
        sample: rows.into_iter().skip(1).take(5).collect(),
        guess,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(header: &str) -> ImportMapping {
        columns(&format!("{header}\n")).unwrap().guess
    }

    #[test]
    fn a_cost_centre_first_is_not_taken_for_the_account() {
        // The day-one file: the cost centre is the first text column.
        let g = guess("Cost Center,Account,Account Description,Period,Budget,Actual");
        assert_eq!(g.cost_centre_column, Some(0));
        assert_eq!(g.account_column, 1, "the account, not its description");
        assert_eq!(g.period_column, 3);
        assert_eq!(g.amount_column, 5, "the actual, not the budget");
    }

    #[test]
    fn finance_names_for_each_column() {
        let g = guess("Dept,Natural Acct,Fiscal Period,Net Amount,Journal Source");
        assert_eq!(
            (
                g.cost_centre_column,
                g.account_column,
                g.period_column,
                g.amount_column
            ),
            (Some(0), 1, 2, 3)
        );
        let g = guess("GL Account,Period,Amount");
        assert_eq!(g.cost_centre_column, None, "one department's file");
        assert_eq!(
            (g.account_column, g.period_column, g.amount_column),
            (0, 1, 2)
        );
        assert!(g.has_header);
        // "acct" holds the letters "cc": a word, not letters, makes a cost centre.
        let g = guess("Acct,Month,Actuals");
        assert_eq!(g.cost_centre_column, None);
        assert_eq!(g.account_column, 0);
    }

    #[test]
    fn a_business_unit_on_every_row_is_not_taken_for_the_department() {
        // PeopleSoft: the business unit first, the same on every row.
        let text = "BUSINESS_UNIT,DEPTID,ACCOUNT,FISCAL_YEAR,ACCOUNTING_PERIOD,POSTED_TOTAL_AMT\n\
            HOSP1,4410,6010,2027,1,\"212,000.00\"\n\
            HOSP1,4E,6010,2027,1,\"401,000.00\"\n";
        let g = columns(text).unwrap().guess;
        assert_eq!(g.cost_centre_column, Some(1), "DEPTID, several values");
        assert_eq!(g.account_column, 2);
        // A one-department file's own cost centre column is still taken.
        let one = "Business Unit,Account,Period,Amount\nHOSP1,6010,2026-07,1.00\n";
        assert_eq!(columns(one).unwrap().guess.cost_centre_column, Some(0));
    }

    #[test]
    fn a_reports_title_lines_before_the_header_are_skipped() {
        let text = "Workday Financials - Cost Center Actuals\n\
            Report run: 2026-12-07 04:00\n\
            \n\
            Cost Center,Ledger Account,Period,Amount\n\
            CC4410,6010,2026-07,\"1,000.00\"\n";
        let c = columns(text).unwrap();
        assert_eq!(c.headers[0], "Cost Center");
        assert_eq!(c.guess.amount_column, 3);
        assert!(c.guess.has_header);
        // No title lines: nothing skipped.
        assert_eq!(
            columns("Account,Period,Amount\n6010,2026-07,1\n")
                .unwrap()
                .headers[0],
            "Account"
        );
    }

    #[test]
    fn a_file_without_a_header_gets_the_first_three_columns() {
        let g = guess("6010,2026-07,12.00");
        assert!(!g.has_header);
        assert_eq!(
            (g.account_column, g.period_column, g.amount_column),
            (0, 1, 2)
        );
        assert!(columns("").is_err(), "an empty file has no columns");
    }
}
