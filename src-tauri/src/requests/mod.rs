//! Staff requests: what a person asks of the schedule for one day — to work
//! (a given shift type, or any shift) or to be off — with a priority (must,
//! strong, nice to have) and an optional note. One request per person per
//! day; the manager records them on the schedule grid.
//!
//! What the priorities mean to Fill schedule (`fill/staff_requests.rs`):
//! - **must**: a day off asked as a must is a fixed day off, like approved
//!   time off (only a cell the manager locked with a shift beats it); a
//!   shift asked as a must outweighs any gap the Fill could close with that
//!   person, but never breaks a rule (rest, hours, days in a row): then it
//!   is listed as not met, with the rule.
//! - **strong** counts as much as a pending time-off request, **nice to
//!   have** a third of that, both scaled by the Fill dialog's "requests"
//!   weight.
//!
//! A department rule caps how many strong requests a person may make per
//! schedule period ([`rules`]); must requests count against the same cap,
//! or marking every wish "must" would get round it.
//!
//! **Availability.** A per diem person's requests to work are the days they
//! offer: once they have offered any day of a period, the Fill schedules them
//! only on offered days (and only the offered shift where they named one).
//! They are the same record because an offer is what a per diem nurse asks
//! for — a day, maybe a shift — entered, shown and imported the same way;
//! only the Fill reads them differently by employment type.

pub mod import;
pub mod rules;
pub mod store;
mod validate;

use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use store::{delete, for_dates, get, save};

text_enum! {
    /// To work, or to be off.
    pub enum RequestKind {
        Work = ("work", "Work"),
        Off = ("off", "Off"),
    }
}

text_enum! {
    pub enum RequestPriority {
        Must = ("must", "Must"),
        Strong = ("strong", "Strong"),
        Nice = ("nice", "Nice to have"),
    }
}

/// One person's request for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffRequest {
    pub id: i64,
    pub staff_id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: RequestKind,
    /// The shift asked for; none: any shift (and always none for a day off).
    pub shift_type_id: Option<i64>,
    pub priority: RequestPriority,
    pub note: String,
}

impl StaffRequest {
    pub fn day(&self) -> Option<chrono::NaiveDate> {
        crate::input::date(&self.date).ok()
    }
}

/// The request form as chosen in the cell menu.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct StaffRequestInput {
    pub staff_id: i64,
    pub date: String,
    pub kind: Option<RequestKind>,
    pub shift_type_id: Option<i64>,
    pub priority: Option<RequestPriority>,
    pub note: String,
}

/// "24 Dec 2026": a day as a refusal names it.
pub(crate) fn day_words(date: chrono::NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests;
