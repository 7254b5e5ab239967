//! Approving time off over days that already hold shifts: the shifts are
//! named first, and taken off only when the manager asks, in the same
//! transaction as the approval; kept, they are worked and the time off
//! leaves their days.

use super::*;
use wardbook::error::ErrorCode;
use wardbook::schedule::store::time_off_approval as approval;
use wardbook::schedule::store::{assignments, view};
use wardbook::schedule::{RuleCode, TimeOffStatus};

/// Ann asks for 14–16 Dec.
fn request(u: &mut Unit) -> i64 {
    let form = TimeOffInput {
        staff_id: Some(u.ann),
        from: "2026-12-14".into(),
        to: "2026-12-16".into(),
        kind: Some(TimeOffKind::Pto),
        paid: true,
        note: String::new(),
    };
    offs::save(&mut u.conn, None, &form).unwrap().id
}

fn set(u: &mut Unit, period: i64, staff: i64, date: &str, code: &str) {
    assignments::set(&mut u.conn, period, staff, date, code, day(TODAY), "now").unwrap();
}

/// Ann's shifts, by date.
fn anns(u: &Unit) -> Vec<String> {
    let mut stmt = u
        .conn
        .prepare("SELECT date FROM assignment WHERE staff_id = ?1 ORDER BY date")
        .unwrap();
    stmt.query_map([u.ann], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn the_shifts_on_the_requested_days_are_named_with_their_shift_type() {
    let mut u = unit();
    let p = first_period(&mut u);
    let who = u.ann;
    set(&mut u, p.id, who, "2026-12-13", "D"); // the day before
    let who = u.ann;
    set(&mut u, p.id, who, "2026-12-14", "D"); // first day
    let who = u.ann;
    set(&mut u, p.id, who, "2026-12-16", "N"); // last day
    let who = u.ann;
    set(&mut u, p.id, who, "2026-12-17", "D"); // the day after
    let who = u.maria;
    set(&mut u, p.id, who, "2026-12-15", "D"); // someone else
    let id = request(&mut u);
    let shifts = approval::overlapping_shifts(&u.conn, id).unwrap();
    let seen: Vec<_> = shifts
        .iter()
        .map(|s| {
            (
                s.date.as_str(),
                s.shift_code.as_str(),
                s.shift_name.as_str(),
                s.published,
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("2026-12-14", "D", "Day", false),
            ("2026-12-16", "N", "Night", false)
        ],
        "both ends of the request count; the days around it and others' shifts do not"
    );
    assert_eq!(
        approval::overlapping_shifts(&u.conn, 999).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn approving_and_keeping_the_shifts_leaves_those_days_worked_and_removal_takes_only_those_off() {
    let mut u = unit();
    let p = first_period(&mut u);
    for date in ["2026-12-13", "2026-12-14", "2026-12-16", "2026-12-17"] {
        let who = u.ann;
        set(&mut u, p.id, who, date, "D");
    }
    let who = u.maria;
    set(&mut u, p.id, who, "2026-12-15", "D");
    let id = request(&mut u);

    let kept = approval::decide(&mut u.conn, id, true, false, "now").unwrap();
    assert_eq!(kept.status, TimeOffStatus::Approved);
    assert_eq!(anns(&u).len(), 4, "approve and keep: nothing removed");
    let grid = view(&u.conn, p.id, day(TODAY)).unwrap();
    assert!(
        grid.violations.iter().all(|v| v.rule != RuleCode::TimeOff),
        "the shifts the manager kept are worked: the time off leaves their days, no rule broken"
    );

    approval::decide(&mut u.conn, id, true, true, "now").unwrap();
    assert_eq!(
        anns(&u),
        vec!["2026-12-13".to_string(), "2026-12-17".to_string()],
        "only the shifts on the request's days are gone"
    );
    assert_eq!(count(&u.conn, "assignment"), 3, "Maria's shift stays");
    let grid = view(&u.conn, p.id, day(TODAY)).unwrap();
    assert!(grid.violations.iter().all(|v| v.rule != RuleCode::TimeOff));
}

#[test]
fn denying_removes_nothing_and_a_missing_request_changes_nothing() {
    let mut u = unit();
    let p = first_period(&mut u);
    let who = u.ann;
    set(&mut u, p.id, who, "2026-12-15", "D");
    let id = request(&mut u);
    let denied = approval::decide(&mut u.conn, id, false, true, "now").unwrap();
    assert_eq!(denied.status, TimeOffStatus::Denied);
    assert_eq!(anns(&u).len(), 1, "a denial never removes a shift");
    assert_eq!(
        approval::decide(&mut u.conn, 999, true, true, "now")
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(anns(&u).len(), 1);
}

#[test]
fn removing_a_published_shift_marks_the_cell_changed_after_publishing() {
    let mut u = unit();
    let p = first_period(&mut u);
    let who = u.ann;
    set(&mut u, p.id, who, "2026-12-15", "D");
    period_store::publish(&u.conn, p.id, "2026-12-01T09:00:00Z").unwrap();
    let id = request(&mut u);
    let shifts = approval::overlapping_shifts(&u.conn, id).unwrap();
    assert!(shifts[0].published, "the manager is told it was published");
    approval::decide(&mut u.conn, id, true, true, "2026-12-02T09:00:00Z").unwrap();
    assert!(anns(&u).is_empty());
    assert_eq!(
        count(&u.conn, "schedule_change"),
        1,
        "the emptied cell shows as changed since publishing"
    );
}
