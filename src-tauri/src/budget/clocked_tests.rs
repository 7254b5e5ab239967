//! Productivity reads the time clock for the days it covers and the
//! schedule for the others, on the sample as of Wednesday 25 Nov 2026 (pay
//! periods from 8 Nov: 8–21 Nov closed, 22 Nov – 5 Dec running, punches in
//! up to the night of 24 Nov).

use crate::attendance::{period, store, Punch};
use crate::budget::productivity::{self, HoursSource, ProductivityMonth};
use crate::budget::{labor, years};
use crate::schedule::time::instant;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

fn sample() -> (Connection, i64) {
    let mut conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-25");
    crate::sample::create(&mut conn, today).unwrap();
    let fy = years::overview(&conn, today).unwrap().current_id.unwrap();
    (conn, fy)
}

fn november(conn: &Connection, fy: i64) -> ProductivityMonth {
    let report = productivity::report(conn, fy, day("2026-11-25")).unwrap();
    report
        .months
        .into_iter()
        .find(|m| m.label.starts_with("Nov"))
        .unwrap()
}

/// An employed, non-agency person with no shift from 21 to 29 Nov.
fn free_person(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT id FROM staff WHERE employment_type IN ('full_time', 'part_time')
           AND termination_date IS NULL
           AND id NOT IN (SELECT staff_id FROM assignment WHERE date BETWEEN '2026-11-21' AND '2026-11-29')
         ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

fn add_shift(conn: &Connection, staff_id: i64, date: &str) {
    conn.execute(
        "INSERT INTO assignment (staff_id, date, period_id, shift_type_id)
         SELECT ?1, ?2, p.id, t.id FROM schedule_period p, shift_type t
          WHERE ?2 BETWEEN p.start_date AND p.end_date
            AND t.code = 'D'",
        params![staff_id, date],
    )
    .unwrap();
    assert_eq!(
        conn.query_row(
            "SELECT COUNT(*) FROM assignment WHERE staff_id = ?1 AND date = ?2",
            params![staff_id, date],
            |r| r.get::<_, i64>(0),
        )
        .unwrap(),
        1,
        "the test's shift is in a period"
    );
}

#[test]
fn the_running_month_reads_the_clock_then_the_schedule() {
    let (conn, fy) = sample();
    assert_eq!(november(&conn, fy).source, HoursSource::Mixed);
}

#[test]
fn a_punched_hour_counts_and_a_shift_on_a_clocked_day_does_not() {
    let (conn, fy) = sample();
    let before = november(&conn, fy).worked_minutes;
    let who = free_person(&conn);
    let tz = period::zone(&conn).unwrap();
    let at = |h: u32| instant(tz, day("2026-11-23").and_hms_opt(h, 0, 0).unwrap());
    let punch = Punch {
        staff_id: who,
        workday: day("2026-11-23"),
        clock_in: Some(at(9)),
        clock_out: Some(at(11)),
        meal_minutes: 0,
        pay_code: None,
        cost_centre: None,
        line: 0,
    };
    store::write(
        &conn,
        None,
        &punch,
        "called in for two hours",
        "2026-11-25T12:00:00Z",
    )
    .unwrap();
    assert_eq!(november(&conn, fy).worked_minutes, before + 120);

    // 23 Nov is the clock's: a shift written there afterwards changes nothing.
    add_shift(&conn, who, "2026-11-23");
    assert_eq!(november(&conn, fy).worked_minutes, before + 120);
    // 28 Nov is after the last punch: the schedule's day shift counts (12 h
    // less the 30-minute unpaid meal).
    add_shift(&conn, who, "2026-11-28");
    assert_eq!(november(&conn, fy).worked_minutes, before + 120 + 690);
}

#[test]
fn an_approved_period_is_the_clock_s_to_its_last_day() {
    let (conn, fy) = sample();
    let who = free_person(&conn);
    conn.execute(
        "INSERT INTO pay_period_approval (start_date, approved_at) VALUES ('2026-11-22', '2026-11-25T12:00:00Z')",
        [],
    )
    .unwrap();
    let before = november(&conn, fy);
    add_shift(&conn, who, "2026-11-28");
    assert_eq!(november(&conn, fy).worked_minutes, before.worked_minutes);
    // December's first days are the same approved period's: clock, not schedule.
    let year = years::get(&conn, fy).unwrap().0;
    let clocked = super::by_month(&conn, year).unwrap();
    assert!(clocked.days.contains(&day("2026-12-05")));
    assert!(!clocked.days.contains(&day("2026-12-06")));
}

#[test]
fn without_punches_the_hours_are_the_schedule_s() {
    let (conn, fy) = sample();
    conn.execute("DELETE FROM punch", []).unwrap();
    let m = november(&conn, fy);
    assert_eq!(m.source, HoursSource::Schedule);
    let year = years::get(&conn, fy).unwrap().0;
    let scheduled = labor::by_month(&conn, year).unwrap();
    let i = year.index_of_date(day("2026-11-25")).unwrap() as usize;
    assert_eq!(m.worked_minutes, scheduled[i].worked_minutes);
    assert_eq!(m.overtime_minutes, scheduled[i].overtime_minutes);
}
