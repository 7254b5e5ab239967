//! A person's limits for the fill, from the department's rules, their FTE
//! and employment type: which shift types they may take, days in a row,
//! weekends, and minutes per work week and per pay period; and the minutes
//! their FTE asks for over the period (a soft target, not a limit).
//!
//! Limits the fixed cells already break (a week planned by hand over 40 h)
//! are raised to what those cells hold: the model's rules are hard, and a
//! roster must exist; the fill then adds nothing beyond them.

use super::department::Mapped;
use crate::credentials::ExpiredAction;
use crate::schedule::cost::{paid_time_off, shift_cost};
use crate::schedule::period_hours;
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::{time, ScheduleContext, ShiftType, StaffFacts, TimeOffStatus};
use crate::solver::model::{Contract, WeekendWindow, Window};
use crate::staff::EmploymentType;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// Whether shift `b` on `date_b` may not follow shift `a` on `date_a`: they
/// overlap (a double booking, which blocks), the rest between them is below
/// the minimum, or `b` is a day shift within a day of coming off night `a`.
pub fn clash(
    ctx: &ScheduleContext,
    a: &ShiftType,
    date_a: NaiveDate,
    b: &ShiftType,
    date_b: NaiveDate,
) -> bool {
    let (first, second) = (time::span(ctx.tz, date_a, a), time::span(ctx.tz, date_b, b));
    if first.overlaps(&second)
        || (second.start - first.end).num_minutes() < ctx.rules.min_rest_minutes
    {
        return true;
    }
    let off = first.end.with_timezone(&ctx.tz).date_naive();
    ctx.rules.no_day_after_night && a.night && b.is_day() && date_b - off <= Duration::days(1)
}

/// Whether an existing shift of the person's, `a`, is too close to another
/// of theirs (too little rest, a day shift after a night, an overlap):
/// the fill does not keep it as it is but places it again or takes it off,
/// unless it is locked.
pub fn breaks_rest(ctx: &ScheduleContext, a: &crate::schedule::Assignment) -> bool {
    let Some(ta) = ctx.shift_type(a.shift_type_id) else {
        return false;
    };
    ctx.assignments
        .iter()
        .filter(|b| b.staff_id == a.staff_id && b.date != a.date)
        .filter(|b| (b.date - a.date).num_days().abs() <= 2)
        .any(|b| {
            let Some(tb) = ctx.shift_type(b.shift_type_id) else {
                return false;
            };
            if b.date < a.date {
                clash(ctx, tb, b.date, ta, a.date)
            } else {
                clash(ctx, ta, a.date, tb, b.date)
            }
        })
}

/// Whether an existing shift on `date` breaks a blocking rule: approved
/// time off, a leave of absence, or a credential that blocks scheduling has
/// lapsed.
pub fn blocked(ctx: &ScheduleContext, facts: &StaffFacts, date: NaiveDate) -> bool {
    let off = ctx
        .time_off
        .iter()
        .any(|t| t.staff_id == facts.id && t.status == TimeOffStatus::Approved && t.covers(date));
    off || facts.on_leave_on(date)
        || facts
            .credentials
            .iter()
            .any(|c| c.when_expired == ExpiredAction::Block && c.lapsed_on(date))
}

/// The shift types a person counts towards some coverage need of.
pub(super) fn eligible(ctx: &ScheduleContext, facts: &StaffFacts, shift_type_id: i64) -> bool {
    ctx.coverage.iter().any(|n| {
        n.shift_type_id == shift_type_id
            && n.target.max(n.minimum) > 0
            && facts.meets(n.requirement)
    })
}

pub fn contract(
    loaded: &Loaded,
    mapped: &Mapped,
    facts: &StaffFacts,
    fixed: &[(usize, usize)],
    extra_minutes: u32,
) -> Contract {
    let ctx = &loaded.ctx;
    let model = &mapped.model;
    let days = model.days as u32;
    let fixed_of = |shift: usize| fixed.iter().filter(|&&(_, s)| s == shift).count() as u32;
    let max_per_shift: Vec<u32> = ctx
        .shift_types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if eligible(ctx, facts, t.id) {
                days
            } else {
                fixed_of(i)
            }
        })
        .collect();
    let twelve = ctx
        .shift_types
        .iter()
        .zip(&max_per_shift)
        .any(|(t, &max)| max > 0 && t.is_twelve_hour());
    let limit = if twelve {
        ctx.rules.max_consecutive_12h
    } else {
        ctx.rules.max_consecutive_8h
    };
    let mut row = vec![None; model.days];
    for &(day, shift) in fixed {
        row[day] = Some(shift);
    }
    let weeks = (model.days as u32).div_ceil(7);
    let max_weekends = ctx
        .rules
        .max_weekends_per_4_weeks
        .map_or(weeks, |per_4| per_4 * weeks / 4);
    let mut windows = windows(loaded, mapped, facts, &row);
    // Hard: at most the target and the extra hours the manager allows
    // beyond it (Fill option), over the period's days.
    if let Some(target) = target_minutes(ctx, mapped, facts, fixed) {
        let limit = i64::from(target) + i64::from(extra_minutes);
        windows.push(window(
            mapped,
            &row,
            mapped.first_period_day,
            mapped.period_days,
            limit,
        ));
    }
    let fixed_weekends = (0..model.days)
        .filter(|d| d % 7 == 5)
        .filter(|&sat| row[sat].is_some() || row.get(sat + 1).is_some_and(Option::is_some))
        .count() as u32;
    Contract {
        max_per_shift,
        min_shifts: 0,
        max_shifts: days,
        min_minutes: 0,
        max_minutes: u32::MAX,
        min_consecutive_work: 0,
        max_consecutive_work: limit.max(longest_run(&row)),
        min_consecutive_off: 0,
        max_weekends: max_weekends.max(fixed_weekends),
        windows,
        weekend_windows: weekend_windows(ctx, mapped, facts, &row),
    }
}

/// The department's "at most N weekends in any 4 weeks" as the grid checks
/// it (`schedule::rules::weekends`): a window of four weekends from each
/// Saturday whose window touches the period, less the weekends the person
/// works outside the horizon within it, raised to the weekends its fixed
/// cells hold. Windows that cannot bind are left out.
fn weekend_windows(
    ctx: &ScheduleContext,
    mapped: &Mapped,
    facts: &StaffFacts,
    row: &[Option<usize>],
) -> Vec<WeekendWindow> {
    let Some(limit) = ctx.rules.max_weekends_per_4_weeks else {
        return Vec::new();
    };
    let (first, last) = (mapped.dates[0], mapped.dates[mapped.dates.len() - 1]);
    let saturday =
        |d: NaiveDate| d - Duration::days(i64::from((d.weekday().num_days_from_monday() + 2) % 7));
    let outside: BTreeSet<NaiveDate> = ctx
        .assignments
        .iter()
        .filter(|a| a.staff_id == facts.id && (a.date < first || a.date > last))
        .filter(|a| matches!(a.date.weekday(), Weekday::Sat | Weekday::Sun))
        .map(|a| saturday(a.date))
        .collect();
    let mut out: Vec<WeekendWindow> = Vec::new();
    let mut start = saturday(ctx.period_start - Duration::days(3 * 7));
    while start <= ctx.period_end {
        let saturdays: Vec<NaiveDate> = (0..4).map(|k| start + Duration::days(7 * k)).collect();
        let held = saturdays.iter().filter(|s| outside.contains(s)).count() as u32;
        let weeks: Vec<usize> = saturdays
            .iter()
            .map(|&s| (s - first).num_days())
            .filter(|&d| d >= 0 && (d as usize) < mapped.model.days)
            .map(|d| d as usize / 7)
            .collect();
        if let Some(&first_week) = weeks.first() {
            let mut window = WeekendWindow {
                first_week,
                weeks: weeks.len(),
                max: 0,
            };
            let fixed = window.worked(row);
            window.max = limit.saturating_sub(held).max(fixed);
            if (window.weeks as u32) > window.max && !out.contains(&window) {
                out.push(window);
            }
        }
        start += Duration::days(7);
    }
    out
}

/// Days in the longest run of fixed cells.
fn longest_run(row: &[Option<usize>]) -> u32 {
    let (mut best, mut run) = (0, 0);
    for cell in row {
        run = if cell.is_some() { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Work weeks and pay periods touching the horizon. (The FTE is a target,
/// not a window: see [`target_minutes`].)
fn windows(
    loaded: &Loaded,
    mapped: &Mapped,
    facts: &StaffFacts,
    row: &[Option<usize>],
) -> Vec<Window> {
    let ctx = &loaded.ctx;
    let rules = &ctx.rules;
    let first = mapped.dates[0];
    let mut out = Vec::new();
    // Per diem staff have their own, lower, pay-period limit.
    let period_limit = if facts.employment_type == EmploymentType::PerDiem {
        rules
            .period_hours_limit_minutes
            .min(rules.per_diem_period_hours_limit_minutes)
    } else {
        rules.period_hours_limit_minutes
    };
    for (length, limit) in [(7, rules.weekly_hours_limit_minutes), (14, period_limit)] {
        let starts: BTreeSet<NaiveDate> = mapped
            .dates
            .iter()
            .map(|&d| {
                if length == 7 {
                    time::week_start(rules.pay_period_anchor, d)
                } else {
                    time::pay_period_start(rules.pay_period_anchor, d)
                }
            })
            .collect();
        for start in starts {
            let end = start + Duration::days(length);
            // Hours worked in this block before the horizon begins.
            let before: i64 = ctx
                .assignments
                .iter()
                .filter(|a| a.staff_id == facts.id && a.date >= start && a.date < first.min(end))
                .filter_map(|a| ctx.shift_type(a.shift_type_id).map(|t| (a.date, t)))
                .map(|(d, t)| time::paid_minutes(&time::span(ctx.tz, d, t), t))
                .sum();
            let from = mapped.day_of(start.max(first)).unwrap_or(0);
            let days = (end - start.max(first)).num_days().max(0) as usize;
            out.push(window(mapped, row, from, days, limit - before));
        }
    }
    out
}

/// A window of at most `limit` minutes, raised to what its fixed cells hold.
fn window(mapped: &Mapped, row: &[Option<usize>], first: usize, days: usize, limit: i64) -> Window {
    let end = (first + days).min(row.len());
    let fixed: u32 = row[first.min(end)..end]
        .iter()
        .flatten()
        .map(|&s| mapped.model.shifts[s].minutes)
        .sum();
    Window {
        first,
        days,
        max_minutes: (limit.clamp(0, i64::from(u32::MAX)) as u32).max(fixed),
    }
}

/// The minutes of shifts a person's target asks the Fill for: their FTE's
/// share of the period (see [`period_hours::target_minutes`]) less the
/// paid time off they take in it (on days with no shift kept, `fixed`
/// days holding one), so that shifts and time off together reach it.
pub fn target_minutes(
    ctx: &ScheduleContext,
    mapped: &Mapped,
    facts: &StaffFacts,
    fixed: &[(usize, usize)],
) -> Option<u32> {
    let target = period_hours::target_minutes(ctx, facts)?;
    let kept: std::collections::HashSet<(i64, NaiveDate)> = fixed
        .iter()
        .map(|&(day, _)| (facts.id, mapped.dates[day]))
        .collect();
    let off = paid_time_off(ctx, facts.id, &kept);
    Some((target - off).clamp(0, i64::from(u32::MAX)) as u32)
}

/// Straight time and differentials of one shift, in cents.
pub fn shift_pay_cents(
    ctx: &ScheduleContext,
    facts: &StaffFacts,
    shift: &ShiftType,
    date: NaiveDate,
) -> i64 {
    let paid = time::paid_minutes(&time::span(ctx.tz, date, shift), shift);
    shift_cost(&ctx.rules, facts, shift, date, paid, 0).total_cents
}
