//! Checking each row of a finance CSV export (`csv_import`): which line
//! and month it goes to, or why it cannot, and whether it is a total row.

use super::account_map::{self, key};
use super::calendar::{parse_period, Year};
use super::import_columns::ImportMapping;
use super::import_preview::*;
use super::{lines, money};
use crate::csv_file::records;
use crate::error::AppResult;
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A year's lines by GL account and by name, and the account map.
pub(super) struct LineIndex {
    by_key: HashMap<String, (i64, String)>,
    by_id: HashMap<i64, String>,
    mapped: HashMap<String, i64>,
    choices: Vec<LineChoice>,
}

impl LineIndex {
    pub(super) fn load(conn: &Connection, fiscal_year_id: i64) -> AppResult<Self> {
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

pub(super) fn check_mapping(m: &ImportMapping) -> AppResult<()> {
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
pub(super) struct Context<'a> {
    pub(super) year: Year,
    pub(super) label: &'a str,
    pub(super) index: &'a LineIndex,
    /// This department's cost centres, by key.
    pub(super) ours: HashSet<String>,
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
pub(super) fn check_rows(text: &str, mapping: &ImportMapping, cx: &Context) -> ImportPreview {
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
