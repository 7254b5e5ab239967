//! Why two 1.0 FTE unit clerks end at about half their hours (issue #21,
//! the tester's item 4): the unit's clerk coverage asks for one clerk a
//! day, half what their FTEs add up to. The Fill does not overstaff a
//! shift past its target to make up hours, so the review says so plainly,
//! with the figures and where to change it.

use super::department::{map, FillOptions};
use super::department_tests::{loaded, need};
use super::run::run;
use crate::fill::summary::summary;
use crate::schedule::testing::*;
use crate::schedule::Requirement;
use crate::staff::Role;
use std::sync::atomic::AtomicBool;

#[test]
fn clerks_short_because_coverage_asks_for_fewer_hours_are_told_why() {
    let mut c = ctx();
    c.staff = vec![
        person(1, "Una Clerk", Role::UnitClerk),
        person(2, "Vic Clerk", Role::UnitClerk),
    ];
    c.coverage = need(DAY, Requirement::Role(Role::UnitClerk), 1, 1);
    let l = loaded(c.clone());
    let options = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, options.fairness);
    let after: i64 = s.hours.iter().map(|h| h.after_minutes).sum();
    assert_eq!(
        after,
        28 * 8 * 60,
        "every day's clerk shift is staffed, once"
    );
    let reasons: Vec<&str> = s.hours.iter().filter_map(|h| h.reason.as_deref()).collect();
    assert!(!reasons.is_empty(), "someone is far from their hours");
    for r in &reasons {
        assert!(
            r.contains(
                "the unit's UC coverage asks for 224 h in the period, its UCs' FTE adds up to"
            ) && r.contains("Settings → Coverage"),
            "{r}"
        );
    }

    // With coverage for both, nobody is told so.
    c.coverage = need(DAY, Requirement::Role(Role::UnitClerk), 2, 2);
    let l = loaded(c);
    let m = map(&l, &options);
    let outcome = run(&m, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, options.fairness);
    assert!(
        s.hours
            .iter()
            .filter_map(|h| h.reason.as_deref())
            .all(|r| !r.contains("coverage asks for")),
        "{:#?}",
        s.hours
    );
}
