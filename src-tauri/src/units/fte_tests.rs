use super::*;

#[test]
fn a_period_target_is_80_hours_per_14_days() {
    assert_eq!(
        Fte(100).period_target_minutes(14),
        80 * 60,
        "1.0 FTE over two weeks"
    );
    assert_eq!(Fte(90).period_target_minutes(14), 72 * 60, "0.90 FTE");
    assert_eq!(Fte(100).period_target_minutes(28), 160 * 60, "four weeks");
    assert_eq!(
        Fte(100).period_target_minutes(1),
        342,
        "one day: 342.86 rounds down"
    );
    assert_eq!(Fte(60).period_target_minutes(3), 617, "617.14 rounds down");
}

#[test]
fn no_fte_or_no_days_owes_nothing() {
    assert_eq!(Fte(0).period_target_minutes(14), 0);
    assert_eq!(
        Fte(-50).period_target_minutes(14),
        0,
        "a negative FTE owes no hours"
    );
    assert_eq!(Fte(100).period_target_minutes(0), 0);
    assert_eq!(
        Fte(i64::MAX).period_target_minutes(i64::MAX),
        i64::MAX,
        "saturates, never wraps"
    );
}

#[test]
fn a_weekly_limit_scales_with_the_fte() {
    assert_eq!(Fte(100).weekly_limit_minutes(40 * 60), 40 * 60);
    assert_eq!(Fte(90).weekly_limit_minutes(40 * 60), 36 * 60);
    assert_eq!(Fte(33).weekly_limit_minutes(100), 33);
    assert_eq!(Fte(33).weekly_limit_minutes(101), 33, "33.33 rounds down");
    assert_eq!(
        Fte(-10).weekly_limit_minutes(40 * 60),
        0,
        "a negative FTE has no limit to fill"
    );
    assert_eq!(Fte(i64::MAX).weekly_limit_minutes(i64::MAX), i64::MAX);
}

#[test]
fn scheduled_fte_rounds_half_up_to_the_hundredth() {
    assert_eq!(Fte::scheduled(80 * 60, 14), Fte(100));
    assert_eq!(Fte::scheduled(72 * 60, 14), Fte(90));
    // 1 hundredth of 80 h is 48 minutes: 24 minutes is exactly half.
    assert_eq!(Fte::scheduled(24, 14), Fte(1), "half a hundredth rounds up");
    assert_eq!(Fte::scheduled(23, 14), Fte(0), "under half rounds down");
    assert_eq!(Fte::scheduled(60, 0), Fte(0), "a period of no days");
}

#[test]
fn share_of_full_time_rounds_down() {
    assert_eq!(Fte::share_of_full_time(80 * 60, 14), Fte(100));
    assert_eq!(Fte::share_of_full_time(80 * 60 - 1, 14), Fte(99));
    assert_eq!(
        Fte::share_of_full_time(60, 0),
        Fte(6_000),
        "no days: a full time of one minute"
    );
}

#[test]
fn the_budget_counts_2080_hours_a_year() {
    assert_eq!(
        Fte::from_month_minutes(2_080 * 60, 365),
        Fte(100),
        "a year's hours over a year"
    );
    assert_eq!(Fte::from_month_minutes(4_800 * 60, 31), Fte(2_717));
    assert_eq!(
        Fte::from_month_minutes(10_258, 30),
        Fte(100),
        "99.96 rounds to 1.00"
    );
    assert_eq!(
        Fte::from_month_minutes(-10_258, 30),
        Fte(-100),
        "a reversal rounds away from zero"
    );
    assert_eq!(
        Fte::from_month_minutes(600, 0),
        Fte(0),
        "a month of no days"
    );
}

#[test]
fn fte_reads_with_two_decimals() {
    assert_eq!(Fte(90).text(), "0.90");
    assert_eq!(Fte(100).text(), "1.00");
    assert_eq!(Fte(2_240).text(), "22.40");
    assert_eq!(Fte(0).text(), "0.00");
    assert_eq!(Fte(-10).text(), "-0.10", "the sign is kept below one");
}
