//! Rest between shifts: from the end of one shift to the start of the next,
//! in real time, at least the department's minimum (10 h by default). Checked
//! across midnight and across the period boundary, using the shifts before
//! the period passed in as context.

use super::{cells, RuleCode, Timeline, Violation};
use crate::schedule::format;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let min = tl.ctx.rules.min_rest_minutes;
    let mut out = Vec::new();
    for person in &tl.people {
        for pair in person.shifts.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            // Clashing shifts are a double booking, reported as such.
            if a.date() == b.date() || a.span.overlaps(&b.span) {
                continue;
            }
            let rest = (b.span.start - a.span.end).num_minutes();
            if rest < min && (a.in_period || b.in_period) {
                out.push(Violation::warn(
                    RuleCode::Rest,
                    format!(
                        "{} has {} of rest between {} on {} and {} on {}; the minimum is {}.",
                        person.name,
                        format::duration(rest),
                        a.shift.name,
                        format::day(a.date()),
                        b.shift.name,
                        format::day(b.date()),
                        format::duration(min)
                    ),
                    cells([a, b]),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;

    /// Maria works a Day (07:00–15:00) on 12 Dec, then a shift starting at
    /// `start` on 13 Dec.
    fn rest_before(start: &str) -> Vec<Violation> {
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-12", DAY), (MARIA, "2026-12-13", 20)],
        );
        c.shift_types.push(shift(20, "X", "Early", start, 240));
        check(&Timeline::new(&c))
    }

    #[test]
    fn exactly_the_minimum_passes_and_one_minute_less_fails() {
        assert!(
            rest_before("01:00").is_empty(),
            "15:00 to 01:00 is exactly 10 h"
        );
        assert_eq!(rest_before("00:59").len(), 1, "9 h 59 min is short of 10 h");
    }

    #[test]
    fn the_message_names_the_person_the_shifts_and_the_minimum() {
        // Night 23:00–07:00 on 12 Dec, then 16:30 on 13 Dec: 9 h 30 min.
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-12", NIGHT), (MARIA, "2026-12-13", 20)],
        );
        c.shift_types.push(shift(20, "L", "Late", "16:30", 240));
        let v = check(&Timeline::new(&c));
        assert_eq!(
            v[0].message,
            "Maria Lopez has 9 h 30 min of rest between Night on 12 Dec and Late on 13 Dec; the minimum is 10 h."
        );
        assert_eq!(v[0].cells.len(), 2, "both shifts are selected");
    }

    #[test]
    fn rest_is_checked_across_the_period_boundary() {
        // 5 Dec is the previous period: a 12 h night ending 07:00 on 6 Dec.
        let c = with(
            ctx(),
            &[(MARIA, "2026-12-05", NIGHT12), (MARIA, "2026-12-06", DAY12)],
        );
        let v = check(&Timeline::new(&c));
        assert_eq!(v.len(), 1, "no rest at all between the periods");
        assert_eq!(
            v[0].cells,
            vec![crate::schedule::rules::Cell {
                staff_id: MARIA,
                date: day("2026-12-06")
            }],
            "only the cell inside this period is selectable"
        );
        let before = with(
            ctx(),
            &[(MARIA, "2026-12-04", NIGHT12), (MARIA, "2026-12-05", DAY12)],
        );
        assert!(
            check(&Timeline::new(&before)).is_empty(),
            "a breach wholly in the previous period is not this period's to report"
        );
    }
}
