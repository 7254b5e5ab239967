//! `check_all` and `check_assignment` together: the grid's two questions.

use super::*;
use crate::credentials::ExpiredAction;
use crate::schedule::testing::*;
use crate::schedule::{Assignment, CredentialFact, TimeOff, TimeOffKind, TimeOffStatus};

fn approved_pto(staff_id: i64, date: &str) -> TimeOff {
    TimeOff {
        staff_id,
        from: day(date),
        to: day(date),
        kind: TimeOffKind::Pto,
        status: TimeOffStatus::Approved,
        paid: true,
    }
}

#[test]
fn a_clean_schedule_has_no_violations() {
    let c = with(
        ctx(),
        &[(MARIA, "2026-12-12", DAY), (ANN, "2026-12-12", NIGHT)],
    );
    assert_eq!(check_all(&c), vec![]);
}

#[test]
fn check_all_reports_each_rule_once_in_rule_order() {
    let mut c = with(
        ctx(),
        &[
            (MARIA, "2026-12-12", NIGHT),
            (MARIA, "2026-12-13", DAY),
            (ANN, "2026-12-14", DAY),
        ],
    );
    c.time_off.push(approved_pto(ANN, "2026-12-14"));
    assert_eq!(
        codes(&check_all(&c)),
        vec![RuleCode::TimeOff, RuleCode::Rest, RuleCode::DayAfterNight],
        "0 h rest and day-after-night for Maria; Ann's day off"
    );
}

#[test]
fn approved_time_off_refuses_the_assignment_with_its_reason() {
    let mut c = ctx();
    c.time_off.push(approved_pto(MARIA, "2026-12-15"));
    let refused = check_assignment(&c, &assignment(MARIA, "2026-12-15", DAY)).unwrap_err();
    assert_eq!(refused.rule, RuleCode::TimeOff);
    assert!(
        refused.message.contains("approved paid time off on 15 Dec"),
        "{}",
        refused.message
    );
    assert!(
        check_assignment(&c, &assignment(ANN, "2026-12-15", DAY)).is_ok(),
        "Ann is not off"
    );
}

#[test]
fn a_blocking_credential_refuses_and_a_warning_one_allows_with_a_warning() {
    let mut c = ctx();
    c.staff[0].credentials.push(CredentialFact {
        name: "RN license".into(),
        expires_on: Some(day("2026-12-01")),
        when_expired: ExpiredAction::Block,
    });
    let proposal = assignment(MARIA, "2026-12-15", DAY);
    assert_eq!(
        check_assignment(&c, &proposal).unwrap_err().rule,
        RuleCode::Credential
    );
    c.staff[0].credentials[0].when_expired = ExpiredAction::Warn;
    let warnings = check_assignment(&c, &proposal).expect("a Warn credential allows it");
    assert_eq!(codes(&warnings), vec![RuleCode::Credential], "but flags it");
}

#[test]
fn overlapping_a_neighbouring_shift_is_refused_but_a_cell_is_simply_replaced() {
    let c = with(ctx(), &[(MARIA, "2026-12-12", NIGHT12)]);
    let early = Assignment {
        shift_type_id: DAY,
        ..assignment(MARIA, "2026-12-13", DAY)
    };
    let mut c2 = c.clone();
    c2.shift_types.push(shift(20, "X", "Early", "05:00", 240));
    let refused = check_assignment(
        &c2,
        &Assignment {
            shift_type_id: 20,
            ..early.clone()
        },
    );
    assert_eq!(
        refused.unwrap_err().rule,
        RuleCode::DoubleBooking,
        "05:00 overlaps the night"
    );
    let replaced = check_assignment(&c, &assignment(MARIA, "2026-12-12", DAY));
    assert_eq!(
        replaced,
        Ok(vec![]),
        "typing D over N12 replaces it; nothing clashes"
    );
}

#[test]
fn warnings_come_back_with_an_allowed_assignment() {
    let c = with(ctx(), &[(MARIA, "2026-12-12", NIGHT)]);
    let warnings = check_assignment(&c, &assignment(MARIA, "2026-12-13", EVENING)).unwrap();
    assert_eq!(
        codes(&warnings),
        vec![RuleCode::Rest],
        "07:00 to 15:00 is 8 h of rest"
    );
}
