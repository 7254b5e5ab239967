//! The staff roster: everyone in the department, active or terminated.

mod detail;
pub mod import;
#[cfg(test)]
mod leave_tests;
mod leaving;
mod list;
mod store;
mod validate;

pub use detail::{detail, StaffDetail};
pub use leaving::{reactivate, shifts_after, terminate};
pub use list::{list, StaffQuery, StaffRow, StaffSort, StatusFilter};
pub use store::{create, get, update};

use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// Role / job code.
    pub enum Role {
        Rn = ("RN", "Registered nurse"),
        Lpn = ("LPN", "Licensed practical nurse"),
        Cna = ("CNA", "Certified nursing assistant"),
        UnitClerk = ("UC", "Unit clerk"),
        Tech = ("TECH", "Technician"),
        Physician = ("MD", "Physician"),
        Manager = ("MGR", "Manager"),
        Other = ("OTHER", "Other"),
    }
}

text_enum! {
    pub enum EmploymentType {
        FullTime = ("full_time", "Full-time"),
        PartTime = ("part_time", "Part-time"),
        PerDiem = ("per_diem", "Per diem"),
        Float = ("float", "Float pool"),
        Agency = ("agency", "Agency"),
    }
}

/// A skill a person brings to a shift (charge, preceptor, telemetry…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Skill {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Staff {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub employee_no: String,
    pub role: Role,
    pub job_code: String,
    /// The title as HR writes it ("RN - Charge Nurse, Med/Surg"); may be empty.
    pub job_title: String,
    pub employment_type: EmploymentType,
    /// FTE in hundredths: 90 is 0.90.
    pub fte_hundredths: i64,
    pub hourly_rate_cents: i64,
    pub hire_date: String,
    pub seniority_date: Option<String>,
    /// The last day of employment; from then on the person is terminated.
    pub termination_date: Option<String>,
    /// On a leave of absence: still employed, but not scheduled or called in.
    pub on_leave: bool,
    /// The first day of the leave, when known.
    pub leave_since: Option<String>,
    pub skills: Vec<Skill>,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

impl Staff {
    /// On leave on `date`: from the first day of leave (or, when it is not
    /// known, on every day) while the leave lasts.
    pub fn on_leave_on(&self, date: chrono::NaiveDate) -> bool {
        on_leave_on(self.on_leave, self.leave_since.as_deref(), date)
    }

    pub fn is_active(&self, today: chrono::NaiveDate) -> bool {
        let today = crate::input::format_date(today);
        self.termination_date.as_ref().is_none_or(|d| *d >= today)
    }
}

/// Whether a leave (`on_leave` since `since`) covers `date`.
pub fn on_leave_on(on_leave: bool, since: Option<&str>, date: chrono::NaiveDate) -> bool {
    on_leave && since.is_none_or(|s| s <= crate::input::format_date(date).as_str())
}

/// The staff form as typed: numbers and dates arrive as text so that the
/// backend decides what is valid and says why, beside the field.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct StaffInput {
    pub first_name: String,
    pub last_name: String,
    pub employee_no: String,
    pub role: Option<Role>,
    pub job_code: String,
    #[serde(default)]
    pub job_title: String,
    pub employment_type: Option<EmploymentType>,
    pub fte: String,
    pub hourly_rate: String,
    pub hire_date: String,
    pub seniority_date: String,
    #[serde(default)]
    pub on_leave: bool,
    /// `YYYY-MM-DD` or empty; only with `on_leave`.
    #[serde(default)]
    pub leave_since: String,
    pub skill_ids: Vec<i64>,
    pub phone: String,
    pub email: String,
    pub notes: String,
}
