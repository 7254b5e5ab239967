//! Reports a manager hands upward: the schedule of a period, coverage by
//! shift and day, credential compliance for an inspector, budget variance,
//! the staff roster and hours per person for payroll — each as a paginated
//! PDF and as CSV, from the same assembled table so both hold the same figures.
//!
//! Each report module turns the domain into a `table::Report`; `pdf` and
//! `table_csv` render it; `save` writes the file where the manager chose.
//! Nothing here knows Tauri: the command opens the save dialog.

pub mod budget;
pub mod coverage;
pub mod credentials;
pub mod fairness;
pub mod fonts;
pub mod hours;
pub mod layout;
pub mod options;
pub mod pdf;
pub mod roster;
pub mod save;
pub mod schedule;
pub mod table;
pub mod table_csv;
pub mod timecards;

use crate::error::{AppError, AppResult};
use crate::input;
use crate::text_enum::text_enum;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

text_enum! {
    pub enum ReportKind {
        Schedule = ("schedule", "Schedule"),
        Coverage = ("coverage", "Coverage by shift and day"),
        Credentials = ("credentials", "Credential compliance"),
        BudgetVariance = ("budget_variance", "Budget variance"),
        Roster = ("roster", "Staff roster"),
        Hours = ("hours", "Hours for payroll"),
        Timecards = ("timecards", "Timecard sign-off"),
        Fairness = ("fairness", "Fairness over time"),
    }
}

text_enum! {
    pub enum ReportFormat {
        Pdf = ("pdf", "PDF"),
        Csv = ("csv", "CSV"),
    }
}

text_enum! {
    /// The paper a PDF is laid out on: Letter for US printers, A4 elsewhere.
    #[derive(Default)]
    pub enum Paper {
        #[default]
        Letter = ("letter", "US Letter"),
        A4 = ("a4", "A4"),
    }
}

/// What to report on. Each kind reads only the parameters it needs:
/// schedule and coverage a `period_id`; budget variance a `fiscal_year_id`
/// and `month` (none: the latest month with actuals); hours a
/// `pay_period_start` (timecards too); credentials and roster an `as_of` date (empty: today);
/// fairness an `as_of` (the window's last day) and `window_months`.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ReportRequest {
    pub period_id: Option<i64>,
    pub fiscal_year_id: Option<i64>,
    pub month: Option<i64>,
    pub pay_period_start: String,
    pub as_of: String,
    /// For the PDF; Letter when not given.
    #[serde(default)]
    pub paper: Paper,
    /// Fairness: the window's months, 6 or 12 (12 when not given).
    #[serde(default)]
    pub window_months: Option<i64>,
}

/// A finished file: its suggested name and its bytes.
#[derive(Debug, Clone)]
pub struct ReportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn required(id: Option<i64>, field: &str, message: &str) -> AppResult<i64> {
    id.ok_or_else(|| AppError::field(field, message))
}

/// The as-of date typed, or today when empty.
fn as_of(text: &str, today: NaiveDate) -> AppResult<NaiveDate> {
    if text.trim().is_empty() {
        return Ok(today);
    }
    input::date(text).map_err(|m| AppError::field("as_of", m))
}

/// The report's table, as of `today` in the department's time zone.
pub fn assemble(
    conn: &Connection,
    kind: ReportKind,
    request: &ReportRequest,
    today: NaiveDate,
) -> AppResult<table::Report> {
    match kind {
        ReportKind::Schedule => {
            let id = required(request.period_id, "period_id", "Choose a schedule period.")?;
            schedule::report(conn, id, today)
        }
        ReportKind::Coverage => {
            let id = required(request.period_id, "period_id", "Choose a schedule period.")?;
            coverage::report(conn, id, today)
        }
        ReportKind::Credentials => credentials::report(conn, as_of(&request.as_of, today)?, today),
        ReportKind::BudgetVariance => {
            let id = required(
                request.fiscal_year_id,
                "fiscal_year_id",
                "Choose a fiscal year.",
            )?;
            budget::report(conn, id, request.month, today)
        }
        ReportKind::Roster => roster::report(conn, as_of(&request.as_of, today)?, today),
        ReportKind::Hours => hours::report(conn, &request.pay_period_start, today),
        ReportKind::Timecards => timecards::report(conn, &request.pay_period_start, today),
        ReportKind::Fairness => fairness::report(
            conn,
            as_of(&request.as_of, today)?,
            request.window_months,
            today,
        ),
    }
}

/// The report as a file in `format`.
pub fn make(
    conn: &Connection,
    kind: ReportKind,
    format: ReportFormat,
    request: &ReportRequest,
    today: NaiveDate,
) -> AppResult<ReportFile> {
    let report = assemble(conn, kind, request, today)?;
    let (bytes, ext) = match format {
        ReportFormat::Pdf => (pdf::render(&report, request.paper)?, "pdf"),
        ReportFormat::Csv => (table_csv::render(&report)?, "csv"),
    };
    Ok(ReportFile {
        name: format!("{}.{ext}", report.file_stem),
        bytes,
    })
}

/// The department's name for the page header.
fn department_name(conn: &Connection) -> AppResult<String> {
    Ok(crate::department::require(conn)?.name)
}
