//! The Fill's figures agree (issue #21, the tester's item 1): the progress
//! bar, the review and the grid count gaps one way (coverage cells, red
//! below the minimum, amber under the target), the review's lines add up
//! to its headline, and each change is counted in one kind only. And the
//! best so far is never worse than the start (item 2).

use super::department::{gaps, map, FillOptions, StaffTo};
use super::run::{run, FillProgress};
use crate::fill::store;
use crate::fill::summary::{
    current_roster, moved_to_staff_with_a_target, proposed_assignments, summary, FillChange,
};
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::store::periods;
use crate::schedule::store::periods::PeriodStatus;
use crate::schedule::testing::day;
use crate::schedule::view::{CoverageStatus, ScheduleView};
use crate::schedule::Assignment;
use std::sync::atomic::{AtomicBool, Ordering};

fn draft() -> Loaded {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-27")).unwrap();
    let draft = periods::list(&conn)
        .unwrap()
        .into_iter()
        .find(|p| p.status == PeriodStatus::Draft)
        .unwrap();
    store::load_draft(&conn, draft.id).unwrap()
}

/// The red and amber cells of the grid's coverage rows.
fn grid_cells(l: &Loaded, assignments: &[Assignment]) -> (u32, u32) {
    let view: ScheduleView = store::preview(l, assignments, day("2026-11-27"));
    let mut out = (0, 0);
    for cell in view.coverage.iter().flat_map(|r| &r.days) {
        match cell.status {
            CoverageStatus::Short => out.0 += 1,
            CoverageStatus::UnderTarget => out.1 += 1,
            _ => {}
        }
    }
    out
}

#[test]
fn progress_review_and_grid_count_the_same_gap_cells() {
    let l = draft();
    for staff_to in [StaffTo::Target, StaffTo::Minimum] {
        let options = FillOptions {
            seconds: 3,
            staff_to,
            ..FillOptions::default()
        };
        let m = map(&l, &options);
        let before = gaps(&m, &current_roster(&l.ctx, &m));
        assert_eq!(
            before,
            grid_cells(&l, &l.ctx.assignments),
            "{staff_to:?}: the progress bar's start is the grid's red and amber cells"
        );
        assert!(before.0 > 0 && before.1 > 0, "the sample draft has both");
        let outcome = run(&m, &options, 5, &AtomicBool::new(false), &mut |_| {}).unwrap();
        let s = summary(&l, &m, &outcome, false, options.fairness);
        let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
        assert_eq!((s.short_before, s.under_target_before), before);
        assert_eq!(
            (s.short_after, s.under_target_after),
            grid_cells(&l, &proposed),
            "{staff_to:?}: the review's after is the proposal's grid"
        );
        assert_eq!(
            (s.short_after, s.under_target_after),
            gaps(&m, &outcome.roster),
            "{staff_to:?}: and what the progress bar would show of it"
        );
    }
}

#[test]
fn the_review_lines_add_up_to_its_headline_and_each_change_is_counted_once() {
    let l = draft();
    let options = FillOptions {
        seconds: 3,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 2, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, options.fairness);
    assert_eq!(
        s.unmet.len() as u32,
        s.short_after,
        "one line per shift below its minimum"
    );
    assert_eq!(
        s.under_target.len() as u32,
        s.under_target_after,
        "one line per shift under its target"
    );
    assert_eq!(
        s.added + s.changed + s.removed + 2 * s.moved,
        s.changes.len() as u32,
        "every changed cell in one kind: {} added, {} changed, {} removed, {} moved",
        s.added,
        s.changed,
        s.removed,
        s.moved
    );
    assert!(s.removed_blocked <= s.removed);
    assert!(
        s.moved > 0,
        "the sample's per diem shifts go to staff short of their hours"
    );
}

#[test]
fn a_move_is_a_per_diem_shift_given_to_an_empty_cell_of_own_staff_and_a_change_is_not() {
    let l = draft();
    let ctx = &l.ctx;
    let per_diem = ctx
        .staff
        .iter()
        .find(|f| f.employment_type == crate::staff::EmploymentType::PerDiem)
        .unwrap();
    let own = ctx
        .staff
        .iter()
        .find(|f| f.employment_type == crate::staff::EmploymentType::FullTime)
        .unwrap();
    let date = ctx.period_start + chrono::Duration::days(3);
    let change =
        |staff: &crate::schedule::StaffFacts, from: Option<&str>, to: Option<&str>| FillChange {
            staff_id: staff.id,
            name: staff.name.clone(),
            date,
            from: from.map(String::from),
            to: to.map(String::from),
        };
    let taken_off = change(per_diem, Some("D"), None);
    let moved = [taken_off.clone(), change(own, None, Some("D"))];
    assert_eq!(
        moved_to_staff_with_a_target(ctx, &moved).len(),
        2,
        "one move, two cells"
    );
    let changed = [taken_off.clone(), change(own, Some("N"), Some("D"))];
    assert!(
        moved_to_staff_with_a_target(ctx, &changed).is_empty(),
        "a night changed to a day is a change, not a shift moved to them"
    );
    let other_shift = [taken_off, change(own, None, Some("N"))];
    assert!(moved_to_staff_with_a_target(ctx, &other_shift).is_empty());
}

#[test]
fn an_early_stop_never_shows_or_returns_more_gaps_than_the_start() {
    let l = draft();
    let options = FillOptions {
        seconds: 30,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let start = crate::solver::repaired(&m.model, &m.current).expect("the draft can be mended");
    let at_start = gaps(&m, &start);
    let start_penalty = crate::solver::score(&m.model, &start).penalty();
    for seed in [1, 2] {
        let stop = AtomicBool::new(false);
        let mut reports: Vec<FillProgress> = Vec::new();
        let outcome = run(&m, &options, seed, &stop, &mut |p| {
            reports.push(p);
            stop.store(true, Ordering::Relaxed);
        })
        .unwrap();
        assert!(!reports.is_empty());
        for p in &reports {
            assert!(
                p.short_of_minimum <= at_start.0 && p.penalty <= start_penalty,
                "seed {seed}: best so far {} below minimum (penalty {}) against {} at the start ({start_penalty})",
                p.short_of_minimum,
                p.penalty,
                at_start.0
            );
        }
        assert!(
            gaps(&m, &outcome.roster).0 <= at_start.0,
            "seed {seed}: a Stop returns no more shifts below minimum than the start"
        );
        assert!(crate::solver::score(&m.model, &outcome.roster).is_feasible());
    }
}

/// The sample's draft with one full-time RN leaving halfway through the
/// period (the tester's unit: a resignation mid-period).
pub(super) fn draft_with_a_resignation() -> Loaded {
    draft_with_a_resignation_on(day("2026-11-27"))
}

/// As [`draft_with_a_resignation`], the sample made as of `today`.
pub(super) fn draft_with_a_resignation_on(today: chrono::NaiveDate) -> Loaded {
    let (conn, draft) = crate::sample::tests_support::sample_with_draft(today);
    let leaves = draft.start() + chrono::Duration::days(20);
    let changed = conn
        .execute(
            "UPDATE staff SET termination_date = ?1 WHERE id = (SELECT id FROM staff \
             WHERE role = 'RN' AND employment_type = 'full_time' AND termination_date IS NULL \
             ORDER BY id LIMIT 1)",
            [leaves.to_string()],
        )
        .unwrap();
    assert_eq!(changed, 1);
    store::load_draft(&conn, draft.id).unwrap()
}

/// "81 RN shifts under target: 60 because …; 21 because …." → (81, "RN
/// shifts", [(60, "…"), (21, "…")]).
fn parse_headline(line: &str) -> (u32, String, Vec<(u32, String)>) {
    let (head, rest) = line.split_once(": ").expect("a head and its causes");
    let (total, what) = head.split_once(' ').unwrap();
    let causes = rest
        .trim_end_matches('.')
        .split("; ")
        .map(|part| {
            let (n, why) = part.split_once(" because ").expect("a count and a cause");
            (n.parse().unwrap(), why.to_string())
        })
        .collect();
    (total.parse().unwrap(), what.to_string(), causes)
}

/// Issue #21 (fresh eyes): the banner said "15 RN shifts left under
/// target: every qualified RN is at a limit", the grid showed many more
/// amber cells, and the details gave another cause. Now the shifts under
/// target are the grid's amber cells, the headline gives each need's
/// count as the sum of its causes, the counts add up to the review's
/// figure, and each detail line words its cause as the headline does.
#[test]
fn shifts_under_target_have_one_count_and_one_wording_for_each_cause() {
    let l = draft_with_a_resignation();
    let options = FillOptions {
        seconds: 3,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 2, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, options.fairness);
    let staffing = crate::fill::staffing::staffing(&l, &m, &outcome, &options);
    let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
    let (_, amber) = grid_cells(&l, &proposed);
    assert_eq!(
        s.under_target_after, amber,
        "the review's figure is the grid's amber cells"
    );
    assert!(amber > 0, "the sample leaves some shifts under target");
    let headlines: Vec<_> = staffing
        .left_open
        .iter()
        .filter(|line| line.contains(" under target"))
        .map(|line| parse_headline(line))
        .collect();
    let mut total = 0;
    for (n, what, causes) in &headlines {
        assert_eq!(
            *n,
            causes.iter().map(|c| c.0).sum::<u32>(),
            "{what}: the count is the sum of its causes: {causes:?}"
        );
        total += n;
    }
    assert_eq!(
        total, s.under_target_after,
        "the needs' counts add up to the figure: {:#?}",
        staffing.left_open
    );
    assert_eq!(s.under_target.len() as u32, s.under_target_after);
    for line in &s.under_target {
        let (_, why) = line.split_once(": ").unwrap();
        let why = why.trim_end_matches('.');
        assert!(
            headlines
                .iter()
                .flat_map(|h| &h.2)
                .any(|(_, cause)| cause == why),
            "the detail's cause is worded as in the headline: {line}"
        );
    }
}
