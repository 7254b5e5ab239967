//! The Fill without "keep existing" (a rebuild), issue #21's second fresh
//! eyes: it leaves alone the shifts of people it does not plan for (an LPN
//! with no LPN coverage set had gone from 180 h to 0), and of rosters
//! otherwise as good it keeps the one the manager has (a rebuild run again
//! had swapped 306 shifts for $70).

use super::department::{map, FillOptions};
use super::department_tests::{loaded, need};
use super::run::run;
use super::weights::{REBUILD_MOVE_WEIGHT, WARN_LAPSED_PER_SHIFT};
use crate::credentials::ExpiredAction;
use crate::fill::store;
use crate::fill::summary::proposed_assignments;
use crate::schedule::testing::*;
use crate::schedule::{CredentialFact, Requirement, ScheduleContext};
use crate::staff::Role;
use chrono::Weekday;
use std::sync::atomic::AtomicBool;

fn rebuild() -> FillOptions {
    FillOptions {
        keep_existing: false,
        fairness: 0,
        seconds: 2,
        ..FillOptions::default()
    }
}

/// Maria and Ann, full-time RNs on the same rate; one RN on the Day 12 of
/// Mon, Wed and Fri (12 shifts), all booked to Ann.
fn booked_to_ann() -> ScheduleContext {
    let mut c = ctx();
    c.staff[1].fte_hundredths = 100;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1)
        .into_iter()
        .filter(|n| matches!(n.weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri))
        .collect();
    for d in c.days().collect::<Vec<_>>() {
        if c.coverage
            .iter()
            .any(|n| n.weekday == chrono::Datelike::weekday(&d))
        {
            c.assignments.push(assignment(ANN, &d.to_string(), DAY12));
        }
    }
    c
}

// The rebuild's tie-break yields to the smallest reason the Fill weighs.
const _: () = assert!(REBUILD_MOVE_WEIGHT > 0 && REBUILD_MOVE_WEIGHT < WARN_LAPSED_PER_SHIFT);

fn shifts_of(c: ScheduleContext, id: i64) -> usize {
    let l = loaded(c);
    let m = map(&l, &rebuild());
    let outcome = run(&m, &rebuild(), 7, &AtomicBool::new(false), &mut |_| {}).unwrap();
    proposed_assignments(&l.ctx, &m, &outcome.roster)
        .iter()
        .filter(|a| a.staff_id == id)
        .count()
}

#[test]
fn between_equals_a_rebuild_keeps_the_shifts_as_they_stand_but_not_against_a_real_reason() {
    let c = booked_to_ann();
    assert_eq!(c.assignments.len(), 12);
    // Each of Ann's shifts costs a little to change: the search keeps them
    // unless something it weighs more says otherwise.
    let m = map(&loaded(c.clone()), &rebuild());
    let ann = m.staff_ids.iter().position(|&id| id == ANN).unwrap();
    let mut sticky: Vec<(usize, usize)> = m
        .model
        .requests
        .iter()
        .filter(|r| r.staff == ann && r.kind == crate::solver::RequestKind::On)
        .map(|r| {
            assert_eq!(r.weight, REBUILD_MOVE_WEIGHT);
            (r.day, r.shift)
        })
        .collect();
    sticky.sort();
    let mut booked: Vec<(usize, usize)> = m
        .period()
        .filter_map(|d| m.current.cells[ann][d].map(|s| (d, s)))
        .collect();
    booked.sort();
    assert_eq!(sticky, booked);
    assert_eq!(shifts_of(c.clone(), ANN), 12, "Ann keeps all twelve");
    // A reason that counts (a lapsed warning-only credential, the
    // smallest the Fill weighs) still moves them.
    let mut lapsed = c;
    lapsed.staff[1].credentials.push(CredentialFact {
        name: "ACLS".into(),
        expires_on: Some(day("2026-11-30")),
        when_expired: ExpiredAction::Warn,
    });
    assert_eq!(shifts_of(lapsed, ANN), 0, "Maria, in order, takes them");
}

#[test]
fn a_rebuild_leaves_the_shifts_of_people_no_coverage_asks_for_as_they_are() {
    let (conn, draft) = crate::sample::tests_support::sample_with_draft(day("2026-12-07"));
    let l = store::load_draft(&conn, draft.id).unwrap();
    let ctx = &l.ctx;
    let uncovered: Vec<i64> = ctx
        .staff
        .iter()
        .filter(|f| !crate::schedule::period_hours::counted_by_coverage(ctx, f))
        .map(|f| f.id)
        .collect();
    let theirs = |assignments: &[crate::schedule::Assignment]| {
        let mut v: Vec<_> = assignments
            .iter()
            .filter(|a| uncovered.contains(&a.staff_id) && ctx.in_period(a.date))
            .map(|a| (a.staff_id, a.date, a.shift_type_id))
            .collect();
        v.sort();
        v
    };
    let before = theirs(&ctx.assignments);
    assert!(
        before.len() > 20,
        "the sample's LPNs and tech have shifts: {}",
        before.len()
    );
    let options = FillOptions {
        keep_existing: false,
        seconds: 2,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let after = theirs(&proposed_assignments(ctx, &m, &outcome.roster));
    assert_eq!(after, before);
}
