//! Too many shifts in a row: days worked back to back, counted by the date
//! each shift starts. The limit depends on the shifts: 12-hour shifts (or
//! longer) wear people out sooner, so when a run holds any, the 12-hour
//! limit (3 by default) applies; otherwise the 8-hour one (5).

use super::{cells, RuleCode, Timeline, Violation, Worked};
use crate::schedule::format;
use chrono::Duration;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let rules = &tl.ctx.rules;
    let mut out = Vec::new();
    for person in &tl.people {
        for run in runs(&person.shifts) {
            let twelve = run.iter().any(|w| w.shift.is_twelve_hour());
            let limit = if twelve {
                rules.max_consecutive_12h
            } else {
                rules.max_consecutive_8h
            };
            let first = run[0].date();
            let last = run[run.len() - 1].date();
            let days = (last - first).num_days() + 1;
            if days <= i64::from(limit) || !run.iter().any(|w| w.in_period) {
                continue;
            }
            out.push(Violation::warn(
                RuleCode::Consecutive,
                format!(
                    "{} works {days} days in a row, {} to {}; the limit is {limit} in a row for {} shifts.",
                    person.name,
                    format::day(first),
                    format::day(last),
                    if twelve { "12-hour" } else { "8-hour" },
                ),
                cells(run.iter().copied()),
            ));
        }
    }
    out
}

/// Maximal runs of shifts on consecutive calendar days.
fn runs<'w, 'a>(shifts: &'w [Worked<'a>]) -> Vec<Vec<&'w Worked<'a>>> {
    let mut by_date: Vec<&Worked> = shifts.iter().collect();
    by_date.sort_by_key(|w| w.date());
    let mut runs: Vec<Vec<&Worked>> = Vec::new();
    for w in by_date {
        match runs.last_mut() {
            Some(run) if w.date() - run[run.len() - 1].date() <= Duration::days(1) => run.push(w),
            _ => runs.push(vec![w]),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;

    fn days_in_a_row(n: i64, shift_type: i64) -> Vec<Violation> {
        let mut c = ctx();
        c.assignments = run(MARIA, "2026-12-07", n, shift_type);
        check(&Timeline::new(&c))
    }

    #[test]
    fn the_limit_passes_and_one_more_fails_for_each_shift_length() {
        let cases = [
            (5, DAY, 0, "5 eight-hour shifts in a row is the limit"),
            (6, DAY, 1, "the 6th eight-hour shift is one too many"),
            (3, DAY12, 0, "3 twelve-hour shifts in a row is the limit"),
            (4, DAY12, 1, "the 4th twelve-hour shift is one too many"),
        ];
        for (n, shift_type, violations, why) in cases {
            assert_eq!(days_in_a_row(n, shift_type).len(), violations, "{why}");
        }
        assert_eq!(
            days_in_a_row(6, DAY)[0].message,
            "Maria Lopez works 6 days in a row, 7 Dec to 12 Dec; the limit is 5 in a row for 8-hour shifts."
        );
    }

    #[test]
    fn a_run_with_any_twelve_hour_shift_takes_the_twelve_hour_limit() {
        let mut c = ctx();
        c.assignments = run(MARIA, "2026-12-07", 3, DAY);
        c.assignments.extend(run(MARIA, "2026-12-10", 1, DAY12));
        assert_eq!(
            check(&Timeline::new(&c)).len(),
            1,
            "4 in a row with a 12 h shift"
        );
    }

    #[test]
    fn a_day_off_breaks_the_run_and_the_previous_period_counts() {
        let mut c = ctx();
        c.assignments = run(MARIA, "2026-12-07", 5, DAY);
        c.assignments.extend(run(MARIA, "2026-12-13", 5, DAY));
        assert!(check(&Timeline::new(&c)).is_empty(), "5, a day off, 5");
        c.assignments = run(MARIA, "2026-12-03", 6, DAY);
        let v = check(&Timeline::new(&c));
        assert_eq!(v.len(), 1, "3 days before the period and 3 in it make 6");
        assert_eq!(v[0].cells.len(), 3, "only the period's cells are selected");
    }
}
