use super::*;
use crate::department::OvertimeRule;
use crate::schedule::testing::*;
use crate::schedule::{TimeOff, TimeOffKind};

#[test]
fn rounding_is_half_up_to_the_cent() {
    assert_eq!(round_half_up(5, 10), 1, "half a cent rounds up");
    assert_eq!(round_half_up(4, 10), 0, "less than half rounds down");
    assert_eq!(round_half_up(15, 10), 2);
    // $33.33/h for 7 h 30 min is $249.975 exactly: $249.98.
    let c = ctx();
    let mut maria = c.staff[0].clone();
    maria.hourly_rate_cents = 3333;
    let line = shift_cost(
        &c.rules,
        &maria,
        &c.shift_types[0],
        day("2026-12-08"),
        450,
        0,
    );
    assert_eq!(line.straight_cents, 24_998);
}

#[test]
fn differentials_stack_shift_weekend_and_holiday() {
    let mut c = ctx();
    c.rules.weekend_differential = Differential::PerHour(200);
    c.rules.holiday_differential = Differential::Percent(5000);
    c.rules.holidays = vec![day("2026-12-25")];
    let mut night = c.shift_types[2].clone();
    night.differential = Differential::Percent(1000);
    let maria = &c.staff[0]; // $50/h
    let cases = [
        ("2026-12-08", 4_000, "a Tuesday night: 10 % of $400"),
        (
            "2026-12-12",
            5_600,
            "a Saturday night adds $2/h weekend: $16",
        ),
        (
            "2026-12-25",
            24_000,
            "Christmas (a Friday) adds 50 % holiday: $200",
        ),
    ];
    for (date, cents, why) in cases {
        let line = shift_cost(&c.rules, maria, &night, day(date), 480, 0);
        assert_eq!(line.differential_cents, cents, "{why}");
        assert_eq!(
            line.total_cents,
            40_000 + cents,
            "straight time plus differentials"
        );
    }
}

#[test]
fn overtime_premium_is_the_extra_half_under_the_departments_rule() {
    let mut c = ctx();
    c.assignments = run(MARIA, "2026-12-06", 6, DAY); // 48 h in one week
    let weekly = period_cost(&c);
    assert_eq!(weekly.overtime_minutes, 8 * 60);
    assert_eq!(weekly.straight_cents, 48 * 5000);
    assert_eq!(weekly.overtime_premium_cents, 8 * 2500, "8 h × half of $50");
    assert_eq!(
        weekly.lines[5].overtime_minutes, 480,
        "the 6th shift is the overtime"
    );

    c.rules.overtime_rule = OvertimeRule::EightEighty;
    assert_eq!(
        period_cost(&c).overtime_minutes,
        0,
        "48 h in 14 days, no day over 8"
    );
    c.assignments = run(MARIA, "2026-12-06", 3, DAY12);
    assert_eq!(
        period_cost(&c).overtime_premium_cents,
        3 * 4 * 2500,
        "under 8/80, 4 h of each 12 h shift"
    );
}

#[test]
fn period_totals_are_the_sum_of_the_rounded_lines() {
    let mut c = ctx();
    c.staff[0].hourly_rate_cents = 3333;
    c.shift_types[0].unpaid_break_minutes = 30; // 7 h 30 min paid
    c.assignments = run(MARIA, "2026-12-06", 3, DAY);
    let cost = period_cost(&c);
    assert_eq!(cost.lines.len(), 3);
    assert_eq!(
        cost.straight_cents,
        3 * 24_998,
        "each line rounds, then lines add up"
    );
    assert_eq!(
        cost.total_cents,
        cost.lines.iter().map(|l| l.total_cents).sum::<i64>()
    );
}

#[test]
fn scheduled_fte_is_paid_hours_over_80_per_14_days() {
    let mut c = ctx(); // 28 days: 1.0 FTE is 160 h
    c.assignments = run(MARIA, "2026-12-07", 5, DAY);
    c.assignments.extend(run(MARIA, "2026-12-14", 5, DAY));
    c.time_off.push(TimeOff {
        staff_id: MARIA,
        from: day("2026-12-19"),
        to: day("2026-12-25"),
        kind: TimeOffKind::Pto,
        status: TimeOffStatus::Approved,
        paid: true,
    });
    let maria = &period_cost(&c).people[0];
    assert_eq!(maria.worked_minutes, 80 * 60);
    assert_eq!(
        maria.paid_time_off_minutes,
        5 * 8 * 60,
        "Mon 21 to Fri 25 Dec, 8 h each"
    );
    assert_eq!(maria.scheduled_fte_hundredths, 75, "120 h of 160 h");
    assert_eq!(maria.fte_hundredths, 100, "against her 1.0 FTE");
    let ann = &period_cost(&c).people[1];
    assert_eq!(ann.scheduled_fte_hundredths, 0, "nothing scheduled");
}
