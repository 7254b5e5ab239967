//! Time and attendance at a glance: the current pay period's exceptions
//! still waiting and the overtime the punches made beyond the schedule, and
//! whether the last closed period still waits for approval.

use crate::attendance::period;
use crate::attendance::timecards::{approvals, exceptions_of};
use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::store::rule_settings;
use crate::schedule::time;
use chrono::NaiveDate;
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
    /// The oldest closed period with punches that is not approved, if any.
    pub to_approve: Option<String>,
    /// How many closed periods with punches wait for approval.
    pub periods_to_approve: i64,
}

pub fn glance(conn: &Connection, today: NaiveDate) -> AppResult<AttendanceGlance> {
    let rules = rule_settings::load(conn)?;
    let from = time::pay_period_start(rules.pay_period_anchor, today);
    let l = period::load_at(conn, rules.clone(), from, chrono::Utc::now())?;
    let accepted = approvals(conn, from, l.end())?;
    let found = exceptions_of(&l);
    let waiting = unapproved(conn, rules.pay_period_anchor, from)?;
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
        to_approve: waiting.first().map(|d| format_date(*d)),
        periods_to_approve: waiting.len() as i64,
    })
}

/// The closed pay periods (before `current`) that hold punches and are not
/// approved, oldest first: approving the newest must not hide an older one.
fn unapproved(
    conn: &Connection,
    anchor: NaiveDate,
    current: NaiveDate,
) -> AppResult<Vec<NaiveDate>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT workday FROM punch WHERE workday < ?1")?;
    let days: Vec<String> = stmt
        .query_map([format_date(current)], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let starts: std::collections::BTreeSet<NaiveDate> = days
        .iter()
        .filter_map(|d| crate::input::date(d).ok())
        .map(|d| time::pay_period_start(anchor, d))
        .collect();
    let mut out = Vec::new();
    for start in starts {
        if period::approved_at(conn, start)?.is_none() {
            out.push(start);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        crate::input::date(s).unwrap()
    }

    #[test]
    fn every_closed_period_waiting_is_counted_and_the_oldest_named() {
        let mut conn = crate::store::open_in_memory().unwrap();
        // Pay periods from 8 Nov: punches cover 25 Oct–7 Nov and 8–21 Nov, closed.
        crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
        let g = glance(&conn, day("2026-11-25")).unwrap();
        assert_eq!(g.from, "2026-11-22");
        assert_eq!(
            (g.to_approve.as_deref(), g.periods_to_approve),
            (Some("2026-10-25"), 2)
        );

        // Approving the newest leaves the older one named, not hidden.
        conn.execute(
            "INSERT INTO pay_period_approval (start_date, approved_at) VALUES ('2026-11-08', '2026-11-24T09:00:00Z')",
            [],
        )
        .unwrap();
        let g = glance(&conn, day("2026-11-25")).unwrap();
        assert_eq!(
            (g.to_approve.as_deref(), g.periods_to_approve),
            (Some("2026-10-25"), 1)
        );

        conn.execute(
            "INSERT INTO pay_period_approval (start_date, approved_at) VALUES ('2026-10-25', '2026-11-24T09:05:00Z')",
            [],
        )
        .unwrap();
        let g = glance(&conn, day("2026-11-25")).unwrap();
        assert_eq!((g.to_approve, g.periods_to_approve), (None, 0));
    }
}
