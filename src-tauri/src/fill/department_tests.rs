//! The department mapped into the model, on a small unit in Chicago:
//! contracts, days off, fixed and locked cells, successions, coverage,
//! requests; and small fills that keep every rule and explain their gaps.

use super::department::{map, FillOptions, Mapped};
use super::run::run;
use super::weights::{MINIMUM_WEIGHT, TARGET_WEIGHT};
use crate::credentials::ExpiredAction;
use crate::fill::summary::{proposed_assignments, summary};
use crate::schedule::rules::check_all;
use crate::schedule::store::loaded_period::{Loaded, Person};
use crate::schedule::store::periods::{PeriodStatus, SchedulePeriod};
use crate::schedule::testing::*;
use crate::schedule::{
    CoverageNeed, CredentialFact, Requirement, ScheduleContext, TimeOff, TimeOffKind, TimeOffStatus,
};
use crate::solver::model::RequestKind;
use crate::staff::{EmploymentType, Role};
use chrono::Weekday;
use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

pub(super) fn loaded(ctx: ScheduleContext) -> Loaded {
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

pub(super) fn need(
    shift_type_id: i64,
    requirement: Requirement,
    minimum: u32,
    target: u32,
) -> Vec<CoverageNeed> {
    use Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
        .into_iter()
        .map(|weekday| CoverageNeed {
            shift_type_id,
            weekday,
            requirement,
            minimum,
            target,
        })
        .collect()
}

/// Maria (RN, 1.0), Ann (RN, 0.6), Bo (CNA): RNs needed on D12 and N12.
pub(super) fn unit() -> ScheduleContext {
    let mut c = ctx();
    c.staff[1].fte_hundredths = 60;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 2);
    c.coverage
        .extend(need(NIGHT12, Requirement::Role(Role::Rn), 1, 1));
    c
}

pub(super) fn mapped(c: ScheduleContext) -> Mapped {
    map(&loaded(c), &FillOptions::default())
}

pub(super) fn shift(m: &Mapped, id: i64) -> usize {
    m.shift_of(id).unwrap()
}

#[test]
fn the_horizon_starts_on_a_monday_a_week_before_with_history_as_days_off() {
    let m = mapped(unit());
    assert_eq!(
        m.dates[0],
        day("2026-11-23"),
        "the Monday on or before Sun 29 Nov"
    );
    assert_eq!(m.first_period_day, 13);
    assert_eq!(m.model.days, 13 + 28 + 2, "and two days after it");
    assert!(
        (0..13).all(|d| m.model.staff[0].days_off.contains(&d)),
        "no shifts before the period but the worked ones"
    );
}

#[test]
fn contracts_follow_the_rules_the_fte_and_the_coverage_a_person_counts_for() {
    let m = mapped(unit());
    let (maria, ann, bo) = (
        &m.model.staff[0].contract,
        &m.model.staff[1].contract,
        &m.model.staff[2].contract,
    );
    assert_eq!(maria.max_consecutive_work, 3, "12-hour shifts: 3 in a row");
    assert!(
        maria.max_per_shift[shift(&m, DAY12)] > 0 && maria.max_per_shift[shift(&m, NIGHT12)] > 0
    );
    assert_eq!(
        maria.max_per_shift[shift(&m, DAY)],
        0,
        "no need on the 8-hour day counts an RN"
    );
    assert!(
        bo.max_per_shift.iter().all(|&n| n == 0),
        "no need counts a CNA, so Bo gets nothing"
    );
    let weekly: Vec<u32> = maria
        .windows
        .iter()
        .filter(|w| w.days == 7)
        .map(|w| w.max_minutes)
        .collect();
    assert!(
        weekly.iter().all(|&m| m == 40 * 60),
        "40 h in every work week: {weekly:?}"
    );
    let period = |c: &crate::solver::model::Contract| {
        c.windows
            .iter()
            .find(|w| w.first == 13 && w.days == 28)
            .map(|w| w.max_minutes)
    };
    // Issue #21: the FTE is a soft target (see `target_tests`); the hard
    // limit over the period is the target plus the extra hours (12 h).
    assert_eq!(period(maria), Some((160 + 12) * 60), "target + 12 h");
    assert_eq!(period(ann), Some((96 + 12) * 60));
    assert_eq!(
        m.model.staff[0].target.as_ref().map(|t| t.minutes),
        Some(160 * 60)
    );
}

#[test]
fn per_diem_staff_have_no_fte_cap_and_cost_more_to_use_by_fairness() {
    let mut c = unit();
    c.staff[1].employment_type = EmploymentType::PerDiem;
    c.staff[1].fte_hundredths = 0;
    let m = mapped(c);
    let ann = &m.model.staff[1].contract;
    assert!(
        ann.windows.iter().all(|w| w.days != 28),
        "no FTE window for per diem"
    );
    let weight = |s: usize| {
        m.model
            .requests
            .iter()
            .filter(|r| r.staff == s)
            .map(|r| r.weight)
            .max()
    };
    assert!(
        weight(1) > weight(0),
        "the per diem nurse is the dearer choice"
    );
}

#[test]
fn successions_follow_the_rest_rule_and_the_day_after_a_night() {
    let m = mapped(unit());
    let s = |id| shift(&m, id);
    let next = |a| &m.model.shifts[s(a)].forbidden_next;
    let gap = |a| &m.model.shifts[s(a)].forbidden_after_gap;
    assert!(
        next(NIGHT12).contains(&s(DAY12)),
        "no rest at all after a night"
    );
    assert!(
        next(EVENING).contains(&s(DAY)),
        "15:00–23:00 then 07:00 is 8 h of rest"
    );
    assert!(
        !next(DAY).contains(&s(EVENING)),
        "07:00–15:00 then 15:00 next day is fine"
    );
    assert!(
        !next(DAY12).contains(&s(NIGHT12)),
        "a day then a night the next evening is 24 h apart"
    );
    assert!(
        gap(NIGHT12).contains(&s(DAY12)),
        "off at 07:00: a day shift needs the next day free too"
    );
    assert!(!gap(DAY12).contains(&s(DAY12)));
}

#[test]
fn approved_time_off_is_a_day_off_and_a_pending_request_a_weighted_wish() {
    let mut c = unit();
    let off = |from: &str, to: &str, status| TimeOff {
        staff_id: MARIA,
        from: day(from),
        to: day(to),
        kind: TimeOffKind::Pto,
        status,
        paid: true,
    };
    c.time_off = vec![
        off("2026-12-10", "2026-12-11", TimeOffStatus::Approved),
        off("2026-12-20", "2026-12-20", TimeOffStatus::Requested),
        off("2026-12-22", "2026-12-22", TimeOffStatus::Denied),
    ];
    let m = mapped(c);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let maria = &m.model.staff[0];
    assert!(maria.days_off.contains(&d("2026-12-10")) && maria.days_off.contains(&d("2026-12-11")));
    assert!(
        !maria.days_off.contains(&d("2026-12-20")),
        "a request is not a day off"
    );
    let wish = |day| {
        m.model
            .requests
            .iter()
            .filter(|r| r.staff == 0 && r.day == day)
            .map(|r| r.weight)
            .max()
            .unwrap_or(0)
    };
    let base = wish(d("2026-12-21"));
    assert_eq!(
        wish(d("2026-12-20")),
        base + 5 * 30,
        "the pending request adds its weight"
    );
    assert_eq!(wish(d("2026-12-22")), base, "a denied request adds nothing");
    assert!(m.model.requests.iter().all(|r| r.kind == RequestKind::Off));
}

#[test]
fn coverage_gives_a_heavy_minimum_line_and_a_lighter_target_line() {
    let m = mapped(unit());
    let first = m.first_period_day;
    let day12: Vec<_> = m
        .model
        .cover
        .iter()
        .filter(|c| c.day == first && c.shift == shift(&m, DAY12))
        .collect();
    assert_eq!(day12.len(), 2);
    assert_eq!(
        (day12[0].requirement, day12[0].under_weight),
        (1, MINIMUM_WEIGHT)
    );
    assert_eq!(
        (day12[1].requirement, day12[1].under_weight),
        (2, TARGET_WEIGHT)
    );
    let night: Vec<_> = m
        .model
        .cover
        .iter()
        .filter(|c| c.day == first && c.shift == shift(&m, NIGHT12))
        .collect();
    assert_eq!(night.len(), 1, "minimum equals target: one line");
    assert!(
        m.model.cover.iter().all(|c| c.day >= first),
        "no cover before the period"
    );
    assert_eq!(m.model.cover.len(), 28 * 3);
}

#[test]
fn history_is_fixed_and_kept_shifts_are_fixed_unless_they_break_a_blocking_rule() {
    let mut c = with(
        unit(),
        &[
            (MARIA, "2026-12-05", NIGHT12),
            (MARIA, "2026-12-08", DAY12),
            (MARIA, "2026-12-15", DAY12),
        ],
    );
    c.staff[0].credentials.push(CredentialFact {
        name: "BLS".into(),
        expires_on: Some(day("2026-12-14")),
        when_expired: ExpiredAction::Block,
    });
    let m = mapped(c.clone());
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let maria = &m.model.staff[0];
    assert!(
        maria.fixed.contains(&(d("2026-12-05"), shift(&m, NIGHT12))),
        "the night before the period"
    );
    assert!(
        maria.fixed.contains(&(d("2026-12-08"), shift(&m, DAY12))),
        "kept"
    );
    assert!(
        !maria.fixed.iter().any(|&(day, _)| day == d("2026-12-15")),
        "BLS lapsed on 15 Dec: that shift is let go"
    );
    assert!(
        maria
            .unavailable
            .contains(&(d("2026-12-15"), shift(&m, DAY12))),
        "and nothing else there"
    );
    assert!(
        !maria
            .unavailable
            .iter()
            .any(|&(day, _)| day == d("2026-12-14")),
        "valid through its expiry day"
    );

    let fresh = map(
        &loaded(c),
        &FillOptions {
            keep_existing: false,
            ..FillOptions::default()
        },
    );
    let maria = &fresh.model.staff[0];
    assert_eq!(
        maria.fixed,
        vec![(d("2026-12-05"), shift(&fresh, NIGHT12))],
        "only history is fixed"
    );
}

/// Every roster the model allows keeps the schedule's rules, warnings
/// included: checked on rosters built row by row from the model's own
/// rules with seeded choices (greedy for more shifts, so the limits are
/// met), with no time limit, so that what is asserted does not depend on
/// how far a search got in its seconds on a busy machine (a timed run of
/// one second here failed once under load).
#[test]
fn a_fill_of_the_small_unit_keeps_every_rule() {
    use crate::solver::model::Roster;
    use crate::solver::testing::Rng;
    use crate::solver::testing::Rules;
    let c = with(unit(), &[(MARIA, "2026-12-05", NIGHT12)]);
    let l = loaded(c);
    let m = map(&l, &FillOptions::default());
    let mut rules = Rules::new(&m.model);
    let mut nights_after = 0;
    for seed in 0..24u64 {
        let mut rng = Rng::new(seed);
        let mut roster = Roster::empty(&m.model);
        for s in 0..m.model.staff.len() {
            // A shift appeals more than a day off, each cell by the seed.
            let salt = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ s as u64;
            let appeal = |day: usize, cell: Option<usize>| {
                let mix =
                    Rng::new(salt ^ (day as u64) << 8 ^ cell.map_or(0, |c| c as u64 + 1)).unit();
                if cell.is_some() {
                    1.0 + mix
                } else {
                    mix
                }
            };
            roster.cells[s] = rules.construct_by(s, &mut rng, &appeal, None).unwrap();
        }
        assert!(
            crate::solver::score(&m.model, &roster).is_feasible(),
            "seed {seed}"
        );
        let mut after = l.ctx.clone();
        after.assignments = proposed_assignments(&l.ctx, &m, &roster);
        let broken: Vec<_> = check_all(&after)
            .into_iter()
            .filter(|v| v.rule != crate::schedule::RuleCode::Coverage)
            .collect();
        assert!(
            broken.is_empty(),
            "seed {seed}: a roster the model allows breaks no rule, warnings included: {broken:#?}"
        );
        // After her night on 5 Dec (ending on the 6th's morning) another
        // night is allowed, a day shift is not. (The timed test this
        // replaces asserted no shift at all on the 6th, true only when the
        // search happened to leave her off: its flake.)
        let next = after
            .assignments
            .iter()
            .find(|a| a.staff_id == MARIA && a.date == day("2026-12-06"))
            .map(|a| a.shift_type_id);
        assert!(
            next.is_none_or(|id| id == NIGHT12),
            "seed {seed}: no day shift right after her night on 5 Dec: {next:?}"
        );
        nights_after += u32::from(next.is_some());
    }
    assert!(
        nights_after > 0,
        "a night after a night is among the rosters checked"
    );
}

#[test]
fn shift_lengths_are_the_longest_in_the_horizon_across_a_clock_change() {
    // Chicago falls back on Sunday 1 Nov 2026: the night of 31 Oct is 13 h.
    let mut c = unit();
    c.period_start = day("2026-11-01");
    c.period_end = day("2026-11-28");
    c.rules.pay_period_anchor = day("2026-11-01");
    let m = mapped(c);
    assert_eq!(
        m.model.shifts[shift(&m, NIGHT12)].minutes,
        13 * 60,
        "the long night counts"
    );
    assert_eq!(
        m.model.shifts[shift(&m, DAY12)].minutes,
        12 * 60,
        "a day shift keeps its length"
    );
}

#[test]
fn what_could_not_be_met_is_explained_per_shift() {
    // Three RNs needed on every night, and only two RNs on staff.
    let mut c = unit();
    c.coverage = need(NIGHT12, Requirement::Role(Role::Rn), 3, 3);
    let l = loaded(c);
    let m = map(&l, &FillOptions::default());
    let options = FillOptions {
        seconds: 1,
        ..FillOptions::default()
    };
    let outcome = run(&m, &options, 2, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, FillOptions::default().fairness);
    assert_eq!(s.unmet.len(), 28, "every night is short: {:#?}", s.unmet);
    let first = &s.unmet[0];
    assert!(first.starts_with("Night 12 on 6 Dec is "), "{first}");
    assert!(
        first.contains("RN short of the minimum") || first.contains("RNs short of the minimum"),
        "{first}"
    );
    assert!(
        s.unmet.iter().all(|u| {
            u.contains("already on it")
                || u.contains("at a limit")
                || u.contains("on another shift")
        }),
        "the reason names the qualified RNs' state: {:#?}",
        s.unmet
    );
}

#[test]
fn locked_cells_are_kept_a_shift_fixed_and_an_empty_cell_a_day_off() {
    let c = with(
        unit(),
        &[(MARIA, "2026-12-08", DAY12), (MARIA, "2026-12-09", DAY12)],
    );
    let mut l = loaded(c);
    l.locked = [(MARIA, day("2026-12-08")), (MARIA, day("2026-12-10"))].into();
    let fresh = FillOptions {
        keep_existing: false,
        ..FillOptions::default()
    };
    let m = map(&l, &fresh);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let maria = &m.model.staff[0];
    assert_eq!(
        maria.fixed,
        vec![(d("2026-12-08"), shift(&m, DAY12))],
        "the locked shift only"
    );
    assert!(
        maria.days_off.contains(&d("2026-12-10")),
        "the locked empty cell stays off"
    );
    assert!(!maria.days_off.contains(&d("2026-12-09")));

    let unlocked = map(
        &l,
        &FillOptions {
            keep_locked: false,
            ..fresh
        },
    );
    assert!(
        unlocked.model.staff[0].fixed.is_empty(),
        "locks ignored when asked"
    );
}

#[test]
fn shifts_just_after_the_period_are_fixed_so_a_last_night_cannot_run_into_them() {
    // Maria starts the next period with a day shift on Sun 3 Jan.
    let c = with(unit(), &[(MARIA, "2027-01-03", DAY12)]);
    let m = mapped(c.clone());
    assert_eq!(
        m.dates.last(),
        Some(&day("2027-01-04")),
        "two days past the end"
    );
    assert_eq!(m.period(), 13..13 + 28);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let maria = &m.model.staff[0];
    assert!(maria.fixed.contains(&(d("2027-01-03"), shift(&m, DAY12))));
    assert!(maria.days_off.contains(&d("2027-01-04")));
    let l = loaded(c);
    let options = FillOptions {
        seconds: 1,
        ..FillOptions::default()
    };
    let outcome = run(&m, &options, 4, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
    assert!(
        !proposed.iter().any(|a| a.staff_id == MARIA
            && a.date == day("2027-01-02")
            && a.shift_type_id == NIGHT12),
        "no night on 2 Jan straight into the day shift of 3 Jan"
    );
    assert!(
        proposed
            .iter()
            .any(|a| a.staff_id == MARIA && a.date == day("2027-01-03")),
        "the next period's shift stays in the context, untouched"
    );
}

#[test]
fn a_period_with_nobody_to_roster_fills_to_no_change() {
    let mut c = unit();
    c.staff.clear();
    let l = loaded(c);
    let m = map(&l, &FillOptions::default());
    let outcome = run(
        &m,
        &FillOptions::default(),
        1,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap();
    let s = summary(&l, &m, &outcome, false, FillOptions::default().fairness);
    assert!(s.changes.is_empty());
    assert_eq!(s.short_after, 28 * 2, "every day short of its minimum");
    assert!(
        s.unmet[0].ends_with("nobody on staff qualifies (RN)."),
        "{}",
        s.unmet[0]
    );
}
