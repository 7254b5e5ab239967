use super::*;

#[test]
fn div_round_rounds_half_away_from_zero_once() {
    assert_eq!(div_round(5, 10), 1, "half a cent rounds up");
    assert_eq!(div_round(4, 10), 0, "less than half rounds down");
    assert_eq!(
        div_round(-5, 10),
        -1,
        "a negative half rounds away from zero"
    );
    assert_eq!(div_round(-4, 10), 0);
    assert_eq!(div_round(7, 3), 2);
}

#[test]
fn div_round_saturates_instead_of_wrapping() {
    assert_eq!(div_round(i128::from(i64::MAX) * 4, 2), i64::MAX);
    assert_eq!(div_round(i128::from(i64::MIN) * 4, 2), i64::MIN);
}

#[test]
fn pay_for_minutes_is_rounded_once_to_the_cent() {
    assert_eq!(
        Cents(4_850).for_minutes(60),
        Cents(4_850),
        "an hour at $48.50"
    );
    assert_eq!(
        Cents(4_850).for_minutes(1),
        Cents(81),
        "80.83 cents rounds to 81"
    );
    assert_eq!(Cents(30).for_minutes(1), Cents(1), "half a cent rounds up");
    assert_eq!(
        Cents(29).for_minutes(1),
        Cents(0),
        "under half a cent rounds down"
    );
    assert_eq!(
        Cents(4_850).scaled(90, 120),
        Cents(3_638),
        "half the rate for 90 minutes: $36.375 rounds up"
    );
}

#[test]
fn pay_for_minutes_cannot_overflow() {
    assert_eq!(
        Cents(i64::MAX).for_minutes(120),
        Cents(i64::MAX),
        "an impossible product saturates instead of wrapping negative"
    );
    assert_eq!(
        Cents(i64::MAX).for_minutes(60),
        Cents(i64::MAX),
        "exact at the edge"
    );
}

#[test]
fn an_hourly_rate_from_pay_and_minutes() {
    assert_eq!(Cents(9_700).per_hour(120), Cents(4_850));
    assert_eq!(Cents(100).per_hour(0), Cents(0), "no minutes, no rate");
    assert_eq!(
        Cents(1).per_hour(120),
        Cents(1),
        "half a cent an hour rounds up"
    );
}

#[test]
fn dollars_read_as_the_manager_writes_them() {
    assert_eq!(Cents(123_456).dollars(), "$1,234.56");
    assert_eq!(Cents(4_850).dollars(), "$48.50");
    assert_eq!(Cents(7).dollars(), "$0.07");
    assert_eq!(Cents(0).dollars(), "$0.00");
    assert_eq!(Cents(100_000).dollars(), "$1,000.00", "a group boundary");
    assert_eq!(Cents(99_999).dollars(), "$999.99", "just under it");
    assert_eq!(Cents(-4_850).dollars(), "-$48.50", "the sign before the $");
    assert_eq!(
        Cents(i64::MIN).dollars(),
        "-$92,233,720,368,547,758.08",
        "the most negative amount keeps its sign"
    );
    assert_eq!(Cents(4_850).rate(), "$48.50/h");
}

#[test]
fn tables_group_and_files_do_not() {
    assert_eq!(Cents(123_456_789).grouped(), "1,234,567.89");
    assert_eq!(Cents(-100_005).grouped(), "-1,000.05");
    assert_eq!(Cents(123_456_789).plain(), "1234567.89");
    assert_eq!(Cents(-1_234).plain(), "-12.34");
    assert_eq!(Cents(5).plain(), "0.05");
}
