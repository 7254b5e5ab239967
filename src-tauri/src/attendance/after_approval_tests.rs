//! Time off changed after a pay period was approved is a change after
//! approval as a corrected punch is (#26 fresh eyes 2, item 4): the
//! summary's note, the person's timecard, and the day's exceptions to
//! review. On the sample as of 25 Nov 2026, its 8–21 Nov period approved.

use crate::attendance::period;
use crate::attendance::timecards::{self, PayPeriodView};
use crate::budget::labor::time_off_tests::{approve, person_at_nine_tenths};
use rusqlite::{params, Connection};

fn view(conn: &Connection) -> PayPeriodView {
    timecards::view(conn, &period::load(conn, "2026-11-08").unwrap()).unwrap()
}

fn changed(v: &PayPeriodView, staff_id: i64) -> bool {
    v.timecards
        .iter()
        .find(|t| t.staff_id == staff_id)
        .is_some_and(|t| t.changed_after_approval)
}

fn approved_sample() -> (Connection, i64) {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, crate::input::date("2026-11-25").unwrap()).unwrap();
    let (id, _) = person_at_nine_tenths(&conn);
    approve(&conn);
    (conn, id)
}

fn add_pto(conn: &Connection, id: i64, from: &str, to: &str) -> i64 {
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note, decided_at)
         VALUES (?1, ?2, ?3, 'pto', 'approved', 1, '', '2026-11-26T09:00:00Z')",
        params![id, from, to],
    )
    .unwrap();
    conn.last_insert_rowid()
}

#[test]
fn time_off_added_after_approval_is_a_change_after_approval() {
    let (conn, id) = approved_sample();
    let before = view(&conn);
    assert_eq!(before.after_approval, None, "nothing changed yet");
    assert!(!changed(&before, id));
    add_pto(&conn, id, "2026-11-09", "2026-11-10");
    let after = view(&conn);
    assert_eq!(
        after.after_approval.as_deref(),
        Some("Changed after approval: +14.4 h since the period was approved (time off of 1 person changed).")
    );
    assert!(changed(&after, id), "shown on their timecard");
    assert!(
        after
            .timecards
            .iter()
            .filter(|t| t.staff_id != id)
            .all(|t| !t.changed_after_approval),
        "nobody else's"
    );
}

#[test]
fn time_off_removed_after_approval_is_a_change_too() {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, crate::input::date("2026-11-25").unwrap()).unwrap();
    let (id, _) = person_at_nine_tenths(&conn);
    let off = add_pto(&conn, id, "2026-11-09", "2026-11-09");
    approve(&conn);
    assert_eq!(view(&conn).after_approval, None, "recorded before approval");
    conn.execute("DELETE FROM time_off WHERE id = ?1", [off])
        .unwrap();
    let after = view(&conn);
    assert_eq!(
        after.after_approval.as_deref(),
        Some("Changed after approval: −7.2 h since the period was approved (time off of 1 person changed).")
    );
    assert!(changed(&after, id));
}

#[test]
fn time_off_outside_the_period_changed_after_approval_is_no_change_of_it() {
    let (conn, id) = approved_sample();
    add_pto(&conn, id, "2026-11-23", "2026-11-24");
    let after = view(&conn);
    assert_eq!(after.after_approval, None);
    assert!(!changed(&after, id));
}

/// Unpaid time off added after approval pays nothing, yet is a change:
/// the note names it while the paid hours are as approved.
#[test]
fn unpaid_time_off_after_approval_is_named_with_the_hours_as_approved() {
    let (conn, id) = approved_sample();
    conn.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
         VALUES (?1, '2026-11-11', '2026-11-11', 'education', 'approved', 0, '')",
        [id],
    )
    .unwrap();
    let after = view(&conn);
    assert_eq!(
        after.after_approval.as_deref(),
        Some(
            "Changed after approval: time off of 1 person changed; the paid hours are as approved."
        )
    );
    assert!(changed(&after, id));
}
