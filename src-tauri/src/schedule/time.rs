//! Shifts in real time: a shift on a date becomes two instants in the
//! department's IANA time zone, so lengths and rest are true across
//! daylight-saving changes — a 19:00–07:00 night is 13 hours on the night
//! the clocks go back and 11 hours on the night they go forward.
//!
//! Policy for local times the clock skips or repeats (applies to the start
//! and the end alike):
//! - **Skipped** (spring forward, 02:30 does not exist in Chicago): read it
//!   with the offset in force before the jump, i.e. the instant the clock
//!   would have shown had it not moved — 02:30 CST, which the wall clock
//!   shows as 03:30 CDT. The shift starts later, never earlier.
//! - **Repeated** (fall back, 01:30 happens twice): take the earlier of the
//!   two, the first time the clock reads it. People arrive at the first one.
//!
//! The calendar of pay is here too: work weeks and 14-day pay periods
//! counted from the department's anchor date.

use super::ShiftType;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// A shift's true start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    /// Real elapsed minutes, whatever the wall clock did meanwhile.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The instant a local wall-clock reading denotes, by the policy above.
pub fn instant(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // Inside a gap: use the offset in force just before it. Gaps are
            // at most a few hours, so a day earlier is safely before it.
            let before = tz.offset_from_utc_datetime(&(local - Duration::days(1)));
            let seconds = before.fix().local_minus_utc();
            Utc.from_utc_datetime(&(local - Duration::seconds(seconds.into())))
        }
    }
}

/// When a shift of this type on this date really starts and ends. The end
/// is the wall-clock start plus the length, read on the local clock.
pub fn span(tz: Tz, date: NaiveDate, shift: &ShiftType) -> Span {
    let local_start = date.and_time(shift.start);
    let local_end = local_start + Duration::minutes(shift.length_minutes);
    Span {
        start: instant(tz, local_start),
        end: instant(tz, local_end),
    }
}

/// Minutes paid (and worked): real minutes less the unpaid break.
pub fn paid_minutes(span: &Span, shift: &ShiftType) -> i64 {
    (span.minutes() - shift.unpaid_break_minutes).max(0)
}

/// The first day of the 7-day work week holding `date`; weeks start on the
/// anchor's weekday.
pub fn week_start(anchor: NaiveDate, date: NaiveDate) -> NaiveDate {
    block_start(anchor, date, 7)
}

/// The first day of the fixed 14-day pay period holding `date`.
pub fn pay_period_start(anchor: NaiveDate, date: NaiveDate) -> NaiveDate {
    block_start(anchor, date, 14)
}

fn block_start(anchor: NaiveDate, date: NaiveDate, days: i64) -> NaiveDate {
    let offset = (date - anchor).num_days().rem_euclid(days);
    date - Duration::days(offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn shift(start: &str, length_minutes: i64, unpaid_break_minutes: i64) -> ShiftType {
        ShiftType {
            id: 1,
            code: "N".into(),
            name: "Night".into(),
            start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
            length_minutes,
            unpaid_break_minutes,
            evening: false,
            night: true,
            differential: crate::schedule::Differential::None,
        }
    }

    fn day(s: &str) -> NaiveDate {
        crate::input::date(s).unwrap()
    }

    const CHICAGO: Tz = chrono_tz::America::Chicago;

    #[test]
    fn a_twelve_hour_night_is_as_long_as_the_clock_says_it_is() {
        let night = shift("19:00", 720, 0);
        let cases = [
            ("2026-10-30", 720, "an ordinary night is 12 h"),
            // Clocks go back at 02:00 on Sunday 1 November 2026: the night
            // that starts on Saturday 31 October lives the 01:00 hour twice.
            (
                "2026-10-31",
                780,
                "the night the clocks go back is 13 h of real time",
            ),
            ("2026-11-01", 720, "the night after is 12 h again"),
            // Clocks go forward at 02:00 on Sunday 8 March 2026.
            (
                "2026-03-07",
                660,
                "the night the clocks go forward is 11 h of real time",
            ),
        ];
        for (date, minutes, why) in cases {
            assert_eq!(span(CHICAGO, day(date), &night).minutes(), minutes, "{why}");
        }
    }

    #[test]
    fn paid_minutes_are_real_minutes_less_the_unpaid_break() {
        let night = shift("19:00", 750, 30);
        assert_eq!(
            paid_minutes(&span(CHICAGO, day("2026-10-31"), &night), &night),
            780,
            "13 h 30 min on the clock-back night, less 30 min unpaid"
        );
        let odd = shift("08:00", 20, 30);
        assert_eq!(
            paid_minutes(&span(CHICAGO, day("2026-06-01"), &odd), &odd),
            0,
            "a break longer than the shift pays nothing, never a negative"
        );
    }

    #[test]
    fn a_start_in_the_spring_gap_is_read_with_the_offset_before_the_jump() {
        // 02:30 does not exist on 8 March 2026 in Chicago: 02:30 CST is 08:30 UTC.
        let s = shift("02:30", 240, 0);
        let sp = span(CHICAGO, day("2026-03-08"), &s);
        assert_eq!(
            sp.start.to_rfc3339(),
            "2026-03-08T08:30:00+00:00",
            "the start falls after the gap, at 03:30 CDT"
        );
        assert_eq!(
            sp.minutes(),
            180,
            "it ends at 06:30 CDT, so only 3 real hours"
        );
    }

    #[test]
    fn a_repeated_start_takes_the_first_time_the_clock_reads_it() {
        // 01:30 happens twice on 1 November 2026: first at 06:30 UTC (CDT).
        let s = shift("01:30", 360, 0);
        let sp = span(CHICAGO, day("2026-11-01"), &s);
        assert_eq!(sp.start.to_rfc3339(), "2026-11-01T06:30:00+00:00");
        assert_eq!(
            sp.minutes(),
            420,
            "from the first 01:30 to 07:30 CST is 7 real hours"
        );
    }

    #[test]
    fn weeks_and_pay_periods_count_from_the_anchor_both_ways() {
        let anchor = day("2026-01-04"); // a Sunday
        let cases = [
            (
                week_start as fn(NaiveDate, NaiveDate) -> NaiveDate,
                "2026-01-04",
                "2026-01-04",
                "the anchor starts its own week",
            ),
            (
                week_start,
                "2026-01-10",
                "2026-01-04",
                "Saturday ends that week",
            ),
            (
                week_start,
                "2026-01-11",
                "2026-01-11",
                "the next Sunday starts a new one",
            ),
            (
                week_start,
                "2026-01-03",
                "2025-12-28",
                "before the anchor, weeks still start on Sunday",
            ),
            (
                pay_period_start,
                "2026-01-17",
                "2026-01-04",
                "day 14 is in the first period",
            ),
            (
                pay_period_start,
                "2026-01-18",
                "2026-01-18",
                "day 15 starts the second",
            ),
            (
                pay_period_start,
                "2026-01-03",
                "2025-12-21",
                "periods run back before the anchor",
            ),
        ];
        for (f, date, start, why) in cases {
            assert_eq!(f(anchor, day(date)), day(start), "{why}");
        }
    }
}
