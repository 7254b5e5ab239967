//! Punches from a time-clock CSV export.
//!
//! Time clocks export in two shapes: one row per punch pair (Kronos/UKG
//! timecard detail, Workday "Time Blocks": date, in, out) or one row per
//! punch (Dayforce, raw clock logs: date, time, In/Out). The columns are
//! guessed from the headers, then from the values, and the manager can map
//! them. Every row is matched (a known employee), unmatched (an employee
//! number this department does not have — exports often hold other
//! departments' staff; those rows are left out and listed) or refused with
//! its line number and reason. One refused row and nothing is imported.
//!
//! Times are the department's local wall clock. An out time earlier than
//! its in time is on the next day, so 18:52–07:09 is one night; the length
//! is real time across a clock change (`schedule::time::instant`).

pub mod clock;
mod columns;
pub mod meals;
pub mod memory;
pub mod overnight;
mod pairs;
pub mod run;
#[cfg(test)]
mod tests;

pub use columns::{guess, PunchField, PunchMapping};
pub use overnight::Overnight;

use super::Punch;
use crate::csv_file;
use crate::error::{AppError, AppResult};
use crate::staff::import::dates::{column_order, ColumnOrder};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// What became of one row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowOutcome {
    Matched {
        staff_id: i64,
    },
    /// The employee number is not one of this department's staff.
    Unmatched {
        employee_no: String,
    },
    Refused {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewRow {
    pub line: i64,
    pub outcome: RowOutcome,
}

/// Every row's outcome, and the punches the matched rows make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PunchPreview {
    pub rows: Vec<PreviewRow>,
    pub punches: Vec<Punch>,
}

impl PunchPreview {
    pub fn refused(&self) -> impl Iterator<Item = (i64, &str)> {
        self.rows.iter().filter_map(|r| match &r.outcome {
            RowOutcome::Refused { reason } => Some((r.line, reason.as_str())),
            _ => None,
        })
    }

    pub fn unmatched(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, RowOutcome::Unmatched { .. }))
            .count()
    }
}

/// Employee numbers as clocks write them: `00123` on the badge is `123` in HR.
pub fn employee_key(no: &str) -> String {
    let no = no.trim();
    if !no.is_empty() && no.chars().all(|c| c.is_ascii_digit()) {
        let stripped = no.trim_start_matches('0');
        return if stripped.is_empty() { "0" } else { stripped }.to_string();
    }
    no.to_lowercase()
}

/// The digits of an employee number, leading zeros dropped, as a key of
/// its own ("#10003" for `E10003`, `10003` or `0010003`): one system adds
/// a letter prefix the other leaves off. None without digits.
pub fn digits_key(no: &str) -> Option<String> {
    let digits: String = no.chars().filter(char::is_ascii_digit).collect();
    let stripped = digits.trim_start_matches('0');
    (!digits.is_empty()).then(|| format!("#{}", if stripped.is_empty() { "0" } else { stripped }))
}

/// Staff ids by `employee_key` of their employee number, and by
/// `digits_key` where no one else's number has the same digits.
pub fn staff_by_number<'a>(
    staff: impl IntoIterator<Item = (&'a str, i64)>,
) -> HashMap<String, i64> {
    let staff: Vec<(&str, i64)> = staff
        .into_iter()
        .filter(|(no, _)| !no.trim().is_empty())
        .collect();
    let mut by_digits: HashMap<String, Vec<i64>> = HashMap::new();
    for (no, id) in &staff {
        if let Some(k) = digits_key(no) {
            by_digits.entry(k).or_default().push(*id);
        }
    }
    let mut out: HashMap<String, i64> = by_digits
        .into_iter()
        .filter(|(_, ids)| ids.len() == 1)
        .map(|(k, ids)| (k, ids[0]))
        .collect();
    out.extend(staff.into_iter().map(|(no, id)| (employee_key(no), id)));
    out
}

/// The person a file's employee number names: exactly, else by its digits
/// when only one person's number has them.
pub fn staff_of(staff: &HashMap<String, i64>, no: &str) -> Option<i64> {
    staff
        .get(&employee_key(no))
        .or_else(|| staff.get(&digits_key(no)?))
        .copied()
}

/// The likely mapping of a file's text (its readable records).
pub fn guess_text(text: &str, time_zone: &str) -> PunchMapping {
    let rows: Vec<Vec<String>> = csv_file::records(text)
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .collect();
    guess(&rows, time_zone)
}

/// Every row of the file read with `mapping`, nothing saved.
pub fn preview(
    text: &str,
    mapping: &PunchMapping,
    staff: &HashMap<String, i64>,
    tz: Tz,
    overnight: &Overnight,
) -> AppResult<PunchPreview> {
    mapping.check()?;
    let mut records = csv_file::records(text);
    if mapping.has_header && !records.is_empty() {
        let _header = records.remove(0);
    }
    let mut order = mapping.date_order;
    if let Some(i) = mapping.column(PunchField::Date) {
        let values: Vec<&str> = records
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok()?.get(i).map(String::as_str))
            .collect();
        match column_order(values.into_iter()) {
            ColumnOrder::Known(o) if values_have_slashes(&records, i) => order = o,
            ColumnOrder::Mixed(a, b) => {
                return Err(AppError::field(
                    "date_order",
                    format!("The date column holds both {a} (day first) and {b} (month first); no date in it can be trusted. Export the dates as YYYY-MM-DD."),
                ))
            }
            _ => {}
        }
    }
    Ok(pairs::read(&records, mapping, order, staff, tz, overnight))
}

fn values_have_slashes(records: &[(i64, csv_file::Record)], i: usize) -> bool {
    records.iter().any(|(_, r)| {
        r.as_ref()
            .is_ok_and(|r| r.get(i).is_some_and(|v| v.contains('/')))
    })
}

/// The punches of the file, all or nothing: any refused row and the
/// import is refused, every bad row named by its line.
pub fn import(
    text: &str,
    mapping: &PunchMapping,
    staff: &HashMap<String, i64>,
    tz: Tz,
    overnight: &Overnight,
) -> AppResult<PunchPreview> {
    let preview = preview(text, mapping, staff, tz, overnight)?;
    if preview.refused().next().is_some() {
        return Err(csv_file::refusal(preview.refused()));
    }
    if preview.punches.is_empty() {
        return Err(AppError::field(
            "file",
            "No row of the file is a punch of this department's staff; nothing was imported.",
        ));
    }
    Ok(preview)
}
