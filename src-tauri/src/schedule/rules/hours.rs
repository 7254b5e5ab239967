//! Hours beyond the limit: scheduled (worked) hours per work week and per
//! 14-day pay period, both counted from the department's anchor date, each
//! shift in the week of the day it starts. Past the limit is overtime, or a
//! breach of the ANA's 40 h in 7 days unless overtime is accepted: a warning.
//! Per diem staff have their own pay-period limit (36 h by default), when it
//! is the lower.

use super::{cells, Person, RuleCode, Timeline, Violation, Worked};
use crate::schedule::{format, time, Rules};
use crate::staff::EmploymentType;
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;

pub fn check_weekly(tl: &Timeline) -> Vec<Violation> {
    let rules = &tl.ctx.rules;
    over_limit(
        tl,
        7,
        |_| rules.weekly_hours_limit_minutes,
        |d| time::week_start(rules.pay_period_anchor, d),
    )
    .into_iter()
    .map(|(person, start, minutes, shifts)| {
        Violation::warn(
            RuleCode::WeeklyHours,
            format!(
                "{} is scheduled {} in the week of {} to {}; the weekly limit is {}.",
                person.name,
                format::duration(minutes),
                format::day(start),
                format::day(start + Duration::days(6)),
                format::duration(rules.weekly_hours_limit_minutes)
            ),
            cells(shifts),
        )
    })
    .collect()
}

pub fn check_period(tl: &Timeline) -> Vec<Violation> {
    let rules = &tl.ctx.rules;
    over_limit(
        tl,
        14,
        |p| period_limit(rules, p).0,
        |d| time::pay_period_start(rules.pay_period_anchor, d),
    )
    .into_iter()
    .map(|(person, start, minutes, shifts)| {
        let (limit, per_diem) = period_limit(rules, person);
        Violation::warn(
            RuleCode::PeriodHours,
            format!(
                "{} is scheduled {} in the pay period {} to {}; the {}limit is {}.",
                person.name,
                format::duration(minutes),
                format::day(start),
                format::day(start + Duration::days(13)),
                if per_diem { "per diem " } else { "" },
                format::duration(limit)
            ),
            cells(shifts),
        )
    })
    .collect()
}

/// A person's pay-period limit, and whether it is the per diem one.
fn period_limit(rules: &Rules, person: &Person) -> (i64, bool) {
    let per_diem = person
        .facts
        .is_some_and(|f| f.employment_type == EmploymentType::PerDiem)
        && rules.per_diem_period_hours_limit_minutes < rules.period_hours_limit_minutes;
    if per_diem {
        (rules.per_diem_period_hours_limit_minutes, true)
    } else {
        (rules.period_hours_limit_minutes, false)
    }
}

type Over<'t, 'a> = (&'t Person<'a>, NaiveDate, i64, Vec<&'t Worked<'a>>);

/// Each person's blocks (weeks or pay periods) that touch the period and
/// hold more than `limit` paid minutes.
fn over_limit<'t, 'a>(
    tl: &'t Timeline<'a>,
    block_days: i64,
    limit_of: impl Fn(&Person) -> i64,
    block_of: impl Fn(NaiveDate) -> NaiveDate,
) -> Vec<Over<'t, 'a>> {
    let ctx = tl.ctx;
    let mut out = Vec::new();
    for person in &tl.people {
        let limit = limit_of(person);
        let mut blocks: BTreeMap<NaiveDate, (i64, Vec<&Worked>)> = BTreeMap::new();
        for w in &person.shifts {
            let block = blocks.entry(block_of(w.date())).or_default();
            block.0 += w.paid_minutes;
            block.1.push(w);
        }
        for (start, (minutes, shifts)) in blocks {
            let end = start + Duration::days(block_days - 1);
            let touches = start <= ctx.period_end && end >= ctx.period_start;
            if minutes > limit && touches {
                out.push((person, start, minutes, shifts));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;

    /// Maria works Sun–Thu of the week of 6 Dec, the last shift `last_minutes` long.
    fn week_with_last(last_minutes: i64) -> crate::schedule::rules::ScheduleContext {
        let mut c = ctx();
        c.shift_types
            .push(shift(20, "X", "Long day", "07:00", last_minutes));
        c.assignments = run(MARIA, "2026-12-06", 4, DAY);
        c.assignments.extend(run(MARIA, "2026-12-10", 1, 20));
        c
    }

    #[test]
    fn the_weekly_limit_itself_passes_and_one_minute_over_fails() {
        assert!(
            check_weekly(&Timeline::new(&week_with_last(480))).is_empty(),
            "exactly 40 h"
        );
        let v = check_weekly(&Timeline::new(&week_with_last(481)));
        assert_eq!(v.len(), 1, "40 h 1 min is over");
        assert_eq!(
            v[0].message,
            "Maria Lopez is scheduled 40 h 1 min in the week of 6 Dec to 12 Dec; the weekly limit is 40 h."
        );
        assert_eq!(v[0].cells.len(), 5, "every shift of the week is selected");
    }

    #[test]
    fn the_pay_period_limit_counts_14_days_from_the_anchor() {
        let mut c = ctx();
        c.assignments = run(MARIA, "2026-12-06", 10, DAY);
        assert!(check_period(&Timeline::new(&c)).is_empty(), "exactly 80 h");
        c.assignments.extend(run(MARIA, "2026-12-19", 1, DAY));
        assert_eq!(
            check_period(&Timeline::new(&c)).len(),
            1,
            "88 h in 6–19 Dec"
        );
        c.assignments.pop();
        c.assignments.extend(run(MARIA, "2026-12-20", 1, DAY));
        assert!(
            check_period(&Timeline::new(&c)).is_empty(),
            "20 Dec starts the next pay period"
        );
    }

    #[test]
    fn a_per_diem_nurse_is_held_to_the_per_diem_limit_of_the_pay_period() {
        let mut c = ctx();
        c.staff[0].employment_type = EmploymentType::PerDiem;
        c.staff[0].fte_hundredths = 0;
        // Three 12-hour shifts: 36 h, exactly the default per diem limit.
        c.assignments = run(MARIA, "2026-12-06", 3, DAY12);
        assert!(check_period(&Timeline::new(&c)).is_empty(), "exactly 36 h");
        c.assignments.extend(run(MARIA, "2026-12-12", 1, DAY));
        let v = check_period(&Timeline::new(&c));
        assert_eq!(v.len(), 1, "44 h is over the per diem 36 h");
        assert_eq!(
            v[0].message,
            "Maria Lopez is scheduled 44 h in the pay period 6 Dec to 19 Dec; the per diem limit is 36 h."
        );
        // Staff with an FTE keep the pay-period limit (80 h).
        c.staff[0].employment_type = EmploymentType::PartTime;
        c.staff[0].fte_hundredths = 60;
        assert!(check_period(&Timeline::new(&c)).is_empty());
    }

    #[test]
    fn a_week_begun_in_the_previous_period_counts_its_earlier_hours() {
        let mut c = ctx();
        c.period_start = day("2026-12-09");
        c.assignments = run(MARIA, "2026-12-06", 6, DAY); // 3 before, 3 inside
        let v = check_weekly(&Timeline::new(&c));
        assert_eq!(
            v.len(),
            1,
            "48 h in the week of 6 Dec, half before the period"
        );
        assert_eq!(v[0].cells.len(), 3, "only the period's cells are selected");
    }
}
