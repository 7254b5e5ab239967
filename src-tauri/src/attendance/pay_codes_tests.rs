use super::*;
use crate::department::OvertimeRule;
use crate::schedule::time::instant;
use chrono::NaiveDateTime;

const CHICAGO: Tz = chrono_tz::America::Chicago;

fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

/// A punch from local "YYYY-MM-DD HH:MM" in, and out "HH:MM" (next day when earlier).
pub fn punch(staff_id: i64, from: &str, to: &str) -> Punch {
    let start = NaiveDateTime::parse_from_str(from, "%Y-%m-%d %H:%M").unwrap();
    let mut end = start
        .date()
        .and_time(chrono::NaiveTime::parse_from_str(to, "%H:%M").unwrap());
    if end <= start {
        end += Duration::days(1);
    }
    Punch {
        staff_id,
        workday: start.date(),
        clock_in: Some(instant(CHICAGO, start)),
        clock_out: Some(instant(CHICAGO, end)),
        meal_minutes: 0,
        pay_code: None,
        cost_centre: None,
        line: 0,
    }
}

fn rules(rule: OvertimeRule) -> Rules {
    Rules {
        overtime_rule: rule,
        pay_period_anchor: day("2026-01-04"), // a Sunday
        ..Rules::default()
    }
}

/// Whole-hour days from `first` (0: off), each starting at 07:00.
fn days(first: &str, hours: &[i64]) -> Vec<Punch> {
    hours
        .iter()
        .enumerate()
        .filter(|(_, h)| **h > 0)
        .map(|(i, h)| {
            let d = day(first) + Duration::days(i as i64);
            punch(1, &format!("{d} 07:00"), &format!("{:02}:00", 7 + h))
        })
        .collect()
}

fn totals(rule: OvertimeRule, punches: &[Punch], from: &str, to: &str) -> (i64, i64) {
    let got = person_days(
        &rules(rule),
        CHICAGO,
        Rounding::None,
        1,
        punches,
        &[],
        &HashMap::new(),
        100,
        day(from),
        day(to),
    );
    (
        got.iter().map(|d| d.regular_minutes).sum::<i64>() / 60,
        got.iter().map(|d| d.overtime_minutes).sum::<i64>() / 60,
    )
}

#[test]
fn overtime_crossing_the_workweek_boundary_belongs_to_the_week_the_shift_starts() {
    // Weeks start Sunday. Wed–Sat nights 19:00–07:00: the Saturday night
    // ends on Sunday but its 12 h are Saturday's, the 4th of the week.
    let mut p: Vec<Punch> = [
        "2026-01-07",
        "2026-01-08",
        "2026-01-09",
        "2026-01-10",
        "2026-01-11",
    ]
    .iter()
    .map(|d| punch(1, &format!("{d} 19:00"), "07:00"))
    .collect();
    p.sort_by_key(|p| p.clock_in);
    let got = person_days(
        &rules(OvertimeRule::Weekly40),
        CHICAGO,
        Rounding::None,
        1,
        &p,
        &[],
        &HashMap::new(),
        100,
        day("2026-01-04"),
        day("2026-01-17"),
    );
    let ot: Vec<(String, i64)> = got
        .iter()
        .map(|d| (d.date.to_string(), d.overtime_minutes / 60))
        .collect();
    assert_eq!(
        ot,
        vec![
            ("2026-01-07".into(), 0),
            ("2026-01-08".into(), 0),
            ("2026-01-09".into(), 0),
            ("2026-01-10".into(), 8),
            ("2026-01-11".into(), 0),
        ],
        "48 h in the week of 4 Jan; Sunday 11 Jan starts a new week at 0"
    );
    // One minute less on Saturday and exactly 40 h is no overtime… past 40 is.
    let mut short = p[..4].to_vec();
    short[3].clock_out = short[3].clock_out.map(|t| t - Duration::hours(8));
    assert_eq!(
        totals(OvertimeRule::Weekly40, &short, "2026-01-04", "2026-01-10"),
        (40, 0)
    );
}

#[test]
fn eight_and_80_with_a_12_hour_day_inside_a_76_hour_period() {
    // 52 h the first week (one 12 h day), 24 h the second: 76 h.
    let p = days("2026-01-04", &[8, 8, 8, 8, 8, 12, 0, 8, 8, 8, 0, 0, 0, 0]);
    assert_eq!(
        totals(OvertimeRule::EightEighty, &p, "2026-01-04", "2026-01-17"),
        (72, 4),
        "8/80: the 4 h past 8 in the 12 h day; the period is under 80"
    );
    assert_eq!(
        totals(OvertimeRule::Weekly40, &p, "2026-01-04", "2026-01-17"),
        (64, 12),
        "weekly 40 would pay the 12 h past 40 in the first week"
    );
    // Two more 4 h days (84 h): 80 h of straight time is exactly the limit.
    let p = days("2026-01-04", &[8, 8, 8, 8, 8, 12, 0, 8, 8, 8, 4, 4, 0, 0]);
    assert_eq!(
        totals(OvertimeRule::EightEighty, &p, "2026-01-04", "2026-01-17"),
        (80, 4)
    );
    // Three (88 h): the daily 4 h plus 4 h past 80 — never the same hour twice.
    let p = days("2026-01-04", &[8, 8, 8, 8, 8, 12, 0, 8, 8, 8, 4, 4, 4, 0]);
    assert_eq!(
        totals(OvertimeRule::EightEighty, &p, "2026-01-04", "2026-01-17"),
        (80, 8)
    );
}

#[test]
fn a_night_is_paid_its_real_length_across_both_clock_changes() {
    let cases = [
        (
            "2026-10-31 18:52",
            Rounding::None,
            13 * 60 + 17,
            "autumn: an hour lived twice",
        ),
        (
            "2026-10-31 18:52",
            Rounding::Quarter,
            13 * 60 + 30,
            "18:45–07:15 rounded",
        ),
        (
            "2026-03-07 18:52",
            Rounding::None,
            11 * 60 + 17,
            "spring: an hour skipped",
        ),
        (
            "2026-03-07 18:52",
            Rounding::Quarter,
            11 * 60 + 30,
            "18:45–07:15 rounded",
        ),
    ];
    for (from, rounding, minutes, why) in cases {
        let p = [punch(1, from, "07:09")];
        let d = day(&from[..10]);
        let got = person_days(
            &rules(OvertimeRule::EightEighty),
            CHICAGO,
            rounding,
            1,
            &p,
            &[],
            &HashMap::new(),
            100,
            d,
            d,
        );
        assert_eq!(
            got[0].regular_minutes + got[0].overtime_minutes,
            minutes,
            "{why}"
        );
        assert_eq!(
            got[0].overtime_minutes,
            minutes - 8 * 60,
            "8/80: past 8 in the day"
        );
    }
}

#[test]
fn approved_paid_time_off_is_paid_on_weekdays_not_worked() {
    let off = |status, paid, kind| TimeOff {
        staff_id: 1,
        from: day("2026-01-09"), // Friday
        to: day("2026-01-12"),   // Monday
        kind,
        status,
        paid,
    };
    let p = [punch(1, "2026-01-12 07:00", "15:00")];
    let got = person_days(
        &rules(OvertimeRule::Weekly40),
        CHICAGO,
        Rounding::None,
        1,
        &p,
        &[off(TimeOffStatus::Approved, true, TimeOffKind::Sick)],
        &HashMap::new(),
        100,
        day("2026-01-04"),
        day("2026-01-17"),
    );
    let off_days: Vec<(String, i64, Option<TimeOffKind>)> = got
        .iter()
        .map(|d| (d.date.to_string(), d.time_off_minutes, d.time_off_kind))
        .collect();
    assert_eq!(
        off_days,
        vec![
            ("2026-01-09".into(), 480, Some(TimeOffKind::Sick)),
            ("2026-01-12".into(), 0, None),
        ],
        "Friday paid as sick; the weekend not; Monday was worked instead"
    );
    for (status, paid) in [
        (TimeOffStatus::Requested, true),
        (TimeOffStatus::Denied, true),
        (TimeOffStatus::Approved, false),
    ] {
        let got = person_days(
            &rules(OvertimeRule::Weekly40),
            CHICAGO,
            Rounding::None,
            1,
            &[],
            &[off(status, paid, TimeOffKind::Pto)],
            &HashMap::new(),
            100,
            day("2026-01-04"),
            day("2026-01-17"),
        );
        assert!(got.is_empty(), "{status:?} paid={paid} pays nothing");
    }
}

#[test]
fn a_missed_punch_pays_nothing_until_corrected() {
    let mut p = punch(1, "2026-01-05 07:00", "15:00");
    p.clock_out = None;
    assert!(worked(CHICAGO, Rounding::None, [p].iter()).is_empty());
}

/// Paid time off pays, per day, the scheduled shift's paid minutes when one
/// was scheduled (any day of the week), else the FTE daily hours on a
/// weekday, else nothing (#26: sick for a 12-hour shift paid 8 h).
#[test]
fn paid_time_off_pays_the_scheduled_shift_else_the_fte_day() {
    let sick = TimeOff {
        staff_id: 1,
        from: day("2026-01-09"), // Friday
        to: day("2026-01-11"),   // Sunday
        kind: TimeOffKind::Sick,
        status: TimeOffStatus::Approved,
        paid: true,
    };
    // (a shift's paid minutes by day, FTE, the days paid)
    type Days = &'static [(&'static str, i64)];
    let cases: [(Days, i64, Days); 4] = [
        (&[], 100, &[("2026-01-09", 480)]),
        (&[], 90, &[("2026-01-09", 432)]),
        (&[("2026-01-09", 690)], 90, &[("2026-01-09", 690)]),
        (
            &[("2026-01-10", 690), ("2026-01-11", 0)],
            100,
            &[("2026-01-09", 480), ("2026-01-10", 690)],
        ),
    ];
    for (shifts, fte, want) in cases {
        let scheduled: HashMap<NaiveDate, i64> = shifts.iter().map(|(d, m)| (day(d), *m)).collect();
        let got: Vec<(String, i64)> = person_days(
            &rules(OvertimeRule::Weekly40),
            CHICAGO,
            Rounding::None,
            1,
            &[],
            std::slice::from_ref(&sick),
            &scheduled,
            fte,
            day("2026-01-04"),
            day("2026-01-17"),
        )
        .into_iter()
        .map(|d| (d.date.to_string(), d.time_off_minutes))
        .collect();
        let want: Vec<(String, i64)> = want.iter().map(|(d, m)| (d.to_string(), *m)).collect();
        assert_eq!(got, want, "shifts {shifts:?} at FTE {fte}");
    }
}
