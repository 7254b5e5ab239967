//! The payroll export of an approved pay period, as CSV, in two layouts
//! (both in the README):
//!
//! - by period: one row per person per pay code for the whole period;
//! - by day: one row per person per pay code per day.
//!
//! Columns: employee number, name, the period (or the day), pay code, hours
//! (decimal, two places, as payroll systems take them) and minutes (exact,
//! so totals can be checked to the minute). Hours come from the same
//! figures as the timecards, rounded once per person and code
//! (`paid_hours`): the rows of a person add up to their card in both
//! layouts (by day, the rounded hours are spread over the days), and the
//! rows of a code add up to the timecards' total of it.

use super::paid_hours;
use super::period::Loaded;
use super::timecards::{codes, days_of};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::text_enum::text_enum;
use std::collections::BTreeMap;

text_enum! {
    pub enum PayrollLayout {
        ByPeriod = ("by_period", "One row per person per pay code"),
        ByDay = ("by_day", "One row per person per pay code per day"),
    }
}

#[derive(Debug)]
pub struct PayrollFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A payroll file saved: where, and what it differs in from the last one
/// exported when the period changed after that.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PayrollSaved {
    pub path: String,
    pub changed: Option<String>,
}

/// The payroll file of the approved period starting `start`, with what it
/// differs in from the last export (`after_approval::export_note`).
pub fn prepare(
    conn: &rusqlite::Connection,
    start: &str,
    layout: PayrollLayout,
) -> AppResult<(PayrollFile, Option<String>)> {
    let l = super::period::load(conn, start)?;
    let file = export(&l, layout)?;
    let marks = super::after_approval::marks(conn, &l)?;
    let note =
        super::after_approval::export_note(&l, &marks, super::after_approval::paid_minutes(&l));
    Ok((file, note))
}

/// Records that the period's payroll file was saved, with what it paid.
pub fn saved(conn: &rusqlite::Connection, start: &str, now: &str) -> AppResult<()> {
    let l = super::period::load(conn, start)?;
    super::after_approval::record_export(conn, &l, now)
}

/// Minutes as decimal hours, two places, half up: 450 → "7.50", 7 → "0.12".
pub fn hours(minutes: i64) -> String {
    paid_hours::text(paid_hours::hundredths(minutes))
}

/// REG, then OT, then time off by code.
fn code_rank(code: &str) -> u8 {
    match code {
        "REG" => 0,
        "OT" => 1,
        _ => 2,
    }
}

fn failed(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("The payroll file could not be written ({e})."),
    )
}

pub fn export(l: &Loaded, layout: PayrollLayout) -> AppResult<PayrollFile> {
    if l.approved_at.is_none() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Approve the pay period before exporting it for payroll: payroll is paid from approved timecards.",
        ));
    }
    let (start, end) = (input::format_date(l.start), input::format_date(l.end()));
    let mut out = csv::Writer::from_writer(Vec::new());
    let header: &[&str] = match layout {
        PayrollLayout::ByPeriod => &[
            "Employee number",
            "Name",
            "Period start",
            "Period end",
            "Pay code",
            "Hours",
            "Minutes",
        ],
        PayrollLayout::ByDay => &[
            "Employee number",
            "Name",
            "Date",
            "Pay code",
            "Hours",
            "Minutes",
        ],
    };
    out.write_record(header).map_err(failed)?;
    let mut people: Vec<_> = l
        .paid_people()
        .into_iter()
        .map(|id| {
            let p = l.person(id);
            (
                p.map(|p| p.name.clone()).unwrap_or_default(),
                p.map(|p| p.employee_no.clone()).unwrap_or_default(),
                id,
            )
        })
        .collect();
    people.sort();
    for (name, no, id) in people {
        let days = days_of(l, id);
        match layout {
            PayrollLayout::ByPeriod => {
                let mut totals: BTreeMap<(u8, String), i64> = BTreeMap::new();
                for d in &days {
                    for (code, _, m) in codes(d) {
                        *totals.entry((code_rank(&code), code)).or_default() += m;
                    }
                }
                for ((_, code), m) in totals {
                    out.write_record([
                        no.as_str(),
                        &name,
                        &start,
                        &end,
                        &code,
                        &hours(m),
                        &m.to_string(),
                    ])
                    .map_err(failed)?;
                }
            }
            PayrollLayout::ByDay => {
                // Each code's rounded period hours spread over its days.
                let mut by_code: BTreeMap<String, Vec<(String, i64)>> = BTreeMap::new();
                for d in &days {
                    for (code, _, m) in codes(d) {
                        by_code
                            .entry(code)
                            .or_default()
                            .push((input::format_date(d.date), m));
                    }
                }
                let mut rows = Vec::new();
                for (code, list) in by_code {
                    let minutes: Vec<i64> = list.iter().map(|(_, m)| *m).collect();
                    for ((date, m), h) in list.into_iter().zip(paid_hours::spread(&minutes)) {
                        rows.push((date, code_rank(&code), code.clone(), h, m));
                    }
                }
                rows.sort();
                for (date, _, code, h, m) in rows {
                    out.write_record([
                        no.as_str(),
                        &name,
                        &date,
                        &code,
                        &paid_hours::text(h),
                        &m.to_string(),
                    ])
                    .map_err(failed)?;
                }
            }
        }
    }
    let bytes = out.into_inner().map_err(failed)?;
    Ok(PayrollFile {
        name: format!(
            "payroll-{start}-to-{end}-{}.csv",
            layout.code().replace('_', "-")
        ),
        bytes,
    })
}

#[cfg(test)]
#[path = "payroll_totals_tests.rs"]
mod totals_tests;
