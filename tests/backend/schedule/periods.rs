//! Periods: where they start, how long they are, how they are seeded,
//! publishing and deleting.

use super::*;
use wardbook::error::ErrorCode;
use wardbook::schedule::store::assignments;
use wardbook::schedule::store::loaded_period::assignments_between;
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
fn publishing_once_only_and_any_draft_can_be_deleted() {
    let mut u = unit();
    let first = first_period(&mut u);
    let second = period_store::create(&mut u.conn, 4, Seed::Empty, day(TODAY)).unwrap();
    let published = period_store::publish(&u.conn, second.id, "2026-11-20T09:00:00Z").unwrap();
    assert_eq!(published.status, PeriodStatus::Published);
    assert_eq!(
        published.published_at.as_deref(),
        Some("2026-11-20T09:00:00Z")
    );
    let again = period_store::publish(&u.conn, second.id, "later").unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);
    assert_eq!(
        again.message,
        "The period 2026-12-27 to 2027-01-23 is already published."
    );
    // Periods need not be back to back (history can be entered), so an
    // earlier draft added by mistake can go even with a period after it.
    period_store::delete(&u.conn, first.id).unwrap();
    assert_eq!(
        period_store::delete(&u.conn, second.id).unwrap_err().code,
        ErrorCode::Conflict,
        "a published period stays"
    );
    assert_eq!(period_store::list(&u.conn).unwrap(), vec![published]);
}

#[test]
fn a_period_starts_on_the_date_the_manager_gives_even_in_the_past() {
    let mut u = unit();
    first_period(&mut u);
    // A Sunday two years back, to enter history.
    let past =
        period_store::create_at(&mut u.conn, 6, Seed::Empty, " 2024-12-01 ", day(TODAY)).unwrap();
    assert_eq!(
        (past.start_date.as_str(), past.end_date.as_str()),
        ("2024-12-01", "2025-01-11")
    );
    assert_eq!(past.status, PeriodStatus::Draft);
    // Leaving a gap after the latest one is allowed too.
    let later =
        period_store::create_at(&mut u.conn, 4, Seed::Empty, "2027-02-07", day(TODAY)).unwrap();
    assert_eq!(later.start_date, "2027-02-07");
    // Blank still means the day after the latest period.
    let next = period_store::create_at(&mut u.conn, 4, Seed::Empty, "", day(TODAY)).unwrap();
    assert_eq!(next.start_date, "2027-03-07");
    let starts: Vec<String> = period_store::list(&u.conn)
        .unwrap()
        .into_iter()
        .map(|p| p.start_date)
        .collect();
    assert_eq!(
        starts,
        ["2024-12-01", "2026-11-29", "2027-02-07", "2027-03-07"],
        "listed oldest first"
    );
}

#[test]
fn the_first_period_with_no_date_starts_on_the_pay_period_holding_today() {
    let mut u = unit();
    // 14 Dec is in the pay period from Sunday 13 Dec (anchor 29 Nov + 14 days);
    // the work week alone would say 13 Dec too, so take a day of its second week.
    let p = period_store::create_at(&mut u.conn, 4, Seed::Empty, "", day("2026-12-22")).unwrap();
    assert_eq!(
        p.start_date, "2026-12-13",
        "Tuesday 22 Dec is in the pay period from Sunday 13 Dec, not the week from 20 Dec"
    );
}

#[test]
fn an_overlapping_period_is_refused_with_where_it_could_go() {
    let mut u = unit();
    first_period(&mut u); // 29 Nov to 26 Dec 2026
    let before = period_store::list(&u.conn).unwrap();
    let err =
        period_store::create_at(&mut u.conn, 4, Seed::Empty, "2026-12-20", day(TODAY)).unwrap_err();
    assert_eq!(
        err.message_for("start_date"),
        Some(
            "Sun 20 Dec 2026 to Sat 16 Jan 2027 would overlap the period Sun 29 Nov 2026 to \
             Sat 26 Dec 2026; periods cannot overlap. It could start on Sun 27 Dec 2026."
        )
    );
    let err =
        period_store::create_at(&mut u.conn, 6, Seed::Empty, "2026-10-25", day(TODAY)).unwrap_err();
    assert_eq!(
        err.message_for("start_date"),
        Some(
            "Sun 25 Oct 2026 to Sat 5 Dec 2026 would overlap the period Sun 29 Nov 2026 to \
             Sat 26 Dec 2026; periods cannot overlap. Start it on Sun 18 Oct 2026 or earlier."
        )
    );
    assert_eq!(
        period_store::list(&u.conn).unwrap(),
        before,
        "refusals add nothing"
    );
    // Ending the day before another starts is not an overlap.
    let touching =
        period_store::create_at(&mut u.conn, 5, Seed::Empty, "2026-10-25", day(TODAY)).unwrap();
    assert_eq!(touching.end_date, "2026-11-28");
}

#[test]
fn a_start_off_the_work_week_or_not_a_date_is_refused_beside_the_field() {
    let mut u = unit();
    let err =
        period_store::create_at(&mut u.conn, 4, Seed::Empty, "2026-12-02", day(TODAY)).unwrap_err();
    assert_eq!(
        err.message_for("start_date"),
        Some(
            "A period starts on a Sunday, the first day of the work week (the pay-period anchor \
             2026-11-29 is one); the nearest is Sun 29 Nov 2026 or Sun 6 Dec 2026."
        )
    );
    for bad in ["6/12/2026", "2026-02-30", "next week"] {
        let err =
            period_store::create_at(&mut u.conn, 4, Seed::Empty, bad, day(TODAY)).unwrap_err();
        assert!(
            err.message_for("start_date")
                .is_some_and(|m| m.contains("is not a valid date")),
            "{bad} is refused as a date: {err:?}"
        );
    }
    let err =
        period_store::create_at(&mut u.conn, 4, Seed::Empty, "1999-12-26", day(TODAY)).unwrap_err();
    assert_eq!(
        err.message_for("start_date"),
        Some("Enter a start date between 2000 and 2099.")
    );
    assert!(
        period_store::list(&u.conn).unwrap().is_empty(),
        "nothing made"
    );
}

#[test]
fn a_past_period_is_seeded_from_the_latest_period_before_it() {
    let mut u = unit();
    let first = first_period(&mut u); // 29 Nov 2026
    assignments::set(
        &mut u.conn,
        first.id,
        u.ann,
        "2026-11-29",
        "D",
        day(TODAY),
        "now",
    )
    .unwrap();
    let err = period_store::create_at(&mut u.conn, 4, Seed::Previous, "2026-10-04", day(TODAY))
        .unwrap_err();
    assert_eq!(
        err.message_for("seed"),
        Some("There is no earlier period to copy from; start this one empty."),
        "the only period is after it"
    );
    let later =
        period_store::create_at(&mut u.conn, 4, Seed::Previous, "2027-01-31", day(TODAY)).unwrap();
    let copied = assignments_between(&u.conn, later.start(), later.end()).unwrap();
    assert_eq!(copied.len(), 1, "Ann's day 0 copied across the gap");
    assert_eq!(copied[0].date.to_string(), "2027-01-31");
}
