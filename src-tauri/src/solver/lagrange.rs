//! A Lagrangian lower bound on the soft cost (issue #23, item 2): the rows
//! are tied together only by the cover lines, so pricing each line apart
//! leaves one problem per person, whose cheapest rows add up to a bound
//! ([`super::priced`] evaluates it at given prices).
//!
//! First the bound at prices 0: the requests no row keeping the minutes
//! and weekends can meet, never below 0, and on an instance too large for
//! the steps to get far, what is kept.
//! Then the prices start at half each line's under weight and are improved
//! by subgradient steps aimed at a roster's cost (Polyak's step), each
//! along the subgradient plus [`DEFLECTION`] of the step before (which
//! damps the zigzag between lines and people's totals), the step size
//! halved when the bound has not risen for a while. Two rounds: first with
//! each person's totals only priced, a table small enough for hundreds of
//! steps; then from the best prices of the first, with the minutes and
//! weekends kept exactly where the table fits, a stronger bound per step
//! at a far higher cost per step. Any prices give a valid bound, with
//! either table, so the time only makes it tighter; the best met is kept.

use super::cheapest::{Cheapest, Minutes};
use super::model::Model;
use super::priced::{Priced, Prices};
use super::row::Rules;
use std::time::{Duration, Instant};

/// Entries of one person's table (states × days) up to which their minutes
/// are tracked exactly rather than priced: about 16 MB of scratch space.
const TRACKED: usize = 4_000_000;
/// Steps without a better bound before the step size is halved.
const PATIENCE: u32 = 20;
/// Each line's first price, in parts of its under weight.
const START: f64 = 0.5;
/// The first step size of each round (of the distance to the aim).
const FIRST_STEP: f64 = 2.0;
const SECOND_STEP: f64 = 1.0;
/// The step size at which each round stops: the first only brings the
/// prices near, for the second's costlier steps.
const FIRST_SMALLEST: f64 = 0.1;
const SMALLEST: f64 = 1e-3;
/// The part of the step before added to each step.
const DEFLECTION: f64 = 0.9;

/// The best bound found in `budget` (or after `max_steps` steps a round),
/// stopping early once it reaches `upper` (a roster's cost: the bound can
/// go no higher, and the steps aim at it). 0 when some person has no row
/// at all.
pub fn lagrangian_bound(model: &Model, budget: Duration, max_steps: u32, upper: u64) -> u64 {
    let started = Instant::now();
    let mut priced = Priced::new(model);
    let people = model.staff.len();
    let tracked: Vec<Minutes> = (0..people)
        .map(|s| tracked_minutes(model, &priced.rules, s))
        .collect();
    // The first round's tables: totals priced, unless the table keeps
    // nothing more than that anyway.
    let priced_only: Vec<Minutes> = tracked
        .iter()
        .map(|m| {
            if m.levels == 1 && m.weekends.is_none() {
                m.clone()
            } else {
                Minutes::untracked(model.shifts.len())
            }
        })
        .collect();
    let second = priced_only
        .iter()
        .zip(&tracked)
        .any(|(a, b)| a.levels != b.levels || a.weekends != b.weekends);
    // With the full tables: a person without any row is found here.
    let Some(at_zero) = priced.value(&priced.zero(), &tracked) else {
        return 0;
    };
    let mut prices = priced.zero();
    for (p, c) in prices.line.iter_mut().zip(&model.cover) {
        *p = START * f64::from(c.under_weight);
    }
    let mut ascent = Ascent {
        best_prices: prices.clone(),
        prices,
        best: f64::NEG_INFINITY,
        upper,
        before: None,
    };
    let first = Round {
        deadline: started + if second { budget / 2 } else { budget },
        max_steps,
        step: FIRST_STEP,
        smallest: if second { FIRST_SMALLEST } else { SMALLEST },
    };
    let Some(exact) = ascent.climb(&mut priced, &priced_only, &first) else {
        return 0;
    };
    let best = |ascent: &Ascent| whole(ascent.best).max(whole(at_zero));
    if second && !exact && best(&ascent) < upper && started.elapsed() < budget {
        ascent.prices.clone_from(&ascent.best_prices);
        ascent.before = None;
        let round = Round {
            deadline: started + budget,
            max_steps,
            step: SECOND_STEP,
            smallest: SMALLEST,
        };
        if ascent.climb(&mut priced, &tracked, &round).is_none() {
            return 0;
        }
    }
    best(&ascent)
}

/// The prices of a subgradient ascent and the best bound met.
struct Ascent {
    prices: Prices,
    best_prices: Prices,
    best: f64,
    upper: u64,
    /// The last step's direction.
    before: Option<Prices>,
}

/// When a round of steps ends, and its first step size.
struct Round {
    deadline: Instant,
    max_steps: u32,
    step: f64,
    smallest: f64,
}

impl Ascent {
    /// Steps from `self.prices` with `tables` until the round ends or the
    /// bound reaches `upper`: Some(true) when the bound is exact at the
    /// prices reached (every line and limit met), None when some person has
    /// no row.
    fn climb(&mut self, priced: &mut Priced, tables: &[Minutes], round: &Round) -> Option<bool> {
        let mut step = round.step;
        let mut stale = 0;
        for _ in 0..round.max_steps {
            let value = priced.value(&self.prices, tables)?;
            if value > self.best + 1e-9 {
                self.best = value;
                self.best_prices.clone_from(&self.prices);
                stale = 0;
            } else {
                stale += 1;
                if stale >= PATIENCE {
                    step /= 2.0;
                    stale = 0;
                }
            }
            if whole(self.best) >= self.upper
                || step < round.smallest
                || Instant::now() >= round.deadline
            {
                break;
            }
            let gradient = |p: &Priced| -> f64 {
                p.line_grad.iter().map(|g| g * g).sum::<f64>()
                    + p.person_grad.iter().flatten().map(|g| g * g).sum::<f64>()
            };
            if gradient(priced) == 0.0 {
                // Every line and limit met at these prices: the bound is exact.
                return Some(true);
            }
            let mut direction = self.before.take().unwrap_or_else(|| priced.zero());
            for (d, g) in direction.line.iter_mut().zip(&priced.line_grad) {
                *d = g + DEFLECTION * *d;
            }
            let grads = priced.person_grad.iter().flatten();
            for (d, g) in direction.person.iter_mut().flatten().zip(grads) {
                *d = g + DEFLECTION * *d;
            }
            let norm: f64 = direction.line.iter().map(|d| d * d).sum::<f64>()
                + direction
                    .person
                    .iter()
                    .flatten()
                    .map(|d| d * d)
                    .sum::<f64>();
            // Without a roster's cost to aim at, aim a little above the bound.
            let aim = if self.upper == u64::MAX {
                value + 1.0 + value.abs() / 10.0
            } else {
                (self.upper as f64).max(value + 1.0)
            };
            if norm > 0.0 {
                priced.step(&mut self.prices, step * (aim - value) / norm, &direction);
            }
            self.before = Some(direction);
        }
        Some(false)
    }
}

/// The totals `staff`'s table tracks: every level of minutes from none to
/// the most allowed, in the largest unit dividing every type they may
/// work, and the weekends worked when their most is below the horizon's;
/// both if the table stays within [`TRACKED`], else minutes alone, else
/// weekends alone, else neither (then they are priced).
pub(super) fn tracked_minutes(model: &Model, rules: &Rules, staff: usize) -> Minutes {
    let c = &model.staff[staff].contract;
    let n = model.shifts.len();
    let workable = (0..n).filter(|&t| c.max_per_shift[t] > 0);
    let unit = workable
        .clone()
        .map(|t| model.shifts[t].minutes)
        .fold(0, gcd);
    let longest = workable.map(|t| model.shifts[t].minutes).max().unwrap_or(0);
    if unit == 0 {
        // Nothing to work: no row reaches a fewest minutes above 0.
        return Minutes {
            fewest: usize::from(c.min_minutes > 0),
            ..Minutes::untracked(n)
        };
    }
    let most = u64::from(c.max_minutes).min(model.days as u64 * u64::from(longest));
    let levels = (most / u64::from(unit)) as usize + 1;
    let saturdays = (5..model.days).step_by(7).count();
    let weekends = ((c.max_weekends as usize) < saturdays).then_some(c.max_weekends as usize);
    let weekend_levels = weekends.map_or(1, |most| most + 1);
    let size = Cheapest::states(rules, staff, 1).saturating_mul(model.days.max(1));
    let fits = |levels: usize| size.saturating_mul(levels) <= TRACKED;
    let minutes = Minutes {
        units: model
            .shifts
            .iter()
            .map(|s| (s.minutes / unit) as usize)
            .collect(),
        levels,
        fewest: c.min_minutes.div_ceil(unit) as usize,
        weekends,
    };
    if fits(levels * weekend_levels) {
        minutes
    } else if fits(levels) {
        Minutes {
            weekends: None,
            ..minutes
        }
    } else if fits(weekend_levels) {
        Minutes {
            weekends,
            ..Minutes::untracked(n)
        }
    } else {
        Minutes::untracked(n)
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The least whole cost at or above `value`, allowing for rounding in the
/// sums (a bound must never be rounded up past the truth).
fn whole(value: f64) -> u64 {
    if !value.is_finite() || value <= 0.0 {
        return 0;
    }
    (value - 1e-6 * (1.0 + value)).ceil().max(0.0) as u64
}
