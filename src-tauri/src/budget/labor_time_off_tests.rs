//! Paid time off counts the same paid hours in the budget's labor, on the
//! timecards and in the payroll export, on the sample as of Wednesday 25
//! Nov 2026 (its 8–21 Nov pay period closed, inside a schedule period).

use super::by_month;
use crate::attendance::payroll::{self, PayrollLayout};
use crate::attendance::{approval, exceptions::ExceptionKind, period, timecards};
use crate::budget::calendar::{Year, YearMonth};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use std::collections::HashMap;

const NOW: &str = "2026-11-25T15:00:00Z";

fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

/// The budget year from November 2026: November is its month 0.
fn november_time_off(conn: &Connection) -> i64 {
    let year = Year {
        first: YearMonth::of(day("2026-11-01")),
    };
    by_month(conn, year).unwrap()[0].non_productive_minutes
}

/// A full-time person of the sample, made 0.9 FTE, with nothing scheduled
/// nor punched from Monday 9 to Friday 13 Nov.
pub(crate) fn person_at_nine_tenths(conn: &Connection) -> (i64, String) {
    let (id, no): (i64, String) = conn
        .query_row(
            "SELECT id, employee_no FROM staff WHERE employment_type = 'full_time'
               AND termination_date IS NULL
               AND id IN (SELECT staff_id FROM assignment WHERE date BETWEEN '2026-11-16' AND '2026-11-21')
             ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute("UPDATE staff SET fte_hundredths = 90 WHERE id = ?1", [id])
        .unwrap();
    for table in ["assignment WHERE date", "punch WHERE workday"] {
        conn.execute(
            &format!("DELETE FROM {table} BETWEEN '2026-11-09' AND '2026-11-13' AND staff_id = ?1"),
            [id],
        )
        .unwrap();
    }
    (id, no)
}

pub(crate) fn approve(conn: &Connection) {
    let l = period::load(conn, "2026-11-08").unwrap();
    for ex in timecards::view(conn, &l).unwrap().exceptions {
        if ex.kind == ExceptionKind::MissedPunch {
            approval::approve_exception(conn, &l, ex.staff_id, &ex.workday, ex.kind, NOW).unwrap();
        }
    }
    let l = period::load(conn, "2026-11-08").unwrap();
    approval::approve_period(conn, &l, NOW).unwrap();
}

/// The person's timecard minutes by pay code and the payroll file's, by
/// pay code, for 8–21 Nov (approved first).
pub(crate) fn card_and_payroll(
    conn: &Connection,
    staff_id: i64,
    employee_no: &str,
) -> (HashMap<String, i64>, HashMap<String, i64>) {
    let l = period::load(conn, "2026-11-08").unwrap();
    let card: HashMap<String, i64> = timecards::view(conn, &l)
        .unwrap()
        .timecards
        .into_iter()
        .find(|t| t.staff_id == staff_id)
        .expect("their timecard")
        .by_code
        .into_iter()
        .map(|c| (c.code, c.minutes))
        .collect();
    let file = payroll::export(&l, PayrollLayout::ByPeriod).unwrap();
    let mut paid = HashMap::new();
    for rec in csv::Reader::from_reader(&file.bytes[..]).records() {
        let rec = rec.unwrap();
        if &rec[0] == employee_no {
            *paid.entry(rec[4].to_string()).or_default() += rec[6].parse::<i64>().unwrap();
        }
    }
    (card, paid)
}

/// Five weekdays of PTO at 0.9 FTE pay 7.2 h each (36 h) in the budget's
/// labor, on the timecard and in the payroll file (the budget counted a
/// flat 8 h a day: 40 h).
#[test]
fn paid_time_off_pays_the_same_hours_in_the_budget_the_timecards_and_payroll() {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let (id, no) = person_at_nine_tenths(&conn);
    let budget_before = november_time_off(&conn);
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
         VALUES (?1, '2026-11-09', '2026-11-13', 'pto', 'approved', 1, '')",
        params![id],
    )
    .unwrap();
    let budget = november_time_off(&conn) - budget_before;
    assert_eq!(budget, 5 * 432, "5 weekdays at 7.2 h in the budget");
    approve(&conn);
    let (card, paid) = card_and_payroll(&conn, id, &no);
    assert_eq!(card.get("PTO").copied(), Some(budget), "timecard: {card:?}");
    assert_eq!(paid.get("PTO").copied(), Some(budget), "payroll: {paid:?}");
}

/// A weekend day of PTO with no shift pays nothing, in all three.
#[test]
fn a_weekend_day_of_time_off_without_a_shift_pays_nothing_anywhere() {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let (id, no) = person_at_nine_tenths(&conn);
    conn.execute(
        "DELETE FROM assignment WHERE staff_id = ?1 AND date = '2026-11-14'",
        [id],
    )
    .unwrap();
    conn.execute(
        "DELETE FROM punch WHERE staff_id = ?1 AND workday = '2026-11-14'",
        [id],
    )
    .unwrap();
    let budget_before = november_time_off(&conn);
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
         VALUES (?1, '2026-11-14', '2026-11-14', 'pto', 'approved', 1, '')",
        params![id],
    )
    .unwrap();
    assert_eq!(november_time_off(&conn), budget_before, "a Saturday pays 0");
    approve(&conn);
    let (card, paid) = card_and_payroll(&conn, id, &no);
    assert_eq!(card.get("PTO"), None, "{card:?}");
    assert_eq!(paid.get("PTO"), None, "{paid:?}");
}

/// The person's scheduled shifts from 16 to 20 Nov as (date, paid minutes
/// as the timecards count them), with the shifts' kinds differing.
fn shifts_of(conn: &Connection, staff_id: i64) -> Vec<(String, i64)> {
    let l = period::load(conn, "2026-11-08").unwrap();
    let mut out: Vec<(String, i64)> = l
        .shifts
        .iter()
        .filter(|s| s.staff_id == staff_id)
        .filter(|s| s.date >= day("2026-11-16") && s.date <= day("2026-11-20"))
        .map(|s| (crate::input::format_date(s.date), s.paid_minutes()))
        .collect();
    out.sort();
    out
}

/// Time off approved from the Schedule with "approve and remove" keeps
/// each removed shift's paid minutes: those days pay what the shifts paid
/// (not the FTE's 7.2 h) in the budget, on the timecard and in payroll,
/// and denying or approving anyway keeps nothing.
#[test]
fn time_off_approved_with_its_shifts_removed_pays_what_the_shifts_paid() {
    use crate::schedule::store::time_off_approval::decide;
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let (id, no) = person_at_nine_tenths(&conn);
    let shifts = shifts_of(&conn, id);
    assert!(!shifts.is_empty(), "the person works between 16 and 20 Nov");
    let shift_minutes: i64 = shifts.iter().map(|(_, m)| m).sum();
    conn.execute(
        "DELETE FROM punch WHERE staff_id = ?1 AND workday BETWEEN '2026-11-16' AND '2026-11-20'",
        [id],
    )
    .unwrap();
    let budget_before = november_time_off(&conn);
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
         VALUES (?1, '2026-11-16', '2026-11-20', 'pto', 'requested', 1, '')",
        params![id],
    )
    .unwrap();
    let request = conn.last_insert_rowid();
    decide(&mut conn, request, true, true, NOW).unwrap();
    assert!(shifts_of(&conn, id).is_empty(), "the shifts are removed");
    let weekdays_without_shift = 5 - shifts.len() as i64;
    let expected = shift_minutes + weekdays_without_shift * 432;
    assert_eq!(
        november_time_off(&conn) - budget_before,
        expected,
        "the budget pays the removed shifts' minutes ({shifts:?}) and 7.2 h on the other weekdays"
    );
    approve(&conn);
    let (card, paid) = card_and_payroll(&conn, id, &no);
    assert_eq!(card.get("PTO").copied(), Some(expected), "timecard");
    assert_eq!(paid.get("PTO").copied(), Some(expected), "payroll");
}

/// Time off approved with its shifts kept ("approve and keep"): those days
/// are worked, so the time off leaves them: no rule broken on the grid, no
/// time off paid there in the budget, on the timecard or in payroll, and
/// the weekdays without a shift pay 7.2 h as before (the kept shifts were
/// flagged as breaking the time off and paid as time off when not punched).
#[test]
fn time_off_approved_with_its_shifts_kept_leaves_those_days_to_work() {
    use crate::schedule::store::time_off_approval::decide;
    use crate::schedule::RuleCode;
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let (id, no) = person_at_nine_tenths(&conn);
    let shifts = shifts_of(&conn, id);
    assert!(!shifts.is_empty(), "the person works between 16 and 20 Nov");
    // Not punched: a kept shift not worked is a no-show, not time off.
    conn.execute(
        "DELETE FROM punch WHERE staff_id = ?1 AND workday BETWEEN '2026-11-16' AND '2026-11-20'",
        [id],
    )
    .unwrap();
    let budget_before = november_time_off(&conn);
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
         VALUES (?1, '2026-11-16', '2026-11-20', 'pto', 'requested', 1, '')",
        params![id],
    )
    .unwrap();
    let request = conn.last_insert_rowid();
    decide(&mut conn, request, true, false, NOW).unwrap();
    assert_eq!(shifts_of(&conn, id), shifts, "the shifts stay");
    let period_id: i64 = conn
        .query_row(
            "SELECT id FROM schedule_period WHERE '2026-11-16' BETWEEN start_date AND end_date",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let grid = crate::schedule::store::view(&conn, period_id, day("2026-11-25")).unwrap();
    let broken: Vec<_> = grid
        .violations
        .iter()
        .filter(|v| v.rule == RuleCode::TimeOff)
        .collect();
    assert!(
        broken.is_empty(),
        "no rule broken by a kept shift: {broken:?}"
    );
    let expected = (5 - shifts.len() as i64) * 432;
    assert_eq!(
        november_time_off(&conn) - budget_before,
        expected,
        "the budget pays only the days without a shift"
    );
    let l = period::load(&conn, "2026-11-08").unwrap();
    let no_shows = timecards::exceptions_of(&l)
        .into_iter()
        .filter(|e| e.staff_id == id && e.kind == ExceptionKind::NoShow)
        .count();
    assert_eq!(
        no_shows,
        shifts.len(),
        "a kept shift not worked is a no-show"
    );
    approve(&conn);
    let (card, paid) = card_and_payroll(&conn, id, &no);
    let pto = |m: &HashMap<String, i64>| m.get("PTO").copied().unwrap_or(0);
    assert_eq!(pto(&card), expected, "timecard: {card:?}");
    assert_eq!(pto(&paid), expected, "payroll: {paid:?}");

    // The kept shift taken off later: the day is time off again.
    let first = shifts[0].0.clone();
    conn.execute(
        "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
        params![id, first],
    )
    .unwrap();
    let fte_day = if crate::input::date(&first)
        .unwrap()
        .weekday()
        .number_from_monday()
        > 5
    {
        0
    } else {
        432
    };
    assert_eq!(
        november_time_off(&conn) - budget_before,
        expected + fte_day,
        "a kept shift no longer there leaves the day to the time off"
    );
}

/// Denying records nothing about the shifts.
#[test]
fn denying_records_nothing_about_the_shifts() {
    use crate::schedule::store::time_off_approval::decide;
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let (id, _) = person_at_nine_tenths(&conn);
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
         VALUES (?1, '2026-11-16', '2026-11-20', 'pto', 'requested', 1, '')",
        params![id],
    )
    .unwrap();
    let request = conn.last_insert_rowid();
    decide(&mut conn, request, false, true, NOW).unwrap();
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM time_off_shift", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 0);
    assert!(!shifts_of(&conn, id).is_empty(), "the shifts stay");
}
