//! Schedules: shift types, department rules, assignments, time off and
//! coverage needs, and the pure computations over them — true shift times
//! across daylight-saving changes, rule checks, overtime, cost and call-out
//! candidates.
//!
//! Nothing here touches the database or Tauri: the store fills these plain
//! structs and the commands pass them in, so every rule is testable alone.

pub mod candidates;
pub mod cost;
pub mod csv;
pub(crate) mod format;
pub mod overtime;
pub mod period_hours;
pub mod ratios;
pub mod rules;
pub mod sign_up_sheet;
pub mod store;
#[cfg(test)]
pub(crate) mod testing;
pub mod time;
pub mod view;
pub mod view_coverage;

pub use rules::{
    check_all, check_assignment, Cell, RuleCode, ScheduleContext, Severity, Violation,
};

use crate::credentials::ExpiredAction;
use crate::department::OvertimeRule;
use crate::staff::{EmploymentType, Role};
use crate::text_enum::text_enum;
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A shift of this length or longer counts as a 12-hour shift for the
/// consecutive-shift limit.
pub const TWELVE_HOURS: i64 = 12 * 60;

/// An extra pay rate on top of the base hourly rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Differential {
    #[default]
    None,
    /// Basis points of the base rate: 1000 is 10 %.
    Percent(i64),
    /// Cents per paid hour.
    PerHour(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ShiftType {
    pub id: i64,
    /// What the grid cell shows ("D", "N12").
    pub code: String,
    pub name: String,
    /// Local wall-clock start in the department's time zone, "HH:MM".
    #[serde(with = "hh_mm")]
    #[ts(type = "string")]
    pub start: NaiveTime,
    /// Wall-clock length: a 19:00 shift of 720 minutes ends at 07:00.
    pub length_minutes: i64,
    pub unpaid_break_minutes: i64,
    pub evening: bool,
    pub night: bool,
    pub differential: Differential,
}

impl ShiftType {
    /// Neither evening nor night.
    pub fn is_day(&self) -> bool {
        !self.evening && !self.night
    }

    pub fn is_twelve_hour(&self) -> bool {
        self.length_minutes >= TWELVE_HOURS
    }
}

/// The department's scheduling rules; every number is configurable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rules {
    pub min_rest_minutes: i64,
    pub max_consecutive_8h: u32,
    pub max_consecutive_12h: u32,
    pub weekly_hours_limit_minutes: i64,
    pub period_hours_limit_minutes: i64,
    /// Per diem staff: at most this many hours per pay period (hard for the
    /// Fill, a warning on the grid).
    pub per_diem_period_hours_limit_minutes: i64,
    pub no_day_after_night: bool,
    pub max_weekends_per_4_weeks: Option<u32>,
    pub overtime_rule: OvertimeRule,
    /// First day of a 14-day pay period; the work week starts on its weekday.
    #[ts(type = "string")]
    pub pay_period_anchor: NaiveDate,
    pub weekend_differential: Differential,
    pub holiday_differential: Differential,
    #[ts(type = "Array<string>")]
    pub holidays: Vec<NaiveDate>,
}

impl Rules {
    /// Per diem hours in a pay period unless the department sets its own:
    /// three 12-hour shifts (the migration's default too).
    pub const DEFAULT_PER_DIEM_PERIOD_MINUTES: i64 = 36 * 60;
}

impl Default for Rules {
    /// 10 h rest, 5 eight-hour or 3 twelve-hour shifts in a row, 40 h a
    /// week and 80 h a pay period (36 h for per diem staff), weekly-40
    /// overtime, pay periods from
    /// Sunday 4 January 2026.
    fn default() -> Self {
        Rules {
            min_rest_minutes: 600,
            max_consecutive_8h: 5,
            max_consecutive_12h: 3,
            weekly_hours_limit_minutes: 40 * 60,
            period_hours_limit_minutes: 80 * 60,
            per_diem_period_hours_limit_minutes: Rules::DEFAULT_PER_DIEM_PERIOD_MINUTES,
            no_day_after_night: true,
            max_weekends_per_4_weeks: None,
            overtime_rule: OvertimeRule::Weekly40,
            pay_period_anchor: NaiveDate::from_ymd_opt(2026, 1, 4).expect("a real date"),
            weekend_differential: Differential::None,
            holiday_differential: Differential::None,
            holidays: Vec::new(),
        }
    }
}

/// One cell of the grid: a person works a shift on a date (the date it starts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Assignment {
    pub staff_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub shift_type_id: i64,
    /// Made after the period was published.
    pub published_change: bool,
}

text_enum! {
    pub enum TimeOffKind {
        Pto = ("pto", "Paid time off"),
        Sick = ("sick", "Sick"),
        Education = ("education", "Education"),
        Fmla = ("fmla", "FMLA leave"),
        Other = ("other", "Other"),
    }
}

text_enum! {
    pub enum TimeOffStatus {
        Requested = ("requested", "Requested"),
        Approved = ("approved", "Approved"),
        Denied = ("denied", "Denied"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimeOff {
    pub staff_id: i64,
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Inclusive.
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub kind: TimeOffKind,
    pub status: TimeOffStatus,
    pub paid: bool,
}

impl TimeOff {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// Who a coverage need asks for: anyone of a role, or anyone with a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Requirement {
    Role(Role),
    /// A skill id (charge, telemetry…).
    Skill(i64),
}

/// How many people a shift needs on a weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoverageNeed {
    pub shift_type_id: i64,
    #[ts(type = "\"Mon\" | \"Tue\" | \"Wed\" | \"Thu\" | \"Fri\" | \"Sat\" | \"Sun\"")]
    pub weekday: Weekday,
    pub requirement: Requirement,
    pub minimum: u32,
    pub target: u32,
}

/// A required credential that has lapsed or will lapse: expired once the
/// shift date is past `expires_on`; never held when `expires_on` is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CredentialFact {
    pub name: String,
    #[ts(type = "string | null")]
    pub expires_on: Option<NaiveDate>,
    pub when_expired: ExpiredAction,
}

impl CredentialFact {
    /// Valid through its expiry day (as `credentials::credential_status`).
    pub fn lapsed_on(&self, date: NaiveDate) -> bool {
        self.expires_on.is_none_or(|e| e < date)
    }
}

/// What the rules need to know about a person, so they never ask the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StaffFacts {
    pub id: i64,
    /// As shown in sentences and messages: "Maria Lopez".
    pub name: String,
    /// As shown in lists of people (the grid, call-in candidates, a fill's
    /// hours), sorted by it: "Lopez, Maria".
    pub list_name: String,
    pub role: Role,
    pub skills: Vec<i64>,
    pub fte_hundredths: i64,
    pub hourly_rate_cents: i64,
    pub employment_type: EmploymentType,
    /// Required credentials that lapse on or before the period's last day.
    pub credentials: Vec<CredentialFact>,
    /// On a leave of absence, from `leave_since` (or, not known, throughout):
    /// not scheduled by the Fill nor offered for a call-out on those days.
    pub on_leave: bool,
    /// `YYYY-MM-DD`.
    pub leave_since: Option<String>,
    /// `YYYY-MM-DD`; none when not known (employed throughout).
    pub hire_date: Option<String>,
    /// `YYYY-MM-DD`, the last day employed (inclusive), as HR exports write
    /// it and `staff::terminate` keeps it.
    pub termination_date: Option<String>,
}

impl StaffFacts {
    pub fn on_leave_on(&self, date: NaiveDate) -> bool {
        crate::staff::on_leave_on(self.on_leave, self.leave_since.as_deref(), date)
    }

    /// Employed that day and not on a leave of absence: a day their FTE
    /// asks hours of.
    pub fn at_work_on(&self, date: NaiveDate) -> bool {
        let d = crate::input::format_date(date);
        let hired = self.hire_date.as_ref().is_none_or(|h| *h <= d);
        let still = self.termination_date.as_ref().is_none_or(|t| *t >= d);
        hired && still && !self.on_leave_on(date)
    }

    pub fn meets(&self, requirement: Requirement) -> bool {
        match requirement {
            Requirement::Role(role) => self.role == role,
            Requirement::Skill(skill) => self.skills.contains(&skill),
        }
    }
}

/// Serde for "HH:MM", the form the UI and the database use for times of day.
mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.format("%H:%M").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M").map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_hours_tests;
