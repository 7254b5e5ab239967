//! Time and attendance: what the time clock says was worked, set beside
//! what the schedule planned, for one pay period.
//!
//! - `import`: punches from a time-clock CSV (Kronos/UKG, Dayforce, Workday).
//! - `matching`: each punch to the scheduled shift it worked.
//! - `exceptions`: what the manager must look at, with plain reasons.
//! - `rounding`: the department's neutral punch rounding (29 CFR 785.48(b)).
//! - `pay_codes`: hours by pay code (regular, overtime, PTO).
//! - `store`: punches saved and read.
//! - `period`: one pay period's facts read from the department file.
//! - `timecards`: per person scheduled vs worked, by pay code; the summary.
//! - `corrections`: punches corrected or typed in by hand, with a reason.
//! - `approval`: exceptions accepted, the pay period approved and locked.
//! - `after_approval`: changes to an approved period, shown as such.
//! - `paid_hours`: minutes to paid hours, rounded once per person and code.
//! - `payroll`: the approved period as a payroll CSV.
//! - `settings`: grace minutes and rounding.
//! - `worked`: the grid's worked-vs-scheduled marks, per person and day.
//!
//! Nothing here touches Tauri; the matching, exceptions, rounding and pay
//! codes touch no database either. Times are instants (UTC),
//! read from the department's local wall clock with the schedule's own
//! daylight-saving policy (`schedule::time::instant`), so a night across a
//! clock change is as long as it really was.

pub mod after_approval;
pub mod approval;
pub mod corrections;
pub mod exceptions;
pub mod import;
pub mod matching;
pub mod no_show;
pub mod paid_hours;
pub mod pay_codes;
pub mod payroll;
pub mod period;
pub mod rounding;
pub mod settings;
pub mod store;
pub mod timecards;
pub mod worked;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

/// One worked stretch from the time clock: an in and an out punch. Either
/// may be missing (a missed punch), never both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Punch {
    pub staff_id: i64,
    /// The local date of the in punch; when the in is missing, the row's
    /// (apply) date, else the out punch's date.
    #[ts(type = "string")]
    pub workday: NaiveDate,
    #[ts(type = "string | null")]
    pub clock_in: Option<DateTime<Utc>>,
    #[ts(type = "string | null")]
    pub clock_out: Option<DateTime<Utc>>,
    /// Unpaid meal minutes the clock recorded inside the stretch.
    pub meal_minutes: i64,
    pub pay_code: Option<String>,
    pub cost_centre: Option<String>,
    /// The file line the punch came from (0 when typed in by hand).
    pub line: i64,
}

impl Punch {
    /// Real elapsed minutes less the meal, when both punches are there.
    pub fn worked_minutes(&self) -> Option<i64> {
        let (i, o) = (self.clock_in?, self.clock_out?);
        Some(((o - i).num_minutes() - self.meal_minutes).max(0))
    }
}

#[cfg(test)]
mod loop_tests;
