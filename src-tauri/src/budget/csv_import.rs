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
use super::calendar::{parse_period, Year};
pub use super::import_columns::{columns, ImportColumns, ImportMapping};
use super::{lines, money, years};
pub use crate::csv_file::{decode, CsvFile};
use crate::csv_file::{records, refusal};
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use ts_rs::TS;

/// One row of the file and what the import does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportRow {
    pub line_number: i64,
    pub cost_centre: String,
    pub account: String,
    pub period: String,
    pub amount: String,
    pub line_id: Option<i64>,
    pub line_name: String,
    pub month: Option<i64>,
    pub month_label: String,
    pub amount_cents: Option<i64>,
    /// Another cost centre's row: left out, not refused.
    pub skipped: bool,
    /// The account goes to no line (yet): see `ImportPreview::unknown_accounts`.
    pub unknown_account: bool,
    /// Why the row cannot be imported; none when it is good or skipped.
    pub error: Option<String>,
    /// The line of an earlier row with exactly the same fields: likely
    /// exported twice. It is still added up (finance may post the same
    /// amount twice), but the preview flags it.
    pub duplicate_of: Option<i64>,
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

/// One line's month as the import changes it: current → new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportChange {
    pub line_id: i64,
    pub line_name: String,
    pub month: i64,
    pub month_label: String,
    /// The typed or imported actual now; none when the month has none.
    pub current_cents: Option<i64>,
    pub new_cents: i64,
    /// The line has no row in the file for this covered month: it drops to 0.
    pub not_in_file: bool,
}

/// A finance account of the file that goes to no line yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnknownAccount {
    pub account: String,
    pub rows: i64,
    /// The rows' readable amounts added up.
    pub amount_cents: i64,
    /// The one line whose GL code is a part of the account ("6010" in
    /// "6010-4410-100"), offered first; the manager still chooses.
    pub suggested_line_id: Option<i64>,
    /// The rows are clearly this department's (the file's cost centres are
    /// split into ours and others'), so the suggestion may be pre-selected.
    /// Otherwise it is only offered: another department's costs must never
    /// be one click from being added as ours.
    pub suggestion_sure: bool,
}

/// A cost centre of the file, with its rows, and whether it is this department's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileCostCentre {
    pub code: String,
    pub rows: i64,
    pub ours: bool,
}

/// A budget line an account can go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LineChoice {
    pub id: i64,
    pub name: String,
    pub gl_account: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub good_rows: i64,
    pub bad_rows: i64,
    /// Rows of other cost centres.
    pub skipped_rows: i64,
    /// This department's rows that repeat an earlier row field for field.
    pub duplicate_rows: i64,
    /// A report's title lines above the header, skipped.
    pub title_lines: i64,
    /// Total and subtotal rows, skipped: they are sums of the rows above.
    pub total_rows: i64,
    pub totals: Vec<ImportTotal>,
    pub unknown_accounts: Vec<UnknownAccount>,
    /// The file's cost centres, in the file's order; empty without the column.
    pub cost_centres: Vec<FileCostCentre>,
    /// The file has a cost centre column but none of its cost centres is
    /// marked as this department's yet: nothing can be imported.
    pub cost_centre_needed: bool,
    pub lines: Vec<LineChoice>,
    /// Every line and covered month whose actual the import changes, in the
    /// lines' order, then by month.
    pub changes: Vec<ImportChange>,
    /// The months the file has rows of this department for.
    pub covered_months: i64,
    /// The good rows of this department added up: finance's report total.
    pub file_total_cents: i64,
    /// The covered months' actuals after the import, added up over all lines.
    pub written_total_cents: i64,
    /// Importing changes no actual (e.g. the same file again).
    pub no_change: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub rows_imported: i64,
    pub rows_skipped: i64,
    pub months_updated: i64,
}

/// A year's lines by GL account and by name, and the account map.
struct LineIndex {
    by_key: HashMap<String, (i64, String)>,
    by_id: HashMap<i64, String>,
    mapped: HashMap<String, i64>,
    choices: Vec<LineChoice>,
}

impl LineIndex {
    fn load(conn: &Connection, fiscal_year_id: i64) -> AppResult<Self> {
        let mut by_key = HashMap::new();
        let mut by_id = HashMap::new();
        let mut choices = Vec::new();
        for line in lines::list(conn, fiscal_year_id)? {
            by_key.insert(key(&line.name), (line.id, line.name.clone()));
            if !line.gl_account.is_empty() {
                by_key.insert(key(&line.gl_account), (line.id, line.name.clone()));
            }
            by_id.insert(line.id, line.name.clone());
            choices.push(LineChoice {
                id: line.id,
                name: line.name,
                gl_account: line.gl_account,
            });
        }
        Ok(LineIndex {
            by_key,
            by_id,
            mapped: account_map::lookup(conn, fiscal_year_id)?,
            choices,
        })
    }

    /// The map first (finance's accounts), then the lines' own codes and names.
    fn find(&self, account: &str) -> Option<(i64, String)> {
        let k = key(account);
        if let Some(id) = self.mapped.get(&k) {
            if let Some(name) = self.by_id.get(id) {
                return Some((*id, name.clone()));
            }
        }
        self.by_key.get(&k).cloned()
    }

    /// The one line whose GL code is a segment of `account`.
    fn suggest(&self, account: &str) -> Option<i64> {
        let segments: HashSet<String> = account
            .split(|c: char| !c.is_alphanumeric())
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut found = self
            .choices
            .iter()
            .filter(|l| !l.gl_account.is_empty() && segments.contains(&key(&l.gl_account)));
        match (found.next(), found.next()) {
            (Some(l), None) => Some(l.id),
            _ => None,
        }
    }
}

fn check_mapping(m: &ImportMapping) -> AppResult<()> {
    let mut named = vec![
        ("account_column", m.account_column),
        ("period_column", m.period_column),
        ("amount_column", m.amount_column),
    ];
    if let Some(c) = m.cost_centre_column {
        named.push(("cost_centre_column", c));
    }
    let mut v = crate::error::Validator::new();
    for (field, c) in &named {
        v.check((0..1000).contains(c), field, "Choose a column of the file.");
    }
    let distinct: HashSet<i64> = named.iter().map(|(_, c)| *c).collect();
    v.check(
        distinct.len() == named.len(),
        "mapping",
        "Choose a different column for each: the account, the period, the amount and the cost centre.",
    );
    v.finish()
}

/// What the year and the department know, for checking rows.
struct Context<'a> {
    year: Year,
    label: &'a str,
    index: &'a LineIndex,
    /// This department's cost centres, by key.
    ours: HashSet<String>,
}

fn blank_row(line_number: i64) -> ImportRow {
    ImportRow {
        line_number,
        cost_centre: String::new(),
        account: String::new(),
        period: String::new(),
        amount: String::new(),
        line_id: None,
        line_name: String::new(),
        month: None,
        month_label: String::new(),
        amount_cents: None,
        skipped: false,
        unknown_account: false,
        error: None,
        duplicate_of: None,
    }
}

/// One row's fields checked: the row as the preview shows it.
fn check_row(line_number: i64, fields: &[String], m: &ImportMapping, cx: &Context) -> ImportRow {
    let mut row = blank_row(line_number);
    if let Some(c) = m.cost_centre_column {
        row.cost_centre = fields.get(c as usize).cloned().unwrap_or_default();
        // Another department's row: none of this department's business, so
        // not checked at all (its accounts and amounts may be anything).
        if !row.cost_centre.is_empty() && !cx.ours.contains(&key(&row.cost_centre)) {
            row.skipped = true;
            return row;
        }
    }
    let width = fields.len();
    let mut reasons = Vec::new();
    let mut get = |c: i64, what: &str| {
        fields.get(c as usize).cloned().unwrap_or_else(|| {
            reasons.push(format!(
                "The row has {width} column{}; there is no column {} for the {what}.",
                if width == 1 { "" } else { "s" },
                c + 1
            ));
            String::new()
        })
    };
    if let Some(c) = m.cost_centre_column {
        row.cost_centre = get(c, "cost centre");
    }
    row.account = get(m.account_column, "account");
    row.period = get(m.period_column, "period");
    row.amount = get(m.amount_column, "amount");
    if !reasons.is_empty() {
        row.error = Some(reasons.join(" "));
        return row;
    }
    if m.cost_centre_column.is_some() && row.cost_centre.is_empty() {
        row.error = Some("The cost centre is empty.".into());
        return row;
    }
    if row.account.is_empty() {
        reasons.push("The account is empty.".into());
    } else if let Some((id, name)) = cx.index.find(&row.account) {
        row.line_id = Some(id);
        row.line_name = name;
    } else {
        row.unknown_account = true;
        reasons.push(format!(
            "No budget line of {} has the GL account or name “{}”, and the account map does not send it to one: choose its line under Accounts to map.",
            cx.label, row.account
        ));
    }
    match parse_period(&row.period) {
        Ok(ym) => match cx.year.index_of(ym) {
            Some(i) => {
                row.month = Some(i);
                row.month_label = ym.label();
            }
            None => reasons.push(format!(
                "{} is outside {} ({}).",
                ym.label(),
                cx.label,
                cx.year.span()
            )),
        },
        Err(why) => reasons.push(why),
    }
    match money::signed_cents(&row.amount) {
        Ok(c) => row.amount_cents = Some(c),
        Err(why) => reasons.push(why),
    }
    if !reasons.is_empty() {
        row.error = Some(reasons.join(" "));
    }
    row
}

/// Checks every row: what it will import, skip, or why it cannot.
fn check_rows(text: &str, mapping: &ImportMapping, cx: &Context) -> ImportPreview {
    let mut rows = Vec::new();
    let all = records(text);
    let readable: Vec<Vec<String>> = all
        .iter()
        .map_while(|(_, r)| r.as_ref().ok().cloned())
        .take(16)
        .collect();
    let title_lines = super::import_columns::preamble(&readable);
    let skip = title_lines + usize::from(mapping.has_header);
    let mut seen: HashMap<Vec<String>, i64> = HashMap::new();
    let mut sum_above = 0i64;
    let mut total_rows = 0i64;
    for (line_number, record) in all.into_iter().skip(skip) {
        if let Ok(fields) = &record {
            if is_total(fields, mapping, sum_above) {
                total_rows += 1;
                continue;
            }
        }
        rows.push(match record {
            Ok(fields) => {
                let mut row = check_row(line_number, &fields, mapping, cx);
                if !row.skipped {
                    let same: Vec<String> = fields.iter().map(|f| f.trim().to_string()).collect();
                    row.duplicate_of = seen.get(&same).copied();
                    seen.entry(same).or_insert(line_number);
                }
                if row.error.is_none() && !row.skipped {
                    sum_above += row.amount_cents.unwrap_or(0);
                }
                row
            }
            Err(reason) => bad_row(line_number, reason),
        });
    }
    let mut totals: BTreeMap<(i64, i64), ImportTotal> = BTreeMap::new();
    let mut unknown: Vec<UnknownAccount> = Vec::new();
    let mut centres: Vec<FileCostCentre> = Vec::new();
    for row in &rows {
        if mapping.cost_centre_column.is_some() && !row.cost_centre.is_empty() {
            match centres
                .iter_mut()
                .find(|c| key(&c.code) == key(&row.cost_centre))
            {
                Some(c) => c.rows += 1,
                None => centres.push(FileCostCentre {
                    code: row.cost_centre.clone(),
                    rows: 1,
                    ours: cx.ours.contains(&key(&row.cost_centre)),
                }),
            }
        }
        if row.skipped {
            continue;
        }
        if row.error.is_some() {
            if row.unknown_account {
                let cents = row.amount_cents.unwrap_or(0);
                match unknown
                    .iter_mut()
                    .find(|u| key(&u.account) == key(&row.account))
                {
                    Some(u) => {
                        u.rows += 1;
                        u.amount_cents += cents;
                    }
                    None => unknown.push(UnknownAccount {
                        account: row.account.clone(),
                        rows: 1,
                        amount_cents: cents,
                        suggested_line_id: cx.index.suggest(&row.account),
                        suggestion_sure: false,
                    }),
                }
            }
            continue;
        }
        let (Some(id), Some(month), Some(cents)) = (row.line_id, row.month, row.amount_cents)
        else {
            continue;
        };
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
    }
    let cost_centre_needed =
        mapping.cost_centre_column.is_some() && !centres.iter().any(|c| c.ours);
    // Without a cost centre column, or with every cost centre of the file
    // ticked (a column such as a business unit, the same on every row), a
    // row may be any department's.
    let split = !cost_centre_needed
        && mapping.cost_centre_column.is_some()
        && centres.iter().any(|c| !c.ours);
    for u in &mut unknown {
        u.suggestion_sure = split && u.suggested_line_id.is_some();
    }
    let bad_rows = rows.iter().filter(|r| r.error.is_some()).count() as i64;
    let skipped_rows = rows.iter().filter(|r| r.skipped).count() as i64;
    let duplicate_rows = rows.iter().filter(|r| r.duplicate_of.is_some()).count() as i64;
    ImportPreview {
        duplicate_rows,
        title_lines: title_lines as i64,
        total_rows,
        good_rows: rows.len() as i64 - bad_rows - skipped_rows,
        bad_rows,
        skipped_rows,
        rows,
        totals: totals.into_values().collect(),
        unknown_accounts: unknown,
        cost_centres: centres,
        cost_centre_needed,
        lines: cx.index.choices.clone(),
        changes: Vec::new(),
        covered_months: 0,
        file_total_cents: 0,
        written_total_cents: 0,
        no_change: true,
    }
}

/// A report's total or subtotal row: its account or cost centre says
/// "Total…", or its account is empty and its amount is the sum of the
/// department's rows above.
fn is_total(fields: &[String], m: &ImportMapping, sum_above: i64) -> bool {
    let cell = |c: Option<i64>| {
        c.and_then(|c| fields.get(c as usize))
            .map(|f| f.trim().to_lowercase())
            .unwrap_or_default()
    };
    let says_total = |s: &str| {
        s.starts_with("total") || s.starts_with("subtotal") || s.starts_with("grand total")
    };
    let account = cell(Some(m.account_column));
    if says_total(&account) || says_total(&cell(m.cost_centre_column)) {
        return true;
    }
    account.is_empty()
        && sum_above != 0
        && money::signed_cents(&cell(Some(m.amount_column))).ok() == Some(sum_above)
}

fn bad_row(line_number: i64, reason: String) -> ImportRow {
    ImportRow {
        error: Some(reason),
        ..blank_row(line_number)
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
    compare(conn, &mut p, &year)?;
    Ok(p)
}

/// Fills in what the import changes: for each covered month (one the file
/// has rows of this department for), each line's current actual against the
/// file's sum, or 0 when the line has no row but an actual now.
fn compare(conn: &Connection, p: &mut ImportPreview, year: &Year) -> AppResult<()> {
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
                (None, None) => continue,
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
