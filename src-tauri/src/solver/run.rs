//! One fill of a department's period, as the app runs it: on the calling
//! thread (the app gives it its own), reporting progress as it goes and
//! stopping early, with the best roster so far, when asked.

use super::department::{gaps, FillOptions, Mapped};
use super::search::{solve_watched, Options, Outcome, SolveError};
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
    solve_watched(&mapped.model, &solve_options, &mut |p| {
        let (short_of_minimum, short_of_target) = gaps(mapped, p.best);
        report(FillProgress {
            penalty: p.penalty,
            short_of_minimum,
            short_of_target,
            elapsed_ms: p.elapsed.as_millis() as u64,
            limit_ms: limit.as_millis() as u64,
        });
        !stop.load(Ordering::Relaxed)
    })
}
