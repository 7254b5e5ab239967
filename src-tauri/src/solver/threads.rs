//! The search on several cores (issue #23): N independent searches, each
//! with its own seed derived from the caller's, sharing nothing but the
//! best roster found so far (for the watcher to show, never to steer a
//! search). The winner is the cheapest, ties going to the lowest thread
//! index, so a run is as repeatable for a given seed and N as one search is
//! for its seed; thread 0 runs with the caller's seed itself, so one
//! thread is exactly [`solve_watched`].

use super::anneal::WATCH_EVERY;
use super::explain::shortfalls;
use super::model::{Model, Roster};
use super::rng::Rng;
use super::row::Rules;
use super::search::{solve_watched_from, Options, Outcome, Progress, SolveError};
use super::state::State;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The most threads the Fill uses by default: past it, a laptop's other
/// work suffers more than the roster gains.
pub const MAX_DEFAULT_THREADS: usize = 8;

/// The cores the machine offers, at most [`MAX_DEFAULT_THREADS`].
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_DEFAULT_THREADS)
}

/// The seed of search `index` of a run seeded `seed`.
pub fn thread_seed(seed: u64, index: usize) -> u64 {
    if index == 0 {
        return seed;
    }
    Rng::new(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
}

/// As [`solve_watched`], on `threads` searches at once (at least one).
/// `watch` is called on the calling thread about every 100 ms with the
/// best roster any search has found; when it returns false every search
/// stops and the best so far is returned.
pub fn solve_threads(
    model: &Model,
    options: &Options,
    threads: usize,
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Outcome, SolveError> {
    solve_threads_from(model, options, threads, None, watch)
}

/// As [`solve_threads`], each search starting from `start` as its first
/// incumbent (see [`solve_watched_from`]).
pub fn solve_threads_from(
    model: &Model,
    options: &Options,
    threads: usize,
    start: Option<&Roster>,
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Outcome, SolveError> {
    let threads = threads.max(1);
    if threads == 1 {
        return solve_watched_from(model, options, start, watch);
    }
    let started = Instant::now();
    let shared: Mutex<Option<(u64, Roster)>> = Mutex::new(None);
    let iterations: Vec<AtomicU64> = (0..threads).map(|_| AtomicU64::new(0)).collect();
    let stop = AtomicBool::new(false);
    // The roster shown when the watcher said stop: what a Stop returns,
    // as one search returns the best it last reported.
    let mut reported: Option<(u64, Roster)> = None;
    let results: Vec<Result<Outcome, SolveError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|index| {
                let (shared, iterations, stop) = (&shared, &iterations, &stop);
                let options = Options {
                    time_limit: options.time_limit,
                    seed: thread_seed(options.seed, index),
                };
                scope.spawn(move || {
                    solve_watched_from(model, &options, start, &mut |p| {
                        iterations[index].store(p.iterations, Ordering::Relaxed);
                        let mut best = shared.lock().unwrap_or_else(|e| e.into_inner());
                        if best.as_ref().is_none_or(|b| p.penalty < b.0) {
                            *best = Some((p.penalty, p.best.clone()));
                        }
                        !stop.load(Ordering::Relaxed)
                    })
                })
            })
            .collect();
        let mut watched = Instant::now();
        while !handles.iter().all(|h| h.is_finished()) {
            std::thread::sleep(Duration::from_millis(10));
            if stop.load(Ordering::Relaxed) || watched.elapsed() < WATCH_EVERY {
                continue;
            }
            watched = Instant::now();
            let best = shared.lock().unwrap_or_else(|e| e.into_inner()).clone();
            if let Some((penalty, roster)) = best {
                let progress = Progress {
                    best: &roster,
                    penalty,
                    elapsed: started.elapsed(),
                    iterations: iterations.iter().map(|i| i.load(Ordering::Relaxed)).sum(),
                };
                if !watch(&progress) {
                    stop.store(true, Ordering::Relaxed);
                    reported = Some((penalty, roster));
                }
            }
        }
        handles
            .into_iter()
            .map(|h| h.join().expect("a search thread panicked"))
            .collect()
    });
    let mut outcome = pick(results)?;
    if let Some((_, roster)) = reported {
        let state = State::new(model, roster);
        outcome.shortfalls = shortfalls(&state, &mut Rules::new(model));
        outcome.penalty = state.cost as u64;
        outcome.roster = state.roster;
    }
    Ok(outcome)
}

/// The cheapest outcome, the lowest index among equals; the first error if
/// every search failed.
pub(super) fn pick(results: Vec<Result<Outcome, SolveError>>) -> Result<Outcome, SolveError> {
    let mut best: Option<Outcome> = None;
    let mut first_error = None;
    let mut iterations = 0;
    for result in results {
        match result {
            Ok(outcome) => {
                iterations += outcome.iterations;
                if best.as_ref().is_none_or(|b| outcome.penalty < b.penalty) {
                    best = Some(outcome);
                }
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match best {
        Some(mut best) => {
            // The work of every search, as one search reports its own.
            best.iterations = iterations;
            Ok(best)
        }
        None => Err(first_error.expect("at least one search ran")),
    }
}
