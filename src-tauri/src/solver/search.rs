//! The solver: build a feasible roster row by row, then improve it by
//! simulated annealing ([`super::anneal`]) over moves that keep every hard
//! rule, so every roster the search holds, and the one it returns, is
//! feasible.
//!
//! The search runs in two phases. Cover weights are usually far above
//! request weights (100 against 1–3 in the benchmark), and annealing on the
//! true cost gets caught between the two: a roster one person short on a
//! day cannot be repaired without breaking requests on the way. So the
//! first phase (10% of the time) anneals with cover weighing a thousand
//! times more — in effect on cover alone, where the plateaus are wide and
//! easy to cross, cooling and reheating every few seconds so that a valley
//! it froze in is not the last one it sees — and the second anneals on the
//! true cost, starting cool enough to keep most of the cover found and
//! tune the requests around it.
//! (Measured on the benchmark: cover-only annealing finds Instance 6's
//! least shortfall within 15 s on every seed, annealing on the true cost
//! rarely does in 60 s.) Once cover is settled, what is left is mostly
//! requests, and the second phase often trades days between two people
//! ([`super::pair`]), which regrants requests without touching cover.
//!
//! Between the two phases dives on the relaxation over whole rows
//! ([`super::columns`]) look for a roster far from the first phase's: on
//! the small benchmark instances the best rosters differ from the
//! annealing's in most rows at once, which no move of a row or two reaches.
//! The first dive is greedy; the rest choose at random near the greedy
//! choice, each abandoned as soon as its relaxation says it cannot beat
//! the best so far, until 80% of the time. A dive's roster, when it is the
//! cheapest, first gets 5% of the time on cover again (a dive can end a
//! person short); the second phase starts from the cheapest roster. The first dive gives up early if its pace says it
//! cannot finish; models of more than 100,000 cells skip the dives.

use super::anneal::{Annealer, Best, Phase, WATCH_EVERY};
use super::columns::Diver;
use super::exact::Unbuilt;
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
    /// Where the time went.
    pub timing: Timing,
}

/// The search's own account of its time, for the bench and the tests
/// (which cannot rely on the wall clock of a shared machine).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timing {
    /// Each phase that ran, by name, and when it ended (since the start):
    /// "build", "cover", "dives", "repair", "requests", "explain".
    pub phases: Vec<(&'static str, Duration)>,
    /// Re-plans, trades and pricings the deadline stopped part way.
    pub cut_short: u64,
}

impl Timing {
    fn end(&mut self, phase: &'static str, started: Instant) {
        self.phases.push((phase, started.elapsed()));
    }

    /// Whether `phase` ran.
    pub fn ran(&self, phase: &str) -> bool {
        self.phases.iter().any(|(p, _)| *p == phase)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SolveError {
    /// No row satisfying this person's contract was found: the limits
    /// contradict each other or the fixed days off.
    #[error("no roster meets the contract of {staff}: check their limits against their days off")]
    Unfillable { staff: String },
    /// The time ran out before a row keeping this person's contract was
    /// found or shown not to exist.
    #[error("no roster for {staff} was found in the time given: allow more time")]
    OutOfTime { staff: String },
}

/// What the search tells its watcher while it runs.
pub struct Progress<'a> {
    /// The best roster found so far (feasible, as every roster it holds).
    pub best: &'a Roster,
    pub penalty: u64,
    pub elapsed: Duration,
    pub iterations: u64,
}

/// How much more cover weighs in the first phase, and that phase's share of
/// the time: short, since the dives do better with the time (Instance 8 at
/// 60 s, 3 seeds: a median of 1307 with 10% against 1312 with 15% and 1330
/// with 30%; the greedy dive needs about 20 s there).
const COVER_EMPHASIS: u32 = 1000;
const FIRST_PHASE_SHARE: f64 = 0.1;
/// Temperatures in units of the true cost. The first phase's are scaled by
/// the emphasis, so that cover sees the same landscape in both.
const HOT: f64 = 60.0;
const COLD: f64 = 0.5;
/// The second phase starts well below a cover weight (100 in the
/// benchmark), so that it mostly keeps the cover the first phase found.
const SECOND_HOT: f64 = 5.0;
/// One move in this many in the second phase trades days between two
/// people ([`super::pair`]). The first phase has none: a trade leaves cover
/// as it was, and cover is all that phase looks at. Measured on Instances 7,
/// 9 and 12 (20 s, 3 seeds): one in 5 did better than one in 20, 50 or 200.
const PAIR_EVERY: usize = 5;
/// The first phase cools once per this long (at least once), reheating
/// each time from where it froze. Measured at 60 s, 3 seeds: Instances 5
/// and 6 reached their least shortfall on every seed (one seed in three
/// fell one person short before). Cycles of about a second were too short
/// for Instance 6 (at 60 s) and Instance 8 (at 20 s). The second phase,
/// tuning requests around the cover found, did worse with reheats
/// (Instance 5: 1161 against 1147 median) and cools once.
const FIRST_CYCLE: Duration = Duration::from_secs(3);
/// The dives end by this share of the time, leaving the rest to the
/// second phase; the first gives up early when its pace says it cannot.
const DIVE_UNTIL: f64 = 0.8;
/// The share of the time the cover repair after a dive takes.
const REPAIR_SHARE: f64 = 0.05;
/// Models with more cells than this (people × days × values) skip the dive:
/// a year of 150 people and 32 shift types (1.8 million) spent its time on a
/// relaxation it could not finish. Instance 12, the largest benchmark
/// instance, has 18,480.
const DIVE_CELLS: usize = 100_000;
/// The least time the first roster may take, whatever the limit: building
/// one row is proven possible or not by an exact search, which on a year of
/// many shift types can take longer than a limit meant for the search.
const BUILD_FLOOR: Duration = Duration::from_secs(30);

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
    solve_watched_from(model, options, None, watch)
}

/// As [`solve_watched`], with `start` (the schedule as it stands) as the
/// first incumbent once repaired for the hard rules ([`super::start`]):
/// the best roster reported, and the one returned, never cost more than
/// it. The search goes on from it when it costs less than the roster built.
pub fn solve_watched_from(
    model: &Model,
    options: &Options,
    start: Option<&Roster>,
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Outcome, SolveError> {
    let started = Instant::now();
    let mut timing = Timing::default();
    let mut rng = Rng::new(options.seed);
    let mut rules = Rules::new(model);
    // The first rows are built without the people's targets: a target
    // makes every shift look worth taking, and the construction, which
    // prices each cell alone, then runs into the hours limits late and
    // backtracks for long (the search takes the targets up at once).
    let plain = without_targets(model);
    let mut state = State::new(&plain, Roster::empty(&plain));
    let mut order: Vec<usize> = (0..model.staff.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    // People held to a target first, so that the cover left to the rest
    // (per diem staff, who have none) is what they could not take. A
    // stable sort: with no targets (the benchmark) the order is as drawn.
    order.sort_by_key(|&s| model.staff[s].target.is_none());
    // The build has a deadline of its own: a roster must exist before any
    // search, so it may take longer than a very short limit, but not for
    // ever (see [`BUILD_FLOOR`]).
    let deadline = started + options.time_limit.max(BUILD_FLOOR);
    for staff in order {
        let appeal = |day, cell| -(state.delta(staff, day, cell) as f64) / 10.0;
        let id = || model.staff[staff].id.clone();
        let row = rules
            .construct_by(staff, &mut rng, &appeal, Some(deadline))
            .map_err(|why| match why {
                Unbuilt::Impossible => SolveError::Unfillable { staff: id() },
                Unbuilt::OutOfTime => SolveError::OutOfTime { staff: id() },
            })?;
        for (day, cell) in row.into_iter().enumerate() {
            state.set(staff, day, cell);
        }
    }

    timing.end("build", started);
    let mut state = State::new(model, state.roster);
    let limit = options.time_limit;
    let mut annealer = Annealer::new(&mut rules, rng, started);
    let emphasised = emphasise_cover(model, COVER_EMPHASIS);
    let emphasis = f64::from(COVER_EMPHASIS);
    // The best roster in true cost so far, and the state that prices the
    // stretches on cover in true cost (see `on_cover`).
    let mut overall = (state.roster.clone(), state.cost);
    if let Some(start) = start.and_then(|r| super::start::repaired(model, r)) {
        let incumbent = State::new(model, start);
        offer(&incumbent.roster, incumbent.cost, &mut overall);
    }
    let mut truth = State::new(model, state.roster.clone());
    let mut first = State::new(&emphasised, state.roster.clone());
    let first_until = limit.mul_f64(FIRST_PHASE_SHARE);
    let phase = Phase {
        until: first_until,
        hot: HOT * emphasis,
        cold: COLD * emphasis,
        cycles: first_until.div_duration_f64(FIRST_CYCLE).round() as usize,
        pair_every: 0,
    };
    let best = on_cover(
        &mut annealer,
        &mut first,
        &phase,
        &mut truth,
        &mut overall,
        watch,
    );
    timing.end("cover", started);
    let mut stopped = best.stopped;
    // The second phase goes on from the first's best by its own cost (the
    // one with the most cover), or from the dive's roster, repaired on
    // cover, if that is cheaper.
    state.load(&best.roster);
    let cells = model.staff.len() * model.days * (model.shifts.len() + 1);
    if !stopped && cells <= DIVE_CELLS {
        // Dives on the row relaxation ([`super::columns`]), seeded with
        // the rows found so far, each one after the first abandoned once
        // it cannot beat the best roster so far.
        let iterations = annealer.iterations;
        let mut last = Instant::now();
        let mut keep_going = || {
            // Once told to stop, stay stopped: the watcher is not asked
            // again (it was, within the 100 ms after a Stop).
            if stopped {
                return false;
            }
            if last.elapsed() < WATCH_EVERY {
                return true;
            }
            last = Instant::now();
            stopped = !watch(&Progress {
                best: &overall.0,
                penalty: overall.1 as u64,
                elapsed: started.elapsed(),
                iterations,
            });
            !stopped
        };
        let mut diver = Diver::new(model, &[&best.roster, &overall.0]);
        let dived = diver.dives(
            annealer.rules,
            started + limit.mul_f64(DIVE_UNTIL),
            &mut keep_going,
            &mut annealer.rng,
            overall.1,
        );
        timing.cut_short += diver.cut_short();
        timing.end("dives", started);
        // After a Stop the search returns the best it last reported, so a
        // dive cut short by the Stop is dropped.
        if let Some((dived, cost)) = dived.filter(|_| !stopped) {
            offer(&dived, cost, &mut overall);
            if cost < state.cost {
                // A dive can end a person short of cover where the first
                // phase, being short, found nothing better: a short stretch
                // on cover again repairs that before the requests are tuned
                // (and keeps the dive's roster when it is short of nothing).
                first.load(&dived);
                let repair = Phase {
                    until: started.elapsed() + limit.mul_f64(REPAIR_SHARE),
                    hot: HOT * emphasis,
                    cold: COLD * emphasis,
                    cycles: 1,
                    pair_every: 0,
                };
                let repaired = on_cover(
                    &mut annealer,
                    &mut first,
                    &repair,
                    &mut truth,
                    &mut overall,
                    watch,
                );
                stopped |= repaired.stopped;
                state.load(&repaired.roster);
                timing.end("repair", started);
            }
        }
    }
    if !stopped {
        let phase = Phase {
            until: limit,
            hot: SECOND_HOT,
            cold: COLD,
            cycles: 1,
            pair_every: PAIR_EVERY,
        };
        let best = annealer.run(
            &mut state,
            &phase,
            &mut |best, cost, elapsed, iterations| {
                offer(best, cost, &mut overall);
                watch(&Progress {
                    best: &overall.0,
                    penalty: overall.1 as u64,
                    elapsed,
                    iterations,
                })
            },
        );
        offer(&best.roster, best.cost, &mut overall);
        timing.end("requests", started);
    }
    let best = overall.0;
    let iterations = annealer.iterations;
    timing.cut_short += annealer.cut_short();
    state.load(&best);
    let shortfalls = shortfalls(&state, &mut rules);
    timing.end("explain", started);
    Ok(Outcome {
        shortfalls,
        penalty: state.cost as u64,
        roster: best,
        iterations,
        timing,
    })
}

/// The cheaper of `roster` at `cost` and `overall`, kept in `overall`.
fn offer(roster: &Roster, cost: i64, overall: &mut (Roster, i64)) {
    if cost < overall.1 {
        overall.0.clone_from(roster);
        overall.1 = cost;
    }
}

/// Anneals `first` (on the model with cover emphasised) through `phase`.
/// The watcher sees the best roster in true cost over the whole search, so
/// the figure it shows only falls: each best `first` reports is priced in
/// true cost by `truth` and offered to `overall`, and so is the one it ends
/// with.
fn on_cover(
    annealer: &mut Annealer,
    first: &mut State,
    phase: &Phase,
    truth: &mut State,
    overall: &mut (Roster, i64),
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Best {
    let best = annealer.run(first, phase, &mut |best, _, elapsed, iterations| {
        truth.load(best);
        offer(best, truth.cost, overall);
        watch(&Progress {
            best: &overall.0,
            penalty: overall.1 as u64,
            elapsed,
            iterations,
        })
    });
    truth.load(&best.roster);
    offer(&best.roster, truth.cost, overall);
    best
}

/// The model with every cover weight multiplied by `factor`.
fn emphasise_cover(model: &Model, factor: u32) -> Model {
    let mut emphasised = model.clone();
    for cover in &mut emphasised.cover {
        cover.under_weight = cover.under_weight.saturating_mul(factor);
        cover.over_weight = cover.over_weight.saturating_mul(factor);
    }
    emphasised
}

/// The model with nobody held to a target.
fn without_targets(model: &Model) -> Model {
    let mut plain = model.clone();
    for person in &mut plain.staff {
        person.target = None;
    }
    plain
}
