//! A credential that only warns (ACLS lapsed, rule Warn) never keeps a
//! person off the schedule nor short of their hours (issue #21), but
//! between people otherwise equal the Fill gives the shift to the one
//! whose credentials are in order, and the review names whoever it
//! schedules with one lapsed.

use super::department::{map, FillOptions};
use super::department_tests::{loaded, need, unit};
use super::run::run;
use super::weights::{TARGET_WEIGHT, UNDER_PER_HOUR, WARN_LAPSED_PER_SHIFT};
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
    for ((day, shift, w), (_, _, base)) in warned.iter().zip(&clean) {
        assert_eq!(
            *w,
            base + WARN_LAPSED_PER_SHIFT,
            "day {day} shift {shift}: the lapsed ACLS adds its penalty to every open cell"
        );
    }
}

// A tie-break: more than the pay difference of $10 an hour over a 12-hour
// shift at the default Cost (6), less than an hour short of a target at
// the lowest fairness that has targets (4) and than a target line.
const _: () = assert!(WARN_LAPSED_PER_SHIFT > 6);
const _: () = assert!(WARN_LAPSED_PER_SHIFT < UNDER_PER_HOUR * 12 / 2);
const _: () = assert!(WARN_LAPSED_PER_SHIFT < TARGET_WEIGHT);

#[test]
fn a_lapsed_warning_keeps_a_person_s_hours_and_shifts_above_the_minimum() {
    // Maria alone, full-time and short of her hours, with the default
    // weights: on lines whose minimum is 0 and target 1 she works as many
    // with her ACLS lapsed as with it in order (the tester's full-time RNs
    // left at 11 of 216 hours for a warning).
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
    let in_order = count(renewed);
    assert!(in_order > 0, "in order, she takes the target shifts");
    assert_eq!(count(c), in_order, "lapsed, she takes as many");
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
        ["Maria Lopez: ACLS expired 30 Nov (warning only) — 12 shifts, all added by the Fill"],
        "the review is not silent about it"
    );
}

/// Kim, a compliant agency RN, free on every day of the period beside
/// Maria, full-time, short of her hours, ACLS lapsed (expired or none on
/// file): the shifts above the minimum go to Maria, at staff rates, and the
/// review names her for the renewal. Agency is used only where nobody on
/// staff within their limits can work, and a lapse that only warns does
/// not take Maria off that list.
#[test]
fn a_nurse_with_a_lapsed_warning_comes_before_an_agency_nurse_and_is_named() {
    const KIM: i64 = 9;
    for expires in [Some(day("2026-11-30")), None] {
        let mut c = unit_with_a_lapsed_warning();
        c.staff[0].credentials[0].expires_on = expires;
        c.staff.retain(|p| p.id != ANN);
        c.staff.push(agency_rn(KIM));
        c.coverage = need(DAY12, Requirement::Role(Role::Rn), 0, 1)
            .into_iter()
            .filter(|n| matches!(n.weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri))
            .collect();
        let defaults = FillOptions {
            seconds: 2,
            ..FillOptions::default()
        };
        let l = loaded(c);
        let m = map(&l, &defaults);
        let outcome = run(&m, &defaults, 7, &AtomicBool::new(false), &mut |_| {}).unwrap();
        let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
        let count = |id: i64| proposed.iter().filter(|a| a.staff_id == id).count();
        assert_eq!(count(KIM), 0, "{expires:?}: no agency shift");
        assert_eq!(
            count(MARIA),
            12,
            "{expires:?}: Maria works every target shift"
        );
        let s = summary(&l, &m, &outcome, false, defaults.fairness);
        assert_eq!(s.warned.len(), 1, "{expires:?}: {:?}", s.warned);
        assert!(s.warned[0].starts_with("Maria Lopez:"), "{:?}", s.warned);
        assert!(
            s.warned[0].ends_with("12 shifts, all added by the Fill"),
            "{:?}",
            s.warned
        );
    }
}

/// With "keep existing" (the default), Kim, a compliant agency RN booked
/// on three shifts that need one RN only at their target: with nobody else
/// to take them, her bookings stay (a booked agency shift is never
/// cancelled just to leave the shift under target); with Maria, full-time
/// and short of her hours, they go to Maria.
#[test]
fn a_booked_agency_shift_goes_to_staff_short_of_hours_but_is_never_cancelled_to_leave_a_gap() {
    const KIM: i64 = 9;
    let days = ["2026-12-07", "2026-12-09", "2026-12-11"];
    for with_maria in [false, true] {
        let mut c = unit_with_a_lapsed_warning();
        c.staff
            .retain(|p| p.id != ANN && (with_maria || p.id != MARIA));
        c.staff.push(agency_rn(KIM));
        c.coverage = need(DAY12, Requirement::Role(Role::Rn), 0, 1)
            .into_iter()
            .filter(|n| matches!(n.weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri))
            .collect();
        for d in days {
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
            if with_maria {
                assert!(
                    on(MARIA) && !on(KIM),
                    "{d}: Maria, short of hours, takes it"
                );
            } else {
                assert!(on(KIM), "{d}: the booked agency nurse stays");
            }
        }
    }
}

fn agency_rn(id: i64) -> crate::schedule::StaffFacts {
    let mut kim = person(id, "Kim Agency", Role::Rn);
    kim.employment_type = crate::staff::EmploymentType::Agency;
    kim.fte_hundredths = 0;
    kim.hourly_rate_cents = 9000;
    kim
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
    c.staff.push(agency_rn(KIM));
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
        .all(|l| l.contains("agency staff, and the Fill uses agency only")));
}
