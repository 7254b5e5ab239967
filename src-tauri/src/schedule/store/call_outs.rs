//! Day-of call-outs on a published schedule: the shift is removed, the
//! call-out recorded (who, date, shift, when), and the candidates to fill
//! it ranked by the domain's `call_out_candidates`.

use super::assignments::{cell, mark_changed};
use super::loaded_period;
use super::periods::PeriodStatus;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use crate::schedule::candidates::{call_out_candidates, Candidate, Excluded};
use crate::schedule::{format, ScheduleContext};
use chrono::{DateTime, NaiveDate};
use rusqlite::params;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CallOutView {
    pub date: String,
    pub shift_code: String,
    /// Who called out: "Maria Lopez".
    pub called_out: String,
    /// Best first, each with the reason for its rank.
    pub candidates: Vec<Candidate>,
    pub excluded: Vec<Excluded>,
}

/// Records that `staff_id` called out of their shift on `date`, for
/// `reason` (optional, one line: "sick", "child care").
pub fn call_out(
    conn: &mut Connection,
    period_id: i64,
    staff_id: i64,
    date: &str,
    reason: &str,
    now: &str,
) -> AppResult<CallOutView> {
    let reason = input::text(reason, 120, "reason").map_err(|m| AppError::field("reason", m))?;
    let loaded = loaded_period::load(conn, period_id)?;
    if loaded.period.status != PeriodStatus::Published {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "Call-outs are recorded on a published schedule; on a draft, clear the cell instead.",
        ));
    }
    let date = cell(&loaded, staff_id, date)?;
    let ctx = &loaded.ctx;
    let name = ctx
        .staff(staff_id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let Some(shift) = ctx
        .assignments
        .iter()
        .find(|a| a.staff_id == staff_id && a.date == date)
        .and_then(|a| ctx.shift_type(a.shift_type_id))
        .cloned()
    else {
        return Err(AppError::new(
            ErrorCode::NotFound,
            format!(
                "{name} has no shift on {} to call out of.",
                format::day(date)
            ),
        ));
    };
    let found = call_out_candidates(ctx, staff_id, date);
    let tx = conn.transaction()?;
    tx.execute(
        "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
        params![staff_id, input::format_date(date)],
    )?;
    tx.execute(
        "INSERT INTO call_out (period_id, staff_id, date, shift_code, recorded_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![period_id, staff_id, input::format_date(date), shift.code, now, reason],
    )?;
    mark_changed(&tx, period_id, staff_id, date, now)?;
    tx.commit()?;
    Ok(CallOutView {
        date: input::format_date(date),
        shift_code: shift.code,
        called_out: name,
        candidates: found.ranked,
        excluded: found.excluded,
    })
}

/// The period's call-outs by cell, each as its cell's title says it: "Maria
/// Lopez called out of the Day shift (D) (sick); recorded Tue 8 Dec at 06:12;
/// filled by Ann Lee", the time in the department's zone. Who filled it is known when
/// someone else was put on that shift that day after the call-out was
/// recorded (the first of them). A later call-out of the same cell wins.
pub fn in_period(
    conn: &Connection,
    period_id: i64,
    ctx: &ScheduleContext,
) -> AppResult<HashMap<(i64, NaiveDate), String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, date, shift_code, recorded_at, reason FROM call_out WHERE period_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([period_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    // When each cell of the period last changed, to tell who was put on the
    // shift after the call-out.
    let mut changes = conn.prepare_cached(
        "SELECT staff_id, date, changed_at FROM schedule_change WHERE period_id = ?1",
    )?;
    let changed: HashMap<(i64, String), String> = changes
        .query_map([period_id], |r| {
            Ok(((r.get::<_, i64>(0)?, r.get::<_, String>(1)?), r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut found = HashMap::new();
    for row in rows {
        let (staff_id, date, code, recorded_at, reason) = row?;
        let Ok(date) = input::date(&date) else {
            continue;
        };
        let who = ctx
            .staff(staff_id)
            .map_or_else(|| "This person".to_string(), |s| s.name.clone());
        let shift = match ctx.shift_types.iter().find(|s| s.code == code) {
            Some(s) => format!("the {} shift ({code})", s.name),
            None => format!("the {code} shift"),
        };
        let filled_by = ctx
            .assignments
            .iter()
            .filter(|a| a.date == date && a.staff_id != staff_id)
            .filter(|a| {
                ctx.shift_type(a.shift_type_id)
                    .is_some_and(|s| s.code == code)
            })
            .filter_map(|a| {
                let at = changed.get(&(a.staff_id, input::format_date(date)))?;
                (at.as_str() >= recorded_at.as_str()).then_some((at, a.staff_id))
            })
            .min()
            .and_then(|(_, id)| ctx.staff(id))
            .map(|p| format!("; filled by {}", p.name))
            .unwrap_or_default();
        let when = match DateTime::parse_from_rfc3339(&recorded_at) {
            Ok(at) => {
                let local = at.with_timezone(&ctx.tz);
                format!("{} at {}", local.format("%a %-d %b"), local.format("%H:%M"))
            }
            Err(_) => recorded_at,
        };
        let because = if reason.is_empty() {
            String::new()
        } else {
            format!(" ({reason})")
        };
        found.insert(
            (staff_id, date),
            format!("{who} called out of {shift}{because}; recorded {when}{filled_by}"),
        );
    }
    Ok(found)
}
