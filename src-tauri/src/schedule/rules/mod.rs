//! The rule checks: each rule is one small module with one function over
//! the schedule that returns the violations it finds, each with a
//! plain-language reason and the grid cells involved.
//!
//! `check_all` runs every rule over a period; `check_assignment` decides a
//! single proposed assignment: refused with its reason when a blocking rule
//! fails (approved time off, a leave of absence, a Block credential,
//! double booking), allowed with warnings otherwise.

mod assign;
mod consecutive;
mod context;
mod coverage;
mod credentials;
mod day_after_night;
mod double_booking;
mod hours;
mod leave;
mod rest;
mod skill_missing;
mod time_off;
mod weekends;

#[cfg(test)]
mod tests;

pub use assign::{check_assignment, decide, refusal_text};
pub use context::{cells, Person, ScheduleContext, Timeline, Worked};

use crate::text_enum::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// Which rule a violation breaks.
    pub enum RuleCode {
        DoubleBooking = ("double_booking", "Double booking"),
        Rest = ("rest", "Rest below the minimum"),
        Consecutive = ("consecutive", "Too many shifts in a row"),
        DayAfterNight = ("day_after_night", "Day shift straight after a night"),
        WeeklyHours = ("weekly_hours", "Over the weekly hours"),
        PeriodHours = ("period_hours", "Over the pay-period hours"),
        Weekends = ("weekends", "Too many weekends"),
        TimeOff = ("time_off", "Scheduled during time off"),
        Leave = ("leave", "Scheduled during a leave of absence"),
        Credential = ("credential", "Expired credential"),
        SkillMissing = ("skill_missing", "Required skill missing"),
        Coverage = ("coverage", "Coverage below minimum"),
    }
}

text_enum! {
    /// Block refuses the assignment; Warn allows it and flags it.
    pub enum Severity {
        Block = ("block", "Blocks the assignment"),
        Warn = ("warn", "Warning"),
    }
}

/// One cell of the grid: a person on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Cell {
    pub staff_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Violation {
    pub rule: RuleCode,
    pub severity: Severity,
    /// Names the person and the dates, and says what the limit is.
    pub message: String,
    /// The cells to select when the manager chooses this violation; only
    /// cells inside the period.
    pub cells: Vec<Cell>,
}

impl Violation {
    pub fn warn(rule: RuleCode, message: String, cells: Vec<Cell>) -> Self {
        Violation {
            rule,
            severity: Severity::Warn,
            message,
            cells,
        }
    }

    pub fn block(rule: RuleCode, message: String, cells: Vec<Cell>) -> Self {
        Violation {
            rule,
            severity: Severity::Block,
            message,
            cells,
        }
    }
}

type Rule = fn(&Timeline) -> Vec<Violation>;

/// Every rule, in the order their violations are listed.
const RULES: &[Rule] = &[
    double_booking::check,
    time_off::check,
    leave::check,
    credentials::check,
    rest::check,
    consecutive::check,
    day_after_night::check,
    hours::check_weekly,
    hours::check_period,
    weekends::check,
    skill_missing::check,
    coverage::check,
];

#[cfg(test)]
thread_local! {
    /// How many times `check_all` ran on this thread: a grid edit checks once.
    pub(crate) static CHECKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Every violation in the period. Assignments outside the period are
/// context: they count for rest, days in a row, weekends and hours, but a
/// violation is reported only when it touches a day of the period.
pub fn check_all(ctx: &ScheduleContext) -> Vec<Violation> {
    #[cfg(test)]
    CHECKS.with(|c| c.set(c.get() + 1));
    let timeline = Timeline::new(ctx);
    RULES.iter().flat_map(|rule| rule(&timeline)).collect()
}
