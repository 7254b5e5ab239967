//! The department's budget: fiscal years, budget lines with a monthly
//! spread, actuals (typed, imported from finance, or logged as expenses),
//! variance and forecast, volumes and labor productivity.
//!
//! Money is integer cents end to end and percentages are basis points, so
//! every figure the manager sees adds up to the cent. The one rule for
//! actuals: a line's actual for a month is the amount typed or imported for
//! that month (none counts as 0) plus the sum of the expenses logged against
//! the line in that month (`figures`).
//!
//! Pure computations (`spread`, `variance`, `productivity`, `calendar`,
//! `money`, `csv_import::parse`) take plain values; the store modules read and
//! write SQLite, each write one transaction so a refusal leaves nothing behind.

pub mod account_map;
pub mod actuals;
pub mod calendar;
pub mod clocked;
pub mod csv_import;
pub mod expenses;
pub mod figures;
mod import_check;
pub mod import_columns;
mod import_preview;
pub mod labor;
pub mod lines;
pub mod money;
pub mod productivity;
pub mod spread;
pub mod targets;
pub mod variance;
pub mod years;

use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// What a budget line pays for.
    pub enum Category {
        ProductiveSalaries = ("productive_salaries", "Productive salaries"),
        Overtime = ("overtime", "Overtime"),
        Agency = ("agency", "Agency / contract labor"),
        Benefits = ("benefits", "Benefits"),
        MedicalSupplies = ("medical_supplies", "Medical supplies"),
        Pharmacy = ("pharmacy", "Pharmacy"),
        Equipment = ("equipment", "Equipment"),
        EducationTravel = ("education_travel", "Education / travel"),
        PurchasedServices = ("purchased_services", "Purchased services"),
        Other = ("other", "Other"),
    }
}

text_enum! {
    /// How a line's annual amount is spread over the months (see `spread`).
    pub enum Spread {
        Even = ("even", "Evenly over the months"),
        Days = ("days", "By days in the month"),
        Typed = ("typed", "Typed per month"),
    }
}

/// A fiscal year as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FiscalYear {
    pub id: i64,
    /// "FY2027", named by the calendar year it ends in.
    pub label: String,
    /// "Jul 2026 – Jun 2027".
    pub span: String,
    pub months: Vec<calendar::MonthInfo>,
    pub target_hppd_hundredths: i64,
}

/// A new fiscal year: it starts in the department's start month of
/// `first_year`; optionally a copy of another year's budget, each amount
/// adjusted by `adjustment_percent` ("3.5", "-2"; empty is 0).
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct FiscalYearInput {
    pub first_year: String,
    pub copy_from: Option<i64>,
    pub adjustment_percent: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetLine {
    pub id: i64,
    pub fiscal_year_id: i64,
    pub category: Category,
    pub name: String,
    pub gl_account: String,
    pub annual_cents: i64,
    pub spread: Spread,
    /// Twelve amounts that add up exactly to `annual_cents`.
    pub monthly_cents: Vec<i64>,
}

/// The budget line form as typed. `monthly` holds the twelve amounts when
/// the spread is `typed` (the annual amount is then their sum) and is
/// ignored otherwise.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct BudgetLineInput {
    pub category: Option<Category>,
    pub name: String,
    pub gl_account: String,
    pub annual: String,
    pub spread: Option<Spread>,
    pub monthly: Vec<String>,
}
