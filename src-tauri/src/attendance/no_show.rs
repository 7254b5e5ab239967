//! A no-show turned into what it was, with the schedule's own records: a
//! call-out (the shift comes off the published schedule and the call-out
//! is recorded, as the Schedule's call-out does) or time off for the day,
//! approved (sick, PTO…). Either way the no-show is no longer an exception.

use super::exceptions::ExceptionKind;
use super::period::Loaded;
use super::timecards::exceptions_of;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::schedule::store::{call_outs, periods, time_off};
use crate::schedule::TimeOffKind;
use crate::text_enum::text_enum;
use rusqlite::Connection;

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
        NoShowAs::TimeOff => {
            let request = time_off::save(
                conn,
                None,
                &time_off::TimeOffInput {
                    staff_id: Some(staff_id),
                    from: input::format_date(day),
                    to: input::format_date(day),
                    kind: Some(kind),
                    paid,
                    note: "Recorded from a no-show on the timecard".into(),
                },
            )?;
            time_off::decide(conn, request.id, true, now)?;
        }
    }
    Ok(())
}
