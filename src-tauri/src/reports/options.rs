//! What the Reports section offers to choose from: schedule periods, pay
//! periods, fiscal years, with today's as the default of each.

use super::hours::PAY_PERIOD_DAYS;
use crate::budget::{years, FiscalYear};
use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::store::periods::{self, SchedulePeriod};
use crate::schedule::time;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// Pay periods offered at most.
const MAX_PAY_PERIODS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PayPeriod {
    pub start: String,
    /// Inclusive.
    pub end: String,
    /// Holds today.
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportOptions {
    pub today: String,
    /// Latest first.
    pub periods: Vec<SchedulePeriod>,
    /// The period holding today, else the latest.
    pub current_period_id: Option<i64>,
    /// Latest first: every pay period from the first schedule period (or
    /// eight weeks ago) to the last one (or four weeks ahead).
    pub pay_periods: Vec<PayPeriod>,
    /// Latest first.
    pub fiscal_years: Vec<FiscalYear>,
    pub current_fiscal_year_id: Option<i64>,
}

pub fn options(conn: &Connection, today: NaiveDate) -> AppResult<ReportOptions> {
    let mut list = periods::list(conn)?;
    list.reverse();
    let current_period_id = list
        .iter()
        .find(|p| p.contains(today))
        .or(list.first())
        .map(|p| p.id);
    let anchor = crate::schedule::store::rule_settings::load(conn)?.pay_period_anchor;
    let earliest = list
        .iter()
        .map(|p| p.start())
        .min()
        .unwrap_or(today)
        .min(today - Duration::weeks(8));
    let latest = list
        .iter()
        .map(|p| p.end())
        .max()
        .unwrap_or(today)
        .max(today + Duration::weeks(4));
    let mut pay_periods = Vec::new();
    let mut start = time::pay_period_start(anchor, latest);
    while start + Duration::days(PAY_PERIOD_DAYS - 1) >= earliest
        && pay_periods.len() < MAX_PAY_PERIODS
    {
        let end = start + Duration::days(PAY_PERIOD_DAYS - 1);
        pay_periods.push(PayPeriod {
            start: format_date(start),
            end: format_date(end),
            current: start <= today && today <= end,
        });
        start -= Duration::days(PAY_PERIOD_DAYS);
    }
    let fiscal = years::overview(conn, today)?;
    Ok(ReportOptions {
        today: format_date(today),
        periods: list,
        current_period_id,
        pay_periods,
        current_fiscal_year_id: fiscal.current_id.or(fiscal.years.first().map(|y| y.id)),
        fiscal_years: fiscal.years,
    })
}
