//! Simulated annealing on one cost model over moves that keep every hard
//! rule: the small moves of [`super::moves`], and now and then a whole row
//! re-planned given everyone else ([`super::replan`]). A move that would
//! break a rule is undone, so every roster held is feasible.

use super::model::Roster;
use super::moves::{change_block, move_within_row, swap_block, swap_two_days, Undo};
use super::pair::PairPlanner;
use super::replan::Planner;
use super::rng::Rng;
use super::row::Rules;
use super::state::State;
use std::time::{Duration, Instant};

/// One move in this many re-plans a whole row: a re-plan (50–110 µs on the
/// benchmark) costs about as much as a few hundred small moves, and this
/// share did better on Instances 6, 9 and 12 than one in 30 or one in 2000.
const REPLAN_EVERY: usize = 200;
/// Labels kept per key in a re-plan: the breadth of its search, and its
/// cost (the brute-force tests check exactness with a far wider beam).
const LABELS_PER_KEY: usize = 16;
/// Labels kept per pair of keys in a trade between two people
/// ([`super::pair`]); how often it runs is the phase's.
const PAIR_LABELS_PER_KEY: usize = 4;
/// How often the watcher hears from the search.
pub(super) const WATCH_EVERY: Duration = Duration::from_millis(100);

/// A stretch of the search: until `until` after the start, the temperature
/// falling geometrically from `hot` to `cold`, `cycles` times over. Each
/// cycle reheats from where the last one froze: a frozen search stays in
/// its valley, and a reheat lets it climb out while the best is kept.
pub(crate) struct Phase {
    pub until: Duration,
    pub hot: f64,
    pub cold: f64,
    pub cycles: usize,
    /// One move in this many is a trade between two people (0: none).
    pub pair_every: usize,
}

impl Phase {
    /// The temperature `progress` (0 to 1) through the phase: geometric
    /// from hot to cold within each cycle, cold at the end.
    pub fn temperature(&self, progress: f64) -> f64 {
        let progress = progress.clamp(0.0, 1.0);
        let within = if progress < 1.0 {
            (progress * self.cycles.max(1) as f64).fract()
        } else {
            1.0
        };
        self.hot * (self.cold / self.hot).powf(within)
    }
}

/// What the phases share: the rules, the planner's scratch space, the random
/// stream, the clock and the watcher's schedule.
pub(crate) struct Annealer<'r, 'a> {
    pub rules: &'r mut Rules<'a>,
    pub rng: Rng,
    pub started: Instant,
    pub iterations: u64,
    planner: Planner,
    pairs: PairPlanner,
    watched: Option<Duration>,
}

/// The best roster of a phase and its cost in that phase's model; `stopped`
/// when the watcher asked to stop.
pub(crate) struct Best {
    pub roster: Roster,
    pub cost: i64,
    pub stopped: bool,
}

/// Told the best roster so far, its cost, the time and the iterations;
/// returns false to stop.
pub(crate) type Report<'w> = dyn FnMut(&Roster, i64, Duration, u64) -> bool + 'w;

impl<'r, 'a> Annealer<'r, 'a> {
    pub fn new(rules: &'r mut Rules<'a>, rng: Rng, started: Instant) -> Self {
        Annealer {
            rules,
            rng,
            started,
            iterations: 0,
            planner: Planner::new(LABELS_PER_KEY),
            pairs: PairPlanner::new(PAIR_LABELS_PER_KEY),
            watched: None,
        }
    }

    /// Anneals `state` until the phase ends; returns the best it held.
    pub fn run(&mut self, state: &mut State, phase: &Phase, report: &mut Report) -> Best {
        let model = state.model;
        let mut best = Best {
            roster: state.roster.clone(),
            cost: state.cost,
            stopped: false,
        };
        // Nobody to roster, or no days: the roster cannot change.
        let fixed = model.staff.is_empty() || model.days == 0;
        let begin = self.started.elapsed();
        let span = phase.until.saturating_sub(begin).as_secs_f64().max(1e-9);
        let mut temperature = phase.hot;
        let mut undo: Undo = Vec::new();
        let can_swap = model.staff.len() > 1;
        let mut local = 0u64;
        // A re-plan or trade still labelling when the phase ends stops.
        let deadline = Some(self.started + phase.until);
        self.planner.deadline = deadline;
        self.pairs.deadline = deadline;
        loop {
            if local.is_multiple_of(256) {
                let elapsed = self.started.elapsed();
                if self.watched.is_none_or(|w| elapsed >= w + WATCH_EVERY) {
                    self.watched = Some(elapsed);
                    if !report(&best.roster, best.cost, elapsed, self.iterations) {
                        best.stopped = true;
                        return best;
                    }
                }
                if elapsed >= phase.until || fixed {
                    return best;
                }
                temperature = phase.temperature((elapsed - begin).as_secs_f64() / span);
            }
            local += 1;
            self.iterations += 1;
            undo.clear();
            let rng = &mut self.rng;
            if rng.below(REPLAN_EVERY) == 0 {
                self.replan(state, &mut undo);
            } else if can_swap && phase.pair_every > 0 && rng.below(phase.pair_every) == 0 {
                self.trade(state, &mut undo);
            } else {
                let (delta, touched) = match rng.below(8) {
                    0..=2 if can_swap => swap_block(state, rng, &mut undo),
                    3 if can_swap => swap_two_days(state, rng, &mut undo),
                    4 | 5 => move_within_row(state, self.rules, rng, &mut undo),
                    _ => change_block(state, self.rules, rng, &mut undo),
                };
                if undo.is_empty() {
                    continue;
                }
                // The cost decides first: most moves are turned down
                // without the (longer) check of the rows.
                let accept = (delta <= 0 || rng.unit() < (-(delta as f64) / temperature).exp())
                    && touched
                        .into_iter()
                        .flatten()
                        .all(|s| self.rules.feasible(s, &state.roster.cells[s]));
                if !accept {
                    for &(staff, day, cell) in undo.iter().rev() {
                        state.set(staff, day, cell);
                    }
                }
            }
            if state.cost < best.cost {
                best.cost = state.cost;
                best.roster.clone_from(&state.roster);
            }
        }
    }

    /// Re-plans and trades the clock stopped so far.
    pub fn cut_short(&self) -> u64 {
        self.planner.cut_short + self.pairs.cut_short
    }

    /// Trades the best set of days between two random people, if it keeps
    /// every rule (see [`super::pair`]).
    fn trade(&mut self, state: &mut State, undo: &mut Undo) {
        let n = state.model.staff.len();
        let a = self.rng.below(n);
        let b = (a + 1 + self.rng.below(n - 1)) % n;
        let Some(days) = self.pairs.plan(state, self.rules, a, b, &mut self.rng) else {
            return;
        };
        for day in days {
            let (x, y) = (state.roster.cells[a][day], state.roster.cells[b][day]);
            undo.push((a, day, x));
            undo.push((b, day, y));
            state.set(a, day, y);
            state.set(b, day, x);
        }
        if !self.rules.feasible(a, &state.roster.cells[a])
            || !self.rules.feasible(b, &state.roster.cells[b])
        {
            for &(staff, day, cell) in undo.iter().rev() {
                state.set(staff, day, cell);
            }
        }
    }

    /// Replaces a random person's row by the best the planner finds given
    /// everyone else (no worse than theirs now; among equals at random, so
    /// the search also wanders across plateaus), if it keeps every rule.
    fn replan(&mut self, state: &mut State, undo: &mut Undo) {
        let staff = self.rng.below(state.model.staff.len());
        let Some(row) = self.planner.plan(state, self.rules, staff, &mut self.rng) else {
            return;
        };
        let mut delta = 0;
        for (day, cell) in row.into_iter().enumerate() {
            let old = state.roster.cells[staff][day];
            if old != cell {
                undo.push((staff, day, old));
                delta += state.set(staff, day, cell);
            }
        }
        if delta > 0 || !self.rules.feasible(staff, &state.roster.cells[staff]) {
            for &(staff, day, cell) in undo.iter().rev() {
                state.set(staff, day, cell);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Phase;
    use std::time::Duration;

    fn phase(cycles: usize) -> Phase {
        Phase {
            until: Duration::from_secs(1),
            hot: 100.0,
            cold: 1.0,
            cycles,
            pair_every: 0,
        }
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn one_cycle_cools_from_hot_to_cold() {
        let p = phase(1);
        assert!(near(p.temperature(0.0), 100.0));
        assert!(near(p.temperature(0.5), 10.0), "geometric: halfway is 10");
        assert!(near(p.temperature(1.0), 1.0));
        assert!(p.temperature(0.9) < p.temperature(0.8));
    }

    #[test]
    fn each_cycle_reheats_and_the_phase_ends_cold() {
        let p = phase(3);
        assert!(near(p.temperature(1.0 / 6.0), 10.0), "half the first cycle");
        assert!(
            p.temperature(0.333) < 1.1,
            "cold at the end of the first cycle"
        );
        assert!(near(p.temperature(1.0 / 3.0 + 1e-9), 100.0), "hot again");
        assert!(near(p.temperature(5.0 / 6.0), 10.0), "half the last cycle");
        assert!(near(p.temperature(1.0), 1.0), "cold at the end");
        assert!(near(p.temperature(1.5), 1.0), "and after it");
    }

    #[test]
    fn zero_cycles_count_as_one() {
        assert!(near(phase(0).temperature(0.5), 10.0));
    }
}
