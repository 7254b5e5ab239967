use super::*;
use crate::error::ErrorCode;
use crate::schedule::store::periods::SchedulePeriod;

const NOW: &str = "2026-11-27T10:00:00Z";

fn sample() -> (Connection, SchedulePeriod, NaiveDate) {
    let today = input::date("2026-11-27").unwrap();
    let (conn, draft) = crate::sample::tests_support::sample_with_draft(today);
    (conn, draft, today)
}

fn shifts(conn: &Connection, period: &SchedulePeriod) -> Vec<Assignment> {
    loaded_period::load(conn, period.id)
        .unwrap()
        .ctx
        .assignments
        .into_iter()
        .filter(|a| period.contains(a.date))
        .collect()
}

fn works(list: &[Assignment], staff_id: i64, date: NaiveDate) -> Option<i64> {
    list.iter()
        .find(|a| a.staff_id == staff_id && a.date == date)
        .map(|a| a.shift_type_id)
}

fn form(period: &SchedulePeriod, a: &Assignment, b: i64, back: Option<NaiveDate>) -> SwapInput {
    SwapInput {
        period_id: period.id,
        staff_id: a.staff_id,
        date: input::format_date(a.date),
        with_staff_id: Some(b),
        with_date: back.map(input::format_date),
        note: "Asked on the unit".into(),
    }
}

/// A swap of two shifts the rules allow: (A's shift, B's shift).
fn allowed_pair(conn: &Connection, period: &SchedulePeriod) -> (Assignment, Assignment) {
    let list = shifts(conn, period);
    for a in &list {
        for b in list
            .iter()
            .filter(|b| b.staff_id != a.staff_id && b.date != a.date)
        {
            if works(&list, b.staff_id, a.date).is_some()
                || works(&list, a.staff_id, b.date).is_some()
            {
                continue;
            }
            let p = preview(conn, &form(period, a, b.staff_id, Some(b.date)));
            if p.is_ok_and(|p| p.blocked.is_none()) {
                return (a.clone(), b.clone());
            }
        }
    }
    panic!("the sample has a swap the rules allow");
}

#[test]
fn an_approved_swap_moves_both_shifts_and_is_recorded() {
    let (mut conn, period, today) = sample();
    let (a, b) = allowed_pair(&conn, &period);
    let asked = form(&period, &a, b.staff_id, Some(b.date));
    let p = preview(&conn, &asked).unwrap();
    assert_eq!(p.moves.len(), 2);
    assert_eq!(p.people[0].staff_id, a.staff_id);
    approve(&mut conn, &asked, today, NOW).unwrap();
    let after = shifts(&conn, &period);
    assert_eq!(works(&after, b.staff_id, a.date), Some(a.shift_type_id));
    assert_eq!(works(&after, a.staff_id, b.date), Some(b.shift_type_id));
    assert_eq!(works(&after, a.staff_id, a.date), None);
    assert_eq!(works(&after, b.staff_id, b.date), None);
    let record = for_period(&conn, period.id).unwrap();
    assert_eq!(record.len(), 1);
    assert!(record[0].approved);
    assert_eq!(record[0].with_date, Some(input::format_date(b.date)));
    assert_eq!(record[0].note, "Asked on the unit");
}

#[test]
fn a_shift_given_away_moves_one_shift_and_the_hours_with_it() {
    let (mut conn, period, today) = sample();
    let list = shifts(&conn, &period);
    let (a, taker) = list
        .iter()
        .find_map(|a| {
            list.iter()
                .map(|b| b.staff_id)
                .filter(|b| *b != a.staff_id && works(&list, *b, a.date).is_none())
                .find(|b| {
                    preview(&conn, &form(&period, a, *b, None)).is_ok_and(|p| p.blocked.is_none())
                })
                .map(|b| (a.clone(), b))
        })
        .expect("a shift someone free that day may take");
    let asked = form(&period, &a, taker, None);
    let p = preview(&conn, &asked).unwrap();
    assert_eq!(p.moves.len(), 1);
    let giver = &p.people[0];
    let taken = &p.people[1];
    let length = giver.worked_minutes_before - giver.worked_minutes_after;
    assert!(length > 0, "the giver works less: {giver:?}");
    assert_eq!(
        taken.worked_minutes_after - taken.worked_minutes_before,
        length
    );
    approve(&mut conn, &asked, today, NOW).unwrap();
    let after = shifts(&conn, &period);
    assert_eq!(works(&after, taker, a.date), Some(a.shift_type_id));
    assert_eq!(works(&after, a.staff_id, a.date), None);
}

#[test]
fn a_declined_swap_changes_nothing_but_is_recorded() {
    let (conn, period, _) = sample();
    let (a, b) = allowed_pair(&conn, &period);
    let before = shifts(&conn, &period);
    decline(&conn, &form(&period, &a, b.staff_id, Some(b.date)), NOW).unwrap();
    assert_eq!(shifts(&conn, &period), before);
    let record = for_period(&conn, period.id).unwrap();
    assert_eq!((record.len(), record[0].approved), (1, false));
}

#[test]
fn taking_a_shift_on_a_day_one_works_is_refused_with_the_reason() {
    let (conn, period, _) = sample();
    let list = shifts(&conn, &period);
    let (a, b) = list
        .iter()
        .find_map(|a| {
            list.iter()
                .find(|b| b.staff_id != a.staff_id && b.date == a.date)
                .map(|b| (a.clone(), b.clone()))
        })
        .unwrap();
    // Given away to someone who works that day: refused.
    let err = preview(&conn, &form(&period, &a, b.staff_id, None)).unwrap_err();
    assert!(
        err.message_for("with_staff_id")
            .unwrap()
            .contains("already works"),
        "{err:?}"
    );
    // The same day's shifts traded between them: allowed to be tried.
    assert!(preview(&conn, &form(&period, &a, b.staff_id, Some(b.date))).is_ok());
    // Nobody, oneself, or a day without a shift: each refused on its field.
    let nobody = SwapInput {
        with_staff_id: None,
        ..form(&period, &a, b.staff_id, None)
    };
    assert!(preview(&conn, &nobody)
        .unwrap_err()
        .message_for("with_staff_id")
        .is_some());
    let oneself = form(&period, &a, a.staff_id, None);
    assert!(preview(&conn, &oneself)
        .unwrap_err()
        .message_for("with_staff_id")
        .is_some());
    let free_day = period
        .start()
        .iter_days()
        .take_while(|d| *d <= period.end())
        .find(|d| works(&list, b.staff_id, *d).is_none() && works(&list, a.staff_id, *d).is_none())
        .unwrap();
    let err = preview(&conn, &form(&period, &a, b.staff_id, Some(free_day))).unwrap_err();
    assert!(
        err.message_for("with_date").unwrap().contains("no shift"),
        "{err:?}"
    );
}

#[test]
fn a_swap_that_breaks_a_blocking_rule_is_refused_and_changes_nothing() {
    let (mut conn, period, today) = sample();
    let list = shifts(&conn, &period);
    let blocked = list.iter().find_map(|a| {
        list.iter()
            .map(|b| b.staff_id)
            .filter(|b| *b != a.staff_id && works(&list, *b, a.date).is_none())
            .find_map(|b| {
                let f = form(&period, a, b, None);
                preview(&conn, &f)
                    .ok()
                    .and_then(|p| p.blocked.map(|why| (f, why)))
            })
    });
    let (asked, why) = blocked.expect("some give-away in the sample breaks a blocking rule");
    assert!(why.starts_with("The swap would break a rule:"), "{why}");
    let err = approve(&mut conn, &asked, today, NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::Blocked);
    assert_eq!(shifts(&conn, &period), list, "nothing moved");
    assert!(
        for_period(&conn, period.id).unwrap().is_empty(),
        "nothing recorded"
    );
}
