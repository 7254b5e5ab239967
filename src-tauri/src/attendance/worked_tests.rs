//! The grid's worked marks agree with the exceptions the timecards list.

use super::*;
use crate::attendance::approval;
use crate::attendance::timecards;

fn day(s: &str) -> NaiveDate {
    input::date(s).unwrap()
}

const NOW: &str = "2026-11-25T15:00:00Z";

/// The sample as of Wednesday 25 Nov 2026: its punches cover the closed pay
/// period 8–21 Nov and the running one up to now.
fn sample() -> Connection {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    conn
}

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

fn marks(conn: &Connection) -> Vec<WorkedCell> {
    cells(conn, day("2026-11-08"), day("2026-11-21"), now()).unwrap()
}

#[test]
fn each_open_exception_marks_its_day_and_clean_days_are_as_scheduled() {
    let conn = sample();
    let l = period::load_at(
        &conn,
        rule_settings::load(&conn).unwrap(),
        day("2026-11-08"),
        now(),
    )
    .unwrap();
    let view = timecards::view(&conn, &l).unwrap();
    let cells = marks(&conn);
    let at = |staff: i64, date: &str| cells.iter().find(|c| c.staff_id == staff && c.date == date);
    let open: Vec<_> = view.exceptions.iter().filter(|e| !e.approved).collect();
    assert!(!open.is_empty(), "the sample has exceptions to review");
    for e in &open {
        let c = at(e.staff_id, &e.workday)
            .unwrap_or_else(|| panic!("{} {} has a mark", e.name, e.workday));
        let want = match e.kind {
            ExceptionKind::NoShow => WorkedMark::NoShow,
            ExceptionKind::Unscheduled => WorkedMark::Unscheduled,
            _ => c.mark, // another exception of the day may name it
        };
        assert_eq!(c.mark, want, "{} on {}: {}", e.name, e.workday, c.text);
        assert_ne!(c.mark, WorkedMark::AsScheduled, "{}", c.text);
        assert!(c.text.contains(&e.reason), "{} says {:?}", c.text, e.reason);
    }
    let no_shows = cells
        .iter()
        .filter(|c| c.mark == WorkedMark::NoShow)
        .count();
    assert_eq!(
        no_shows,
        open.iter()
            .filter(|e| e.kind == ExceptionKind::NoShow)
            .count()
    );
    let clean: Vec<_> = cells
        .iter()
        .filter(|c| c.mark == WorkedMark::AsScheduled)
        .collect();
    assert!(
        clean.len() > open.len(),
        "most shifts were worked as scheduled"
    );
    assert!(clean
        .iter()
        .all(|c| c.text.starts_with("Clock ") && c.text.ends_with("as scheduled")));
    assert!(cells
        .iter()
        .all(|c| c.date.as_str() >= "2026-11-08" && c.date.as_str() <= "2026-11-21"));
}

#[test]
fn an_approved_exception_leaves_its_day_marked_as_settled() {
    let conn = sample();
    let rules = rule_settings::load(&conn).unwrap();
    let l = period::load_at(&conn, rules, day("2026-11-08"), now()).unwrap();
    let late = exceptions_of(&l)
        .into_iter()
        .find(|e| e.kind == ExceptionKind::LateOut)
        .expect("the sample has a late out");
    let others = exceptions_of(&l)
        .iter()
        .filter(|e| e.staff_id == late.staff_id && e.workday == late.workday)
        .count();
    assert_eq!(others, 1, "the late out is its day's only exception");
    let when = input::format_date(late.workday);
    let before = marks(&conn);
    let mark = |cells: &[WorkedCell]| {
        cells
            .iter()
            .find(|c| c.staff_id == late.staff_id && c.date == when)
            .cloned()
            .unwrap()
    };
    assert_eq!(mark(&before).mark, WorkedMark::Exception);
    approval::approve_exception(&conn, &l, late.staff_id, &when, late.kind, NOW).unwrap();
    let after = mark(&marks(&conn));
    assert_eq!(after.mark, WorkedMark::AsScheduled);
    assert!(
        after.text.ends_with("exceptions approved"),
        "{}",
        after.text
    );
}

#[test]
fn days_after_now_have_no_mark() {
    let conn = sample();
    let cells = cells(&conn, day("2026-11-08"), day("2026-12-19"), now()).unwrap();
    assert!(
        cells.iter().any(|c| c.date.as_str() >= "2026-11-22"),
        "the running period's punches show"
    );
    assert!(
        cells.iter().all(|c| c.date.as_str() <= "2026-11-25"),
        "nothing after today: {:?}",
        cells.iter().map(|c| &c.date).max()
    );
}

#[test]
fn an_unscheduled_shift_stays_marked_unscheduled_once_approved() {
    let conn = sample();
    let rules = rule_settings::load(&conn).unwrap();
    let l = period::load_at(&conn, rules, day("2026-11-08"), now()).unwrap();
    let extra = exceptions_of(&l)
        .into_iter()
        .find(|e| e.kind == ExceptionKind::Unscheduled)
        .expect("the sample has an unscheduled shift");
    let when = input::format_date(extra.workday);
    conn.execute(
        "INSERT INTO pay_period_approval (start_date, approved_at) VALUES ('2026-11-08', ?1)",
        [NOW],
    )
    .unwrap();
    let c = marks(&conn)
        .into_iter()
        .find(|c| c.staff_id == extra.staff_id && c.date == when)
        .unwrap();
    assert_eq!(c.mark, WorkedMark::Unscheduled, "{}", c.text);
    assert!(c.text.contains("exceptions approved"), "{}", c.text);
}
