//! Punch rounding, a department setting: none, or each punch to the
//! nearest 6 minutes (a tenth of an hour) or 15 (a quarter hour).
//!
//! 29 CFR 785.48(b) allows rounding only when it is neutral: "employees are
//! fully compensated for all the time they actually work" over time. So a
//! punch goes to the *nearest* mark, ins and outs alike — at 15 minutes,
//! 1–7 past a mark round down and 8–14 up, which over punches spread across
//! the minutes gives and takes back equally. At 6 minutes 1–2 round down and
//! 3–5 up: the one tie (3) goes to the employee, never against.
//!
//! The wall-clock minute is rounded (07:08 → 07:15 on the clock), and the
//! instant moves by the same minutes, so a rounded punch inside a clock
//! change is still a true instant.

use super::Punch;
use crate::text_enum::text_enum;
use chrono::{DateTime, Duration, Timelike, Utc};
use chrono_tz::Tz;

text_enum! {
    pub enum Rounding {
        None = ("none", "No rounding"),
        Tenth = ("6", "To the nearest 6 minutes"),
        Quarter = ("15", "To the nearest 15 minutes"),
    }
}

/// Which end of a worked stretch a punch is: a tie is rounded towards
/// more time worked, so the way depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    In,
    Out,
}

impl Rounding {
    fn step(self) -> i64 {
        match self {
            Rounding::None => 1,
            Rounding::Tenth => 6,
            Rounding::Quarter => 15,
        }
    }
}

/// The rounded instant of a punch.
pub fn round(at: DateTime<Utc>, tz: Tz, rule: Rounding, edge: Edge) -> DateTime<Utc> {
    let step = rule.step();
    // Seconds never count: a punch is a minute on the clock.
    let at = at - Duration::seconds(at.second().into());
    if step == 1 {
        return at;
    }
    let local = at.with_timezone(&tz);
    let past = i64::from(local.hour() * 60 + local.minute()) % step;
    // Down when under half a step, up when over; a tie (only at even
    // steps) towards more time worked: an in earlier, an out later.
    let down = match (past * 2).cmp(&step) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        std::cmp::Ordering::Equal => edge == Edge::In,
    };
    let delta = if down { -past } else { step - past };
    at + Duration::minutes(delta)
}

/// A punch with both its times rounded.
pub fn round_punch(punch: &Punch, tz: Tz, rule: Rounding) -> Punch {
    Punch {
        clock_in: punch.clock_in.map(|t| round(t, tz, rule, Edge::In)),
        clock_out: punch.clock_out.map(|t| round(t, tz, rule, Edge::Out)),
        ..punch.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::time::instant;
    use chrono::NaiveDateTime;

    const CHICAGO: Tz = chrono_tz::America::Chicago;

    fn at(s: &str) -> DateTime<Utc> {
        instant(
            CHICAGO,
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
        )
    }

    fn clock(t: DateTime<Utc>) -> String {
        t.with_timezone(&CHICAGO).format("%H:%M").to_string()
    }

    #[test]
    fn each_punch_goes_to_the_nearest_mark() {
        use Edge::{In, Out};
        let cases = [
            (
                Rounding::Quarter,
                In,
                "07:07",
                "07:00",
                "7 past rounds down",
            ),
            (Rounding::Quarter, In, "07:08", "07:15", "8 past rounds up"),
            (
                Rounding::Quarter,
                Out,
                "07:07",
                "07:00",
                "an out the same way",
            ),
            (
                Rounding::Quarter,
                Out,
                "07:08",
                "07:15",
                "an out the same way",
            ),
            (
                Rounding::Quarter,
                In,
                "06:53",
                "07:00",
                "7 before rounds up to the mark",
            ),
            (
                Rounding::Quarter,
                In,
                "06:52",
                "06:45",
                "8 before rounds down",
            ),
            (
                Rounding::Quarter,
                Out,
                "23:53",
                "00:00",
                "to the next day's midnight",
            ),
            (Rounding::Tenth, In, "07:02", "07:00", "2 past rounds down"),
            (Rounding::Tenth, Out, "07:02", "07:00", "2 past rounds down"),
            (
                Rounding::Tenth,
                In,
                "07:03",
                "07:00",
                "the tie on an in goes earlier: the employee keeps the 3 minutes",
            ),
            (
                Rounding::Tenth,
                Out,
                "07:03",
                "07:06",
                "the tie on an out goes later: the employee gains the 3 minutes",
            ),
            (
                Rounding::Tenth,
                In,
                "07:04",
                "07:06",
                "4 past is nearer the next mark",
            ),
            (Rounding::Tenth, In, "07:05", "07:06", "5 past rounds up"),
            (Rounding::None, In, "07:08", "07:08", "no rounding"),
        ];
        for (rule, edge, time, want, why) in cases {
            let got = round(at(&format!("2026-06-01 {time}")), CHICAGO, rule, edge);
            assert_eq!(clock(got), want, "{why}");
        }
    }

    #[test]
    fn quarter_hour_rounding_does_not_drift_over_a_period() {
        // 15 days of ins at 06:45 + k and outs at 19:00 + k for every k in
        // 0..15: every minute past a mark once. Rounding gives and takes
        // back exactly, so the period's total is the clock's total.
        let (mut actual, mut rounded) = (0, 0);
        for k in 0..15 {
            let day = format!("2026-06-{:02}", k + 1);
            let i = at(&format!("{day} 06:45")) + Duration::minutes(k);
            let o = at(&format!("{day} 19:00")) + Duration::minutes(k);
            actual += (o - i).num_minutes();
            let ri = round(i, CHICAGO, Rounding::Quarter, Edge::In);
            let ro = round(o, CHICAGO, Rounding::Quarter, Edge::Out);
            rounded += (ro - ri).num_minutes();
            assert_eq!((ro - ri).num_minutes() % 15, 0);
        }
        assert_eq!(rounded, actual, "neutral: no minute lost or gained");
        assert_eq!(actual, 15 * (12 * 60 + 15));
    }

    #[test]
    fn tenth_hour_rounding_never_takes_time_from_the_employee_overall() {
        // Worked time gained by rounding, over one punch at each minute
        // past a mark: an in gains when it moves earlier, an out when later.
        let (mut from_ins, mut from_outs) = (0, 0);
        for k in 0..6 {
            let t = at("2026-06-01 15:00") + Duration::minutes(k);
            from_ins -= (round(t, CHICAGO, Rounding::Tenth, Edge::In) - t).num_minutes();
            from_outs += (round(t, CHICAGO, Rounding::Tenth, Edge::Out) - t).num_minutes();
        }
        assert_eq!(from_ins, 3, "ins: 0, +1, +2, +3 (the tie, down), −2, −1");
        assert_eq!(from_outs, 3, "outs: 0, −1, −2, +3 (the tie, up), +2, +1");
    }

    #[test]
    fn a_rounded_night_across_the_autumn_change_keeps_its_real_length() {
        let p = Punch {
            staff_id: 1,
            workday: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            clock_in: Some(at("2026-10-31 18:52")),
            clock_out: Some(at("2026-11-01 07:09")),
            meal_minutes: 0,
            pay_code: None,
            cost_centre: None,
            line: 0,
        };
        let r = round_punch(&p, CHICAGO, Rounding::Quarter);
        assert_eq!(
            r.worked_minutes(),
            Some(13 * 60 + 30),
            "18:45 to 07:15 with an hour lived twice"
        );
        assert_eq!(p.worked_minutes(), Some(13 * 60 + 17));
    }
}
