//! The weekend rule: at most N weekends worked in any 4 weeks. A weekend is
//! a Saturday and the Sunday after it; it counts as worked when a shift
//! starts on either day. One violation per person: the first 4-week window
//! over the limit, so a long streak is not reported four times over.

use super::{cells, RuleCode, Timeline, Violation, Worked};
use crate::schedule::format;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeMap;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let Some(limit) = tl.ctx.rules.max_weekends_per_4_weeks else {
        return Vec::new();
    };
    let ctx = tl.ctx;
    let mut out = Vec::new();
    for person in &tl.people {
        // Saturday of each weekend worked → the shifts that weekend.
        let mut weekends: BTreeMap<NaiveDate, Vec<&Worked>> = BTreeMap::new();
        for w in &person.shifts {
            if let Some(saturday) = saturday_of(w.date()) {
                weekends.entry(saturday).or_default().push(w);
            }
        }
        for &first in weekends.keys() {
            let window_end = first + Duration::days(4 * 7 - 6); // the 4th Sunday
            let in_window: Vec<_> = weekends.range(first..=window_end).collect();
            let touches = first <= ctx.period_end && window_end >= ctx.period_start;
            if in_window.len() as u64 <= u64::from(limit) || !touches {
                continue;
            }
            let shifts = in_window.iter().flat_map(|(_, ws)| ws.iter().copied());
            out.push(Violation::warn(
                RuleCode::Weekends,
                format!(
                    "{} works {} weekends in the 4 weeks from {} to {}; the limit is {limit}.",
                    person.name,
                    in_window.len(),
                    format::day(first),
                    format::day(window_end),
                ),
                cells(shifts),
            ));
            break;
        }
    }
    out
}

fn saturday_of(date: NaiveDate) -> Option<NaiveDate> {
    match date.weekday() {
        Weekday::Sat => Some(date),
        Weekday::Sun => Some(date - Duration::days(1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;

    fn weekends(dates: &[&str], limit: Option<u32>) -> Vec<Violation> {
        let mut c = ctx();
        c.rules.max_weekends_per_4_weeks = limit;
        c.assignments = dates.iter().map(|d| assignment(MARIA, d, DAY)).collect();
        check(&Timeline::new(&c))
    }

    #[test]
    fn at_most_n_weekends_in_any_4_weeks() {
        let cases: [(&[&str], Option<u32>, usize, &str); 5] = [
            (
                &["2026-12-12", "2026-12-20"],
                Some(2),
                0,
                "2 weekends is the limit",
            ),
            (
                &["2026-12-12", "2026-12-20", "2026-12-26"],
                Some(2),
                1,
                "a 3rd weekend within 4 weeks",
            ),
            (
                &["2026-12-12", "2026-12-13", "2026-12-19"],
                Some(2),
                0,
                "Sat and Sun are one weekend",
            ),
            (
                &["2026-12-12", "2026-12-19", "2027-01-09"],
                Some(2),
                0,
                "9 Jan is the 5th weekend, outside the 4 weeks",
            ),
            (
                &["2026-12-12", "2026-12-19", "2026-12-26"],
                None,
                0,
                "no weekend rule",
            ),
        ];
        for (dates, limit, n, why) in cases {
            assert_eq!(weekends(dates, limit).len(), n, "{why}");
        }
        assert_eq!(
            weekends(
                &["2026-12-12", "2026-12-20", "2026-12-26", "2027-01-02"],
                Some(2)
            )[0]
            .message,
            "Maria Lopez works 4 weekends in the 4 weeks from 12 Dec to 3 Jan; the limit is 2.",
            "one violation for the first window over the limit"
        );
    }
}
