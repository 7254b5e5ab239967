//! Staff requests in the Fill: weights by priority, a must day off fixed,
//! per diem staff only on the days they offered, and the review's list of
//! requests not met with a reason.

use super::department::{map, FillOptions};
use super::department_tests::{loaded, shift, unit};
use super::run::run;
use super::staff_requests::{MUST_WEIGHT, NICE_PER_UNIT, STRONG_PER_UNIT};
use crate::fill::summary::summary;
use crate::requests::{RequestKind, RequestPriority, StaffRequest};
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::testing::*;
use crate::schedule::Requirement;
use crate::solver::model::RequestKind as ModelKind;
use crate::staff::{EmploymentType, Role};
use std::sync::atomic::AtomicBool;

fn request(
    staff_id: i64,
    date: &str,
    kind: RequestKind,
    shift_type_id: Option<i64>,
    priority: RequestPriority,
) -> StaffRequest {
    StaffRequest {
        id: 0,
        staff_id,
        date: date.into(),
        kind,
        shift_type_id,
        priority,
        note: String::new(),
    }
}

fn with_requests(requests: Vec<StaffRequest>) -> Loaded {
    let mut l = loaded(unit());
    l.requests = requests;
    l
}

#[test]
fn priorities_weigh_must_far_above_strong_above_nice_and_follow_the_dialog() {
    let l = with_requests(vec![
        request(
            MARIA,
            "2026-12-10",
            RequestKind::Work,
            Some(NIGHT12),
            RequestPriority::Must,
        ),
        request(
            MARIA,
            "2026-12-11",
            RequestKind::Work,
            Some(NIGHT12),
            RequestPriority::Strong,
        ),
        request(
            MARIA,
            "2026-12-12",
            RequestKind::Work,
            None,
            RequestPriority::Nice,
        ),
    ]);
    let options = FillOptions::default();
    let m = map(&l, &options);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let of = |day: usize| {
        m.model
            .requests
            .iter()
            .find(|r| r.staff == 0 && r.day == day && r.kind != ModelKind::Off)
            .cloned()
            .unwrap()
    };
    let (must, strong, nice) = (
        of(d("2026-12-10")),
        of(d("2026-12-11")),
        of(d("2026-12-12")),
    );
    assert_eq!((must.kind, must.shift), (ModelKind::On, shift(&m, NIGHT12)));
    assert_eq!(must.weight, MUST_WEIGHT);
    assert_eq!(strong.weight, STRONG_PER_UNIT * options.requests);
    assert_eq!(nice.kind, ModelKind::Work, "any shift");
    assert_eq!(nice.weight, NICE_PER_UNIT * options.requests);
    assert!(must.weight > 10 * strong.weight && strong.weight > nice.weight);
    let none = map(
        &l,
        &FillOptions {
            requests: 0,
            ..options
        },
    );
    assert!(
        none.model
            .requests
            .iter()
            .filter(|r| r.kind != ModelKind::Off)
            .all(|r| r.weight == MUST_WEIGHT),
        "with the requests weight at 0 only the must request is left"
    );
}

#[test]
fn a_must_day_off_is_fixed_and_beats_a_kept_shift_but_not_a_locked_one() {
    let mut l = with_requests(vec![
        request(
            MARIA,
            "2026-12-10",
            RequestKind::Off,
            None,
            RequestPriority::Must,
        ),
        request(
            MARIA,
            "2026-12-11",
            RequestKind::Off,
            None,
            RequestPriority::Must,
        ),
        request(
            ANN,
            "2026-12-12",
            RequestKind::Off,
            None,
            RequestPriority::Must,
        ),
        request(
            ANN,
            "2026-12-13",
            RequestKind::Off,
            None,
            RequestPriority::Strong,
        ),
    ]);
    l.ctx = with(
        l.ctx,
        &[(MARIA, "2026-12-10", DAY12), (MARIA, "2026-12-11", DAY12)],
    );
    l.locked.insert((MARIA, day("2026-12-11")));
    let m = map(&l, &FillOptions::default());
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let (maria, ann) = (&m.model.staff[0], &m.model.staff[1]);
    assert!(
        maria.days_off.contains(&d("2026-12-10")),
        "the kept shift gives way"
    );
    assert!(!maria.fixed.iter().any(|&(day, _)| day == d("2026-12-10")));
    assert!(
        maria.fixed.contains(&(d("2026-12-11"), shift(&m, DAY12))),
        "the locked cell stays"
    );
    assert!(!maria.days_off.contains(&d("2026-12-11")));
    assert!(ann.days_off.contains(&d("2026-12-12")));
    assert!(
        !ann.days_off.contains(&d("2026-12-13")),
        "a strong day off stays soft"
    );
}

#[test]
fn a_per_diem_person_who_offered_days_works_only_those() {
    let mut l = with_requests(vec![
        request(
            ANN,
            "2026-12-10",
            RequestKind::Work,
            None,
            RequestPriority::Nice,
        ),
        request(
            ANN,
            "2026-12-11",
            RequestKind::Work,
            Some(NIGHT12),
            RequestPriority::Nice,
        ),
    ]);
    l.ctx.staff[1].employment_type = EmploymentType::PerDiem;
    l.ctx.staff[1].fte_hundredths = 0;
    let m = map(&l, &FillOptions::default());
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let ann = &m.model.staff[1];
    assert!(
        !ann.days_off.contains(&d("2026-12-10")),
        "offered, any shift"
    );
    assert!(!ann.days_off.contains(&d("2026-12-11")), "offered, nights");
    assert!(
        ann.unavailable
            .contains(&(d("2026-12-11"), shift(&m, DAY12))),
        "only the offered shift"
    );
    assert!(!ann
        .unavailable
        .contains(&(d("2026-12-11"), shift(&m, NIGHT12))));
    assert!(
        m.period()
            .filter(|&day| day != d("2026-12-10") && day != d("2026-12-11"))
            .all(|day| ann.days_off.contains(&day)),
        "every other day of the period is off"
    );

    // Without offers, or when not per diem, the days stay open.
    let mut open = with_requests(vec![request(
        ANN,
        "2026-12-10",
        RequestKind::Off,
        None,
        RequestPriority::Nice,
    )]);
    open.ctx.staff[1].employment_type = EmploymentType::PerDiem;
    let m = map(&open, &FillOptions::default());
    assert!(
        !m.model.staff[1]
            .days_off
            .contains(&m.day_of(day("2026-12-12")).unwrap()),
        "a day off is not an offer"
    );
    let mut part_time = with_requests(vec![request(
        ANN,
        "2026-12-10",
        RequestKind::Work,
        None,
        RequestPriority::Nice,
    )]);
    part_time.ctx.staff[1].employment_type = EmploymentType::PartTime;
    let m = map(&part_time, &FillOptions::default());
    assert!(
        !m.model.staff[1]
            .days_off
            .contains(&m.day_of(day("2026-12-12")).unwrap()),
        "only per diem offers bound the days"
    );
}

#[test]
fn the_fill_grants_requests_and_names_the_ones_it_cannot_meet() {
    // Three RNs (Bo is one here) and one Night 12 RN needed a night. On
    // 10 Dec Ann and Bo must be off, so Maria's strong day off cannot be
    // granted: the night needs her.
    let mut c = unit();
    c.staff[2].role = Role::Rn;
    c.coverage = super::department_tests::need(NIGHT12, Requirement::Role(Role::Rn), 1, 1);
    let mut l = loaded(c);
    l.requests = vec![
        request(
            ANN,
            "2026-12-10",
            RequestKind::Off,
            None,
            RequestPriority::Must,
        ),
        request(
            BO,
            "2026-12-10",
            RequestKind::Off,
            None,
            RequestPriority::Must,
        ),
        request(
            MARIA,
            "2026-12-10",
            RequestKind::Off,
            None,
            RequestPriority::Strong,
        ),
        request(
            MARIA,
            "2026-12-16",
            RequestKind::Work,
            Some(NIGHT12),
            RequestPriority::Must,
        ),
        request(
            ANN,
            "2026-12-17",
            RequestKind::Off,
            None,
            RequestPriority::Nice,
        ),
    ];
    let options = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 3, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let cell = |staff: usize, s: &str| outcome.roster.cells[staff][m.day_of(day(s)).unwrap()];
    assert_eq!(cell(1, "2026-12-10"), None, "Ann's must day off");
    assert_eq!(cell(2, "2026-12-10"), None, "Bo's must day off");
    assert_eq!(
        cell(0, "2026-12-10"),
        Some(shift(&m, NIGHT12)),
        "the night needs Maria"
    );
    assert_eq!(
        cell(0, "2026-12-16"),
        Some(shift(&m, NIGHT12)),
        "Maria's must night"
    );
    assert_eq!(
        cell(1, "2026-12-17"),
        None,
        "Ann's nice day off: another RN covers"
    );
    let s = summary(&l, &m, &outcome, false, options.fairness);
    assert_eq!(s.requests.total, 5);
    assert_eq!(s.requests.met, 4, "{:#?}", s.requests.not_met);
    assert_eq!(s.requests.not_met.len(), 1);
    let line = &s.requests.not_met[0];
    assert!(
        line.starts_with("Maria Lopez asked for 10 Dec off (strong): "),
        "{line}"
    );
    assert!(
        line.ends_with("the Night 12 needed every RN on it to reach its minimum of 1."),
        "{line}"
    );
}

#[test]
fn a_shift_a_rule_forbids_is_not_met_and_the_rule_is_named() {
    // Maria's Day 12 on 9 Dec is locked; a Night 12 the night before it
    // would leave no rest, so her must request for it cannot be met. The
    // roster is given, so that only that rule is in play.
    let mut l = with_requests(vec![request(
        MARIA,
        "2026-12-08",
        RequestKind::Work,
        Some(NIGHT12),
        RequestPriority::Must,
    )]);
    l.ctx = with(l.ctx, &[(MARIA, "2026-12-09", DAY12)]);
    l.locked.insert((MARIA, day("2026-12-09")));
    let m = map(&l, &FillOptions::default());
    let mut roster = crate::solver::model::Roster::empty(&m.model);
    roster.cells[0][m.day_of(day("2026-12-09")).unwrap()] = Some(shift(&m, DAY12));
    let r = crate::fill::requests::requests(&l, &m, &roster);
    assert_eq!((r.total, r.met), (1, 0));
    let line = &r.not_met[0];
    assert!(
        line.starts_with("Maria Lopez asked to work the Night 12 on 8 Dec (must): "),
        "{line}"
    );
    assert!(
        line.contains("it would break the rest between shifts"),
        "{line}"
    );

    // Granted, it is met.
    roster.cells[0][m.day_of(day("2026-12-08")).unwrap()] = Some(shift(&m, NIGHT12));
    let r = crate::fill::requests::requests(&l, &m, &roster);
    assert_eq!((r.total, r.met), (1, 1));
}
