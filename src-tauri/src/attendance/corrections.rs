//! Punches corrected or typed in by hand. Every hand change needs a reason,
//! which is stored on the punch, so the history (written by the audit
//! triggers in the same statement) shows the times before and after and
//! why. A change to an approved period is allowed — payroll may need it —
//! and is marked as made after approval.

use super::import::clock;
use super::period::zone;
use super::store::{self, PunchRecord};
use super::Punch;
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::input;
use crate::schedule::time::instant;
use crate::staff::import::DateOrder;
use chrono::{Duration, NaiveDate, NaiveTime};
use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

/// The punch form as typed: times of day on the workday ("07:02",
/// "7:02 PM"); an out not after the in is on the next day.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PunchInput {
    /// Whose punch (for a new one; a correction keeps the person).
    pub staff_id: Option<i64>,
    pub workday: String,
    pub clock_in: String,
    pub clock_out: String,
    pub meal_minutes: String,
    pub reason: String,
}

/// The longest reason kept on a punch.
pub const MAX_REASON: usize = 200;

fn time_of(v: &mut Validator, field: &str, text: &str) -> Option<Option<NaiveTime>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    v.take(field, clock::time(text, DateOrder::MonthFirst))
        .map(|(_, t)| Some(t))
}

/// The punch the form describes, for `staff_id`.
fn read(conn: &Connection, staff_id: i64, form: &PunchInput) -> AppResult<(Punch, String)> {
    let tz = zone(conn)?;
    let mut v = Validator::new();
    let day = v.take("workday", input::date(&form.workday));
    let cin = time_of(&mut v, "clock_in", &form.clock_in);
    let cout = time_of(&mut v, "clock_out", &form.clock_out);
    let meal = v.take("meal_minutes", clock::meal_minutes(&form.meal_minutes));
    let reason = v.take(
        "reason",
        input::required_text(&form.reason, MAX_REASON, "reason"),
    );
    if let (Some(None), Some(None)) = (cin, cout) {
        v.fail("clock_in", "Enter the time in, the time out, or both.");
    }
    v.finish()?;
    let (day, cin, cout) = (day.unwrap_or_default(), cin.flatten(), cout.flatten());
    let at_in = cin.map(|t| instant(tz, day.and_time(t)));
    let at_out = cout.map(|t| {
        // 18:52–07:09 is one night: an out not after the in is the next day.
        let out_day = match cin {
            Some(i) if t <= i => day + Duration::days(1),
            _ => day,
        };
        instant(tz, out_day.and_time(t))
    });
    let punch = Punch {
        staff_id,
        workday: day,
        clock_in: at_in,
        clock_out: at_out,
        meal_minutes: meal.unwrap_or_default(),
        pay_code: None,
        cost_centre: None,
        line: 0,
    };
    if let Some(worked) = punch
        .clock_in
        .zip(punch.clock_out)
        .map(|(i, o)| (o - i).num_minutes())
    {
        if punch.meal_minutes >= worked {
            return Err(AppError::field(
                "meal_minutes",
                "The meal break is as long as the whole punch; check the times.",
            ));
        }
    }
    Ok((punch, reason.unwrap_or_default()))
}

/// Corrects punch `id`; returns it as stored.
pub fn correct(conn: &Connection, id: i64, form: &PunchInput, now: &str) -> AppResult<PunchRecord> {
    let before = store::record(conn, id)?;
    let (mut punch, reason) = read(conn, before.punch.staff_id, form)?;
    punch.pay_code = before.punch.pay_code.clone();
    punch.cost_centre = before.punch.cost_centre.clone();
    punch.line = before.punch.line;
    if punch == before.punch {
        return Err(AppError::field(
            "clock_in",
            "The times are as they were; change a time or the meal break, or cancel.",
        ));
    }
    store::write(conn, Some(id), &punch, &reason, now)?;
    store::record(conn, id)
}

/// Adds a punch by hand (a shift the clock missed entirely).
pub fn add(conn: &Connection, form: &PunchInput, now: &str) -> AppResult<PunchRecord> {
    let Some(staff_id) = form.staff_id else {
        return Err(AppError::field("staff_id", "Choose whose punch this is."));
    };
    crate::staff::get(conn, staff_id).map_err(|_| {
        AppError::field(
            "staff_id",
            "That person is no longer on the roster; choose again.",
        )
    })?;
    let (punch, reason) = read(conn, staff_id, form)?;
    let id = store::write(conn, None, &punch, &reason, now)?;
    store::record(conn, id)
}

/// Refuses a change that would overwrite the punches of an approved
/// period in bulk (an import): those are corrected one by one instead.
pub fn refuse_if_approved(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<()> {
    let approved: Option<String> = conn
        .query_row(
            "SELECT start_date FROM pay_period_approval
             WHERE start_date <= ?2 AND date(start_date, '+13 days') >= ?1
             ORDER BY start_date LIMIT 1",
            [input::format_date(from), input::format_date(to)],
            |r| r.get(0),
        )
        .ok();
    match approved {
        Some(start) => Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "The file covers the pay period from {start}, which is approved for payroll; \
                 nothing was imported. Correct its punches one by one on the timecards \
                 (each is recorded as a correction after approval), or export a file without those days."
            ),
        )),
        None => Ok(()),
    }
}
