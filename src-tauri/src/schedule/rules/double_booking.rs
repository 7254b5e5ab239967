//! Double booking: one person on two shifts that overlap in time, or on two
//! shifts the same day. Blocks: nobody can be in two places at once, and a
//! grid cell holds one shift.

use super::{cells, RuleCode, Timeline, Violation};
use crate::schedule::format;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let mut out = Vec::new();
    for person in &tl.people {
        let shifts = &person.shifts;
        for (i, a) in shifts.iter().enumerate() {
            // Sorted by start: only later shifts that start before `a` ends,
            // or on the same day, can clash with it.
            for b in shifts[i + 1..]
                .iter()
                .take_while(|b| b.span.start < a.span.end || b.date() == a.date())
            {
                if !(a.in_period || b.in_period) {
                    continue;
                }
                let message = if a.span.overlaps(&b.span) {
                    format!(
                        "{} is booked twice: {} on {} overlaps {} on {}.",
                        person.name,
                        a.shift.name,
                        format::day(a.date()),
                        b.shift.name,
                        format::day(b.date())
                    )
                } else {
                    format!(
                        "{} has two shifts on {}: {} and {}.",
                        person.name,
                        format::day(a.date()),
                        a.shift.name,
                        b.shift.name
                    )
                };
                out.push(Violation::block(
                    RuleCode::DoubleBooking,
                    message,
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

    fn after_night12(start: &str) -> Vec<Violation> {
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-12", NIGHT12), (MARIA, "2026-12-13", 20)],
        );
        c.shift_types.push(shift(20, "X", "Early", start, 240));
        check(&Timeline::new(&c))
    }

    #[test]
    fn shifts_that_touch_do_not_overlap_but_one_minute_earlier_does() {
        assert!(
            after_night12("07:00").is_empty(),
            "the night ends at 07:00 as this starts"
        );
        let v = after_night12("06:59");
        assert_eq!(v.len(), 1, "one minute of overlap is a double booking");
        assert_eq!(v[0].severity, crate::schedule::Severity::Block);
        assert_eq!(
            v[0].message,
            "Maria Lopez is booked twice: Night 12 on 12 Dec overlaps Early on 13 Dec."
        );
    }

    #[test]
    fn two_shifts_on_one_day_are_a_double_booking_even_apart() {
        let c = with(
            ctx(),
            &[(MARIA, "2026-12-12", DAY), (MARIA, "2026-12-12", NIGHT)],
        );
        let v = check(&Timeline::new(&c));
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].message,
            "Maria Lopez has two shifts on 12 Dec: Day and Night."
        );
    }

    #[test]
    fn different_people_on_the_same_shift_are_fine() {
        let c = with(
            ctx(),
            &[(MARIA, "2026-12-12", DAY), (ANN, "2026-12-12", DAY)],
        );
        assert!(check(&Timeline::new(&c)).is_empty());
    }
}
