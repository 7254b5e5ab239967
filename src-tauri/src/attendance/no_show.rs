//! A no-show turned into what it was, with the schedule's own records: a
//! call-out (the shift comes off the published schedule and the call-out
//! is recorded, as the Schedule's call-out does) or time off for the day,
//! approved (sick, PTO…) that replaces the shift: the shift comes off the
//! schedule and the day pays the shift's paid hours when the time off is
//! paid. Either way the no-show is no longer an exception.

use super::exceptions::ExceptionKind;
use super::period::Loaded;
use super::timecards::exceptions_of;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::schedule::store::assignments::mark_changed;
use crate::schedule::store::{call_outs, periods, time_off};
use crate::schedule::TimeOffKind;
use crate::text_enum::text_enum;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

text_enum! {
    pub enum NoShowAs {
        CallOut = ("call_out", "Call-out"),
        TimeOff = ("time_off", "Time off"),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn resolve(
    conn: &mut Connection,
    l: &Loaded,
    staff_id: i64,
    workday: &str,
    how: NoShowAs,
    kind: TimeOffKind,
    paid: bool,
    now: &str,
) -> AppResult<()> {
    let day = input::date(workday).map_err(|e| AppError::field("workday", e))?;
    let there = exceptions_of(l)
        .iter()
        .any(|e| e.staff_id == staff_id && e.workday == day && e.kind == ExceptionKind::NoShow);
    if !there {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "That no-show is no longer there (a punch or time off was recorded meanwhile).",
        ));
    }
    match how {
        NoShowAs::CallOut => {
            let period = periods::list(conn)?
                .into_iter()
                .find(|p| p.contains(day))
                .ok_or_else(|| {
                    AppError::new(
                        ErrorCode::NotFound,
                        "No schedule period holds that day any more.",
                    )
                })?;
            call_outs::call_out(conn, period.id, staff_id, workday, "no-show", now)?;
        }
        NoShowAs::TimeOff => time_off_for_shift(conn, l, staff_id, day, kind, paid, now)?,
    }
    Ok(())
}

/// The no-show's shift replaced by a day of approved time off, in one
/// transaction (both in the history): the time off keeps the shift's paid
/// minutes, which the day then pays when paid, and the shift comes off the
/// schedule, so no rule is left broken. Agency and per diem staff are not
/// paid by the hospital for time off: paid time off is refused for them.
fn time_off_for_shift(
    conn: &mut Connection,
    l: &Loaded,
    staff_id: i64,
    day: NaiveDate,
    kind: TimeOffKind,
    paid: bool,
    now: &str,
) -> AppResult<()> {
    if paid {
        if let Some(p) = l.person(staff_id) {
            time_off::refuse_paid(p.employment_type)?;
        }
    }
    let minutes = l
        .shifts
        .iter()
        .filter(|s| s.staff_id == staff_id && s.date == day)
        .map(|s| s.paid_minutes())
        .sum::<i64>();
    let tx = conn.transaction()?;
    let shift: Option<(i64, bool)> = tx
        .query_row(
            "SELECT a.period_id, p.status = 'published' FROM assignment a
             JOIN schedule_period p ON p.id = a.period_id
             WHERE a.staff_id = ?1 AND a.date = ?2",
            params![staff_id, input::format_date(day)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    time_off::record_for_shift(
        &tx,
        staff_id,
        day,
        kind,
        paid,
        minutes,
        "Recorded from a no-show on the timecard",
        now,
    )?;
    if let Some((period_id, published)) = shift {
        tx.execute(
            "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
            params![staff_id, input::format_date(day)],
        )?;
        if published {
            mark_changed(&tx, period_id, staff_id, day, now)?;
        }
    }
    tx.commit()?;
    Ok(())
}
