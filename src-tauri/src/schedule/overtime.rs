//! Overtime under the department's rule (FLSA, 29 CFR part 778):
//!
//! - **Weekly 40** (§778.103–104): hours over the weekly limit (40 h) in a
//!   7-day work week are overtime; each week stands alone. The work week
//!   starts on the pay-period anchor's weekday.
//! - **8 and 80** (§778.601, hospitals): a fixed 14-day period from the
//!   anchor; hours over 8 in a workday are overtime, and so are hours over
//!   80 in the period — counting only the hours not already paid as daily
//!   overtime, so no hour is paid the premium twice.
//!
//! A shift's hours belong to the workday (and week, and period) on which it
//! starts: a 19:00–07:00 night counts 12 h on its first day. Minutes are
//! worked minutes (paid time off is not hours worked).

use super::time;
use super::Rules;
use crate::department::OvertimeRule;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The 8 of 8 and 80.
pub const DAILY_LIMIT_MINUTES: i64 = 8 * 60;

/// One shift's worked minutes and the workday it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkedMinutes {
    pub workday: NaiveDate,
    pub minutes: i64,
}

/// The overtime minutes within each shift, for one person's shifts in the
/// order they were worked. Later shifts take the overtime: the hours past
/// the limit are the last ones worked.
pub fn overtime_minutes(rules: &Rules, shifts: &[WorkedMinutes]) -> Vec<i64> {
    let anchor = rules.pay_period_anchor;
    match rules.overtime_rule {
        OvertimeRule::Weekly40 => over(shifts, rules.weekly_hours_limit_minutes, |d| {
            time::week_start(anchor, d)
        }),
        OvertimeRule::EightEighty => {
            let daily = over(shifts, DAILY_LIMIT_MINUTES, |d| d);
            let straight: Vec<WorkedMinutes> = shifts
                .iter()
                .zip(&daily)
                .map(|(s, ot)| WorkedMinutes {
                    minutes: s.minutes - ot,
                    ..*s
                })
                .collect();
            let period = over(&straight, rules.period_hours_limit_minutes, |d| {
                time::pay_period_start(anchor, d)
            });
            daily.iter().zip(period).map(|(d, p)| d + p).collect()
        }
    }
}

/// For each shift, its minutes past `limit` in its block (day, week or
/// pay period), counted in order.
fn over(
    shifts: &[WorkedMinutes],
    limit: i64,
    block_of: impl Fn(NaiveDate) -> NaiveDate,
) -> Vec<i64> {
    let mut so_far: HashMap<NaiveDate, i64> = HashMap::new();
    shifts
        .iter()
        .map(|s| {
            let total = so_far.entry(block_of(s.workday)).or_default();
            let before = *total;
            *total += s.minutes;
            (*total - limit.max(before)).clamp(0, s.minutes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn day(s: &str) -> NaiveDate {
        crate::input::date(s).unwrap()
    }

    fn rules(rule: OvertimeRule) -> Rules {
        Rules {
            overtime_rule: rule,
            pay_period_anchor: day("2026-01-04"), // a Sunday
            ..Rules::default()
        }
    }

    /// Whole hours worked per day from `first`, one shift a day (0 = off).
    fn days(first: &str, hours: &[i64]) -> Vec<WorkedMinutes> {
        hours
            .iter()
            .enumerate()
            .filter(|(_, h)| **h > 0)
            .map(|(i, h)| WorkedMinutes {
                workday: day(first) + Duration::days(i as i64),
                minutes: h * 60,
            })
            .collect()
    }

    fn total_hours(rule: OvertimeRule, shifts: &[WorkedMinutes]) -> i64 {
        overtime_minutes(&rules(rule), shifts).iter().sum::<i64>() / 60
    }

    #[test]
    fn weekly_40_the_hourly_example_of_778_110a() {
        // §778.110(a): at $6 an hour, an employee who works 46 hours is owed
        // $294: 46 hours at $6 plus 6 hours at $3 (the half-time premium).
        let week = days("2026-01-04", &[10, 8, 8, 8, 8, 4, 0]);
        let ot_hours = total_hours(OvertimeRule::Weekly40, &week);
        assert_eq!(ot_hours, 6, "46 hours in the week is 6 over 40");
        let rate = 600;
        let pay = 46 * rate + ot_hours * rate / 2;
        assert_eq!(pay, 29_400, "$294, as the regulation says");
    }

    #[test]
    fn weekly_40_each_week_stands_alone() {
        // §778.104: 30 hours one week and 50 the next is 10 hours of
        // overtime in the second week, though the two average 40.
        let mut two = days("2026-01-04", &[6, 6, 6, 6, 6, 0, 0]);
        two.extend(days("2026-01-11", &[10, 10, 10, 10, 10, 0, 0]));
        assert_eq!(total_hours(OvertimeRule::Weekly40, &two), 10);
    }

    #[test]
    fn weekly_40_weeks_start_on_the_anchors_weekday() {
        // Sunday-anchored weeks: Wed–Sat 4 × 12 = 48 h, then Sun–Tue 3 × 12.
        let shifts = days("2026-01-07", &[12, 12, 12, 12, 12, 12, 12]);
        let ot = overtime_minutes(&rules(OvertimeRule::Weekly40), &shifts);
        assert_eq!(
            ot.iter().map(|m| m / 60).collect::<Vec<_>>(),
            vec![0, 0, 0, 8, 0, 0, 0],
            "the 4th shift crosses 40 h; Sunday 11 Jan starts a new week at 0"
        );
    }

    #[test]
    fn weekly_40_exactly_the_limit_is_straight_time() {
        let week = days("2026-01-04", &[8, 8, 8, 8, 8, 0, 0]);
        assert_eq!(total_hours(OvertimeRule::Weekly40, &week), 0);
        let mut over = week.clone();
        over[4].minutes += 1;
        assert_eq!(
            overtime_minutes(&rules(OvertimeRule::Weekly40), &over)
                .iter()
                .sum::<i64>(),
            1,
            "one minute past 40 h is one minute of overtime"
        );
    }

    #[test]
    fn eight_and_80_daily_overtime_is_owed_even_under_80() {
        // §778.601(b): 1.5× for all hours over eight in any workday within
        // the period, and over 80 in the period as a whole; the daily
        // overtime is due even when the period totals less than 80.
        let period = days(
            "2026-01-04",
            &[12, 12, 12, 0, 0, 0, 0, 12, 12, 12, 0, 0, 0, 0],
        );
        assert_eq!(
            total_hours(OvertimeRule::EightEighty, &period),
            24,
            "six 12 h shifts = 72 h: 6 × 4 h over 8 in a day, nothing over 80"
        );
        assert_eq!(
            total_hours(OvertimeRule::Weekly40, &period),
            0,
            "the same 36 h weeks are no overtime under weekly 40"
        );
    }

    #[test]
    fn eight_and_80_lets_a_48_hour_week_pass_when_the_period_is_80() {
        // The 8/80 system averages over 14 days: six 8 h days (48 h) then
        // four (32 h) is 80 h with no day over 8, so no overtime.
        let period = days("2026-01-04", &[8, 8, 8, 8, 8, 8, 0, 8, 8, 8, 8, 0, 0, 0]);
        assert_eq!(total_hours(OvertimeRule::EightEighty, &period), 0);
        assert_eq!(
            total_hours(OvertimeRule::Weekly40, &period),
            8,
            "weekly 40 would pay 8 h for the 48 h week"
        );
    }

    #[test]
    fn eight_and_80_never_counts_an_hour_twice() {
        // 90 h in the period with one 10 h day: 2 h daily overtime, and of
        // the other 88 h, 8 are over 80. 10 h in all — not 2 + 10.
        let period = days("2026-01-04", &[8, 10, 8, 8, 8, 8, 0, 8, 8, 8, 8, 8, 0, 0]);
        let ot = overtime_minutes(&rules(OvertimeRule::EightEighty), &period);
        assert_eq!(ot.iter().sum::<i64>() / 60, 10);
        assert_eq!(ot[1], 120, "the 10 h day carries its 2 daily hours");
    }

    #[test]
    fn eight_and_80_periods_are_fixed_14_days_from_the_anchor() {
        // 11 × 8 h straddling two periods: 6 days in the first, 5 in the second.
        let shifts = days("2026-01-12", &[8; 11]);
        assert_eq!(
            total_hours(OvertimeRule::EightEighty, &shifts),
            0,
            "88 h, but split 48 + 40 across the periods starting 4 and 18 Jan"
        );
    }
}
