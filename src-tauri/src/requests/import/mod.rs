//! Importing requests from a sign-up sheet staff filled in: one row per
//! person, one column per day of the schedule period (the layout is in
//! [`cell`]; [`sheet`] writes a blank one to hand out).
//!
//! All or nothing, like every import: each row is matched to a person and
//! each cell read and checked against the rules a request entered on the
//! grid keeps (employed that day, the department's cap on strong
//! requests); one refused row and nothing changes. Rows of people not on
//! the roster are listed and left out.
//!
//! The sheet is the whole truth for the people and days it holds: a
//! person's request on a day the sheet covers is replaced by the cell, and
//! removed where the cell is empty. Other people and other days are left
//! alone. The preview lists every change before anything is written.

mod cell;
mod days;
mod layout;
mod people;
pub mod sheet;

use super::{rules, RequestKind, RequestPriority, StaffRequest};
use crate::csv_file;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::staff::import::dates::default_order;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The import's choices.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RequestImportOptions {
    /// What an unmarked cell counts as.
    pub unmarked: RequestPriority,
    /// The sheet holds sign-ups for open shifts (self-scheduling): each
    /// request to work is a must, and sign-ups are not held to the cap on
    /// strong requests (a nurse may sign up for all their shifts).
    #[serde(default)]
    pub sign_ups: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SheetProblem {
    pub line: i64,
    pub text: String,
}

/// One person's request on one day, before and after the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RequestChange {
    pub staff_id: i64,
    pub name: String,
    pub date: String,
    /// "Off (strong): “wedding”", "N (nice to have)"; empty: none.
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RequestImportPreview {
    /// The first and last day the sheet covers.
    pub from: String,
    pub to: String,
    pub days: i64,
    /// Rows matched to a person.
    pub people: i64,
    /// Requests the sheet holds for them.
    pub requests: i64,
    pub added: i64,
    pub changed: i64,
    pub removed: i64,
    pub unchanged: i64,
    /// Every change, by person then day.
    pub changes: Vec<RequestChange>,
    pub refused: Vec<SheetProblem>,
    /// Rows of people not on the roster, left out.
    pub unknown: Vec<SheetProblem>,
    /// Day headers outside the period, left out.
    pub outside: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RequestImportOutcome {
    pub added: i64,
    pub changed: i64,
    pub removed: i64,
    pub unchanged: i64,
}

/// A request as the sheet asks it, checked.
struct Wanted {
    kind: RequestKind,
    shift_type_id: Option<i64>,
    priority: RequestPriority,
    note: String,
}

/// What the sheet asks of each matched person, and what it refuses.
struct Read {
    from: NaiveDate,
    to: NaiveDate,
    covered: Vec<NaiveDate>,
    /// staff id → (name, day → request).
    asked: BTreeMap<i64, (String, BTreeMap<NaiveDate, Wanted>)>,
    refused: Vec<SheetProblem>,
    unknown: Vec<SheetProblem>,
    outside: Vec<String>,
}

fn refuse(message: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::Validation, message)
}

/// The first and last day of the schedule period.
pub(super) fn period(conn: &Connection, period_id: i64) -> AppResult<(NaiveDate, NaiveDate)> {
    let (from, to): (String, String) = conn
        .query_row(
            "SELECT start_date, end_date FROM schedule_period WHERE id = ?1",
            [period_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("That schedule period"))?;
    Ok((
        input::date(&from).map_err(refuse)?,
        input::date(&to).map_err(refuse)?,
    ))
}

fn read(
    conn: &Connection,
    period_id: i64,
    text: &str,
    options: &RequestImportOptions,
) -> AppResult<Read> {
    let (from, to) = period(conn, period_id)?;
    let mut rows: Vec<(i64, Vec<String>)> = Vec::new();
    for (line, record) in csv_file::records(text) {
        match record {
            Ok(fields) => rows.push((line, fields)),
            Err(why) => return Err(csv_file::refusal([(line, why.as_str())])),
        }
    }
    let cells: Vec<Vec<String>> = rows.iter().map(|(_, f)| f.clone()).collect();
    let zone = crate::department::require(conn)?.time_zone;
    let layout = layout::find(&cells, from, to, default_order(&zone)).map_err(refuse)?;
    let shifts = cell::shifts(conn)?;
    let roster = people::roster(conn)?;
    let cap = rules::load(conn)?.strong_per_period;
    let mut out = Read {
        from,
        to,
        covered: layout.days.iter().map(|(_, d)| *d).collect(),
        asked: BTreeMap::new(),
        refused: Vec::new(),
        unknown: Vec::new(),
        outside: layout.outside.clone(),
    };
    let mut lines_of: BTreeMap<i64, i64> = BTreeMap::new();
    for (line, fields) in &rows[layout.header + 1..] {
        let at = |col: Option<usize>| {
            col.and_then(|c| fields.get(c))
                .map_or("", String::as_str)
                .to_string()
        };
        let name = match (layout.name, layout.first, layout.last) {
            (Some(_), _, _) => at(layout.name),
            (None, Some(_), Some(_)) => format!("{}, {}", at(layout.last), at(layout.first)),
            _ => String::new(),
        };
        let name = if name == ", " { String::new() } else { name };
        let number = at(layout.number);
        let day_cells: Vec<(NaiveDate, &str)> = layout
            .days
            .iter()
            .map(|(c, d)| (*d, fields.get(*c).map_or("", String::as_str)))
            .collect();
        // The blank sheet's own line of open shifts per day.
        if number.is_empty()
            && crate::search_text::fold(&name) == sheet::OPEN_SHIFTS_ROW.to_lowercase()
        {
            continue;
        }
        if number.is_empty() && name.is_empty() {
            if day_cells.iter().any(|(_, c)| !c.is_empty()) {
                out.refused.push(SheetProblem {
                    line: *line,
                    text: "The row has requests but no employee number or name.".into(),
                });
            }
            continue;
        }
        let person = match people::find(&roster, &number, &name) {
            people::Found::One(i) => &roster[i],
            people::Found::Unknown => {
                let who = [number.as_str(), name.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                out.unknown.push(SheetProblem {
                    line: *line,
                    text: format!("{who}: not on this department's roster"),
                });
                continue;
            }
            people::Found::Unclear(why) => {
                out.refused.push(SheetProblem {
                    line: *line,
                    text: why,
                });
                continue;
            }
        };
        if let Some(first) = lines_of.insert(person.id, *line) {
            out.refused.push(SheetProblem {
                line: *line,
                text: format!(
                    "{} is also on line {first}; keep one row per person.",
                    person.name()
                ),
            });
            continue;
        }
        let mut wanted = BTreeMap::new();
        let mut problems = Vec::new();
        for (day, text) in day_cells {
            match cell::read(text, &shifts, options.unmarked) {
                Ok(None) => {}
                Ok(Some(mut a)) => {
                    if options.sign_ups && a.kind == RequestKind::Work {
                        a.priority = RequestPriority::Must;
                    }
                    if let Some(why) = not_employed(person, day) {
                        problems.push(why);
                    } else if let Err(why) = input::multiline_text(&a.note, 500, "note") {
                        problems.push(format!("{}: {why}", day.format("%a %-d %b")));
                    } else {
                        wanted.insert(
                            day,
                            Wanted {
                                kind: a.kind,
                                shift_type_id: a.shift_type_id,
                                priority: a.priority,
                                note: a.note,
                            },
                        );
                    }
                }
                Err(why) => problems.push(format!("{}: {why}", day.format("%a %-d %b"))),
            }
        }
        if problems.is_empty() {
            let capped: BTreeMap<NaiveDate, &Wanted> = wanted
                .iter()
                .filter(|(_, w)| !(options.sign_ups && w.kind == RequestKind::Work))
                .map(|(d, w)| (*d, w))
                .collect();
            if let Some(why) = over_cap(conn, person, &out.covered, &capped, from, to, cap)? {
                problems.push(why);
            }
        }
        if problems.is_empty() {
            out.asked.insert(person.id, (person.name(), wanted));
        } else {
            out.refused.extend(
                problems
                    .into_iter()
                    .map(|text| SheetProblem { line: *line, text }),
            );
        }
    }
    Ok(out)
}

/// Why `person` cannot ask anything of `day`, if they cannot.
fn not_employed(person: &people::Person, day: NaiveDate) -> Option<String> {
    let iso = input::format_date(day);
    let words =
        |d: &str| input::date(d).map_or(d.to_string(), |d| d.format("%-d %b %Y").to_string());
    if iso < person.hire_date {
        return Some(format!(
            "{}: {} starts on {}.",
            day.format("%a %-d %b"),
            person.name(),
            words(&person.hire_date)
        ));
    }
    match &person.last_day {
        Some(last) if *last < iso => Some(format!(
            "{}: {}'s last day is {}.",
            day.format("%a %-d %b"),
            person.name(),
            words(last)
        )),
        _ => None,
    }
}

/// The refusal when the person's strong and must requests in the period,
/// the sheet's and those kept on days it does not cover, pass the cap.
fn over_cap(
    conn: &Connection,
    person: &people::Person,
    covered: &[NaiveDate],
    wanted: &BTreeMap<NaiveDate, &Wanted>,
    from: NaiveDate,
    to: NaiveDate,
    cap: i64,
) -> AppResult<Option<String>> {
    let strong = |p: RequestPriority| matches!(p, RequestPriority::Must | RequestPriority::Strong);
    let in_sheet = wanted.values().filter(|w| strong(w.priority)).count() as i64;
    let kept = super::for_dates(conn, from, to)?
        .into_iter()
        .filter(|r| r.staff_id == person.id && strong(r.priority))
        .filter(|r| r.day().is_some_and(|d| !covered.contains(&d)))
        .count() as i64;
    if in_sheet + kept <= cap {
        return Ok(None);
    }
    let besides = if kept > 0 {
        format!(" (and {kept} more on the grid for days the sheet does not cover)")
    } else {
        String::new()
    };
    Ok(Some(format!(
        "{} asks for {in_sheet} strong or must requests{besides}; the department allows {cap} \
         per period. Mark some nice to have (?).",
        person.name()
    )))
}

fn describe(
    kind: RequestKind,
    shift: Option<i64>,
    priority: RequestPriority,
    note: &str,
    shifts: &[cell::Shift],
) -> String {
    let what = match (kind, shift) {
        (RequestKind::Off, _) => "Off".to_string(),
        (RequestKind::Work, None) => "Any shift".to_string(),
        (RequestKind::Work, Some(id)) => shifts
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| "A shift".to_string(), |s| s.code.clone()),
    };
    let priority = priority.label().to_lowercase();
    if note.is_empty() {
        format!("{what} ({priority})")
    } else {
        format!("{what} ({priority}): “{note}”")
    }
}

/// The changes the sheet makes, with the requests now stored.
fn changes(conn: &Connection, r: &Read) -> AppResult<(Vec<RequestChange>, i64)> {
    let shifts = cell::shifts(conn)?;
    let stored: Vec<StaffRequest> = super::for_dates(conn, r.from, r.to)?;
    let mut list = Vec::new();
    let mut unchanged = 0;
    for (id, (name, wanted)) in &r.asked {
        for day in &r.covered {
            let now = stored
                .iter()
                .find(|s| s.staff_id == *id && s.day() == Some(*day));
            let next = wanted.get(day);
            let same = match (now, next) {
                (None, None) => continue,
                (Some(n), Some(w)) => {
                    n.kind == w.kind
                        && n.shift_type_id == w.shift_type_id
                        && n.priority == w.priority
                        && n.note == w.note
                }
                _ => false,
            };
            if same {
                unchanged += 1;
                continue;
            }
            list.push(RequestChange {
                staff_id: *id,
                name: name.clone(),
                date: input::format_date(*day),
                before: now.map_or_else(String::new, |n| {
                    describe(n.kind, n.shift_type_id, n.priority, &n.note, &shifts)
                }),
                after: next.map_or_else(String::new, |w| {
                    describe(w.kind, w.shift_type_id, w.priority, &w.note, &shifts)
                }),
            });
        }
    }
    Ok((list, unchanged))
}

fn counts(changes: &[RequestChange]) -> (i64, i64, i64) {
    let added = changes.iter().filter(|c| c.before.is_empty()).count() as i64;
    let removed = changes.iter().filter(|c| c.after.is_empty()).count() as i64;
    (added, changes.len() as i64 - added - removed, removed)
}

/// What importing `text` into the period would do.
pub fn preview(
    conn: &Connection,
    period_id: i64,
    text: &str,
    options: &RequestImportOptions,
) -> AppResult<RequestImportPreview> {
    let r = read(conn, period_id, text, options)?;
    let (list, unchanged) = changes(conn, &r)?;
    let (added, changed, removed) = counts(&list);
    Ok(RequestImportPreview {
        from: r
            .covered
            .first()
            .map(|d| input::format_date(*d))
            .unwrap_or_default(),
        to: r
            .covered
            .last()
            .map(|d| input::format_date(*d))
            .unwrap_or_default(),
        days: r.covered.len() as i64,
        people: r.asked.len() as i64,
        requests: r.asked.values().map(|(_, w)| w.len() as i64).sum(),
        added,
        changed,
        removed,
        unchanged,
        changes: list,
        refused: r.refused,
        unknown: r.unknown,
        outside: r.outside,
    })
}

/// Imports the sheet, all or nothing.
pub fn import(
    conn: &mut Connection,
    period_id: i64,
    text: &str,
    options: &RequestImportOptions,
) -> AppResult<RequestImportOutcome> {
    let tx = conn.transaction()?;
    let r = read(&tx, period_id, text, options)?;
    if !r.refused.is_empty() {
        return Err(csv_file::refusal(
            r.refused.iter().map(|p| (p.line, p.text.as_str())),
        ));
    }
    if r.asked.is_empty() {
        return Err(refuse(
            "No row of the sheet is of someone on this department's roster; nothing was imported.",
        ));
    }
    let (list, unchanged) = changes(&tx, &r)?;
    for c in &list {
        let (_, wanted) = &r.asked[&c.staff_id];
        let day = input::date(&c.date).map_err(refuse)?;
        match wanted.get(&day) {
            None => {
                tx.execute(
                    "DELETE FROM staff_request WHERE staff_id = ?1 AND date = ?2",
                    params![c.staff_id, c.date],
                )?;
            }
            Some(w) => {
                tx.execute(
                    "INSERT INTO staff_request (staff_id, date, kind, shift_type_id, priority, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (staff_id, date) DO UPDATE SET kind = excluded.kind,
                         shift_type_id = excluded.shift_type_id, priority = excluded.priority,
                         note = excluded.note",
                    params![c.staff_id, c.date, w.kind, w.shift_type_id, w.priority, w.note],
                )?;
            }
        }
    }
    tx.commit()?;
    let (added, changed, removed) = counts(&list);
    Ok(RequestImportOutcome {
        added,
        changed,
        removed,
        unchanged,
    })
}

#[cfg(test)]
mod tests;
