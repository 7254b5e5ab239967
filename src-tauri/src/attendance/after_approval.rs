//! Changes to an approved pay period: what the period paid when it was
//! approved and when its payroll file was last exported, set beside what
//! it pays now, so a correction after approval is shown as such ("Changed
//! after approval: +1.0 h since payroll was exported") and a new export
//! says what differs from the last one.

use super::period::Loaded;
use super::timecards::{codes, days_of};
use crate::error::AppResult;
use crate::input;
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
    let mut ids: Vec<i64> = l
        .shifts
        .iter()
        .map(|s| s.staff_id)
        .chain(l.punches.iter().map(|p| p.staff_id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
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

/// A person and day with a punch corrected or typed in after approval.
pub fn changed_after(l: &Loaded, staff_id: i64, day: chrono::NaiveDate) -> bool {
    let Some(approved) = &l.approved_at else {
        return false;
    };
    l.records.iter().any(|r| {
        r.punch.staff_id == staff_id
            && r.punch.workday == day
            && r.corrected_at.as_ref().is_some_and(|c| c > approved)
    })
}

/// The period's note when it changed after approval: what it pays now
/// against the last payroll export (or the approval). None while nothing
/// changed, or for a period not approved.
pub fn note(l: &Loaded, m: &Marks, now_minutes: i64) -> Option<String> {
    l.approved_at.as_ref()?;
    let corrected = l
        .records
        .iter()
        .filter(|r| changed_after(l, r.punch.staff_id, r.punch.workday))
        .count();
    let (then, since, as_) = match (m.exported_minutes, m.approved_minutes) {
        (Some(e), _) => (Some(e), "since payroll was exported", "as exported"),
        (None, a) => (a, "since the period was approved", "as approved"),
    };
    let diff = then.map(|t| now_minutes - t).filter(|d| *d != 0);
    match (diff, corrected) {
        (None, 0) => None,
        (Some(d), _) => Some(format!(
            "Changed after approval: {} {since}.",
            signed_hours(d)
        )),
        (None, n) => Some(format!(
            "Changed after approval: {n} {} corrected; the paid hours are {as_}.",
            if n == 1 { "punch" } else { "punches" }
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
