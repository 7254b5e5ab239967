//! Hours per person for a 14-day pay period, as payroll keys them:
//! regular and overtime hours (under the department's overtime rule,
//! `schedule::overtime`), the hours that earn each differential, paid time
//! off, and total paid hours.
//!
//! What is counted, from the schedule (the record of who worked when):
//! - Worked hours are each shift's paid minutes (length less the unpaid
//!   break, true length across daylight-saving changes), counted on the day
//!   the shift starts.
//! - Overtime as `schedule::overtime`; regular = worked − overtime.
//! - Differential hours: a shift's hours count as shift-differential hours
//!   when its shift type carries a differential (evening, night), as weekend
//!   hours when it starts on a Saturday or Sunday and the department pays a
//!   weekend differential, and as holiday hours likewise; one hour may earn
//!   several, as they stack in `schedule::cost`. A charge premium is not
//!   modelled in Wardbook, so none is counted.
//! - Paid time off: 8 h for each weekday of approved paid time off without a
//!   shift (`schedule::cost`).

use super::table::{hours, hours_cell, Cell, Column, Orientation, Report, Row};
use crate::error::{AppError, AppResult};
use crate::input::{self, format_date};
use crate::schedule::cost::period_cost;
use crate::schedule::store::loaded_period;
use crate::schedule::{time, Differential, ShiftType};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::Connection;
use std::collections::HashMap;

/// A pay period's days.
pub const PAY_PERIOD_DAYS: i64 = 14;

/// One person's hours, in minutes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hours {
    pub regular: i64,
    pub overtime: i64,
    pub shift_differential: i64,
    pub weekend_differential: i64,
    pub holiday_differential: i64,
    pub paid_time_off: i64,
}

impl Hours {
    pub fn paid(&self) -> i64 {
        self.regular + self.overtime + self.paid_time_off
    }

    fn add(&mut self, o: &Hours) {
        self.regular += o.regular;
        self.overtime += o.overtime;
        self.shift_differential += o.shift_differential;
        self.weekend_differential += o.weekend_differential;
        self.holiday_differential += o.holiday_differential;
        self.paid_time_off += o.paid_time_off;
    }
}

/// The pay period starting on `text`, which must be a pay-period start.
pub fn pay_period(text: &str, anchor: NaiveDate) -> AppResult<(NaiveDate, NaiveDate)> {
    let field = "pay_period_start";
    if text.trim().is_empty() {
        return Err(AppError::field(field, "Choose a pay period."));
    }
    let start = input::date(text).map_err(|m| AppError::field(field, m))?;
    if time::pay_period_start(anchor, start) != start {
        return Err(AppError::field(
            field,
            format!(
                "{} does not start a pay period; pay periods run 14 days from {}.",
                format_date(start),
                format_date(anchor)
            ),
        ));
    }
    Ok((start, start + Duration::days(PAY_PERIOD_DAYS - 1)))
}

fn differential_text(d: Differential) -> Option<String> {
    match d {
        Differential::None => None,
        Differential::Percent(bp) => Some(format!(
            "{}%",
            super::table::percent(Some(bp))
                .trim_end_matches('%')
                .trim_end_matches(".0")
        )),
        Differential::PerHour(cents) => Some(crate::units::Cents(cents).rate()),
    }
}

pub fn report(conn: &Connection, start_text: &str, today: NaiveDate) -> AppResult<Report> {
    let anchor = crate::schedule::store::rule_settings::load(conn)?.pay_period_anchor;
    let (start, end) = pay_period(start_text, anchor)?;
    let (ctx, people) = loaded_period::load_span(conn, start, end)?;
    let cost = period_cost(&ctx);
    let shifts: HashMap<i64, &ShiftType> = ctx.shift_types.iter().map(|s| (s.id, s)).collect();
    let rules = &ctx.rules;
    let mut by_person: HashMap<i64, Hours> = HashMap::new();
    for line in &cost.lines {
        let h = by_person.entry(line.staff_id).or_default();
        h.regular += line.paid_minutes - line.overtime_minutes;
        h.overtime += line.overtime_minutes;
        let shift = shifts.get(&line.shift_type_id);
        if shift.is_some_and(|s| s.differential != Differential::None) {
            h.shift_differential += line.paid_minutes;
        }
        let weekend = matches!(line.date.weekday(), Weekday::Sat | Weekday::Sun);
        if weekend && rules.weekend_differential != Differential::None {
            h.weekend_differential += line.paid_minutes;
        }
        if rules.holidays.contains(&line.date) && rules.holiday_differential != Differential::None {
            h.holiday_differential += line.paid_minutes;
        }
    }
    for p in &cost.people {
        by_person.entry(p.staff_id).or_default().paid_time_off = p.paid_time_off_minutes;
    }

    let mut total = Hours::default();
    let mut rows = Vec::new();
    for p in &people {
        let h = by_person.remove(&p.id).unwrap_or_default();
        total.add(&h);
        rows.push(Row::body(figures(
            vec![
                p.employee_no.clone().into(),
                p.sort_name().into(),
                p.role.code().into(),
            ],
            &h,
        )));
    }
    rows.push(Row::total(figures(
        vec!["Total".into(), Cell::default(), Cell::default()],
        &total,
    )));

    let worked = total.regular + total.overtime;
    let overtime_share = if worked == 0 {
        String::new()
    } else {
        format!(
            " ({} of worked hours)",
            super::table::percent(Some(crate::budget::money::div_round(
                total.overtime as i128 * 10_000,
                worked as i128
            )))
        )
    };
    let shift_diffs: Vec<String> = ctx
        .shift_types
        .iter()
        .filter_map(|s| {
            Some(format!(
                "{} {} {}",
                s.code,
                s.name,
                differential_text(s.differential)?
            ))
        })
        .collect();
    let notes = vec![
        format!("Overtime rule: {}. Worked hours are paid hours of scheduled shifts (less unpaid breaks), on the day each shift starts; regular = worked − overtime.", rules.overtime_rule.label()),
        format!(
            "Shift differential hours: shifts of a type with a differential ({}). Weekend: shifts starting Saturday or Sunday{}. Holiday: shifts starting on a holiday{}. One hour may earn several differentials. A charge premium is not modelled, so none is counted.",
            if shift_diffs.is_empty() { "none set".to_string() } else { shift_diffs.join(", ") },
            differential_text(rules.weekend_differential).map_or(" (no weekend differential set)".to_string(), |d| format!(", {d}")),
            differential_text(rules.holiday_differential).map_or(" (no holiday differential set)".to_string(), |d| format!(", {d}")),
        ),
        "PTO: 8 hours for each weekday of approved paid time off with no shift. Total paid = regular + overtime + PTO.".to_string(),
    ];
    Ok(Report {
        title: "Hours for payroll".into(),
        department: super::department_name(conn)?,
        generated_on: today,
        scope: format!("Pay period {} to {}", format_date(start), format_date(end)),
        orientation: Orientation::Landscape,
        font_size: 8.0,
        summary: vec![
            format!(
                "{} people: {} regular hours, {} overtime hours{overtime_share}, {} hours of paid time off; {} paid hours in all.",
                people.len(),
                hours(total.regular),
                hours(total.overtime),
                hours(total.paid_time_off),
                hours(total.paid()),
            ),
        ],
        columns: vec![
            Column::left("Employee no.", 1.4),
            Column::left("Name", 3.0),
            Column::left("Role", 0.8),
            Column::right("Regular", 1.1),
            Column::right("Overtime", 1.1),
            Column::right("Shift diff.", 1.2),
            Column::right("Weekend diff.", 1.3),
            Column::right("Holiday diff.", 1.3),
            Column::right("PTO", 1.0),
            Column::right("Total paid", 1.2),
        ],
        rows,
        notes,
        bands: None,
        file_stem: format!("hours-{}", format_date(start)),
    })
}

fn figures(mut cells: Vec<Cell>, h: &Hours) -> Vec<Cell> {
    cells.extend([
        hours_cell(h.regular),
        hours_cell(h.overtime),
        hours_cell(h.shift_differential),
        hours_cell(h.weekend_differential),
        hours_cell(h.holiday_differential),
        hours_cell(h.paid_time_off),
        hours_cell(h.paid()),
    ]);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        input::date(s).unwrap()
    }

    #[test]
    fn a_pay_period_starts_every_14_days_from_the_anchor() {
        let anchor = day("2026-01-04");
        assert_eq!(
            pay_period("2026-01-18", anchor).unwrap(),
            (day("2026-01-18"), day("2026-01-31"))
        );
        assert_eq!(
            pay_period("2025-12-21", anchor).unwrap().0,
            day("2025-12-21"),
            "periods run backwards from the anchor too"
        );
        let err = pay_period("2026-01-11", anchor).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("pay_period_start"));
        assert!(
            err.message.contains("does not start a pay period"),
            "{}",
            err.message
        );
        assert!(
            pay_period("", anchor).is_err(),
            "a pay period must be chosen"
        );
        assert!(pay_period("2026-02-30", anchor).is_err(), "not a date");
    }

    #[test]
    fn differentials_read_as_payroll_writes_them() {
        assert_eq!(
            differential_text(Differential::Percent(1000)).unwrap(),
            "10%"
        );
        assert_eq!(
            differential_text(Differential::Percent(1250)).unwrap(),
            "12.5%"
        );
        assert_eq!(
            differential_text(Differential::PerHour(200)).unwrap(),
            "$2.00/h"
        );
        assert_eq!(differential_text(Differential::None), None);
    }
}
