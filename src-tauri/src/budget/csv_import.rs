//! Importing actuals from a finance CSV export, all or nothing.
//!
//! Three steps, as the UI shows them: `import_columns::columns` reads the
//! header and a few rows and guesses the columns; `preview` checks every row
//! and says what it will do or why it cannot; `import` writes only when every
//! row of this department is good, in one transaction.
//!
//! Which line a row goes to: its account through the account map
//! (`account_map`: finance's own accounts, many to one line), else a line
//! whose GL code or name is the account. A row of another cost centre (when
//! the file holds several departments and the mapping names the column) is
//! skipped and counted, never refused: it is not this department's.
//!
//! What an import writes: the rows' amounts summed per line and month, each
//! sum replacing that month's typed or imported actual. A file covers the
//! months it has rows of this department for; in those months a line with
//! an actual but no row in the file drops to 0, because real GL exports leave
//! out zero-balance accounts (a corrected file must not leave the old number
//! in place). The preview lists every such change, current → new. Importing
//! the same file twice therefore gives the same actuals; expenses logged by
//! hand still add on top (see `figures`).
//!
//! Files: what `crate::csv_file` reads (BOM, CRLF, quoted fields). Line
//! numbers are the file's own, counted from 1, header included.

use super::account_map::{self, key};
use super::calendar::Year;
use super::import_check::{check_mapping, check_rows, Context, LineIndex};
pub use super::import_columns::{columns, ImportColumns, ImportMapping};
pub use super::import_preview::{
    FileCostCentre, ImportChange, ImportOutcome, ImportPreview, ImportRow, ImportTotal, LineChoice,
    UnknownAccount,
};
use super::years;
use crate::csv_file::refusal;
pub use crate::csv_file::{decode, CsvFile};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::{params, Connection};
use std::collections::{HashMap, HashSet};

pub fn preview(
    conn: &Connection,
    fiscal_year_id: i64,
    text: &str,
    mapping: &ImportMapping,
) -> AppResult<ImportPreview> {
    check_mapping(mapping)?;
    let (year, fy) = years::get(conn, fiscal_year_id)?;
    let index = LineIndex::load(conn, fiscal_year_id)?;
    let ours = account_map::cost_centres(conn)?
        .iter()
        .map(|c| key(c))
        .collect();
    let cx = Context {
        year,
        label: &fy.label,
        index: &index,
        ours,
    };
    let mut p = check_rows(text, mapping, &cx);
    compare(conn, &mut p, &year, fiscal_year_id)?;
    Ok(p)
}

/// Fills in what the import changes: for each covered month (one the file
/// has rows of this department for), each line's current actual against the
/// file's sum, or 0 when the line has no row but an actual now.
fn compare(
    conn: &Connection,
    p: &mut ImportPreview,
    year: &Year,
    fiscal_year_id: i64,
) -> AppResult<()> {
    // A line the file leaves alone keeps its logged expenses as its actual:
    // the total after the import is what every screen will then show.
    let logged: HashMap<(i64, i64), i64> = super::figures::load(conn, fiscal_year_id)?
        .lines
        .iter()
        .flat_map(|l| {
            l.months
                .iter()
                .enumerate()
                .map(move |(m, c)| ((l.line.id, m as i64), c.expenses_cents))
        })
        .collect();
    let covered: HashSet<i64> = p.totals.iter().map(|t| t.month).collect();
    let sums: HashMap<(i64, i64), i64> = p
        .totals
        .iter()
        .map(|t| ((t.line_id, t.month), t.amount_cents))
        .collect();
    p.file_total_cents = p.totals.iter().map(|t| t.amount_cents).sum();
    let mut stmt = conn.prepare_cached(
        "SELECT actual_cents FROM budget_month WHERE line_id = ?1 AND month = ?2",
    )?;
    let mut months: Vec<i64> = covered.into_iter().collect();
    months.sort_unstable();
    p.covered_months = months.len() as i64;
    for line in &p.lines {
        for &month in &months {
            let current: Option<i64> = stmt
                .query_row(params![line.id, month], |r| r.get(0))
                .unwrap_or(None);
            let in_file = sums.get(&(line.id, month)).copied();
            // A line with no row and no actual stays without one: there is
            // nothing of finance's to replace.
            let new = match (in_file, current) {
                (Some(c), _) => c,
                (None, Some(_)) => 0,
                (None, None) => {
                    p.written_total_cents += logged.get(&(line.id, month)).unwrap_or(&0);
                    continue;
                }
            };
            p.written_total_cents += new;
            if current == Some(new) {
                continue;
            }
            p.changes.push(ImportChange {
                line_id: line.id,
                line_name: line.name.clone(),
                month,
                month_label: year.month(month).label(),
                current_cents: current,
                new_cents: new,
                not_in_file: in_file.is_none(),
            });
        }
    }
    p.no_change = p.changes.is_empty();
    Ok(())
}

/// Writes the file's actuals when every row of this department is good;
/// otherwise writes nothing and names every bad row (`fields`: `line 7` →
/// its reason).
pub fn import(
    conn: &mut Connection,
    fiscal_year_id: i64,
    text: &str,
    mapping: &ImportMapping,
) -> AppResult<ImportOutcome> {
    let checked = preview(conn, fiscal_year_id, text, mapping)?;
    if checked.cost_centre_needed {
        return Err(AppError::field(
            "cost_centres",
            "Tick which of the file's cost centres are this department's; rows of the others are skipped. Nothing was imported.",
        ));
    }
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
            if checked.skipped_rows > 0 {
                "None of the file's rows is for this department's cost centres. Nothing was imported."
            } else {
                "The file has no rows to import."
            },
        ));
    }
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare_cached(
            "UPDATE budget_month SET actual_cents = ?3 WHERE line_id = ?1 AND month = ?2",
        )?;
        for c in &checked.changes {
            stmt.execute(params![c.line_id, c.month, c.new_cents])?;
        }
    }
    tx.commit()?;
    Ok(ImportOutcome {
        rows_imported: checked.good_rows,
        rows_skipped: checked.skipped_rows,
        months_updated: checked.changes.len() as i64,
    })
}

/// Reads a chosen finance export.
pub fn read(path: &std::path::Path) -> AppResult<CsvFile> {
    crate::csv_file::read(path, "export one fiscal year at a time.")
}
