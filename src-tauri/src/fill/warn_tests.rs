//! A credential that only warns (ACLS lapsed, rule Warn) never keeps a
//! person off the schedule, but between people otherwise equal the Fill
//! gives the shift to the one whose credentials are in order, and the
//! review names whoever it still schedules.

use super::department::{map, FillOptions};
use super::department_tests::{loaded, need, unit};
use super::run::run;
use super::weights::{hourly_weights, UNDER_PER_HOUR, WARN_LAPSED_PER_SHIFT};
use crate::credentials::ExpiredAction;
use crate::fill::summary::{proposed_assignments, summary};
use crate::schedule::testing::*;
use crate::schedule::{CredentialFact, Requirement, ScheduleContext};
use crate::staff::Role;
use chrono::Weekday;
use std::sync::atomic::AtomicBool;

/// Maria's ACLS (Warn) lapsed on 30 Nov, before the period; Maria and Ann
/// are both full-time RNs on the same rate; one RN on Day 12 on Mon, Wed
/// and Fri (12 shifts).
fn unit_with_a_lapsed_warning() -> ScheduleContext {
    let mut c = unit();
    c.staff[1].fte_hundredths = 100;
    c.staff[0].credentials.push(CredentialFact {
        name: "ACLS".into(),
        expires_on: Some(day("2026-11-30")),
        when_expired: ExpiredAction::Warn,
    });
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1)
        .into_iter()
        .filter(|n| matches!(n.weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri))
        .collect();
    c
}

/// Fairness 0: no hours target pulls either way, so the two are equal but
/// for the credential.
fn options() -> FillOptions {
    FillOptions {
        fairness: 0,
        seconds: 2,
        ..FillOptions::default()
    }
}

fn shifts_of(c: ScheduleContext, seed: u64) -> (Vec<usize>, crate::fill::summary::FillSummary) {
    let l = loaded(c);
    let m = map(&l, &options());
    let outcome = run(&m, &options(), seed, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
    let count = |id: i64| proposed.iter().filter(|a| a.staff_id == id).count();
    let s = summary(&l, &m, &outcome, false, 0);
    (vec![count(MARIA), count(ANN)], s)
}

#[test]
fn a_shift_on_a_lapsed_warning_costs_a_named_penalty() {
    let c = unit_with_a_lapsed_warning();
    let mut clean = c.clone();
    clean.staff[0].credentials.clear();
    let weights = |c: ScheduleContext| {
        let m = map(&loaded(c), &options());
        let mut w: Vec<(usize, usize, u32)> = m
            .model
            .requests
            .iter()
            .filter(|r| r.staff == 0)
            .map(|r| (r.day, r.shift, r.weight))
            .collect();
        w.sort();
        w
    };
    let (warned, clean) = (weights(c), weights(clean));
    assert_eq!(warned.len(), clean.len(), "the same open cells");
    let m = map(&loaded(unit_with_a_lapsed_warning()), &options());
    let fairness = options().fairness;
    for ((day, shift, w), (_, _, base)) in warned.iter().zip(&clean) {
        // The penalty, plus what the shift's hours bring towards a target
        // and what an agency nurse's hours cost: above any agency shift.
        let hours = (UNDER_PER_HOUR * fairness + hourly_weights(fairness).3)
            * m.model.shifts[*shift].minutes
            / 60;
        assert_eq!(
            *w,
            base + WARN_LAPSED_PER_SHIFT + hours,
            "day {day} shift {shift}: the lapsed ACLS adds its penalty to every open cell"
        );
    }
}

// At the default fairness (3): more than a 12-hour shift towards a
// person's own hours plus a target line, far less than a minimum line.
const _: () = assert!(
    WARN_LAPSED_PER_SHIFT > 12 * super::weights::UNDER_PER_HOUR * 3 + super::weights::TARGET_WEIGHT
);
const _: () = assert!(WARN_LAPSED_PER_SHIFT < super::weights::MINIMUM_WEIGHT / 2);

#[test]
fn a_lapsed_warning_staffs_the_minimum_but_not_above_it() {
    // Maria alone, full-time and short of her hours, with the default
    // weights: on lines whose minimum is 0 and target 1 she works none,
    // though she would work them all with her ACLS in order.
    let mut c = unit_with_a_lapsed_warning();
    c.staff.retain(|p| p.id != ANN);
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 0, 1)
        .into_iter()
        .filter(|n| matches!(n.weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri))
        .collect();
    let defaults = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let count = |c: ScheduleContext| {
        let l = loaded(c);
        let m = map(&l, &defaults);
        let outcome = run(&m, &defaults, 7, &AtomicBool::new(false), &mut |_| {}).unwrap();
        proposed_assignments(&l.ctx, &m, &outcome.roster)
            .iter()
            .filter(|a| a.staff_id == MARIA)
            .count()
    };
    let mut renewed = c.clone();
    renewed.staff[0].credentials.clear();
    assert!(count(renewed) > 0, "in order, she takes the target shifts");
    assert_eq!(count(c), 0, "lapsed, she takes none above the minimum");
}

#[test]
fn between_near_equals_the_fill_prefers_the_person_whose_credentials_are_in_order() {
    // Maria a little cheaper ($40 an hour against Ann's $50: 6 in the
    // model a 12-hour shift at the default Cost weight), so that without
    // the penalty the Fill would give her every shift.
    let mut c = unit_with_a_lapsed_warning();
    c.staff[0].hourly_rate_cents = 4000;
    let (shifts, s) = shifts_of(c, 7);
    assert_eq!(
        shifts,
        [0, 12],
        "Ann, whose credentials are in order, takes them all"
    );
    assert!(s.warned.is_empty(), "Maria has no shift to warn about");
}

#[test]
fn a_lapsed_warning_never_keeps_the_only_qualified_person_off_and_the_review_names_them() {
    let mut c = unit_with_a_lapsed_warning();
    c.staff.retain(|p| p.id != ANN);
    let (shifts, s) = shifts_of(c, 7);
    assert_eq!(
        shifts[0], 12,
        "Maria still works every shift nobody else can"
    );
    assert_eq!(
        s.warned,
        ["Maria Lopez: ACLS expired 30 Nov (warning only) — 12 shifts"],
        "the review is not silent about it"
    );
}

/// Maria (ACLS lapsed, or none on file) and Kim, a compliant agency RN,
/// both booked on the Day 12 of 7, 9 and 11 Dec, which needs one RN:
/// with "keep existing" (the default), Maria's booking gives way and
/// Kim's stays; the Fill never takes Kim off a shift it keeps Maria on.
#[test]
fn a_lapsed_nurses_kept_shift_gives_way_to_a_compliant_agency_nurse_booked_on_it() {
    const KIM: i64 = 9;
    for expires in [Some(day("2026-11-30")), None] {
        let mut c = unit_with_a_lapsed_warning();
        c.staff[0].credentials[0].expires_on = expires;
        c.staff.retain(|p| p.id != ANN);
        let mut kim = person(KIM, "Kim Agency", Role::Rn);
        kim.employment_type = crate::staff::EmploymentType::Agency;
        kim.fte_hundredths = 0;
        kim.hourly_rate_cents = 9000;
        c.staff.push(kim);
        let days = ["2026-12-07", "2026-12-09", "2026-12-11"];
        for d in days {
            c.assignments.push(assignment(MARIA, d, DAY12));
            c.assignments.push(assignment(KIM, d, DAY12));
        }
        let defaults = FillOptions {
            seconds: 2,
            ..FillOptions::default()
        };
        let l = loaded(c);
        let m = map(&l, &defaults);
        let outcome = run(&m, &defaults, 7, &AtomicBool::new(false), &mut |_| {}).unwrap();
        let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
        for d in days {
            let on = |id: i64| {
                proposed
                    .iter()
                    .any(|a| a.staff_id == id && a.date == day(d) && a.shift_type_id == DAY12)
            };
            assert!(
                on(KIM),
                "{d} ({expires:?}): the compliant agency nurse stays"
            );
            assert!(!on(MARIA), "{d} ({expires:?}): the lapsed nurse gives way");
        }
    }
}

/// Kim, an agency RN, booked on the Day 12 of Mon 7 Dec, which needs no
/// RN at its minimum and one at its target, and nobody else free: the Fill
/// takes her off to save agency cost, and the review says so rather than
/// blaming the shift on only agency staff being free.
#[test]
fn a_booked_agency_shift_the_fill_takes_off_is_named_as_taken_off_in_the_review() {
    const KIM: i64 = 9;
    let mut c = unit();
    c.staff.retain(|p| p.id == BO);
    let mut kim = person(KIM, "Kim Agency", Role::Rn);
    kim.employment_type = crate::staff::EmploymentType::Agency;
    kim.fte_hundredths = 0;
    kim.hourly_rate_cents = 9000;
    c.staff.push(kim);
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 0, 1)
        .into_iter()
        .filter(|n| n.weekday == Weekday::Mon)
        .collect();
    c.assignments.push(assignment(KIM, "2026-12-07", DAY12));
    // Not kept (a single booking saves too little against the move for
    // "keep existing" to let it go).
    let defaults = FillOptions {
        seconds: 2,
        keep_existing: false,
        ..FillOptions::default()
    };
    let l = loaded(c);
    let m = map(&l, &defaults);
    let outcome = run(&m, &defaults, 7, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
    assert!(
        !proposed.iter().any(|a| a.staff_id == KIM),
        "agency is used only to reach a minimum"
    );
    let s = summary(&l, &m, &outcome, false, defaults.fairness);
    let line = s
        .under_target
        .iter()
        .find(|l| l.contains("7 Dec"))
        .expect("7 Dec is under target");
    assert!(
        line.contains("a booked agency RN was taken off to save cost"),
        "{line}"
    );
    // The other Mondays had no booking: only agency staff free there.
    assert!(s
        .under_target
        .iter()
        .filter(|l| !l.contains("7 Dec"))
        .all(|l| l.contains("agency staff or has a lapsed credential")));
}
