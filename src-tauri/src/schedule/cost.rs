//! The labor cost of a schedule, in integer cents, and scheduled FTE.
//!
//! Per shift line: straight time (paid hours × base rate), differentials
//! (the shift type's evening/night differential, plus the weekend one when
//! the shift starts on a Saturday or Sunday, plus the holiday one when it
//! starts on a holiday — they stack, each over the whole shift) and the
//! overtime premium: the extra 0.5× for the line's overtime hours under the
//! department's rule. Kept simple on purpose: the premium is figured on the
//! base rate, where the FLSA "regular rate" would also fold in the
//! differentials, so the premium is a slight underestimate on differential
//! shifts.
//!
//! Rounding: each component of a line is rounded half up to the cent, once,
//! from the exact amount; line totals and period totals are sums of those
//! rounded components, so the columns always add up.

use super::overtime::{self, WorkedMinutes};
use super::rules::{ScheduleContext, Timeline, Worked};
use super::{Differential, Rules, ShiftType, StaffFacts, TimeOffStatus};
use crate::units::{Cents, Fte};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::HashSet;
use ts_rs::TS;

pub use crate::units::FTE_MINUTES_PER_14_DAYS;
/// A day of paid time off counts this many paid minutes, Monday to Friday,
/// at 1.0 FTE (80 h per 14 days over 10 weekdays).
pub const PAID_TIME_OFF_DAY_MINUTES: i64 = 8 * 60;

/// The paid minutes of one day of paid time off: the paid minutes of the
/// shift it replaces when one was scheduled that day (its length less the
/// unpaid break: a 12-hour day pays 11.5 h, not 8); else, Monday to
/// Friday, the person's FTE daily hours (8 h at 1.0 FTE, 7.2 h at 0.9);
/// else (a weekend day with no shift) nothing.
pub fn time_off_day_minutes(day: NaiveDate, scheduled: Option<i64>, fte_hundredths: i64) -> i64 {
    match scheduled {
        Some(m) => m,
        None if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) => 0,
        None => round_half_up(PAID_TIME_OFF_DAY_MINUTES * fte_hundredths, 100),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShiftCost {
    pub staff_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub shift_type_id: i64,
    pub paid_minutes: i64,
    pub overtime_minutes: i64,
    pub straight_cents: i64,
    pub differential_cents: i64,
    pub overtime_premium_cents: i64,
    pub total_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonCost {
    pub staff_id: i64,
    pub worked_minutes: i64,
    pub paid_time_off_minutes: i64,
    pub overtime_minutes: i64,
    pub total_cents: i64,
    pub fte_hundredths: i64,
    /// Paid hours ÷ (80 h per 14 days over the period), in hundredths.
    pub scheduled_fte_hundredths: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodCost {
    pub lines: Vec<ShiftCost>,
    pub people: Vec<PersonCost>,
    pub straight_cents: i64,
    pub differential_cents: i64,
    pub overtime_premium_cents: i64,
    pub total_cents: i64,
    pub worked_minutes: i64,
    pub overtime_minutes: i64,
}

/// `numerator / denominator` rounded half up (both non-negative): minutes
/// as hundredths of an hour. Money and FTE round in `crate::units`.
pub fn round_half_up(numerator: i64, denominator: i64) -> i64 {
    (2 * numerator + denominator) / (2 * denominator)
}

/// One shift's cost for a person.
pub fn shift_cost(
    rules: &Rules,
    staff: &StaffFacts,
    shift: &ShiftType,
    date: NaiveDate,
    paid_minutes: i64,
    overtime_minutes: i64,
) -> ShiftCost {
    let rate = staff.hourly_rate_cents;
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    let holiday = rules.holidays.contains(&date);
    // Exact differential in cents × 600 000 (per hour × basis points).
    let mut differential = per_hour_scaled(shift.differential, rate);
    if weekend {
        differential += per_hour_scaled(rules.weekend_differential, rate);
    }
    if holiday {
        differential += per_hour_scaled(rules.holiday_differential, rate);
    }
    let straight_cents = Cents(rate).for_minutes(paid_minutes).0;
    let differential_cents = Cents(differential)
        .scaled(paid_minutes as i128, 60 * 10_000)
        .0;
    let overtime_premium_cents = Cents(rate).scaled(overtime_minutes as i128, 120).0;
    ShiftCost {
        staff_id: staff.id,
        date,
        shift_type_id: shift.id,
        paid_minutes,
        overtime_minutes,
        straight_cents,
        differential_cents,
        overtime_premium_cents,
        total_cents: straight_cents + differential_cents + overtime_premium_cents,
    }
}

/// A differential as cents per hour, times 10 000 so percentages stay exact.
fn per_hour_scaled(d: Differential, rate: i64) -> i64 {
    match d {
        Differential::None => 0,
        Differential::Percent(basis_points) => rate * basis_points,
        Differential::PerHour(cents) => cents * 10_000,
    }
}

/// Overtime minutes per shift of one person, their shifts in time order.
pub fn overtime_of(rules: &Rules, shifts: &[Worked]) -> Vec<i64> {
    let worked: Vec<WorkedMinutes> = shifts
        .iter()
        .map(|w| WorkedMinutes {
            workday: w.date(),
            minutes: w.paid_minutes,
        })
        .collect();
    overtime::overtime_minutes(rules, &worked)
}

/// The cost of the period's assignments. Assignments around the period
/// count toward overtime (a week that began before it) but are not costed.
pub fn period_cost(ctx: &ScheduleContext) -> PeriodCost {
    let timeline = Timeline::new(ctx);
    let worked_days: HashSet<(i64, NaiveDate)> = ctx
        .assignments
        .iter()
        .map(|a| (a.staff_id, a.date))
        .collect();
    let period_days = (ctx.period_end - ctx.period_start).num_days() + 1;
    let mut lines = Vec::new();
    let mut people = Vec::new();
    for facts in &ctx.staff {
        let shifts = timeline
            .people
            .iter()
            .find(|p| p.id == facts.id)
            .map_or(&[][..], |p| p.shifts.as_slice());
        let overtime = overtime_of(&ctx.rules, shifts);
        let mine: Vec<ShiftCost> = shifts
            .iter()
            .zip(overtime)
            .filter(|(w, _)| w.in_period)
            .map(|(w, ot)| shift_cost(&ctx.rules, facts, w.shift, w.date(), w.paid_minutes, ot))
            .collect();
        let worked_minutes: i64 = mine.iter().map(|l| l.paid_minutes).sum();
        let paid_time_off_minutes = paid_time_off(ctx, facts.id, &worked_days);
        let paid = worked_minutes + paid_time_off_minutes;
        people.push(PersonCost {
            staff_id: facts.id,
            worked_minutes,
            paid_time_off_minutes,
            overtime_minutes: mine.iter().map(|l| l.overtime_minutes).sum(),
            total_cents: mine.iter().map(|l| l.total_cents).sum(),
            fte_hundredths: facts.fte_hundredths,
            scheduled_fte_hundredths: Fte::scheduled(paid, period_days).0,
        });
        lines.extend(mine);
    }
    let sum = |f: fn(&ShiftCost) -> i64| lines.iter().map(f).sum::<i64>();
    PeriodCost {
        straight_cents: sum(|l| l.straight_cents),
        differential_cents: sum(|l| l.differential_cents),
        overtime_premium_cents: sum(|l| l.overtime_premium_cents),
        total_cents: sum(|l| l.total_cents),
        worked_minutes: sum(|l| l.paid_minutes),
        overtime_minutes: sum(|l| l.overtime_minutes),
        lines,
        people,
    }
}

/// Paid, approved time off on the days of the period with no shift.
pub(crate) fn paid_time_off(
    ctx: &ScheduleContext,
    staff_id: i64,
    worked: &HashSet<(i64, NaiveDate)>,
) -> i64 {
    paid_time_off_days(ctx, staff_id, worked)
        .iter()
        .map(|(_, m)| m)
        .sum()
}

/// Each day of the period with paid, approved time off and no shift, with
/// the minutes it pays (`time_off_day_minutes`: the paid minutes of the
/// shift the time off replaced, else the FTE's daily hours on a weekday).
/// The schedule's cost and the budget's labor both count time off by it,
/// as the timecards do, so the three agree. Days paying nothing are left out.
pub fn paid_time_off_days(
    ctx: &ScheduleContext,
    staff_id: i64,
    worked: &HashSet<(i64, NaiveDate)>,
) -> Vec<(NaiveDate, i64)> {
    let offs: Vec<_> = ctx
        .time_off
        .iter()
        .filter(|t| t.staff_id == staff_id && t.paid && t.status == TimeOffStatus::Approved)
        .collect();
    if offs.is_empty() {
        return Vec::new();
    }
    let fte = ctx.staff(staff_id).map_or(100, |s| s.fte_hundredths);
    ctx.days()
        .filter(|d| offs.iter().any(|t| t.covers(*d)) && !worked.contains(&(staff_id, *d)))
        .map(|d| {
            let replaced = ctx.replaced_shifts.get(&(staff_id, d)).copied();
            (d, time_off_day_minutes(d, replaced, fte))
        })
        .filter(|(_, m)| *m > 0)
        .collect()
}

#[cfg(test)]
#[path = "cost_tests.rs"]
mod tests;
