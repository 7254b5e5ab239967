//! The change history: who was changed, what, when, before → after.
//!
//! Written by SQLite triggers (`triggers`) in the same transaction as each
//! change; read here as readable entries. The log is append-only: there is no
//! function that edits it, the table's own triggers refuse updates and
//! deletes, and every entry is sealed to the one before it (`chain`), so an
//! edit made around the triggers is found and named.

pub mod chain;
mod describe;
pub mod differences;
mod list;
pub mod rows;
pub(crate) mod title;
pub mod triggers;
pub mod undone;

/// A column as the history names it ("Employee number", "FTE").
pub(crate) use describe::humanize;
pub use list::list;

/// The history's UTC time text on the department's clock (`YYYY-MM-DD HH:MM:SS`).
pub fn local_time_of(conn: &rusqlite::Connection, at: &str) -> crate::error::AppResult<String> {
    Ok(list::local_time(list::zone(conn)?, at))
}

use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// The kind of record an entry concerns, for filtering.
    pub enum HistoryKind {
        Staff = ("staff", "Staff"),
        Credentials = ("credentials", "Credentials"),
        Trainings = ("trainings", "Trainings and evaluations"),
        Schedule = ("schedule", "Schedule"),
        TimeOff = ("time_off", "Time off"),
        Budget = ("budget", "Budget"),
        Department = ("department", "Department and settings"),
        Other = ("other", "Other"),
    }
}

text_enum! {
    pub enum HistoryAction {
        Added = ("added", "Added"),
        Changed = ("changed", "Changed"),
        Removed = ("removed", "Removed"),
    }
}

/// Which tables make up each kind, and the readable name of one of their rows.
/// A table added later and not listed here is shown as "Other" under its own
/// name, so it is still in the history.
pub(crate) const TABLES: &[(&str, HistoryKind, &str)] = &[
    ("staff", HistoryKind::Staff, "Staff record"),
    ("staff_skill", HistoryKind::Staff, "Skill"),
    ("credential", HistoryKind::Credentials, "Credential"),
    (
        "credential_type",
        HistoryKind::Credentials,
        "Credential type",
    ),
    (
        "credential_type_role",
        HistoryKind::Credentials,
        "Credential required for role",
    ),
    ("training", HistoryKind::Trainings, "Training"),
    ("assignment", HistoryKind::Schedule, "Shift"),
    ("assignment_lock", HistoryKind::Schedule, "Locked cell"),
    ("call_out", HistoryKind::Schedule, "Call-out"),
    ("schedule_period", HistoryKind::Schedule, "Schedule period"),
    ("shift_type", HistoryKind::Schedule, "Shift type"),
    ("schedule_rules", HistoryKind::Schedule, "Schedule rules"),
    ("holiday", HistoryKind::Schedule, "Holiday"),
    ("time_off", HistoryKind::TimeOff, "Time off"),
    (
        "time_off_shift",
        HistoryKind::TimeOff,
        "Shift replaced by time off",
    ),
    ("staff_request", HistoryKind::Schedule, "Staff request"),
    ("shift_swap", HistoryKind::Schedule, "Shift swap"),
    (
        "staff_request_rules",
        HistoryKind::Schedule,
        "Request rules",
    ),
    ("punch", HistoryKind::Schedule, "Punch"),
    (
        "exception_approval",
        HistoryKind::Schedule,
        "Attendance exception approved",
    ),
    (
        "pay_period_approval",
        HistoryKind::Schedule,
        "Pay period approved",
    ),
    (
        "attendance_settings",
        HistoryKind::Department,
        "Attendance settings",
    ),
    ("fiscal_year", HistoryKind::Budget, "Fiscal year"),
    ("budget_line", HistoryKind::Budget, "Budget line"),
    ("budget_month", HistoryKind::Budget, "Budget month"),
    ("expense", HistoryKind::Budget, "Expense"),
    ("budget_volume", HistoryKind::Budget, "Volumes and hours"),
    ("budget_fte", HistoryKind::Budget, "Budgeted FTE"),
    (
        "budget_account_map",
        HistoryKind::Budget,
        "Finance account map",
    ),
    ("budget_cost_centre", HistoryKind::Budget, "Cost centre"),
    ("department", HistoryKind::Department, "Department"),
    ("skill", HistoryKind::Department, "Skill"),
];

pub(crate) fn kind_of(table: &str) -> (HistoryKind, String) {
    match TABLES.iter().find(|(t, _, _)| *t == table) {
        Some((_, kind, what)) => (*kind, what.to_string()),
        None => (HistoryKind::Other, describe::humanize(table)),
    }
}

/// What the history view asks for. Empty strings and `None` mean "any".
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct HistoryQuery {
    pub kind: Option<HistoryKind>,
    /// Everything about one person: their record, credentials, shifts…
    pub staff_id: Option<i64>,
    /// One record: its table and key (as in `HistoryEntry`).
    pub table: Option<String>,
    pub record_key: Option<String>,
    /// First and last day, `YYYY-MM-DD`, in the department's time zone.
    pub from: String,
    pub to: String,
    /// Matched against the record's name and the values before and after.
    pub text: String,
    pub offset: i64,
    pub limit: i64,
}

/// One field of a change; `None` where the field had no value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryEntry {
    pub id: i64,
    /// What happened, in a few words ("Ana Ruiz: hourly rate", "Shift added
    /// 12 Jan 2026 N Night", "Backup made by hand").
    pub title: String,
    /// Local date and time in the department's zone, `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    pub kind: HistoryKind,
    /// What sort of record ("Credential", "Shift"…).
    pub what: String,
    /// Which record, as it was named at the time ("Lee, Ann — BLS").
    pub label: String,
    pub action: HistoryAction,
    pub staff_id: Option<i64>,
    pub table: String,
    pub record_key: String,
    pub changes: Vec<HistoryChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryPage {
    pub entries: Vec<HistoryEntry>,
    /// How many entries match the filters in all.
    pub total: i64,
    pub offset: i64,
    pub limit: i64,
}

#[cfg(test)]
mod tests;
