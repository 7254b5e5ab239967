//! The solver: build a feasible roster row by row, then improve it by
//! simulated annealing over moves that keep every hard rule — change a block
//! of one person's days, or swap a block of days between two people. A move
//! that would break a rule is never kept, so every roster the search holds,
//! and the one it returns, is feasible.

use super::explain::{shortfalls, Shortfall};
use super::model::{Model, Roster};
use super::rng::Rng;
use super::row::Rules;
use super::state::State;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Options {
    /// Wall-clock budget for the whole solve, on the calling thread.
    pub time_limit: Duration,
    pub seed: u64,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub roster: Roster,
    /// The soft cost, as the search counts it (the scorer must agree).
    pub penalty: u64,
    pub iterations: u64,
    /// Cover that could not be met, and why.
    pub shortfalls: Vec<Shortfall>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SolveError {
    /// No row satisfying this person's contract was found: the limits
    /// contradict each other or the fixed days off.
    #[error("no roster meets the contract of {staff}: check their limits against their days off")]
    Unfillable { staff: String },
}

/// What the search tells its watcher while it runs.
pub struct Progress<'a> {
    /// The best roster found so far (feasible, as every roster it holds).
    pub best: &'a Roster,
    pub penalty: u64,
    pub elapsed: Duration,
    pub iterations: u64,
}

/// How often the watcher hears from the search.
const WATCH_EVERY: Duration = Duration::from_millis(100);

const START_TEMPERATURE: f64 = 60.0;
const END_TEMPERATURE: f64 = 0.5;

pub fn solve(model: &Model, options: &Options) -> Result<Outcome, SolveError> {
    solve_watched(model, options, &mut |_| true)
}

/// As [`solve`], showing `watch` the best roster so far about every 100 ms
/// (and once the first roster is built). When `watch` returns false the
/// search stops at once and returns the best it has: the app's Stop button.
pub fn solve_watched(
    model: &Model,
    options: &Options,
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Outcome, SolveError> {
    let started = Instant::now();
    let mut rng = Rng::new(options.seed);
    let mut rules = Rules::new(model);
    let mut state = State::new(model, Roster::empty(model));
    let mut order: Vec<usize> = (0..model.staff.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    for staff in order {
        let appeal = |day, cell| -(state.delta(staff, day, cell) as f64) / 10.0;
        let row =
            rules
                .construct(staff, &mut rng, &appeal)
                .ok_or_else(|| SolveError::Unfillable {
                    staff: model.staff[staff].id.clone(),
                })?;
        for (day, cell) in row.into_iter().enumerate() {
            state.set(staff, day, cell);
        }
    }

    let mut best = state.roster.clone();
    let mut best_cost = state.cost;
    let mut undo: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let mut temperature = START_TEMPERATURE;
    let mut iterations = 0u64;
    let can_swap = model.staff.len() > 1;
    let mut watched = Duration::ZERO;
    // Nobody to roster, or no days: the empty roster is the only one.
    let movable = !model.staff.is_empty() && model.days > 0;
    loop {
        if iterations.is_multiple_of(256) {
            let elapsed = started.elapsed();
            if elapsed >= options.time_limit || !movable {
                break;
            }
            if iterations == 0 || elapsed >= watched + WATCH_EVERY {
                watched = elapsed;
                let progress = Progress {
                    best: &best,
                    penalty: best_cost as u64,
                    elapsed,
                    iterations,
                };
                if !watch(&progress) {
                    break;
                }
            }
            let progress = elapsed.as_secs_f64() / options.time_limit.as_secs_f64().max(1e-9);
            temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE).powf(progress);
        }
        iterations += 1;
        undo.clear();
        let (delta, touched) = match rng.below(8) {
            0..=2 if can_swap => swap_block(&mut state, &mut rng, &mut undo),
            3 if can_swap => swap_two_days(&mut state, &mut rng, &mut undo),
            4 | 5 => move_within_row(&mut state, &rules, &mut rng, &mut undo),
            _ => change_block(&mut state, &rules, &mut rng, &mut undo),
        };
        if undo.is_empty() {
            continue;
        }
        let accept = (delta <= 0 || rng.unit() < (-(delta as f64) / temperature).exp())
            && touched
                .into_iter()
                .flatten()
                .all(|s| rules.feasible(s, &state.roster.cells[s]));
        if !accept {
            for &(staff, day, cell) in undo.iter().rev() {
                state.set(staff, day, cell);
            }
        } else if state.cost < best_cost {
            best_cost = state.cost;
            best.clone_from(&state.roster);
        }
    }
    state.load(&best);
    Ok(Outcome {
        shortfalls: shortfalls(&state, &mut rules),
        roster: best,
        penalty: best_cost as u64,
        iterations,
    })
}

type Touched = [Option<usize>; 2];

/// Gives one person new values on 1–3 consecutive days: all one value, or
/// each its own. Fixed days off stay off.
fn change_block(
    state: &mut State,
    rules: &Rules,
    rng: &mut Rng,
    undo: &mut Vec<(usize, usize, Option<usize>)>,
) -> (i64, Touched) {
    let model = state.model;
    let staff = rng.below(model.staff.len());
    let length = (1 + rng.below(3)).min(model.days);
    let first = rng.below(model.days - length + 1);
    let values = model.shifts.len() + 1;
    let same = rng.below(2) == 0;
    let mut value = rng.below(values);
    let mut delta = 0;
    for day in first..first + length {
        if !same {
            value = rng.below(values);
        }
        let cell = value.checked_sub(1);
        if cell.is_some_and(|s| !rules.allowed(staff, day, s)) {
            continue;
        }
        let old = state.roster.cells[staff][day];
        if old != cell {
            undo.push((staff, day, old));
            delta += state.set(staff, day, cell);
        }
    }
    (delta, [Some(staff), None])
}

/// Swaps two of one person's days up to a week apart: a shift moves to a day
/// off (keeping their totals), or two shift types trade places.
fn move_within_row(
    state: &mut State,
    rules: &Rules,
    rng: &mut Rng,
    undo: &mut Vec<(usize, usize, Option<usize>)>,
) -> (i64, Touched) {
    let model = state.model;
    let staff = rng.below(model.staff.len());
    let d = rng.below(model.days);
    let e = (d + 1 + rng.below(7)).min(model.days - 1);
    let (x, y) = (state.roster.cells[staff][d], state.roster.cells[staff][e]);
    let fits = |day, cell: Option<usize>| cell.is_none_or(|s| rules.allowed(staff, day, s));
    if x == y || !fits(d, y) || !fits(e, x) {
        return (0, [None, None]);
    }
    undo.push((staff, d, x));
    undo.push((staff, e, y));
    let delta = state.set(staff, d, y) + state.set(staff, e, x);
    (delta, [Some(staff), None])
}

/// Swaps two separate days between two people, so that each keeps as many
/// shifts as before.
fn swap_two_days(
    state: &mut State,
    rng: &mut Rng,
    undo: &mut Vec<(usize, usize, Option<usize>)>,
) -> (i64, Touched) {
    let model = state.model;
    let a = rng.below(model.staff.len());
    let b = (a + 1 + rng.below(model.staff.len() - 1)) % model.staff.len();
    let d = rng.below(model.days);
    let e = rng.below(model.days);
    let mut delta = 0;
    for day in [d, e].into_iter().take(if d == e { 1 } else { 2 }) {
        let (x, y) = (state.roster.cells[a][day], state.roster.cells[b][day]);
        if x != y {
            undo.push((a, day, x));
            undo.push((b, day, y));
            delta += state.set(a, day, y);
            delta += state.set(b, day, x);
        }
    }
    (delta, [Some(a), Some(b)])
}

/// Swaps 1–7 consecutive days between two people.
fn swap_block(
    state: &mut State,
    rng: &mut Rng,
    undo: &mut Vec<(usize, usize, Option<usize>)>,
) -> (i64, Touched) {
    let model = state.model;
    let a = rng.below(model.staff.len());
    let b = (a + 1 + rng.below(model.staff.len() - 1)) % model.staff.len();
    let length = (1 + rng.below(7)).min(model.days);
    let first = rng.below(model.days - length + 1);
    let mut delta = 0;
    for day in first..first + length {
        let (x, y) = (state.roster.cells[a][day], state.roster.cells[b][day]);
        if x != y {
            undo.push((a, day, x));
            undo.push((b, day, y));
            delta += state.set(a, day, y);
            delta += state.set(b, day, x);
        }
    }
    (delta, [Some(a), Some(b)])
}
