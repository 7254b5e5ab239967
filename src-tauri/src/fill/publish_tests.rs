//! The Fill a manager would publish, on the sample department's draft
//! (issue #21, item 7, second pass): nobody with an FTE beyond their
//! target plus the extra hours, per diem staff within their hours per pay
//! period, agency only where nobody else within their limits qualifies,
//! a choice of staffing to target or minimum with the cost stated, and a
//! Fill run again on its own accepted result changing nothing.

use super::department::{map, FillOptions, Mapped, StaffTo};
use super::run::run;
use crate::fill::staffing::staffing;
use crate::fill::store;
use crate::fill::summary::{proposed_assignments, summary};
use crate::schedule::cost::period_cost;
use crate::schedule::period_hours::period_hours;
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::store::periods;
use crate::schedule::store::periods::PeriodStatus;
use crate::schedule::testing::day;
use crate::schedule::time;
use crate::solver::score::row_violations;
use crate::solver::Outcome;
use crate::staff::EmploymentType;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

fn draft() -> Loaded {
    let today = day("2026-11-27");
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, today).unwrap();
    let draft = periods::list(&conn)
        .unwrap()
        .into_iter()
        .find(|p| p.status == PeriodStatus::Draft)
        .unwrap();
    store::load_draft(&conn, draft.id).unwrap()
}

fn fill(l: &Loaded, options: &FillOptions) -> (Mapped, Outcome) {
    let m = map(l, options);
    let outcome = run(&m, options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    (m, outcome)
}

fn options(seconds: u32) -> FillOptions {
    FillOptions {
        seconds,
        ..FillOptions::default()
    }
}

/// The draft with the proposal accepted.
fn accepted(l: &Loaded, m: &Mapped, outcome: &Outcome) -> Loaded {
    let mut after = l.clone();
    after.ctx.assignments = proposed_assignments(&l.ctx, m, &outcome.roster);
    after
}

/// People with an FTE whose paid hours pass their target by more than
/// `extra` and more than they held before the Fill (kept shifts stay).
fn beyond(l: &Loaded, after: &Loaded, extra_minutes: i64) -> Vec<String> {
    let before = period_hours(&l.ctx, &l.ctx.assignments);
    let now = period_hours(&after.ctx, &after.ctx.assignments);
    l.ctx
        .staff
        .iter()
        .filter_map(|f| {
            let h = now[&f.id];
            let target = h.target_minutes?;
            let limit = (target + extra_minutes).max(before[&f.id].paid_minutes());
            (h.paid_minutes() > limit).then(|| {
                format!(
                    "{}: {} h of {} h",
                    f.name,
                    h.paid_minutes() / 60,
                    target / 60
                )
            })
        })
        .collect()
}

#[test]
fn nobody_with_an_fte_works_past_their_target_plus_the_extra_hours() {
    let l = draft();
    let (m, outcome) = fill(&l, &options(6));
    let after = accepted(&l, &m, &outcome);
    let over = beyond(&l, &after, 12 * 60);
    assert!(over.is_empty(), "past target + 12 h: {over:#?}");

    // None at all beyond the FTE: 0 extra hours.
    let none = FillOptions {
        extra_hours: 0,
        ..options(4)
    };
    let (m, outcome) = fill(&l, &none);
    let after = accepted(&l, &m, &outcome);
    let over = beyond(&l, &after, 0);
    assert!(over.is_empty(), "past target with 0 extra: {over:#?}");
}

#[test]
fn per_diem_staff_work_at_most_the_per_diem_hours_of_each_pay_period() {
    let l = draft();
    let limit = l.ctx.rules.per_diem_period_hours_limit_minutes;
    assert_eq!(limit, 36 * 60, "the default");
    let (m, outcome) = fill(&l, &options(6));
    let after = accepted(&l, &m, &outcome);
    let ctx = &after.ctx;
    let mut over = Vec::new();
    for f in ctx
        .staff
        .iter()
        .filter(|f| f.employment_type == EmploymentType::PerDiem)
    {
        let mut blocks: BTreeMap<_, i64> = BTreeMap::new();
        for a in ctx.assignments.iter().filter(|a| a.staff_id == f.id) {
            let t = ctx.shift_type(a.shift_type_id).unwrap();
            *blocks
                .entry(time::pay_period_start(ctx.rules.pay_period_anchor, a.date))
                .or_default() += time::paid_minutes(&time::span(ctx.tz, a.date, t), t);
        }
        for (start, minutes) in blocks {
            let touches =
                start + chrono::Duration::days(13) >= ctx.period_start && start <= ctx.period_end;
            if touches && minutes > limit {
                over.push(format!("{} from {start}: {} h", f.name, minutes / 60));
            }
        }
    }
    assert!(over.is_empty(), "{over:#?}");
}

#[test]
fn agency_works_only_shifts_nobody_else_within_their_limits_qualifies_for() {
    let l = draft();
    let (m, outcome) = fill(&l, &options(6));
    let model = &m.model;
    let roster = &outcome.roster;
    let mut could = Vec::new();
    for q in (0..model.staff.len()).filter(|&q| m.agency[q]) {
        for day in m.period() {
            let Some(shift) = roster.cells[q][day] else {
                continue;
            };
            if model.staff[q].fixed.contains(&(day, shift)) {
                continue;
            }
            let lines: Vec<_> = model
                .cover
                .iter()
                .filter(|c| c.day == day && c.shift == shift && model.qualifies(q, c))
                .collect();
            // Someone whose warning-only credential has lapsed counts too:
            // the department lets them work, at staff rates.
            for p in (0..model.staff.len()).filter(|&p| !m.agency[p]) {
                if roster.cells[p][day].is_some() || !lines.iter().all(|c| model.qualifies(p, c)) {
                    continue;
                }
                let mut trial = roster.clone();
                trial.cells[p][day] = Some(shift);
                trial.cells[q][day] = None;
                if row_violations(model, &trial, p).is_empty() {
                    could.push(format!(
                        "{} on {} → {}",
                        model.staff[q].id, m.dates[day], model.staff[p].id
                    ));
                }
            }
        }
    }
    assert!(
        could.is_empty(),
        "agency shifts someone else could take: {could:#?}"
    );
}

#[test]
fn staffing_to_the_minimum_costs_less_and_the_review_states_the_cost_above_it() {
    let l = draft();
    let to_target = FillOptions {
        keep_existing: false,
        ..options(5)
    };
    let to_minimum = FillOptions {
        staff_to: StaffTo::Minimum,
        ..to_target.clone()
    };
    let (mt, target) = fill(&l, &to_target);
    let (mm, minimum) = fill(&l, &to_minimum);
    let st = staffing(&l, &mt, &target, &to_target);
    let sm = staffing(&l, &mm, &minimum, &to_minimum);
    assert_eq!(st.staff_to, StaffTo::Target);
    assert!(
        st.above_minimum_shifts > 0 && st.above_minimum_cents > 0,
        "the sample's targets are above its minimums: {st:?}"
    );
    assert_eq!(
        (sm.above_minimum_shifts, sm.above_minimum_cents),
        (0, 0),
        "to the minimum only, nothing above it"
    );
    let cost = |mapped: &Mapped, outcome: &Outcome| {
        period_cost(&accepted(&l, mapped, outcome).ctx).total_cents
    };
    let (ct, cm) = (cost(&mt, &target), cost(&mm, &minimum));
    assert!(cm < ct, "minimum ${} vs target ${}", cm / 100, ct / 100);
    // Staffed to the minimum, no minimum is missed that the target fill
    // met, with fewer shifts.
    let s = summary(&l, &mm, &minimum, false, to_minimum.fairness);
    let t = summary(&l, &mt, &target, false, to_target.fairness);
    assert!(s.short_after <= t.short_after, "{:#?}", s.unmet);
    let shifts = |o: &Outcome, m: &Mapped| {
        o.roster
            .cells
            .iter()
            .map(|row| m.period().filter(|&d| row[d].is_some()).count())
            .sum::<usize>()
    };
    assert!(shifts(&minimum, &mm) < shifts(&target, &mt));
}

#[test]
fn a_fill_run_again_on_its_own_accepted_result_changes_nothing() {
    let l = draft();
    // Long enough for the first search to settle on a loaded machine: a
    // search cut short can leave a trade for the second run to find.
    let options = options(15);
    let (m, outcome) = fill(&l, &options);
    let first = staffing(&l, &m, &outcome, &options);
    let s = summary(&l, &m, &outcome, false, options.fairness);
    let moved = s.changes.iter().filter(|c| c.from.is_some()).count() as u32;
    assert_eq!(
        first.existing_changed,
        Some(moved),
        "with keep-existing the review counts changes to existing shifts"
    );
    let after = accepted(&l, &m, &outcome);
    let (m2, again) = fill(&after, &options);
    let s2 = summary(&after, &m2, &again, false, options.fairness);
    assert_eq!(s2.changes, Vec::new(), "no change on a re-run");
    assert_eq!(
        staffing(&after, &m2, &again, &options).existing_changed,
        Some(0)
    );
    let refill = FillOptions {
        keep_existing: false,
        ..options
    };
    assert_eq!(
        staffing(&after, &m2, &again, &refill).existing_changed,
        None,
        "not counted when nothing was kept"
    );
}
