//! One fill of a department's period, as the app runs it: from the calling
//! thread (the app gives it its own), on the machine's cores (at most
//! eight, [`crate::solver::threads`]), reporting progress as it goes and stopping
//! early, with the best roster so far, when asked.

use super::department::{gaps, FillOptions, Mapped};
use super::weekend_share::share_out;
use crate::solver::model::Roster;
use crate::solver::score::score;
use crate::solver::search::{Options, Outcome, SolveError};
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
    let start = crate::solver::repaired(&mapped.model, &mapped.current);
    let bar = Bar::new(mapped, options, start);
    // The best roster the Fill may return (see [`Bar::accepts`]): what is
    // reported as the best so far, so that what a Stop or the end returns
    // is never worse than what the progress showed.
    let mut shown: Option<(u64, Roster)> = bar.fallback().map(|r| (cost(mapped, &r), r));
    let mut last_raw: Option<u64> = None;
    let outcome = solve_threads_from(
        &mapped.model,
        &solve_options,
        threads,
        bar.start.as_ref(),
        &mut |p| {
            // Each new best of the search, its weekend shifts shared out
            // (see `weekend_share`) as the end will return it.
            if last_raw.is_none_or(|raw| p.penalty < raw) {
                last_raw = Some(p.penalty);
                let candidate = share_out(mapped, p.best);
                let c = cost(mapped, &candidate);
                if shown.as_ref().is_none_or(|(best, _)| c < *best) && bar.accepts(&candidate) {
                    shown = Some((c, candidate));
                }
            }
            let (penalty, best) = shown.as_ref().map_or((p.penalty, p.best), |(c, r)| (*c, r));
            let (short_of_minimum, short_of_target) = gaps(mapped, best);
            report(FillProgress {
                penalty,
                short_of_minimum,
                short_of_target,
                elapsed_ms: p.elapsed.as_millis() as u64,
                limit_ms: limit.as_millis() as u64,
            });
            !stop.load(Ordering::Relaxed)
        },
    )?;
    let stopped = stop.load(Ordering::Relaxed);
    let raw = outcome.roster.clone();
    let mut outcome = match &shown {
        Some((_, roster)) => with_roster(mapped, outcome, roster.clone()),
        None => outcome,
    };
    if stopped {
        // What the progress showed last.
        return Ok(outcome);
    }
    // Per diem and agency last: what the search left to them that someone
    // short of their hours can take goes to that person; then weekend
    // shifts to those under their share. Tried on the search's own best and
    // on the best shown (they differ when the search's best broke the end's
    // rules), the cheapest that keeps the rules and costs no more than the
    // best shown is returned: so a Fill run again on what it returned finds
    // nothing left for these steps to do.
    let template = outcome.clone();
    let finish = |roster: Roster| {
        let mut polished = with_roster(mapped, template.clone(), roster);
        crate::solver::polish(&mapped.model, &mut polished, &mapped.agency);
        crate::solver::hand_over(&mapped.model, &mut polished, &mapped.agency);
        let shared = share_out(mapped, &polished.roster);
        with_roster(mapped, polished, shared)
    };
    let best = shown.as_ref().map(|(c, _)| *c);
    let mut candidates = vec![finish(raw)];
    if shown.is_some() {
        candidates.push(finish(outcome.roster.clone()));
    }
    for polished in candidates {
        if bar.accepts(&polished.roster)
            && best.is_none_or(|b| polished.penalty <= b)
            && polished.penalty <= outcome.penalty
        {
            outcome = polished;
        }
    }
    // The steps are greedy: run again on their own result they may find a
    // little more. Repeat to where they change nothing, so a Fill run again
    // on what it returned has nothing left to do.
    for _ in 0..8 {
        let next = finish(outcome.roster.clone());
        if next.roster == outcome.roster
            || !bar.accepts(&next.roster)
            || next.penalty > outcome.penalty
        {
            break;
        }
        outcome = next;
    }
    Ok(outcome)
}

/// The model's cost of `roster`, as the search counts it.
fn cost(mapped: &Mapped, roster: &Roster) -> u64 {
    crate::solver::cost(&mapped.model, roster)
}

/// `outcome` with `roster` in place of its own, its cost and shortfalls
/// counted again.
fn with_roster(mapped: &Mapped, outcome: Outcome, roster: Roster) -> Outcome {
    crate::solver::rescored(&mapped.model, outcome, roster)
}

/// What a roster must do for the Fill to return it (and so to show it as
/// the best so far), against the schedule as it stands.
struct Bar<'a> {
    mapped: &'a Mapped,
    /// The schedule as it stands, repaired for the hard rules.
    start: Option<Roster>,
    /// Cells below a minimum in `start`.
    start_gaps: u32,
    /// With "keep existing", the schedule as it stands and its cost, when
    /// it keeps every hard rule.
    kept: Option<u64>,
}

impl<'a> Bar<'a> {
    fn new(mapped: &'a Mapped, options: &FillOptions, start: Option<Roster>) -> Self {
        let start_gaps = start.as_ref().map_or(u32::MAX, |s| gaps(mapped, s).0);
        let now = score(&mapped.model, &mapped.current);
        let kept = (options.keep_existing && now.is_feasible()).then(|| now.penalty());
        Bar {
            mapped,
            start,
            start_gaps,
            kept,
        }
    }

    /// What the Fill returns when the search finds nothing it accepts:
    /// with "keep existing", the schedule as it stands; else the start.
    fn fallback(&self) -> Option<Roster> {
        match self.kept {
            Some(_) => Some(self.mapped.current.clone()),
            None => self.start.clone(),
        }
    }

    /// Whether `roster` may be returned: it opens no more cells below a
    /// minimum than the start has (the cost weighs a gap heavily but not
    /// without limit, and a manager never wants a Fill to open a gap the
    /// schedule did not have), and with "keep existing" it saves more than
    /// [`super::weights::MOVE_WEIGHT`] for each cell it changes: a Fill run
    /// again on its own accepted result does not reshuffle it for small
    /// savings (a search cut short by its time finds some), while a gap
    /// below a minimum or a target, or a person's hours, still outweigh the
    /// changes that close them.
    fn accepts(&self, roster: &Roster) -> bool {
        if gaps(self.mapped, roster).0 > self.start_gaps {
            return false;
        }
        let Some(now) = self.kept else {
            return true;
        };
        let current = &self.mapped.current;
        if roster == current {
            return true;
        }
        let changed = self
            .mapped
            .period()
            .map(|day| {
                (0..current.cells.len())
                    .filter(|&s| current.cells[s][day] != roster.cells[s][day])
                    .count() as u64
            })
            .sum::<u64>();
        let saving = now.saturating_sub(score(&self.mapped.model, roster).penalty());
        saving > changed * u64::from(super::weights::MOVE_WEIGHT)
    }
}
