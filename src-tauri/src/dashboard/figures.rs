//! The two money figures: the budget's year-to-date variance with the three
//! lines most over budget (`budget::variance`), and the overtime share of
//! the current pay period's scheduled hours (`schedule::overtime`).

use crate::budget::money::basis_points;
use crate::budget::variance::{self, Variance};
use crate::budget::{figures, years, Category};
use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::overtime::{overtime_minutes, WorkedMinutes};
use crate::schedule::store::{loaded_period, rule_settings, shift_types};
use crate::schedule::time;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How many over-budget lines the dashboard names.
pub const LINES_OVER: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LineOver {
    pub line_id: i64,
    pub name: String,
    pub category: Category,
    pub ytd: Variance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetGlance {
    pub fiscal_year_id: i64,
    /// "FY2027".
    pub year_label: String,
    /// The last month in the year to date ("Oct 2026"): the latest month
    /// with actuals, never later than today's month.
    pub through: String,
    /// False until any actual is entered; the variance then means nothing yet.
    pub has_actuals: bool,
    pub ytd: Variance,
    /// The lines most over budget year to date (at most three, worst first).
    pub over: Vec<LineOver>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OvertimeGlance {
    /// The pay period holding today.
    pub from: String,
    /// Inclusive.
    pub to: String,
    pub worked_minutes: i64,
    pub overtime_minutes: i64,
    /// Overtime ÷ worked, in basis points; none with nothing scheduled.
    pub overtime_bp: Option<i64>,
}

pub fn budget(conn: &Connection, today: NaiveDate) -> AppResult<Option<BudgetGlance>> {
    let Some(fy) = years::holding(conn, today)? else {
        return Ok(None);
    };
    let (year, _) = years::get(conn, fy.id)?;
    let sheet = figures::load(conn, fy.id)?;
    let has_actuals = sheet
        .lines
        .iter()
        .any(|l| l.months.iter().any(|m| m.has_actual));
    let now = year.index_of_date(today).unwrap_or(0);
    let month = variance::latest_month(&sheet).min(now);
    let report = variance::build(&sheet, Some(month))?;
    let mut over: Vec<LineOver> = report
        .lines
        .iter()
        .filter(|l| l.figures.ytd.variance_cents < 0)
        .map(|l| LineOver {
            line_id: l.line_id,
            name: l.name.clone(),
            category: l.category,
            ytd: l.figures.ytd,
        })
        .collect();
    over.sort_by_key(|l| (l.ytd.variance_cents, l.line_id));
    over.truncate(LINES_OVER);
    Ok(Some(BudgetGlance {
        fiscal_year_id: fy.id,
        year_label: fy.label,
        through: report.month_label,
        has_actuals,
        ytd: report.total.ytd,
        over,
    }))
}

/// Scheduled overtime in the pay period holding today. Pay periods are whole
/// work weeks from the same anchor, so no shift outside the period changes
/// an overtime minute inside it, under either rule.
pub fn overtime(conn: &Connection, today: NaiveDate) -> AppResult<OvertimeGlance> {
    let rules = rule_settings::load(conn)?;
    let tz = crate::department::require(conn)?
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::UTC);
    let from = time::pay_period_start(rules.pay_period_anchor, today);
    let to = from + Duration::days(13);
    let shifts: HashMap<i64, _> = shift_types::list(conn)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut by_person: HashMap<i64, Vec<(chrono::DateTime<chrono::Utc>, WorkedMinutes)>> =
        HashMap::new();
    for a in loaded_period::assignments_between(conn, from, to)? {
        let Some(shift) = shifts.get(&a.shift_type_id) else {
            continue;
        };
        let span = time::span(tz, a.date, shift);
        by_person.entry(a.staff_id).or_default().push((
            span.start,
            WorkedMinutes {
                workday: a.date,
                minutes: time::paid_minutes(&span, shift),
            },
        ));
    }
    let (mut worked, mut overtime) = (0, 0);
    for mut mine in by_person.into_values() {
        mine.sort_by_key(|(start, w)| (*start, w.workday));
        let list: Vec<WorkedMinutes> = mine.into_iter().map(|(_, w)| w).collect();
        worked += list.iter().map(|w| w.minutes).sum::<i64>();
        overtime += overtime_minutes(&rules, &list).iter().sum::<i64>();
    }
    Ok(OvertimeGlance {
        from: format_date(from),
        to: format_date(to),
        worked_minutes: worked,
        overtime_minutes: overtime,
        overtime_bp: basis_points(overtime, worked),
    })
}
