//! Approving: one exception accepted as it is, or the whole pay period for
//! payroll. An approved period is locked against imports; a hand
//! correction after it is marked as made after approval.

use super::exceptions::ExceptionKind;
use super::period::Loaded;
use super::timecards::{approvals, exceptions_of};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use rusqlite::{params, Connection};

/// Accepts one exception of the period as it is.
pub fn approve_exception(
    conn: &Connection,
    l: &Loaded,
    staff_id: i64,
    workday: &str,
    kind: ExceptionKind,
    now: &str,
) -> AppResult<()> {
    let day = input::date(workday).map_err(|e| AppError::field("workday", e))?;
    let there = exceptions_of(l)
        .iter()
        .any(|e| e.staff_id == staff_id && e.workday == day && e.kind == kind);
    if !there {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "That exception is no longer there (a punch was corrected meanwhile); the list is up to date now.",
        ));
    }
    conn.execute(
        "INSERT OR IGNORE INTO exception_approval (staff_id, workday, kind, approved_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![staff_id, input::format_date(day), kind, now],
    )?;
    Ok(())
}

/// Approves the period for payroll. Refused while a missed punch is
/// neither corrected nor accepted: it would pay nothing for that shift.
/// Other open exceptions are accepted with the period.
pub fn approve_period(conn: &Connection, l: &Loaded, now: &str) -> AppResult<()> {
    if l.approved_at.is_some() {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!("The pay period from {} is already approved.", l.start),
        ));
    }
    if l.records.is_empty() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "This pay period has no punches yet; import the time clock's file first.",
        ));
    }
    let accepted = approvals(conn, l.start, l.end())?;
    let missed = exceptions_of(l)
        .into_iter()
        .filter(|e| {
            e.kind == ExceptionKind::MissedPunch
                && !accepted.contains(&(e.staff_id, e.workday, e.kind))
        })
        .count();
    if missed > 0 {
        return Err(AppError::new(
            ErrorCode::Validation,
            format!(
                "{missed} missed {} still open: a punch with no in or no out pays nothing. \
                 Correct {} (or approve {} as it is) before approving the period.",
                if missed == 1 {
                    "punch is"
                } else {
                    "punches are"
                },
                if missed == 1 { "it" } else { "them" },
                if missed == 1 { "it" } else { "each" },
            ),
        ));
    }
    conn.execute(
        "INSERT INTO pay_period_approval (start_date, approved_at) VALUES (?1, ?2)",
        params![input::format_date(l.start), now],
    )?;
    super::after_approval::record_approval(conn, l)
}
