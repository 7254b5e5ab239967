//! Approving time off over days that already hold shifts: which shifts they
//! are, and approving with those shifts taken off in the same transaction
//! (or approving and keeping them: those days are worked, not off).

use super::assignments::mark_changed;
use super::shift_types;
use super::time_off::{self, TimeOffRequest};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::schedule::time;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

/// A shift the person is scheduled for on a day of their request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OverlappingShift {
    pub date: String,
    /// "N".
    pub shift_code: String,
    /// "Night 12".
    pub shift_name: String,
    pub period_id: i64,
    /// Removing it from a published period marks the cell as changed.
    pub published: bool,
}

/// The shifts on the request's days, by date.
pub fn overlapping_shifts(conn: &Connection, id: i64) -> AppResult<Vec<OverlappingShift>> {
    let request = time_off::get(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.date, t.code, t.name, a.period_id, p.status = 'published'
         FROM assignment a
         JOIN shift_type t ON t.id = a.shift_type_id
         JOIN schedule_period p ON p.id = a.period_id
         WHERE a.staff_id = ?1 AND a.date BETWEEN ?2 AND ?3
         ORDER BY a.date",
    )?;
    let rows = stmt.query_map(params![request.staff_id, request.from, request.to], |r| {
        Ok(OverlappingShift {
            date: r.get(0)?,
            shift_code: r.get(1)?,
            shift_name: r.get(2)?,
            period_id: r.get(3)?,
            published: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Approves or denies a request. Approving with `remove_shifts` also takes
/// the person's shifts on its days off the schedule, all in one
/// transaction, keeping each shift's paid minutes with the time off: the
/// day pays what the shift would have paid, as a no-show turned into time
/// off does. Approving without keeps the shifts: the person works those
/// days, which the time off then leaves (no rule broken, no time off paid
/// there). `now` is when, as RFC 3339.
pub fn decide(
    conn: &mut Connection,
    id: i64,
    approve: bool,
    remove_shifts: bool,
    now: &str,
) -> AppResult<TimeOffRequest> {
    let tx = conn.transaction()?;
    let shifts = if approve {
        overlapping_shifts(&tx, id)?
    } else {
        Vec::new()
    };
    let request = time_off::decide(&tx, id, approve, now)?;
    for shift in &shifts {
        let date = input::date(&shift.date).map_err(|m| AppError::new(ErrorCode::Internal, m))?;
        let minutes = shift_paid_minutes(&tx, request.staff_id, date)?;
        time_off::record_shift(&tx, id, date, minutes, !remove_shifts)?;
        if !remove_shifts {
            continue;
        }
        tx.execute(
            "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
            params![request.staff_id, shift.date],
        )?;
        if shift.published {
            mark_changed(&tx, shift.period_id, request.staff_id, date, now)?;
        }
    }
    tx.commit()?;
    Ok(request)
}

/// The paid minutes of the person's shift on `date`: its real length on the
/// department's clock (a night across a clock change too) less its unpaid
/// break.
fn shift_paid_minutes(conn: &Connection, staff_id: i64, date: NaiveDate) -> AppResult<i64> {
    let type_id: i64 = conn.query_row(
        "SELECT shift_type_id FROM assignment WHERE staff_id = ?1 AND date = ?2",
        params![staff_id, input::format_date(date)],
        |r| r.get(0),
    )?;
    let Some(shift) = shift_types::list(conn)?
        .into_iter()
        .find(|t| t.id == type_id)
    else {
        return Ok(0);
    };
    let tz = crate::department::require(conn)?
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::UTC);
    Ok(time::paid_minutes(&time::span(tz, date, &shift), &shift))
}
