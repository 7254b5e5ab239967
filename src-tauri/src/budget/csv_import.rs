//! Importing actuals from a finance CSV export, all or nothing.
//!
//! Three steps, as the UI shows them: `columns` reads the header and a few
//! rows and guesses which columns hold the account (a GL account code or a
//! line name), the period and the amount; `preview` checks every row and
//! says what it will do or why it cannot; `import` writes only when every row
//! is good, in one transaction.
//!
//! What an import writes: the rows' amounts summed per line and month, each
//! sum replacing that month's typed or imported actual. Importing the same
//! file twice therefore gives the same actuals; expenses logged by hand
//! still add on top (see `figures`).
//!
//! Files: what `crate::csv_file` reads (BOM, CRLF, quoted fields). Line
//! numbers are the file's own, counted from 1, header included.

use super::calendar::{parse_period, Year};
use super::{lines, money, years};
pub use crate::csv_file::{decode, CsvFile};
use crate::csv_file::{records, refusal};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// Which column (from 0) holds what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct ImportMapping {
    pub has_header: bool,
    pub account_column: i64,
    pub period_column: i64,
    pub amount_column: i64,
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

/// One row of the file and what the import does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportRow {
    pub line_number: i64,
    pub account: String,
    pub period: String,
    pub amount: String,
    pub line_id: Option<i64>,
    pub line_name: String,
    pub month: Option<i64>,
    pub month_label: String,
    pub amount_cents: Option<i64>,
    /// Why the row cannot be imported; none when it is good.
    pub error: Option<String>,
}

/// What a line's month will hold after the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportTotal {
    pub line_id: i64,
    pub line_name: String,
    pub month: i64,
    pub month_label: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub good_rows: i64,
    pub bad_rows: i64,
    pub totals: Vec<ImportTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub rows_imported: i64,
    pub months_updated: i64,
}

/// The file's columns and a guess at the mapping from the header's words.
pub fn columns(text: &str) -> AppResult<ImportColumns> {
    let rows: Vec<Vec<String>> = records(text)
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .take(6)
        .collect();
    let Some(headers) = rows.first().cloned() else {
        return Err(AppError::new(ErrorCode::Validation, "The file is empty."));
    };
    let find = |words: &[&str]| {
        headers
            .iter()
            .position(|h| {
                let h = h.to_lowercase();
                words.iter().any(|w| h.contains(w))
            })
            .map(|i| i as i64)
    };
    let account = find(&["account", "gl", "line", "cost"]);
    let period = find(&["period", "month", "date"]);
    let amount = find(&["amount", "actual", "total", "value"]);
    let has_header = account.is_some() || period.is_some() || amount.is_some();
    let guess = ImportMapping {
        has_header,
        account_column: account.unwrap_or(0),
        period_column: period.unwrap_or(1),
        amount_column: amount.unwrap_or(2),
    };
    Ok(ImportColumns {
        headers,
        sample: rows.into_iter().skip(1).take(5).collect(),
        guess,
    })
}

/// A year's lines by GL account and by name, lower-cased.
struct LineIndex {
    by_key: HashMap<String, (i64, String)>,
}

impl LineIndex {
    fn load(conn: &Connection, fiscal_year_id: i64) -> AppResult<Self> {
        let mut by_key = HashMap::new();
        for line in lines::list(conn, fiscal_year_id)? {
            by_key.insert(line.name.to_lowercase(), (line.id, line.name.clone()));
            if !line.gl_account.is_empty() {
                by_key.insert(line.gl_account.to_lowercase(), (line.id, line.name.clone()));
            }
        }
        Ok(LineIndex { by_key })
    }

    fn find(&self, account: &str) -> Option<&(i64, String)> {
        self.by_key.get(&account.trim().to_lowercase())
    }
}

fn check_mapping(m: &ImportMapping) -> AppResult<()> {
    let cols = [m.account_column, m.period_column, m.amount_column];
    let mut v = crate::error::Validator::new();
    for (field, c) in ["account_column", "period_column", "amount_column"]
        .iter()
        .zip(cols)
    {
        v.check(
            (0..1000).contains(&c),
            field,
            "Choose a column of the file.",
        );
    }
    v.check(
        cols[0] != cols[1] && cols[0] != cols[2] && cols[1] != cols[2],
        "mapping",
        "Choose a different column for the account, the period and the amount.",
    );
    v.finish()
}

/// Checks every row: what it will import, or why it cannot.
fn check_rows(
    text: &str,
    mapping: &ImportMapping,
    year: Year,
    label: &str,
    index: &LineIndex,
) -> ImportPreview {
    let mut rows = Vec::new();
    let mut totals: BTreeMap<(i64, i64), ImportTotal> = BTreeMap::new();
    let skip = usize::from(mapping.has_header);
    for (line_number, record) in records(text).into_iter().skip(skip) {
        let fields = match record {
            Ok(f) => f,
            Err(reason) => {
                rows.push(bad_row(line_number, reason));
                continue;
            }
        };
        let cell = |c: i64| fields.get(c as usize).cloned();
        let mut reasons = Vec::new();
        let width = fields.len();
        let mut get = |c: i64, what: &str| {
            cell(c).unwrap_or_else(|| {
                reasons.push(format!(
                    "The row has {width} column{}; there is no column {} for the {what}.",
                    if width == 1 { "" } else { "s" },
                    c + 1
                ));
                String::new()
            })
        };
        let account = get(mapping.account_column, "account");
        let period = get(mapping.period_column, "period");
        let amount = get(mapping.amount_column, "amount");
        let mut row = ImportRow {
            line_number,
            account: account.clone(),
            period: period.clone(),
            amount: amount.clone(),
            line_id: None,
            line_name: String::new(),
            month: None,
            month_label: String::new(),
            amount_cents: None,
            error: None,
        };
        if reasons.is_empty() {
            if account.is_empty() {
                reasons.push("The account is empty.".into());
            } else if let Some((id, name)) = index.find(&account) {
                row.line_id = Some(*id);
                row.line_name = name.clone();
            } else {
                reasons.push(format!(
                    "No budget line of {label} has the GL account or name “{account}”."
                ));
            }
            match parse_period(&period) {
                Ok(ym) => match year.index_of(ym) {
                    Some(i) => {
                        row.month = Some(i);
                        row.month_label = ym.label();
                    }
                    None => reasons.push(format!(
                        "{} is outside {label} ({}).",
                        ym.label(),
                        year.span()
                    )),
                },
                Err(why) => reasons.push(why),
            }
            match money::signed_cents(&amount) {
                Ok(c) => row.amount_cents = Some(c),
                Err(why) => reasons.push(why),
            }
        }
        if reasons.is_empty() {
            let (id, month, cents) = (
                row.line_id.unwrap_or(0),
                row.month.unwrap_or(0),
                row.amount_cents.unwrap_or(0),
            );
            totals
                .entry((id, month))
                .or_insert_with(|| ImportTotal {
                    line_id: id,
                    line_name: row.line_name.clone(),
                    month,
                    month_label: row.month_label.clone(),
                    amount_cents: 0,
                })
                .amount_cents += cents;
        } else {
            row.error = Some(reasons.join(" "));
        }
        rows.push(row);
    }
    let bad_rows = rows.iter().filter(|r| r.error.is_some()).count() as i64;
    ImportPreview {
        good_rows: rows.len() as i64 - bad_rows,
        bad_rows,
        rows,
        totals: totals.into_values().collect(),
    }
}

fn bad_row(line_number: i64, reason: String) -> ImportRow {
    ImportRow {
        line_number,
        account: String::new(),
        period: String::new(),
        amount: String::new(),
        line_id: None,
        line_name: String::new(),
        month: None,
        month_label: String::new(),
        amount_cents: None,
        error: Some(reason),
    }
}

pub fn preview(
    conn: &Connection,
    fiscal_year_id: i64,
    text: &str,
    mapping: &ImportMapping,
) -> AppResult<ImportPreview> {
    check_mapping(mapping)?;
    let (year, fy) = years::get(conn, fiscal_year_id)?;
    let index = LineIndex::load(conn, fiscal_year_id)?;
    Ok(check_rows(text, mapping, year, &fy.label, &index))
}

/// Writes the file's actuals when every row is good; otherwise writes
/// nothing and names every bad row (`fields`: `line 7` → its reason).
pub fn import(
    conn: &mut Connection,
    fiscal_year_id: i64,
    text: &str,
    mapping: &ImportMapping,
) -> AppResult<ImportOutcome> {
    let checked = preview(conn, fiscal_year_id, text, mapping)?;
    if checked.bad_rows > 0 {
        return Err(refusal(
            checked
                .rows
                .iter()
                .filter_map(|r| r.error.as_deref().map(|e| (r.line_number, e))),
        ));
    }
    if checked.good_rows == 0 {
        return Err(AppError::new(
            ErrorCode::Validation,
            "The file has no rows to import.",
        ));
    }
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare_cached(
            "UPDATE budget_month SET actual_cents = ?3 WHERE line_id = ?1 AND month = ?2",
        )?;
        for t in &checked.totals {
            stmt.execute(params![t.line_id, t.month, t.amount_cents])?;
        }
    }
    tx.commit()?;
    Ok(ImportOutcome {
        rows_imported: checked.good_rows,
        months_updated: checked.totals.len() as i64,
    })
}

/// Reads a chosen finance export.
pub fn read(path: &std::path::Path) -> AppResult<CsvFile> {
    crate::csv_file::read(path, "export one fiscal year at a time.")
}
