//! No day shift straight after a night: after coming off a night shift a
//! person needs a full calendar day off before a day shift, or they flip
//! from sleeping by day to working by day with no time to turn around.
//! A night that ends on the morning of 13 Dec allows a day shift on 15 Dec,
//! not on 14 Dec.

use super::{cells, RuleCode, Timeline, Violation};
use crate::schedule::format;
use chrono::Duration;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    if !tl.ctx.rules.no_day_after_night {
        return Vec::new();
    }
    let mut out = Vec::new();
    for person in &tl.people {
        for pair in person.shifts.windows(2) {
            let (night, next) = (&pair[0], &pair[1]);
            if !night.shift.night || !next.shift.is_day() {
                continue;
            }
            let off = night.span.end.with_timezone(&tl.ctx.tz);
            if next.date() - off.date_naive() > Duration::days(1) {
                continue;
            }
            if night.in_period || next.in_period {
                out.push(Violation::warn(
                    RuleCode::DayAfterNight,
                    format!(
                        "{} works {} on {} straight after {} on {} (off at {} on {}); a day shift needs a full day off after a night.",
                        person.name,
                        next.shift.name,
                        format::day(next.date()),
                        night.shift.name,
                        format::day(night.date()),
                        off.format("%H:%M"),
                        format::day(off.date_naive()),
                    ),
                    cells([night, next]),
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

    fn night_then(date: &str, shift_type: i64, rule_on: bool) -> Vec<Violation> {
        // Night 23:00 on 12 Dec, off at 07:00 on 13 Dec.
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-12", NIGHT), (MARIA, date, shift_type)],
        );
        c.rules.no_day_after_night = rule_on;
        check(&Timeline::new(&c))
    }

    #[test]
    fn a_day_shift_needs_a_full_day_off_after_a_night() {
        let cases = [
            (
                "2026-12-14",
                DAY,
                true,
                1,
                "13 Dec is the sleep day; a day on 14 Dec flips too fast",
            ),
            (
                "2026-12-15",
                DAY,
                true,
                0,
                "a full day off (14 Dec) between",
            ),
            (
                "2026-12-14",
                EVENING,
                true,
                0,
                "an evening is not a day shift",
            ),
            (
                "2026-12-14",
                DAY,
                false,
                0,
                "the department turned the rule off",
            ),
        ];
        for (date, shift_type, on, n, why) in cases {
            assert_eq!(night_then(date, shift_type, on).len(), n, "{why}");
        }
        assert_eq!(
            night_then("2026-12-14", DAY, true)[0].message,
            "Maria Lopez works Day on 14 Dec straight after Night on 12 Dec (off at 07:00 on 13 Dec); a day shift needs a full day off after a night."
        );
    }
}
