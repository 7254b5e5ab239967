//! One fill of a department's period, as the app runs it: from the calling
//! thread (the app gives it its own), on the machine's cores (at most
//! eight, [`crate::solver::threads`]), reporting progress as it goes and stopping
//! early, with the best roster so far, when asked.

use super::department::{gaps, FillOptions, Mapped};
use crate::solver::explain::shortfalls;
use crate::solver::row::Rules;
use crate::solver::score::score;
use crate::solver::search::{Options, Outcome, SolveError};
use crate::solver::state::State;
use crate::solver::threads::{default_threads, solve_threads_from};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use ts_rs::TS;

/// What the progress bar shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FillProgress {
    /// The best penalty found so far (lower is better).
    pub penalty: u64,
    /// People short of the days' minimums in the best roster so far.
    pub short_of_minimum: u32,
    /// People short of the days' targets (above the minimums).
    pub short_of_target: u32,
    pub elapsed_ms: u64,
    pub limit_ms: u64,
}

/// Solves `mapped` within the options' time limit, calling `report` about
/// ten times a second; ends early with the best found once `stop` is set.
pub fn run(
    mapped: &Mapped,
    options: &FillOptions,
    seed: u64,
    stop: &AtomicBool,
    report: &mut dyn FnMut(FillProgress),
) -> Result<Outcome, SolveError> {
    let limit = Duration::from_secs(u64::from(options.seconds));
    let solve_options = Options {
        time_limit: limit,
        seed,
    };
    let threads = default_threads();
    // The schedule as it stands is the first incumbent: the best so far
    // shown, and what a Stop returns, is never worse than the start.
    let start = crate::solver::start::repaired(&mapped.model, &mapped.current);
    let mut outcome = solve_threads_from(
        &mapped.model,
        &solve_options,
        threads,
        start.as_ref(),
        &mut |p| {
            let (short_of_minimum, short_of_target) = gaps(mapped, p.best);
            report(FillProgress {
                penalty: p.penalty,
                short_of_minimum,
                short_of_target,
                elapsed_ms: p.elapsed.as_millis() as u64,
                limit_ms: limit.as_millis() as u64,
            });
            !stop.load(Ordering::Relaxed)
        },
    )?;
    // Per diem and agency last: what the search left to them that someone
    // short of their hours can take goes to that person. (Stopped, the
    // manager gets the best roster shown, as it was.)
    if !stop.load(Ordering::Relaxed) {
        crate::solver::handover::polish(&mapped.model, &mut outcome, &mapped.agency);
        crate::solver::handover::hand_over(
            &mapped.model,
            &mut outcome,
            &mapped.agency,
            &mapped.warned,
        );
    }
    if options.keep_existing {
        keep_if_no_better(mapped, &mut outcome);
    }
    if let Some(start) = start {
        no_more_gaps_than(mapped, start, &mut outcome);
    }
    Ok(outcome)
}

/// The start (repaired) in place of an outcome with more shifts below
/// their minimum: the cost weighs a gap heavily but not without limit, and
/// a manager never wants a Fill to open a gap the schedule did not have.
fn no_more_gaps_than(mapped: &Mapped, start: crate::solver::model::Roster, outcome: &mut Outcome) {
    if gaps(mapped, &outcome.roster).0 <= gaps(mapped, &start).0 {
        return;
    }
    let state = State::new(&mapped.model, start);
    outcome.shortfalls = shortfalls(&state, &mut Rules::new(&mapped.model));
    outcome.penalty = state.cost as u64;
    outcome.roster = state.roster;
}

/// With "keep existing", the schedule as it stands unless the Fill's
/// saves more than [`super::weights::MOVE_WEIGHT`] for each cell it
/// changes: a Fill run again on its own accepted result does not reshuffle
/// it for small savings (a search cut short by its time finds some), while
/// a gap below a minimum or a target, or a person's hours, still outweigh
/// the changes that close them.
fn keep_if_no_better(mapped: &Mapped, outcome: &mut Outcome) {
    let model = &mapped.model;
    let now = score(model, &mapped.current);
    if !now.is_feasible() {
        return;
    }
    let changed = mapped
        .period()
        .map(|day| {
            (0..model.staff.len())
                .filter(|&s| mapped.current.cells[s][day] != outcome.roster.cells[s][day])
                .count() as u64
        })
        .sum::<u64>();
    let saving = now
        .penalty()
        .saturating_sub(score(model, &outcome.roster).penalty());
    if saving > changed * u64::from(super::weights::MOVE_WEIGHT) {
        return;
    }
    let state = State::new(model, mapped.current.clone());
    outcome.penalty = now.penalty();
    outcome.shortfalls = shortfalls(&state, &mut Rules::new(model));
    outcome.roster = mapped.current.clone();
}
