//! The punch import against the department file: the file's columns
//! (guessed, or as mapped at the last import of the same layout), the
//! preview with each row's person, and the import itself, all or nothing,
//! replacing the punches of the days the file covers.

use super::{
    import, meals, memory, preview, Overnight, PunchField, PunchMapping, PunchPreview, RowOutcome,
};
use crate::attendance::corrections::refuse_if_approved;
use crate::attendance::period::{self, zone};
use crate::attendance::store::{self, PunchReplace};
use crate::csv_file;
use crate::error::AppResult;
use crate::input;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldOption {
    pub field: PunchField,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PunchImportColumns {
    /// The first row's cells (the header when there is one).
    pub headers: Vec<String>,
    /// The next rows, for the manager to go by.
    pub sample: Vec<Vec<String>>,
    pub mapping: PunchMapping,
    /// The mapping is the one last used for this layout.
    pub remembered: bool,
    pub fields: Vec<FieldOption>,
}

/// A matched person's punches in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonPunches {
    pub staff_id: i64,
    pub name: String,
    pub punches: i64,
    /// Punches with a half missing.
    pub missed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowProblem {
    pub line: i64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PunchImportPreview {
    pub rows: i64,
    pub matched_rows: i64,
    pub punches: i64,
    /// First and last workday of the file's punches.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Punches stored for those days now, which the import replaces.
    pub stored: i64,
    /// What importing would do to those days (hand corrections kept).
    pub change: Option<PunchReplace>,
    pub people: Vec<PersonPunches>,
    /// Employee numbers this department does not have, with their lines.
    pub unmatched: Vec<RowProblem>,
    pub refused: Vec<RowProblem>,
    /// Why the file cannot be imported as a whole (an approved period).
    pub blocked: Option<String>,
    /// Clocked shifts the file gave no meal that have the scheduled shift's
    /// unpaid break deducted (the department's rule; the file has no meal
    /// column).
    pub meals_deducted: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PunchImportOutcome {
    pub replaced: PunchReplace,
    pub unmatched_rows: i64,
    /// The pay period holding the first day imported, to show next.
    pub period_start: String,
}

pub fn columns(conn: &Connection, text: &str) -> AppResult<PunchImportColumns> {
    let dept = crate::department::require(conn)?;
    let rows: Vec<Vec<String>> = csv_file::records(text)
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .collect();
    let guessed = super::guess(&rows, &dept.time_zone);
    let headers = rows.first().cloned().unwrap_or_default();
    let recalled = if guessed.has_header {
        memory::recall(conn, &headers)?
    } else {
        None
    };
    Ok(PunchImportColumns {
        sample: rows.iter().skip(1).take(5).cloned().collect(),
        headers,
        remembered: recalled.is_some(),
        mapping: recalled.unwrap_or(guessed),
        fields: PunchField::ALL
            .iter()
            .map(|f| FieldOption {
                field: *f,
                label: f.label().into(),
            })
            .collect(),
    })
}

fn staff_map(conn: &Connection) -> AppResult<(HashMap<String, i64>, HashMap<i64, String>)> {
    let people = period::people(conn)?;
    let by_no = super::staff_by_number(people.iter().map(|p| (p.employee_no.as_str(), p.id)));
    let names = people.into_iter().map(|p| (p.id, p.name)).collect();
    Ok((by_no, names))
}

fn span(p: &PunchPreview) -> Option<(NaiveDate, NaiveDate)> {
    let from = p.punches.iter().map(|p| p.workday).min()?;
    let to = p.punches.iter().map(|p| p.workday).max()?;
    Some((from, to))
}

/// Reads the file twice when it holds lone out times: once for the days it
/// covers, then with the nights scheduled on them, so a night's lone out
/// time lands on the morning after its start (`overnight`).
fn read_against_schedule(
    conn: &Connection,
    read: impl Fn(&Overnight) -> AppResult<PunchPreview>,
) -> AppResult<PunchPreview> {
    let first = read(&Overnight::none())?;
    let lone_outs = first
        .punches
        .iter()
        .any(|p| p.clock_in.is_none() && p.clock_out.is_some());
    let Some((from, to)) = span(&first).filter(|_| lone_outs) else {
        return Ok(first);
    };
    let nights = Overnight::load(conn, from - chrono::Duration::days(1), to)?;
    if nights.is_empty() {
        return Ok(first);
    }
    read(&nights)
}

pub fn preview_file(
    conn: &Connection,
    text: &str,
    mapping: &PunchMapping,
) -> AppResult<PunchImportPreview> {
    let tz = zone(conn)?;
    let (by_no, names) = staff_map(conn)?;
    let mut p = read_against_schedule(conn, |nights| preview(text, mapping, &by_no, tz, nights))?;
    let meals_deducted = meals::apply(conn, mapping, &mut p.punches)?;
    let mut people: BTreeMap<i64, PersonPunches> = BTreeMap::new();
    for punch in &p.punches {
        let e = people
            .entry(punch.staff_id)
            .or_insert_with(|| PersonPunches {
                staff_id: punch.staff_id,
                name: names.get(&punch.staff_id).cloned().unwrap_or_default(),
                punches: 0,
                missed: 0,
            });
        e.punches += 1;
        e.missed += i64::from(punch.clock_in.is_none() || punch.clock_out.is_none());
    }
    let mut people: Vec<PersonPunches> = people.into_values().collect();
    people.sort_by_key(|p| p.name.to_lowercase());
    let (mut unmatched, mut refused) = (Vec::new(), Vec::new());
    for r in &p.rows {
        match &r.outcome {
            RowOutcome::Matched { .. } => {}
            RowOutcome::Unmatched { employee_no } => unmatched.push(RowProblem {
                line: r.line,
                text: format!("Employee number {employee_no} is not on this department's staff."),
            }),
            RowOutcome::Refused { reason } => refused.push(RowProblem {
                line: r.line,
                text: reason.clone(),
            }),
        }
    }
    let range = span(&p);
    let (stored, change, blocked) = match range {
        Some((from, to)) => {
            let held = store::records(conn, from, to)?;
            (
                held.len() as i64,
                Some(store::plan(from, to, &held, &p.punches).0),
                refuse_if_approved(conn, from, to).err().map(|e| e.message),
            )
        }
        None => (0, None, None),
    };
    Ok(PunchImportPreview {
        rows: p.rows.len() as i64,
        matched_rows: p
            .rows
            .iter()
            .filter(|r| matches!(r.outcome, RowOutcome::Matched { .. }))
            .count() as i64,
        punches: p.punches.len() as i64,
        from: range.map(|r| input::format_date(r.0)),
        to: range.map(|r| input::format_date(r.1)),
        stored,
        change,
        people,
        unmatched,
        refused,
        blocked,
        meals_deducted,
    })
}

/// Imports the file's punches, replacing those of the days it covers;
/// remembers the mapping for the next file of the same layout.
pub fn import_file(
    conn: &mut Connection,
    text: &str,
    mapping: &PunchMapping,
) -> AppResult<PunchImportOutcome> {
    let tz = zone(conn)?;
    let (by_no, _) = staff_map(conn)?;
    let mut p = read_against_schedule(conn, |nights| import(text, mapping, &by_no, tz, nights))?;
    meals::apply(conn, mapping, &mut p.punches)?;
    let (from, to) = span(&p).unwrap_or_default();
    refuse_if_approved(conn, from, to)?;
    let replaced = store::replace(conn, from, to, &p.punches)?;
    if mapping.has_header {
        if let Some((_, Ok(headers))) = csv_file::records(text).into_iter().next() {
            memory::remember(conn, &headers, mapping)?;
        }
    }
    let rules = crate::schedule::store::rule_settings::load(conn)?;
    Ok(PunchImportOutcome {
        replaced,
        unmatched_rows: p.unmatched() as i64,
        period_start: input::format_date(crate::schedule::time::pay_period_start(
            rules.pay_period_anchor,
            from,
        )),
    })
}
