use super::rules::{self, RequestRulesInput, DEFAULT_STRONG_PER_PERIOD};
use super::*;
use crate::error::AppError;
use crate::input::date;
use rusqlite::Connection;

/// Ann Lee (RN, hired 6 Jan 2020), a Night shift type, and a draft period
/// 6 Dec 2026 – 2 Jan 2027.
fn db() -> (Connection, i64, i64) {
    let conn = crate::store::open_in_memory().unwrap();
    let ann = crate::sample::tests_support::one_staff(&conn);
    conn.execute(
        "INSERT INTO shift_type (code, name, start, length_minutes, unpaid_break_minutes, evening, night, differential_kind)
         VALUES ('N', 'Night', '19:00', 720, 30, 0, 1, 'none')",
        [],
    )
    .unwrap();
    let night = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO schedule_period (start_date, end_date, weeks, status) VALUES ('2026-12-06', '2027-01-02', 4, 'draft')",
        [],
    )
    .unwrap();
    (conn, ann, night)
}

fn form(
    staff_id: i64,
    day: &str,
    kind: RequestKind,
    priority: RequestPriority,
) -> StaffRequestInput {
    StaffRequestInput {
        staff_id,
        date: day.into(),
        kind: Some(kind),
        shift_type_id: None,
        priority: Some(priority),
        note: String::new(),
    }
}

fn off(staff_id: i64, day: &str, priority: RequestPriority) -> StaffRequestInput {
    form(staff_id, day, RequestKind::Off, priority)
}

fn field(err: AppError, name: &str) -> String {
    err.message_for(name)
        .unwrap_or_else(|| panic!("no message for {name}: {err:?}"))
        .to_string()
}

#[test]
fn a_second_request_for_the_same_day_changes_the_first() {
    let (conn, ann, night) = db();
    let first = save(&conn, &off(ann, "2026-12-24", RequestPriority::Nice)).unwrap();
    let again = StaffRequestInput {
        shift_type_id: Some(night),
        note: "Covering for Ben".into(),
        ..form(
            ann,
            "2026-12-24",
            RequestKind::Work,
            RequestPriority::Strong,
        )
    };
    let changed = save(&conn, &again).unwrap();
    assert_eq!(changed.id, first.id, "one request per person per day");
    assert_eq!(changed.kind, RequestKind::Work);
    assert_eq!(changed.shift_type_id, Some(night));
    assert_eq!(changed.note, "Covering for Ben");
    let all = for_dates(
        &conn,
        date("2026-12-06").unwrap(),
        date("2027-01-02").unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    delete(&conn, ann, "2026-12-24").unwrap();
    assert!(for_dates(
        &conn,
        date("2026-12-06").unwrap(),
        date("2027-01-02").unwrap()
    )
    .unwrap()
    .is_empty());
}

#[test]
fn the_form_names_each_missing_or_wrong_field() {
    let (conn, ann, night) = db();
    let blank = StaffRequestInput {
        staff_id: ann,
        date: "24/12/2026".into(),
        ..Default::default()
    };
    let err = save(&conn, &blank).unwrap_err();
    assert!(
        err.message_for("date").is_some(),
        "a date that is not YYYY-MM-DD"
    );
    assert!(err.message_for("kind").is_some());
    assert!(err.message_for("priority").is_some());
    let off_a_shift = StaffRequestInput {
        shift_type_id: Some(night),
        ..off(ann, "2026-12-24", RequestPriority::Nice)
    };
    assert!(field(save(&conn, &off_a_shift).unwrap_err(), "shift_type_id").contains("whole day"));
    let gone = StaffRequestInput {
        shift_type_id: Some(night + 100),
        ..form(ann, "2026-12-24", RequestKind::Work, RequestPriority::Nice)
    };
    assert!(field(save(&conn, &gone).unwrap_err(), "shift_type_id").contains("no longer exists"));
    let nobody = off(ann + 100, "2026-12-24", RequestPriority::Nice);
    assert!(
        field(save(&conn, &nobody).unwrap_err(), "staff_id").contains("no longer on the roster")
    );
    let control = StaffRequestInput {
        note: "a\u{202e}b".into(),
        ..off(ann, "2026-12-24", RequestPriority::Nice)
    };
    assert!(save(&conn, &control)
        .unwrap_err()
        .message_for("note")
        .is_some());
    assert!(
        for_dates(
            &conn,
            date("2026-01-01").unwrap(),
            date("2027-12-31").unwrap()
        )
        .unwrap()
        .is_empty(),
        "a refused request saves nothing"
    );
}

#[test]
fn a_request_is_only_for_a_day_the_person_is_employed() {
    let (conn, ann, _) = db();
    conn.execute(
        "UPDATE staff SET hire_date = '2026-12-10', termination_date = '2026-12-20' WHERE id = ?1",
        [ann],
    )
    .unwrap();
    let before = field(
        save(&conn, &off(ann, "2026-12-09", RequestPriority::Nice)).unwrap_err(),
        "date",
    );
    assert!(before.contains("starts on 10 Dec 2026"), "{before}");
    assert!(
        save(&conn, &off(ann, "2026-12-10", RequestPriority::Nice)).is_ok(),
        "the first day counts"
    );
    assert!(
        save(&conn, &off(ann, "2026-12-20", RequestPriority::Nice)).is_ok(),
        "the termination date is the last day worked: it counts"
    );
    let after = field(
        save(&conn, &off(ann, "2026-12-21", RequestPriority::Nice)).unwrap_err(),
        "date",
    );
    assert!(after.contains("last day is 20 Dec 2026"), "{after}");
}

#[test]
fn strong_requests_are_capped_per_period_and_must_counts_too() {
    let (conn, ann, _) = db();
    assert_eq!(
        rules::load(&conn).unwrap().strong_per_period,
        DEFAULT_STRONG_PER_PERIOD
    );
    rules::save(
        &conn,
        &RequestRulesInput {
            strong_per_period: "2".into(),
        },
    )
    .unwrap();
    save(&conn, &off(ann, "2026-12-07", RequestPriority::Strong)).unwrap();
    save(&conn, &off(ann, "2026-12-08", RequestPriority::Must)).unwrap();
    let third = field(
        save(&conn, &off(ann, "2026-12-09", RequestPriority::Strong)).unwrap_err(),
        "priority",
    );
    assert!(
        third.contains("already has 2 strong or must requests"),
        "{third}"
    );
    assert!(
        third.contains("allows 2 per period"),
        "the message names the cap: {third}"
    );
    assert!(
        third.contains("6 Dec 2026 to 2 Jan 2027"),
        "and the period: {third}"
    );
    assert!(
        save(&conn, &off(ann, "2026-12-09", RequestPriority::Nice)).is_ok(),
        "nice-to-have requests are not capped"
    );
    assert!(
        save(&conn, &off(ann, "2026-12-07", RequestPriority::Must)).is_ok(),
        "changing a request at the cap does not count it twice"
    );
    let upgrade = save(&conn, &off(ann, "2026-12-09", RequestPriority::Strong)).unwrap_err();
    assert!(
        upgrade.message_for("priority").is_some(),
        "raising a nice one past the cap is refused"
    );
    assert_eq!(
        get(&conn, ann, "2026-12-09").unwrap().unwrap().priority,
        RequestPriority::Nice,
        "and leaves it as it was"
    );
}

#[test]
fn the_cap_counts_the_period_of_the_day_only() {
    let (conn, ann, _) = db();
    conn.execute(
        "INSERT INTO schedule_period (start_date, end_date, weeks, status) VALUES ('2027-01-03', '2027-01-30', 4, 'draft')",
        [],
    )
    .unwrap();
    rules::save(
        &conn,
        &RequestRulesInput {
            strong_per_period: "1".into(),
        },
    )
    .unwrap();
    save(&conn, &off(ann, "2027-01-02", RequestPriority::Strong)).unwrap();
    assert!(
        save(&conn, &off(ann, "2027-01-03", RequestPriority::Strong)).is_ok(),
        "the next period starts a new count"
    );
    let outside = field(
        save(&conn, &off(ann, "2027-02-01", RequestPriority::Strong)).unwrap_err(),
        "date",
    );
    assert!(
        outside.contains("No schedule period holds 1 Feb 2027"),
        "{outside}"
    );
}

#[test]
fn the_cap_is_a_whole_number_from_0_to_31() {
    let (conn, _, _) = db();
    for bad in ["", "32", "-1", "2.5", "four"] {
        let err = rules::save(
            &conn,
            &RequestRulesInput {
                strong_per_period: bad.into(),
            },
        )
        .unwrap_err();
        assert!(
            err.message_for("strong_per_period").is_some(),
            "{bad:?} is refused"
        );
    }
    assert_eq!(
        rules::save(
            &conn,
            &RequestRulesInput {
                strong_per_period: " 0 ".into()
            }
        )
        .unwrap()
        .strong_per_period,
        0
    );
    assert_eq!(
        rules::save(
            &conn,
            &RequestRulesInput {
                strong_per_period: "31".into()
            }
        )
        .unwrap()
        .strong_per_period,
        31
    );
}

#[test]
fn a_shift_type_named_by_a_request_is_not_deleted_from_under_it() {
    let (mut conn, ann, night) = db();
    let work = StaffRequestInput {
        shift_type_id: Some(night),
        ..form(ann, "2026-12-24", RequestKind::Work, RequestPriority::Nice)
    };
    save(&conn, &work).unwrap();
    let err = crate::schedule::store::shift_types::delete(&mut conn, night).unwrap_err();
    assert!(
        err.message.contains("asked for in 1 staff request"),
        "{}",
        err.message
    );
    assert!(
        get(&conn, ann, "2026-12-24").unwrap().is_some(),
        "the request stays"
    );
    delete(&conn, ann, "2026-12-24").unwrap();
    assert!(
        crate::schedule::store::shift_types::delete(&mut conn, night).is_ok(),
        "with the request gone the shift type can go"
    );
}
