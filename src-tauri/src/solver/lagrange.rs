//! A Lagrangian lower bound on the soft cost (issue #23, item 2): the rows
//! are tied together only by the cover lines, so pricing each line apart
//! leaves one problem per person, whose cheapest rows add up to a bound.
//!
//! A line asking for `R` people, short at `u` a person and over at `o`,
//! costs `max(u (R − x), o (x − R))` for `x` people on it, which is at
//! least `λ (R − x)` for any price `λ` between `−o` and `u`. So for prices
//! `λ` in those ranges every roster costs at least `Σ λ R` plus, for each
//! person, their requests unmet less `λ` for each line they stand on: and
//! each person's part is at least the cheapest row of theirs at those
//! prices. The person's totals (fewest and most minutes and shifts, most
//! weekends, most of each type) are priced the same way, by a price of at
//! least 0 times how far a row is inside its limit, which no row keeping
//! the contract makes positive; the rest of the contract the table of
//! [`Cheapest`] keeps exactly. Targets (the app's model only) are never
//! negative and are left out.
//!
//! The prices are improved by subgradient steps towards a roster's cost
//! until the time given runs out; the best bound met on the way is kept.
//! Any prices give a valid bound, so the time only makes it tighter.

use super::cheapest::{Cheapest, Minutes};
use super::model::{Model, RequestKind};
use super::row::Rules;
use std::time::{Duration, Instant};

/// Entries of one person's table (states × days) up to which their minutes
/// are tracked exactly rather than priced: about 16 MB of scratch space.
const TRACKED: usize = 4_000_000;
/// Steps without a better bound before the step size is halved.
const PATIENCE: u32 = 20;
/// The first step size (of the distance to the aim).
const FIRST_STEP: f64 = 2.0;
/// The step size at which it stops.
const SMALLEST: f64 = 1e-3;

/// Prices on one person's totals, each at least 0: fewest minutes, most
/// minutes, fewest shifts, most shifts, most weekends, then each type's most.
const MIN_MINUTES: usize = 0;
const MAX_MINUTES: usize = 1;
const MIN_SHIFTS: usize = 2;
const MAX_SHIFTS: usize = 3;
const WEEKENDS: usize = 4;
const TYPES: usize = 5;

/// The best bound found in `budget` (or after `max_steps` steps), stopping
/// early once it reaches `upper` (a roster's cost: the bound can go no
/// higher, and the steps aim at it). 0 when some person has no row at all.
pub fn lagrangian_bound(model: &Model, budget: Duration, max_steps: u32, upper: u64) -> u64 {
    let started = Instant::now();
    let rules = Rules::new(model);
    let people = model.staff.len();
    let n = model.shifts.len();
    let values = n + 1;
    let days = model.days;
    let lines = model.cover.len();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); days * n];
    for (l, c) in model.cover.iter().enumerate() {
        at[c.day * n + c.shift].push(l);
    }
    let qualified: Vec<Vec<bool>> = (0..people)
        .map(|s| model.cover.iter().map(|c| model.qualifies(s, c)).collect())
        .collect();
    let base: Vec<Vec<f64>> = (0..people)
        .map(|s| request_costs(model, &rules, s))
        .collect();
    // Minutes are priced per shortest shift, so that their steps are of
    // the size of a line's.
    let unit = f64::from(
        model
            .shifts
            .iter()
            .map(|s| s.minutes)
            .filter(|&m| m > 0)
            .min()
            .unwrap_or(60),
    );
    let tracked: Vec<Minutes> = (0..people)
        .map(|s| tracked_minutes(model, &rules, s))
        .collect();
    let mut line_price: Vec<f64> = model
        .cover
        .iter()
        .map(|c| f64::from(c.under_weight) / 2.0)
        .collect();
    let mut person_price = vec![vec![0.0; TYPES + n]; people];
    let mut cheapest = Cheapest::default();
    let mut cost = vec![0.0; days * values];
    let mut row = Vec::with_capacity(days);
    let mut on_line = vec![0u32; lines];
    let mut person_grad = vec![vec![0.0; TYPES + n]; people];
    let mut best = f64::NEG_INFINITY;
    let mut step = FIRST_STEP;
    let mut stale = 0;
    let target = upper as f64;
    for _ in 0..max_steps {
        let mut value: f64 = model
            .cover
            .iter()
            .zip(&line_price)
            .map(|(c, &p)| p * f64::from(c.requirement))
            .sum();
        on_line.iter_mut().for_each(|x| *x = 0);
        for s in 0..people {
            let c = &model.staff[s].contract;
            let p = &person_price[s];
            cost.copy_from_slice(&base[s]);
            for day in 0..days {
                for t in 0..n {
                    let cell = &mut cost[day * values + t + 1];
                    if !cell.is_finite() {
                        continue;
                    }
                    let minutes = f64::from(model.shifts[t].minutes) / unit;
                    *cell += (p[MAX_MINUTES] - p[MIN_MINUTES]) * minutes + p[MAX_SHIFTS]
                        - p[MIN_SHIFTS]
                        + p[TYPES + t];
                    for &l in &at[day * n + t] {
                        if qualified[s][l] {
                            *cell -= line_price[l];
                        }
                    }
                }
            }
            let Some(v) = cheapest.row(&rules, s, &cost, p[WEEKENDS], &tracked[s], &mut row) else {
                return 0;
            };
            value += v + p[MIN_MINUTES] * f64::from(c.min_minutes) / unit
                - p[MAX_MINUTES] * f64::from(c.max_minutes) / unit
                + p[MIN_SHIFTS] * f64::from(c.min_shifts)
                - p[MAX_SHIFTS] * f64::from(c.max_shifts)
                - p[WEEKENDS] * f64::from(c.max_weekends);
            for (t, &most) in c.max_per_shift.iter().enumerate() {
                value -= p[TYPES + t] * f64::from(most);
            }
            // How far the row is past each limit (negative: inside it).
            let g = &mut person_grad[s];
            let minutes: u32 = row.iter().flatten().map(|&t| model.shifts[t].minutes).sum();
            let worked = row.iter().flatten().count() as f64;
            g[MIN_MINUTES] = (f64::from(c.min_minutes) - f64::from(minutes)) / unit;
            g[MAX_MINUTES] = (f64::from(minutes) - f64::from(c.max_minutes)) / unit;
            g[MIN_SHIFTS] = f64::from(c.min_shifts) - worked;
            g[MAX_SHIFTS] = worked - f64::from(c.max_shifts);
            g[WEEKENDS] = f64::from(weekends(&row)) - f64::from(c.max_weekends);
            for t in 0..n {
                g[TYPES + t] = -f64::from(c.max_per_shift[t]);
            }
            for (day, cell) in row.iter().enumerate() {
                if let Some(t) = *cell {
                    g[TYPES + t] += 1.0;
                    for &l in &at[day * n + t] {
                        if qualified[s][l] {
                            on_line[l] += 1;
                        }
                    }
                }
            }
        }
        if value > best + 1e-9 {
            best = value;
            stale = 0;
        } else {
            stale += 1;
            if stale >= PATIENCE {
                step /= 2.0;
                stale = 0;
            }
        }
        if whole(best) >= upper || step < SMALLEST || started.elapsed() >= budget {
            break;
        }
        // A step along the subgradient, leaving out what the ranges stop.
        let line_grad: Vec<f64> = model
            .cover
            .iter()
            .zip(&on_line)
            .zip(&line_price)
            .map(|((c, &x), &p)| {
                let g = f64::from(c.requirement) - f64::from(x);
                let (low, high) = (-f64::from(c.over_weight), f64::from(c.under_weight));
                if (g > 0.0 && p >= high) || (g < 0.0 && p <= low) {
                    0.0
                } else {
                    g
                }
            })
            .collect();
        for (g, p) in person_grad.iter_mut().zip(&person_price) {
            for (g, &p) in g.iter_mut().zip(p) {
                if *g < 0.0 && p <= 0.0 {
                    *g = 0.0;
                }
            }
        }
        let norm: f64 = line_grad.iter().map(|g| g * g).sum::<f64>()
            + person_grad.iter().flatten().map(|g| g * g).sum::<f64>();
        if norm == 0.0 {
            // Every line and limit met at these prices: the bound is exact.
            break;
        }
        // Without a roster's cost to aim at, aim a little above the bound.
        let aim = if upper == u64::MAX {
            value + 1.0 + value.abs() / 10.0
        } else {
            target.max(value + 1.0)
        };
        let size = step * (aim - value) / norm;
        for ((p, g), c) in line_price.iter_mut().zip(&line_grad).zip(&model.cover) {
            *p = (*p + size * g).clamp(-f64::from(c.over_weight), f64::from(c.under_weight));
        }
        for (p, g) in person_price.iter_mut().zip(&person_grad) {
            for (p, g) in p.iter_mut().zip(g) {
                *p = (*p + size * g).max(0.0);
            }
        }
    }
    whole(best)
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

/// Weekends with a shift, as the scorer counts them.
fn weekends(row: &[Option<usize>]) -> u32 {
    (5..row.len())
        .step_by(7)
        .filter(|&sat| row[sat].is_some() || row.get(sat + 1).is_some_and(|c| c.is_some()))
        .count() as u32
}

/// The requests each cell of `staff`'s row leaves unmet, infinite where
/// the cell may not stand: `[day * (shifts + 1) + cell]`, cell 0 a day off.
fn request_costs(model: &Model, rules: &Rules, staff: usize) -> Vec<f64> {
    let values = model.shifts.len() + 1;
    let mut cost = vec![0.0; model.days * values];
    for day in 0..model.days {
        for value in 0..values {
            if !rules.allowed_cell(staff, day, value.checked_sub(1)) {
                cost[day * values + value] = f64::INFINITY;
            }
        }
    }
    for r in model.requests.iter().filter(|r| r.staff == staff) {
        for value in 0..values {
            let cell = value.checked_sub(1);
            let unmet = match r.kind {
                RequestKind::On => cell != Some(r.shift),
                RequestKind::Off => cell == Some(r.shift),
                RequestKind::Work => cell.is_none(),
            };
            if unmet {
                cost[r.day * values + value] += f64::from(r.weight);
            }
        }
    }
    cost
}
