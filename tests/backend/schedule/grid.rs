//! The grid: setting and clearing cells, refusals with their reasons,
//! changes after publishing, coverage counts and row totals.

use super::*;
use rusqlite::Connection;
use wardbook::credentials::{self, CredentialInput, CredentialTypeInput, ExpiredAction};
use wardbook::error::ErrorCode;
use wardbook::schedule::store::assignments;
use wardbook::schedule::store::coverage::{self, CoverageLine};
use wardbook::schedule::view::{CoverageStatus, GridCell, ScheduleView};
use wardbook::schedule::{Requirement, RuleCode, Severity};

fn cell<'v>(view: &'v ScheduleView, staff_id: i64, date: &str) -> &'v GridCell {
    view.groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.staff_id == staff_id)
        .and_then(|r| r.cells.iter().find(|c| c.date == date))
        .expect("the cell is on the grid")
}

fn set(
    conn: &mut Connection,
    period: i64,
    staff: i64,
    date: &str,
    code: &str,
) -> wardbook::error::AppResult<assignments::AssignOutcome> {
    assignments::set(
        conn,
        period,
        staff,
        date,
        code,
        day(TODAY),
        "2026-12-02T08:00:00Z",
    )
}

#[test]
fn a_cell_is_set_replaced_and_cleared() {
    let mut u = unit();
    let p = first_period(&mut u);
    let out = set(&mut u.conn, p.id, u.ann, "2026-12-03", "d").unwrap();
    let c = cell(&out.view, u.ann, "2026-12-03");
    assert_eq!(
        c.shift_code.as_deref(),
        Some("D"),
        "codes match ignoring case"
    );
    assert!(
        !c.changed_after_publish,
        "a draft has no changes after publishing"
    );
    let out = set(&mut u.conn, p.id, u.ann, "2026-12-03", "N").unwrap();
    assert_eq!(
        cell(&out.view, u.ann, "2026-12-03").shift_code.as_deref(),
        Some("N"),
        "one shift per cell"
    );
    assert_eq!(count(&u.conn, "assignment"), 1);
    let view =
        assignments::clear(&mut u.conn, p.id, u.ann, "2026-12-03", day(TODAY), "now").unwrap();
    assert_eq!(cell(&view, u.ann, "2026-12-03").shift_code, None);
    assert_eq!(count(&u.conn, "assignment"), 0);
}

#[test]
fn an_unknown_code_or_a_date_outside_the_period_is_refused_by_field() {
    let mut u = unit();
    let p = first_period(&mut u);
    let err = set(&mut u.conn, p.id, u.ann, "2026-12-03", "X").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("shift_code"));
    assert_eq!(err.message, "No shift type has the code X. Codes: D, N.");
    let err = set(&mut u.conn, p.id, u.ann, "2026-12-27", "D").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("date"));
    assert_eq!(
        err.message, "27 Dec is outside this period (29 Nov to 26 Dec).",
        "the day after the last"
    );
    assert!(
        set(&mut u.conn, p.id, u.ann, "2026-12-26", "D").is_ok(),
        "the last day is inside"
    );
}

#[test]
fn approved_time_off_blocks_with_its_reason_and_nothing_is_saved() {
    let mut u = unit();
    let p = first_period(&mut u);
    approved_off(&mut u.conn, u.maria, "2026-12-12", "2026-12-12");
    let err = set(&mut u.conn, p.id, u.maria, "2026-12-12", "D").unwrap_err();
    assert_eq!(err.code, ErrorCode::Blocked);
    assert_eq!(
        err.message,
        "Not assigned, refused: Maria Lopez has approved paid time off on 12 Dec, so cannot \
         work Day on 12 Dec."
    );
    assert_eq!(count(&u.conn, "assignment"), 0, "nothing saved");
    assert!(
        set(&mut u.conn, p.id, u.maria, "2026-12-13", "D").is_ok(),
        "the day after is free"
    );
}

#[test]
fn an_expired_block_credential_refuses_and_a_warn_one_flags() {
    let mut u = unit();
    let p = first_period(&mut u);
    for (name, action) in [("BLS", ExpiredAction::Block), ("ACLS", ExpiredAction::Warn)] {
        let t = credentials::save_type(
            &mut u.conn,
            None,
            &CredentialTypeInput {
                name: name.into(),
                required_for: vec![Role::Rn],
                renewal_months: "24".into(),
                when_expired: action,
            },
        )
        .unwrap();
        for who in [u.maria, u.ann] {
            let expires = if who == u.ann && name == "BLS" {
                "2027-12-31"
            } else {
                "2026-12-09"
            };
            let form = CredentialInput {
                type_id: t.id,
                expires_on: expires.into(),
                ..Default::default()
            };
            credentials::save(&mut u.conn, who, None, &form, day(TODAY)).unwrap();
        }
    }
    assert!(
        set(&mut u.conn, p.id, u.maria, "2026-12-09", "D").is_ok(),
        "valid through its expiry day"
    );
    let err = set(&mut u.conn, p.id, u.maria, "2026-12-10", "D").unwrap_err();
    assert_eq!(err.code, ErrorCode::Blocked);
    assert_eq!(
        err.message,
        "Not assigned, refused: Maria Lopez's BLS expired on 9 Dec, and a lapsed BLS blocks \
         scheduling, so Maria Lopez cannot work Day on 10 Dec.",
        "the message says the shift was refused, and why (not \"scheduled on 10 Dec\")"
    );
    let out = set(&mut u.conn, p.id, u.ann, "2026-12-10", "D").unwrap();
    assert!(
        out.warnings
            .iter()
            .any(|w| w.rule == RuleCode::Credential && w.severity == Severity::Warn),
        "Ann's lapsed ACLS warns but allows"
    );
    assert_eq!(
        cell(&out.view, u.ann, "2026-12-10").violation,
        Some(Severity::Warn)
    );
}

#[test]
fn a_short_rest_is_allowed_with_a_warning() {
    let mut u = unit();
    let p = first_period(&mut u);
    set(&mut u.conn, p.id, u.ann, "2026-12-03", "N").unwrap();
    let out = set(&mut u.conn, p.id, u.ann, "2026-12-04", "D").unwrap();
    assert!(
        out.warnings.iter().any(|w| w.rule == RuleCode::Rest),
        "0 h rest after a night"
    );
    assert_eq!(
        cell(&out.view, u.ann, "2026-12-04").violation,
        Some(Severity::Warn)
    );
}

#[test]
fn changes_after_publishing_are_marked_and_drafts_are_not() {
    let mut u = unit();
    let p = first_period(&mut u);
    set(&mut u.conn, p.id, u.ann, "2026-12-03", "D").unwrap();
    set(&mut u.conn, p.id, u.bo, "2026-12-03", "D").unwrap();
    period_store::publish(&u.conn, p.id, "2026-12-01T09:00:00Z").unwrap();
    let out = set(&mut u.conn, p.id, u.maria, "2026-12-03", "D").unwrap();
    assert!(
        cell(&out.view, u.maria, "2026-12-03").changed_after_publish,
        "added after publishing"
    );
    assert!(
        !cell(&out.view, u.ann, "2026-12-03").changed_after_publish,
        "untouched since publishing"
    );
    let view =
        assignments::clear(&mut u.conn, p.id, u.bo, "2026-12-03", day(TODAY), "now").unwrap();
    assert!(
        cell(&view, u.bo, "2026-12-03").changed_after_publish,
        "a cleared cell is a change too"
    );
    let reloaded = wardbook::schedule::store::view(&u.conn, p.id, day(TODAY)).unwrap();
    assert!(
        cell(&reloaded, u.maria, "2026-12-03").changed_after_publish,
        "the mark is stored"
    );
}

#[test]
fn coverage_rows_count_each_need_and_say_how_it_stands() {
    let mut u = unit();
    let p = first_period(&mut u);
    let lines = vec![
        CoverageLine {
            shift_type_id: u.day_shift,
            requirement: Requirement::Role(Role::Rn),
            minimum: vec![2; 7],
            target: vec![3; 7],
        },
        CoverageLine {
            shift_type_id: u.day_shift,
            requirement: Requirement::Skill(u.charge),
            minimum: vec![1; 7],
            target: vec![1; 7],
        },
        CoverageLine {
            shift_type_id: u.night_shift,
            requirement: Requirement::Role(Role::Cna),
            minimum: vec![0; 7],
            target: vec![0; 7],
        },
    ];
    coverage::save(&mut u.conn, &lines).unwrap();
    set(&mut u.conn, p.id, u.ann, "2026-12-03", "D").unwrap();
    set(&mut u.conn, p.id, u.maria, "2026-12-04", "D").unwrap();
    let view = set(&mut u.conn, p.id, u.ann, "2026-12-04", "D")
        .unwrap()
        .view;
    let row = |label: &str| {
        view.coverage
            .iter()
            .find(|r| r.label == label)
            .expect(label)
    };
    let at = |label: &str, date: &str| {
        let i = view.days.iter().position(|d| d.date == date).unwrap();
        let c = &row(label).days[i];
        (c.scheduled, c.status)
    };
    assert_eq!(
        at("Day · RN", "2026-12-02"),
        (0, CoverageStatus::Short),
        "nobody on"
    );
    assert_eq!(
        at("Day · RN", "2026-12-03"),
        (1, CoverageStatus::Short),
        "one below the minimum of 2"
    );
    assert_eq!(
        at("Day · RN", "2026-12-04"),
        (2, CoverageStatus::UnderTarget),
        "the minimum, under the target"
    );
    assert_eq!(
        at("Day · Charge", "2026-12-04"),
        (1, CoverageStatus::Ok),
        "Maria has charge"
    );
    assert_eq!(at("Day · Charge", "2026-12-03"), (0, CoverageStatus::Short));
    assert_eq!(
        at("Night · CNA", "2026-12-03"),
        (0, CoverageStatus::None),
        "no need, no status"
    );
    assert!(
        view.days.iter().any(|d| d.today && d.date == TODAY),
        "today is marked"
    );
    assert!(
        view.days.iter().filter(|d| d.weekend).count() == 8,
        "4 weekends shaded"
    );
    assert!(view.violations.iter().any(|v| v.rule == RuleCode::Coverage));
}

#[test]
fn rows_are_grouped_by_role_with_totals_against_fte() {
    let mut u = unit();
    let p = first_period(&mut u);
    for d in ["2026-12-05", "2026-12-06", "2026-12-09"] {
        set(&mut u.conn, p.id, u.ann, d, "D").unwrap();
    }
    approved_off(&mut u.conn, u.ann, "2026-12-14", "2026-12-14");
    let view = wardbook::schedule::store::view(&u.conn, p.id, day(TODAY)).unwrap();
    let roles: Vec<Role> = view.groups.iter().map(|g| g.role).collect();
    assert_eq!(roles, [Role::Rn, Role::Cna], "in role order");
    let names: Vec<&str> = view.groups[0]
        .rows
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Lee, Ann", "Lopez, Maria"], "by last name");
    let totals = &view.groups[0].rows[0].totals;
    assert_eq!(totals.shifts, 3);
    assert_eq!(
        totals.weekends, 1,
        "Saturday 5 and Sunday 6 Dec are one weekend"
    );
    assert_eq!(
        totals.paid_minutes,
        3 * 720 + 432,
        "three 12 h shifts and a paid PTO weekday with no shift: her 0.9 FTE's day (7.2 h)"
    );
    assert_eq!(totals.fte_hundredths, 90);
    assert_eq!(
        cell(&view, u.ann, "2026-12-14").time_off_status,
        Some(wardbook::schedule::TimeOffStatus::Approved),
        "approved time off shows in the grid"
    );
}
