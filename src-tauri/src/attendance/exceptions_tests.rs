use super::*;
use crate::attendance::matching::scheduled;
use crate::department::OvertimeRule;
use crate::schedule::{Assignment, ShiftType, TimeOffKind};
use chrono::{NaiveDateTime, NaiveTime};

const CHICAGO: Tz = chrono_tz::America::Chicago;

fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

fn shift_type(id: i64, code: &str, start: &str) -> ShiftType {
    ShiftType {
        id,
        code: code.into(),
        name: code.into(),
        start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
        length_minutes: 720,
        unpaid_break_minutes: 0,
        evening: false,
        night: code == "N",
        differential: crate::schedule::Differential::None,
    }
}

fn types() -> Vec<ShiftType> {
    vec![shift_type(1, "D", "07:00"), shift_type(2, "N", "19:00")]
}

fn on(staff_id: i64, date: &str, shift_type_id: i64) -> Assignment {
    Assignment {
        staff_id,
        date: day(date),
        shift_type_id,
        published_change: false,
    }
}

/// In at local "YYYY-MM-DD HH:MM", out "HH:MM" (next day when earlier); "" for a missed half.
fn punch(staff_id: i64, date: &str, i: &str, o: &str) -> Punch {
    let t = |s: &str, d: NaiveDate| {
        NaiveDateTime::new(d, NaiveTime::parse_from_str(s, "%H:%M").unwrap())
    };
    let start = (!i.is_empty()).then(|| t(i, day(date)));
    let mut end = (!o.is_empty()).then(|| t(o, day(date)));
    if let (Some(s), Some(e)) = (start, end.as_mut()) {
        if *e <= s {
            *e += Duration::days(1);
        }
    }
    Punch {
        staff_id,
        workday: day(date),
        clock_in: start.map(|s| time::instant(CHICAGO, s)),
        clock_out: end.map(|e| time::instant(CHICAGO, e)),
        meal_minutes: 0,
        pay_code: None,
        cost_centre: None,
        line: 0,
    }
}

fn rules(rule: OvertimeRule, anchor: &str) -> Rules {
    Rules {
        overtime_rule: rule,
        pay_period_anchor: day(anchor),
        ..Rules::default()
    }
}

fn run(
    rules: &Rules,
    start: &str,
    assignments: &[Assignment],
    punches: &[Punch],
    time_off: &[TimeOff],
) -> Vec<Exception> {
    let shifts = scheduled(CHICAGO, assignments, &types());
    let rates = HashMap::from([(1, 5_000), (2, 4_000)]);
    exceptions(&Period {
        tz: CHICAGO,
        rules,
        start: day(start),
        grace_minutes: 7,
        rounding: Rounding::None,
        shifts: &shifts,
        punches,
        time_off,
        rates: &rates,
    })
}

fn kinds(e: &[Exception]) -> Vec<(ExceptionKind, i64)> {
    e.iter().map(|e| (e.kind, e.minutes)).collect()
}

#[test]
fn grace_exactly_met_is_on_time_and_one_minute_over_is_an_exception() {
    use ExceptionKind::*;
    let r = rules(OvertimeRule::EightEighty, "2026-06-07");
    type Case<'a> = (&'a str, &'a str, &'a [(ExceptionKind, i64)]);
    let cases: &[Case] = &[
        ("06:53", "19:07", &[]),
        ("07:07", "18:53", &[]),
        ("06:52", "19:00", &[(EarlyIn, 8)]),
        ("07:08", "19:00", &[(LateArrival, 8)]),
        ("07:00", "18:52", &[(LeftEarly, 8)]),
        ("07:00", "19:08", &[(LateOut, 8)]),
        ("06:30", "19:45", &[(EarlyIn, 30), (LateOut, 45)]),
    ];
    for (i, o, want) in cases {
        let got = run(
            &r,
            "2026-06-07",
            &[on(1, "2026-06-08", 1)],
            &[punch(1, "2026-06-08", i, o)],
            &[],
        );
        // Early in and late out add overtime under 8/80; compare attendance only here.
        let got: Vec<_> = kinds(&got)
            .into_iter()
            .filter(|(k, _)| *k != IncidentalOvertime)
            .collect();
        assert_eq!(got, want.to_vec(), "{i}–{o}");
    }
}

#[test]
fn a_night_punched_18_52_to_07_09_across_both_clock_changes() {
    use ExceptionKind::*;
    // Scheduled 19:00–07:00: 13 h on the autumn night, 11 h on the spring one.
    for (date, anchor, scheduled_minutes) in [
        ("2026-10-31", "2026-10-25", 780),
        ("2026-03-07", "2026-03-01", 660),
    ] {
        let r = rules(OvertimeRule::Weekly40, anchor);
        let shifts = scheduled(CHICAGO, &[on(1, date, 2)], &types());
        assert_eq!(shifts[0].span.minutes(), scheduled_minutes);
        let got = run(
            &r,
            anchor,
            &[on(1, date, 2)],
            &[punch(1, date, "18:52", "07:09")],
            &[],
        );
        assert_eq!(kinds(&got), vec![(EarlyIn, 8), (LateOut, 9)], "{date}");
        assert_eq!(
            got[0].reason,
            "In at 18:52, 8 min before the 19:00 start (grace 7 min)."
        );
        assert_eq!(
            got[1].reason,
            "Out at 07:09, 9 min after the 07:00 end (grace 7 min)."
        );
    }
}

#[test]
fn no_show_missed_punch_and_unscheduled_shift() {
    use ExceptionKind::*;
    let r = rules(OvertimeRule::Weekly40, "2026-06-07");
    let off = |status| TimeOff {
        staff_id: 1,
        from: day("2026-06-10"),
        to: day("2026-06-10"),
        kind: TimeOffKind::Pto,
        status,
        paid: true,
    };
    let assignments = [
        on(1, "2026-06-08", 1),
        on(1, "2026-06-09", 1),
        on(1, "2026-06-10", 1),
    ];
    let punches = [
        punch(1, "2026-06-08", "06:58", ""),
        punch(1, "2026-06-12", "07:00", "15:30"),
        // Another pay period: not this one's business.
        punch(1, "2026-06-22", "07:00", "15:30"),
    ];
    let got = run(
        &r,
        "2026-06-07",
        &assignments,
        &punches,
        &[off(TimeOffStatus::Approved)],
    );
    assert_eq!(
        kinds(&got),
        vec![(MissedPunch, 0), (NoShow, 0), (Unscheduled, 510)]
    );
    assert_eq!(got[0].reason, "Punched in at 06:58 with no punch out.");
    assert_eq!(got[1].workday, day("2026-06-09"));
    assert_eq!(
        got[1].reason,
        "Scheduled D 07:00–19:00; no punch and no approved time off."
    );
    assert_eq!(got[2].reason, "Worked 07:00–15:30 with no shift scheduled.");
    // Time off only requested excuses nothing.
    let got = run(
        &r,
        "2026-06-07",
        &assignments,
        &punches,
        &[off(TimeOffStatus::Requested)],
    );
    assert_eq!(got.iter().filter(|e| e.kind == NoShow).count(), 2);
}

#[test]
fn incidental_overtime_is_what_the_punches_add_to_the_plan_with_its_cost() {
    use ExceptionKind::*;
    let r = rules(OvertimeRule::Weekly40, "2026-06-07"); // weeks from Sunday
                                                         // Three 12 h days planned (36 h, no overtime); an extra unscheduled
                                                         // 8 h on Thursday makes 44 h: 4 h the schedule did not have.
    let assignments = [
        on(1, "2026-06-08", 1),
        on(1, "2026-06-09", 1),
        on(1, "2026-06-10", 1),
    ];
    let mut punches: Vec<Punch> = ["2026-06-08", "2026-06-09", "2026-06-10"]
        .iter()
        .map(|d| punch(1, d, "07:00", "19:00"))
        .collect();
    punches.push(punch(1, "2026-06-11", "07:00", "15:00"));
    let got = run(&r, "2026-06-07", &assignments, &punches, &[]);
    let ot: Vec<&Exception> = got
        .iter()
        .filter(|e| e.kind == IncidentalOvertime)
        .collect();
    assert_eq!(ot.len(), 1);
    assert_eq!(
        (ot[0].minutes, ot[0].cost_cents, ot[0].workday),
        (240, 30_000, day("2026-06-11"))
    );
    assert_eq!(
        ot[0].reason,
        "4 h of overtime the schedule did not have ($300.00 at time and a half)."
    );
    // The same 8 h on Sunday the 14th is a new week: no overtime at all.
    punches[3] = punch(1, "2026-06-14", "07:00", "15:00");
    let got = run(&r, "2026-06-07", &assignments, &punches, &[]);
    assert!(got.iter().all(|e| e.kind != IncidentalOvertime), "{got:?}");
    // Overtime the schedule planned is not incidental: four planned 12 h days.
    let planned = [assignments.to_vec(), vec![on(1, "2026-06-11", 1)]].concat();
    punches[3] = punch(1, "2026-06-11", "07:00", "19:00");
    let got = run(&r, "2026-06-07", &planned, &punches, &[]);
    assert!(got.is_empty(), "{got:?}");
    // …but its late out is, one minute past the grace at a time.
    punches[3] = punch(1, "2026-06-11", "07:00", "19:40");
    let got = run(&r, "2026-06-07", &planned, &punches, &[]);
    assert_eq!(kinds(&got), vec![(LateOut, 40), (IncidentalOvertime, 40)]);
    assert_eq!(got[1].cost_cents, 5_000, "40 min at $75 an hour");
}
