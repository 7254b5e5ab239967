//! Time and attendance at a glance: the current pay period's exceptions
//! still waiting and the overtime the punches made beyond the schedule, and
//! whether the last closed period still waits for approval.

use crate::attendance::period;
use crate::attendance::timecards::{approvals, exceptions_of};
use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::store::rule_settings;
use crate::schedule::time;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceGlance {
    /// The pay period holding today.
    pub from: String,
    pub to: String,
    pub punches: i64,
    pub open_exceptions: i64,
    pub incidental_overtime_cents: i64,
    /// The last closed period's start, when it has punches and is not approved.
    pub to_approve: Option<String>,
}

pub fn glance(conn: &Connection, today: NaiveDate) -> AppResult<AttendanceGlance> {
    let rules = rule_settings::load(conn)?;
    let from = time::pay_period_start(rules.pay_period_anchor, today);
    let last = from - Duration::days(period::DAYS);
    let l = period::load_at(conn, rules, from, chrono::Utc::now())?;
    let accepted = approvals(conn, from, l.end())?;
    let found = exceptions_of(&l);
    let last_punches: i64 = conn.query_row(
        "SELECT count(*) FROM punch WHERE workday BETWEEN ?1 AND ?2",
        [format_date(last), format_date(from - Duration::days(1))],
        |r| r.get(0),
    )?;
    Ok(AttendanceGlance {
        from: format_date(from),
        to: format_date(l.end()),
        punches: l.records.len() as i64,
        open_exceptions: found
            .iter()
            .filter(|e| {
                l.approved_at.is_none() && !accepted.contains(&(e.staff_id, e.workday, e.kind))
            })
            .count() as i64,
        incidental_overtime_cents: found.iter().map(|e| e.cost_cents).sum(),
        to_approve: (last_punches > 0 && period::approved_at(conn, last)?.is_none())
            .then(|| format_date(last)),
    })
}
