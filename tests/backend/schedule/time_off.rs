//! Time-off requests: recorded, listed by status, decided, refused.

use super::*;
use wardbook::error::ErrorCode;
use wardbook::schedule::store::assignments;
use wardbook::schedule::{RuleCode, Severity, TimeOffStatus};

fn form(ann: i64) -> TimeOffInput {
    TimeOffInput {
        staff_id: Some(ann),
        from: "2026-12-14".into(),
        to: "2026-12-16".into(),
        kind: Some(TimeOffKind::Education),
        paid: true,
        note: "Wound care course".into(),
    }
}

#[test]
fn a_request_round_trips_and_is_listed_by_status() {
    let mut u = unit();
    let saved = offs::save(&mut u.conn, None, &form(u.ann)).unwrap();
    assert_eq!(
        saved.status,
        TimeOffStatus::Requested,
        "new requests wait for a decision"
    );
    assert_eq!(saved.days, 3, "both ends count");
    assert_eq!(saved.name, "Lee, Ann");
    assert_eq!(offs::list(&u.conn, None).unwrap(), vec![saved.clone()]);
    assert!(offs::list(&u.conn, Some(TimeOffStatus::Approved))
        .unwrap()
        .is_empty());
    let approved = offs::decide(&u.conn, saved.id, true, "2026-12-01T10:00:00Z").unwrap();
    assert_eq!(approved.status, TimeOffStatus::Approved);
    assert_eq!(
        offs::list(&u.conn, Some(TimeOffStatus::Approved)).unwrap(),
        vec![approved]
    );
    let denied = offs::decide(&u.conn, saved.id, false, "2026-12-01T11:00:00Z").unwrap();
    assert_eq!(
        denied.status,
        TimeOffStatus::Denied,
        "a decision can be changed"
    );
    let edited = offs::save(
        &mut u.conn,
        Some(saved.id),
        &TimeOffInput {
            to: "2026-12-14".into(),
            ..form(u.ann)
        },
    )
    .unwrap();
    assert_eq!(
        (edited.days, edited.status),
        (1, TimeOffStatus::Denied),
        "editing keeps the decision"
    );
    offs::delete(&u.conn, saved.id).unwrap();
    assert_eq!(
        offs::delete(&u.conn, saved.id).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn every_time_off_field_is_checked_and_nothing_is_saved() {
    let mut u = unit();
    let bad = TimeOffInput {
        staff_id: None,
        from: "2026-12-16".into(),
        to: "2026-12-15".into(),
        kind: None,
        ..form(u.ann)
    };
    let err = offs::save(&mut u.conn, None, &bad).unwrap_err();
    assert_eq!(
        err.message_for("staff_id"),
        Some("Choose who the time off is for.")
    );
    assert_eq!(
        err.message_for("to"),
        Some("The last day cannot be before the first day."),
        "one day before"
    );
    assert_eq!(
        err.message_for("kind"),
        Some("Choose the kind of time off.")
    );
    let same_day = TimeOffInput {
        to: "2026-12-14".into(),
        ..form(u.ann)
    };
    assert!(
        offs::save(&mut u.conn, None, &same_day).is_ok(),
        "a one-day request is fine"
    );
    let too_long = TimeOffInput {
        to: "2027-12-15".into(),
        ..form(u.ann)
    };
    assert!(offs::save(&mut u.conn, None, &too_long)
        .unwrap_err()
        .message_for("to")
        .unwrap()
        .contains("366"));
    let nobody = TimeOffInput {
        staff_id: Some(999),
        ..form(u.ann)
    };
    assert_eq!(
        offs::save(&mut u.conn, None, &nobody)
            .unwrap_err()
            .field
            .as_deref(),
        Some("staff_id")
    );
    assert_eq!(
        count(&u.conn, "time_off"),
        1,
        "only the valid request was saved"
    );
}

#[test]
fn approving_time_off_over_a_scheduled_shift_lists_a_blocking_violation() {
    let mut u = unit();
    let p = first_period(&mut u);
    assignments::set(
        &mut u.conn,
        p.id,
        u.ann,
        "2026-12-15",
        "D",
        day(TODAY),
        "now",
    )
    .unwrap();
    let id = offs::save(&mut u.conn, None, &form(u.ann)).unwrap().id;
    let view = wardbook::schedule::store::view(&u.conn, p.id, day(TODAY)).unwrap();
    assert!(
        view.violations.iter().all(|v| v.rule != RuleCode::TimeOff),
        "a request does not block"
    );
    offs::decide(&u.conn, id, true, "now").unwrap();
    let view = wardbook::schedule::store::view(&u.conn, p.id, day(TODAY)).unwrap();
    let v = view
        .violations
        .iter()
        .find(|v| v.rule == RuleCode::TimeOff)
        .expect("listed");
    assert_eq!(v.severity, Severity::Block);
    assert_eq!(v.cells.len(), 1);
}

/// Agency and per diem staff are not paid by the hospital for time off:
/// paid time off for them is refused beside the Paid box (#26); unpaid is
/// recorded, and employees' paid time off as before.
#[test]
fn paid_time_off_is_refused_for_agency_and_per_diem_staff() {
    for (kind, refused) in [("agency", true), ("per_diem", true), ("part_time", false)] {
        let mut u = unit();
        u.conn
            .execute(
                "UPDATE staff SET employment_type = ?1 WHERE id = ?2",
                rusqlite::params![kind, u.ann],
            )
            .unwrap();
        let got = offs::save(&mut u.conn, None, &form(u.ann));
        if refused {
            let err = got.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("paid"), "{kind}");
            assert!(
                err.message
                    .contains("not paid by the hospital for time off"),
                "{}",
                err.message
            );
            assert!(offs::list(&u.conn, None).unwrap().is_empty(), "{kind}");
            let unpaid = TimeOffInput {
                paid: false,
                ..form(u.ann)
            };
            offs::save(&mut u.conn, None, &unpaid).expect("unpaid is recorded");
        } else {
            assert!(got.unwrap().paid, "{kind}");
        }
    }
}
