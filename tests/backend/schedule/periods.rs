//! Periods: where they start, how long they are, how they are seeded,
//! publishing and deleting.

use super::*;
use wardbook::error::ErrorCode;
use wardbook::schedule::store::assignments;
use wardbook::schedule::store::context::assignments_between;
use wardbook::schedule::store::periods::PeriodStatus;

#[test]
fn the_first_period_starts_on_the_work_week_holding_today() {
    let mut u = unit();
    let p = first_period(&mut u);
    assert_eq!(
        p.start_date, ANCHOR,
        "Wednesday 2 Dec is in the week from Sunday 29 Nov"
    );
    assert_eq!(p.end_date, "2026-12-26", "4 weeks, last day included");
    assert_eq!(p.status, PeriodStatus::Draft);
}

#[test]
fn each_next_period_starts_the_day_after_the_last_for_4_5_or_6_weeks() {
    let mut u = unit();
    first_period(&mut u);
    let five = period_store::create(&mut u.conn, 5, Seed::Empty, day(TODAY)).unwrap();
    assert_eq!(
        (five.start_date.as_str(), five.end_date.as_str()),
        ("2026-12-27", "2027-01-30")
    );
    let six = period_store::create(&mut u.conn, 6, Seed::Empty, day(TODAY)).unwrap();
    assert_eq!(
        (six.start_date.as_str(), six.end_date.as_str()),
        ("2027-01-31", "2027-03-13")
    );
    for weeks in [3, 7] {
        let err = period_store::create(&mut u.conn, weeks, Seed::Empty, day(TODAY)).unwrap_err();
        assert_eq!(
            err.message_for("weeks"),
            Some("A period is 4, 5 or 6 weeks long.")
        );
    }
    assert_eq!(
        period_store::list(&u.conn).unwrap().len(),
        3,
        "refusals add nothing"
    );
}

#[test]
fn seeding_needs_a_previous_period() {
    let mut u = unit();
    let err = period_store::create(&mut u.conn, 4, Seed::Previous, day(TODAY)).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("seed"));
    assert!(
        period_store::list(&u.conn).unwrap().is_empty(),
        "no period was made"
    );
}

#[test]
fn previous_copies_by_offset_and_approved_time_off_wins() {
    let mut u = unit();
    let first = first_period(&mut u);
    for d in ["2026-11-29", "2026-12-10", "2026-12-26"] {
        assignments::set(&mut u.conn, first.id, u.ann, d, "D", day(TODAY), "now").unwrap();
    }
    // Ann has approved PTO on what would be the copy of 10 Dec.
    approved_off(&mut u.conn, u.ann, "2027-01-07", "2027-01-07");
    let next = period_store::create(&mut u.conn, 4, Seed::Previous, day(TODAY)).unwrap();
    let mut copied: Vec<String> = assignments_between(&u.conn, next.start(), next.end())
        .unwrap()
        .iter()
        .map(|a| a.date.to_string())
        .collect();
    copied.sort();
    assert_eq!(
        copied,
        ["2026-12-27", "2027-01-23"],
        "day 0 and day 27 copied; day 11 is approved PTO"
    );
}

#[test]
fn rotation_repeats_the_last_two_weeks_over_the_whole_period() {
    let mut u = unit();
    let first = first_period(&mut u);
    // Days 14 and 20 of 28 fall in the last two weeks; day 2 does not.
    for d in ["2026-12-01", "2026-12-13", "2026-12-19"] {
        assignments::set(&mut u.conn, first.id, u.bo, d, "N", day(TODAY), "now").unwrap();
    }
    let next = period_store::create(&mut u.conn, 6, Seed::Rotation, day(TODAY)).unwrap();
    let mut dates: Vec<String> = assignments_between(&u.conn, next.start(), next.end())
        .unwrap()
        .iter()
        .map(|a| a.date.to_string())
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        [
            "2026-12-27",
            "2027-01-02",
            "2027-01-10",
            "2027-01-16",
            "2027-01-24",
            "2027-01-30"
        ],
        "the two-week pattern (days 0 and 6) three times over 6 weeks"
    );
}

#[test]
fn publishing_once_only_and_only_the_latest_draft_can_be_deleted() {
    let mut u = unit();
    let first = first_period(&mut u);
    let second = period_store::create(&mut u.conn, 4, Seed::Empty, day(TODAY)).unwrap();
    assert_eq!(
        period_store::delete(&u.conn, first.id).unwrap_err().code,
        ErrorCode::Conflict,
        "deleting the first would leave a hole before the second"
    );
    let published = period_store::publish(&u.conn, first.id, "2026-11-20T09:00:00Z").unwrap();
    assert_eq!(published.status, PeriodStatus::Published);
    assert_eq!(
        published.published_at.as_deref(),
        Some("2026-11-20T09:00:00Z")
    );
    let again = period_store::publish(&u.conn, first.id, "later").unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);
    assert_eq!(
        again.message,
        "The period 2026-11-29 to 2026-12-26 is already published."
    );
    period_store::delete(&u.conn, second.id).unwrap();
    assert_eq!(
        period_store::delete(&u.conn, first.id).unwrap_err().code,
        ErrorCode::Conflict,
        "a published period stays"
    );
}
