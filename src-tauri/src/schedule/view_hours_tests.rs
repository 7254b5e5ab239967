//! The grid's hours figures where there is no target: each row says why
//! ("no LPN coverage set", "per diem, paid by the hour"), and a group whose
//! role no coverage asks for says so on its heading, with where to set it
//! (issue 21 g: "180/—" read as a bug).

use super::store::loaded_period::{Loaded, Person};
use super::store::periods::{PeriodStatus, SchedulePeriod};
use super::testing::*;
use super::view::build;
use super::{CoverageNeed, Requirement, ScheduleContext};
use crate::staff::{EmploymentType, Role};
use chrono::Weekday;
use std::collections::HashSet;

fn loaded(ctx: ScheduleContext) -> Loaded {
    let people = ctx
        .staff
        .iter()
        .map(|s| Person {
            id: s.id,
            employee_no: format!("E{}", s.id),
            first_name: s.name.clone(),
            last_name: String::new(),
            role: s.role,
            employment_type: s.employment_type,
            fte_hundredths: s.fte_hundredths,
            hire_date: "2000-01-01".into(),
            termination_date: None,
        })
        .collect();
    Loaded {
        period: SchedulePeriod {
            id: 1,
            start_date: "2026-12-06".into(),
            end_date: "2027-01-02".into(),
            weeks: 4,
            status: PeriodStatus::Draft,
            published_at: None,
        },
        ctx,
        people,
        holidays: Vec::new(),
        changes: HashSet::new(),
        locked: HashSet::new(),
        call_outs: Default::default(),
        requests: Vec::new(),
    }
}

/// Maria and Ann RNs (a need asks for RNs), Bo a full-time CNA (none asks
/// for CNAs) with shifts on the grid, Ann per diem.
fn unit() -> ScheduleContext {
    let mut c = with(ctx(), &[(BO, "2026-12-07", DAY), (BO, "2026-12-08", DAY)]);
    c.staff[1].employment_type = EmploymentType::PerDiem;
    c.staff[1].fte_hundredths = 0;
    c.coverage.push(CoverageNeed {
        shift_type_id: DAY,
        weekday: Weekday::Mon,
        requirement: Requirement::Role(Role::Rn),
        minimum: 1,
        target: 1,
    });
    c
}

#[test]
fn a_row_without_a_target_says_why_and_its_group_says_where_to_set_coverage() {
    let view = build(&loaded(unit()), day("2026-12-01"));
    let row = |id: i64| {
        view.groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.staff_id == id)
            .unwrap()
    };
    assert_eq!(row(MARIA).totals.no_target, None, "Maria has a target");
    assert!(row(MARIA).totals.target_minutes.is_some());
    assert_eq!(row(BO).totals.target_minutes, None);
    assert_eq!(
        row(BO).totals.paid_minutes,
        16 * 60,
        "his hours still count"
    );
    assert_eq!(
        row(BO).totals.no_target.as_deref(),
        Some("no CNA coverage set")
    );
    assert_eq!(
        row(ANN).totals.no_target.as_deref(),
        Some("per diem, paid by the hour")
    );
    let note = |role: Role| {
        view.groups
            .iter()
            .find(|g| g.role == role)
            .and_then(|g| g.note.clone())
    };
    assert_eq!(
        note(Role::Cna).as_deref(),
        Some("No CNA coverage set: no target hours, no shifts from Fill. Set it in Settings → Coverage.")
    );
    assert_eq!(note(Role::Rn), None, "RN coverage is set; Ann is per diem");
}

#[test]
fn once_coverage_asks_for_the_role_the_note_goes_and_the_target_comes() {
    let mut c = unit();
    c.coverage.push(CoverageNeed {
        shift_type_id: DAY,
        weekday: Weekday::Tue,
        requirement: Requirement::Role(Role::Cna),
        minimum: 1,
        target: 1,
    });
    let view = build(&loaded(c), day("2026-12-01"));
    let cna = view.groups.iter().find(|g| g.role == Role::Cna).unwrap();
    assert_eq!(cna.note, None);
    assert_eq!(cna.rows[0].totals.no_target, None);
    assert_eq!(cna.rows[0].totals.target_minutes, Some(160 * 60));
}

/// Days after a leaver's last day worked, and before a starter's first,
/// are marked on the grid with why; the last day itself is a working day.
#[test]
fn days_a_person_is_not_employed_are_marked_with_why() {
    let mut l = loaded(unit());
    l.people[0].termination_date = Some("2026-12-12".into());
    l.people[1].hire_date = "2026-12-20".into();
    let view = build(&l, day("2026-12-01"));
    let cell = |id: i64, date: &str| {
        view.groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.staff_id == id)
            .unwrap()
            .cells
            .iter()
            .find(|c| c.date == date)
            .unwrap()
            .not_employed
            .clone()
    };
    assert_eq!(cell(MARIA, "2026-12-12"), None, "the last day is worked");
    assert_eq!(
        cell(MARIA, "2026-12-13").as_deref(),
        Some("Left: last day worked 12 Dec")
    );
    assert_eq!(
        cell(ANN, "2026-12-19").as_deref(),
        Some("Not yet employed: starts 20 Dec")
    );
    assert_eq!(cell(ANN, "2026-12-20"), None, "the first day is theirs");
    assert_eq!(cell(BO, "2026-12-31"), None);
}
