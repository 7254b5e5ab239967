//! The dashboard: what needs the manager today, composed from the domain
//! modules that own each figure — schedule coverage (staffing and gaps),
//! time off, credential status, trainings, budget variance and overtime.
//!
//! Everything is computed for a given `today` (the department's date), so a
//! test can pin the day and check each boundary.

pub mod attendance;
mod figures;
mod people;
mod staffing;

pub use figures::{BudgetGlance, LineOver, OvertimeGlance};
pub use people::{CredentialDue, CredentialsDue, TrainingDue, TrainingsDue};
pub use staffing::{DayStaffing, Gap, Gaps, NeedCount, ShiftStaffing, GAP_DAYS};

use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::store::time_off::{self, TimeOffRequest};
use crate::schedule::TimeOffStatus;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Dashboard {
    pub today: String,
    /// Today and tomorrow, shift by shift against the coverage needs.
    pub staffing: Vec<DayStaffing>,
    /// Shifts below their minimum in the next `GAP_DAYS` days.
    pub gaps: Gaps,
    /// Requests waiting for a decision, soonest first.
    pub time_off: Vec<TimeOffRequest>,
    pub credentials: CredentialsDue,
    pub trainings: TrainingsDue,
    /// None when no fiscal year holds today.
    pub budget: Option<BudgetGlance>,
    pub overtime: OvertimeGlance,
    pub attendance: attendance::AttendanceGlance,
}

pub fn build(conn: &Connection, today: NaiveDate) -> AppResult<Dashboard> {
    let (staffing, gaps) = staffing::load(conn, today)?;
    Ok(Dashboard {
        today: format_date(today),
        staffing,
        gaps,
        time_off: time_off::list(conn, Some(TimeOffStatus::Requested))?,
        credentials: people::credentials(conn, today)?,
        trainings: people::trainings(conn, today)?,
        budget: figures::budget(conn, today)?,
        overtime: figures::overtime(conn, today)?,
        attendance: attendance::glance(conn, today)?,
    })
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
