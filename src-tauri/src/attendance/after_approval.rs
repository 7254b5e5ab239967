//! Changes to an approved pay period: what the period paid when it was
//! approved and when its payroll file was last exported, set beside what
//! it pays now, so a correction after approval is shown as such ("Changed
//! after approval: +1.0 h since payroll was exported") and a new export
//! says what differs from the last one. A change is a punch corrected or
//! typed in, or time off added, changed or removed on the period's days
//! (read from the history, which orders them after the approval's entry).

use super::period::Loaded;
use super::timecards::{codes, days_of};
use crate::error::AppResult;
use crate::input;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// What the period paid at approval and at its last payroll export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub approved_minutes: Option<i64>,
    pub exported_at: Option<String>,
    pub exported_minutes: Option<i64>,
}

pub fn marks(conn: &Connection, l: &Loaded) -> AppResult<Marks> {
    Ok(conn
        .query_row(
            "SELECT approved_minutes, exported_at, exported_minutes FROM pay_period_approval
             WHERE start_date = ?1",
            [input::format_date(l.start)],
            |r| {
                Ok(Marks {
                    approved_minutes: r.get(0)?,
                    exported_at: r.get(1)?,
                    exported_minutes: r.get(2)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// The paid minutes of the period (worked and paid time off), as the
/// timecards and the payroll file add them up.
pub fn paid_minutes(l: &Loaded) -> i64 {
    l.paid_people()
        .into_iter()
        .flat_map(|id| days_of(l, id))
        .flat_map(|d| codes(&d))
        .map(|(_, _, m)| m)
        .sum()
}

/// Records what the period pays as it is approved.
pub fn record_approval(conn: &Connection, l: &Loaded) -> AppResult<()> {
    conn.execute(
        "UPDATE pay_period_approval SET approved_minutes = ?2 WHERE start_date = ?1",
        params![input::format_date(l.start), paid_minutes(l)],
    )?;
    Ok(())
}

/// Records what the period paid when its payroll file was saved.
pub fn record_export(conn: &Connection, l: &Loaded, now: &str) -> AppResult<()> {
    conn.execute(
        "UPDATE pay_period_approval SET exported_at = ?2, exported_minutes = ?3 WHERE start_date = ?1",
        params![input::format_date(l.start), now, paid_minutes(l)],
    )?;
    Ok(())
}

/// "+1.0 h", "−0.5 h".
fn signed_hours(minutes: i64) -> String {
    let tenths = crate::schedule::cost::round_half_up(minutes.abs() * 10, 60);
    let sign = if minutes < 0 { "−" } else { "+" };
    format!("{sign}{}.{} h", tenths / 10, tenths % 10)
}

/// Time off of one person added, changed or removed after approval: its
/// days before or after the change (both, when the dates moved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeOffChange {
    pub staff_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The time off changes written to the history after the period starting
/// `start` was approved (its approval's own entry), on the period's days
/// `start..=end`. None approved, none.
pub fn time_off_changes(
    conn: &Connection,
    start: NaiveDate,
    end: NaiveDate,
) -> AppResult<Vec<TimeOffChange>> {
    let approval: Option<i64> = conn.query_row(
        "SELECT max(id) FROM audit_log WHERE table_name = 'pay_period_approval'
           AND record_key = ?1 AND action = 'insert'",
        [input::format_date(start)],
        |r| r.get(0),
    )?;
    let Some(approval) = approval else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT json_extract(s.value, '$.staff_id'), json_extract(s.value, '$.from_date'),
                json_extract(s.value, '$.to_date')
         FROM audit_log a, json_each(json_array(json(a.before), json(a.after))) s
         WHERE a.table_name = 'time_off' AND a.id > ?1 AND s.type = 'object'",
    )?;
    let rows = stmt.query_map([approval], |r| {
        Ok((
            r.get::<_, Option<i64>>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (Some(staff_id), Some(from), Some(to)) = row? else {
            continue;
        };
        let (Ok(from), Ok(to)) = (input::date(&from), input::date(&to)) else {
            continue;
        };
        let change = TimeOffChange { staff_id, from, to };
        if from <= end && to >= start && !out.contains(&change) {
            out.push(change);
        }
    }
    Ok(out)
}

/// A person and day with a punch corrected or typed in, or time off
/// changed, after approval.
pub fn changed_after(l: &Loaded, staff_id: i64, day: NaiveDate) -> bool {
    let Some(approved) = &l.approved_at else {
        return false;
    };
    let punch = l.records.iter().any(|r| {
        r.punch.staff_id == staff_id
            && r.punch.workday == day
            && r.corrected_at.as_ref().is_some_and(|c| c > approved)
    });
    punch
        || l.time_off_changes
            .iter()
            .any(|c| c.staff_id == staff_id && c.from <= day && day <= c.to)
}

/// A person with a punch or time off changed after approval.
pub fn person_changed_after(l: &Loaded, staff_id: i64) -> bool {
    l.approved_at.is_some()
        && (l.time_off_changes.iter().any(|c| c.staff_id == staff_id)
            || l.records.iter().any(|r| {
                r.punch.staff_id == staff_id && changed_after(l, staff_id, r.punch.workday)
            }))
}

/// The period's note when it changed after approval: what it pays now
/// against the last payroll export (or the approval). None while nothing
/// changed, or for a period not approved.
pub fn note(l: &Loaded, m: &Marks, now_minutes: i64) -> Option<String> {
    let approved = l.approved_at.as_ref()?;
    let corrected = l
        .records
        .iter()
        .filter(|r| r.corrected_at.as_ref().is_some_and(|c| c > approved))
        .count();
    let time_off = {
        let mut people: Vec<i64> = l.time_off_changes.iter().map(|c| c.staff_id).collect();
        people.sort_unstable();
        people.dedup();
        people.len()
    };
    let (then, since, as_) = match (m.exported_minutes, m.approved_minutes) {
        (Some(e), _) => (Some(e), "since payroll was exported", "as exported"),
        (None, a) => (a, "since the period was approved", "as approved"),
    };
    let diff = then.map(|t| now_minutes - t).filter(|d| *d != 0);
    let mut what = Vec::new();
    if corrected > 0 {
        let shifts = if corrected == 1 {
            "clocked shift"
        } else {
            "clocked shifts"
        };
        what.push(format!("{corrected} {shifts} corrected"));
    }
    if time_off > 0 {
        let people = if time_off == 1 { "person" } else { "people" };
        what.push(format!("time off of {time_off} {people} changed"));
    }
    match diff {
        Some(d) if what.is_empty() => Some(format!(
            "Changed after approval: {} {since}.",
            signed_hours(d)
        )),
        Some(d) => Some(format!(
            "Changed after approval: {} {since} ({}).",
            signed_hours(d),
            what.join(", ")
        )),
        None if what.is_empty() => None,
        None => Some(format!(
            "Changed after approval: {}; the paid hours are {as_}.",
            what.join(", ")
        )),
    }
}

/// What a payroll file about to be saved differs in from the last one, if
/// one was exported and the period changed since.
pub fn export_note(l: &Loaded, m: &Marks, now_minutes: i64) -> Option<String> {
    let (at, then) = (m.exported_at.as_ref()?, m.exported_minutes?);
    let d = now_minutes - then;
    (d != 0).then(|| {
        format!(
            "The period changed after its payroll was exported on {}: this file pays {} h, \
             {} h {} than that one ({} h).",
            super::timecards::shown_at(l, at),
            super::payroll::hours(now_minutes),
            super::payroll::hours(d.abs()),
            if d > 0 { "more" } else { "less" },
            super::payroll::hours(then),
        )
    })
}

#[cfg(test)]
#[path = "after_approval_tests.rs"]
mod tests;
