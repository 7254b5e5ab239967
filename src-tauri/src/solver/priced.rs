//! The Lagrangian of [`super::lagrange`] at given prices: its value (a
//! lower bound on the soft cost, whatever the prices within their ranges)
//! and the subgradient the steps follow.
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
//! the contract makes positive; whatever of the contract the table of
//! [`Cheapest`] keeps is kept exactly (a total both kept and priced is
//! still a valid bound: the price only adds what no row keeping it makes
//! positive). Targets (the app's model only) are never negative and are
//! left out.

use super::cheapest::{Cheapest, Minutes};
use super::model::{Model, RequestKind};
use super::row::Rules;

/// Prices on one person's totals, each at least 0: fewest minutes, most
/// minutes, fewest shifts, most shifts, most weekends, then each type's most.
const MIN_MINUTES: usize = 0;
const MAX_MINUTES: usize = 1;
const MIN_SHIFTS: usize = 2;
const MAX_SHIFTS: usize = 3;
const WEEKENDS: usize = 4;
pub(super) const TYPES: usize = 5;

/// One price per cover line (between −over and under weight) and, per
/// person, one per total (at least 0).
#[derive(Clone)]
pub(super) struct Prices {
    pub line: Vec<f64>,
    pub person: Vec<Vec<f64>>,
}

/// What one evaluation needs, worked out once.
pub(super) struct Priced<'a> {
    pub rules: Rules<'a>,
    /// `at[day * shifts + shift]`: the cover lines of that cell.
    at: Vec<Vec<usize>>,
    qualified: Vec<Vec<bool>>,
    /// Each person's requests unmet per cell, infinite where barred.
    base: Vec<Vec<f64>>,
    /// Minutes are priced per shortest shift, so that their steps are of
    /// the size of a line's.
    unit: f64,
    cheapest: Cheapest,
    cost: Vec<f64>,
    row: Vec<Option<usize>>,
    on_line: Vec<u32>,
    /// The subgradient at the prices last evaluated, with what the ranges
    /// stop left out.
    pub line_grad: Vec<f64>,
    pub person_grad: Vec<Vec<f64>>,
}

impl<'a> Priced<'a> {
    pub fn new(model: &'a Model) -> Priced<'a> {
        let rules = Rules::new(model);
        let people = model.staff.len();
        let n = model.shifts.len();
        let mut at: Vec<Vec<usize>> = vec![Vec::new(); model.days * n];
        for (l, c) in model.cover.iter().enumerate() {
            at[c.day * n + c.shift].push(l);
        }
        let qualified = (0..people)
            .map(|s| model.cover.iter().map(|c| model.qualifies(s, c)).collect())
            .collect();
        let base = (0..people)
            .map(|s| request_costs(model, &rules, s))
            .collect();
        let unit = f64::from(
            model
                .shifts
                .iter()
                .map(|s| s.minutes)
                .filter(|&m| m > 0)
                .min()
                .unwrap_or(60),
        );
        Priced {
            rules,
            at,
            qualified,
            base,
            unit,
            cheapest: Cheapest::default(),
            cost: vec![0.0; model.days * (n + 1)],
            row: Vec::with_capacity(model.days),
            on_line: vec![0; model.cover.len()],
            line_grad: vec![0.0; model.cover.len()],
            person_grad: vec![vec![0.0; TYPES + n]; people],
        }
    }

    /// Prices at which every line and total costs nothing: 0 everywhere.
    pub fn zero(&self) -> Prices {
        let model = self.rules.model;
        Prices {
            line: vec![0.0; model.cover.len()],
            person: vec![vec![0.0; TYPES + model.shifts.len()]; model.staff.len()],
        }
    }

    /// The Lagrangian at `prices`, each person's row the cheapest their
    /// table (`tables[s]`) keeps, and its subgradient; None when some
    /// person has no row at all.
    pub fn value(&mut self, prices: &Prices, tables: &[Minutes]) -> Option<f64> {
        let model = self.rules.model;
        let n = model.shifts.len();
        let values = n + 1;
        let unit = self.unit;
        let mut value: f64 = model
            .cover
            .iter()
            .zip(&prices.line)
            .map(|(c, &p)| p * f64::from(c.requirement))
            .sum();
        self.on_line.iter_mut().for_each(|x| *x = 0);
        for (s, p) in prices.person.iter().enumerate() {
            let c = &model.staff[s].contract;
            self.cost.copy_from_slice(&self.base[s]);
            for day in 0..model.days {
                for t in 0..n {
                    let cell = &mut self.cost[day * values + t + 1];
                    if !cell.is_finite() {
                        continue;
                    }
                    let minutes = f64::from(model.shifts[t].minutes) / unit;
                    *cell += (p[MAX_MINUTES] - p[MIN_MINUTES]) * minutes + p[MAX_SHIFTS]
                        - p[MIN_SHIFTS]
                        + p[TYPES + t];
                    for &l in &self.at[day * n + t] {
                        if self.qualified[s][l] {
                            *cell -= prices.line[l];
                        }
                    }
                }
            }
            let v = self.cheapest.row(
                &self.rules,
                s,
                &self.cost,
                p[WEEKENDS],
                &tables[s],
                &mut self.row,
            )?;
            value += v + p[MIN_MINUTES] * f64::from(c.min_minutes) / unit
                - p[MAX_MINUTES] * f64::from(c.max_minutes) / unit
                + p[MIN_SHIFTS] * f64::from(c.min_shifts)
                - p[MAX_SHIFTS] * f64::from(c.max_shifts)
                - p[WEEKENDS] * f64::from(c.max_weekends);
            for (t, &most) in c.max_per_shift.iter().enumerate() {
                value -= p[TYPES + t] * f64::from(most);
            }
            // How far the row is past each limit (negative: inside it).
            let row = &self.row;
            let g = &mut self.person_grad[s];
            let minutes: u32 = row.iter().flatten().map(|&t| model.shifts[t].minutes).sum();
            let worked = row.iter().flatten().count() as f64;
            g[MIN_MINUTES] = (f64::from(c.min_minutes) - f64::from(minutes)) / unit;
            g[MAX_MINUTES] = (f64::from(minutes) - f64::from(c.max_minutes)) / unit;
            g[MIN_SHIFTS] = f64::from(c.min_shifts) - worked;
            g[MAX_SHIFTS] = worked - f64::from(c.max_shifts);
            g[WEEKENDS] = f64::from(weekends(row)) - f64::from(c.max_weekends);
            for t in 0..n {
                g[TYPES + t] = -f64::from(c.max_per_shift[t]);
            }
            for (day, cell) in row.iter().enumerate() {
                if let Some(t) = *cell {
                    g[TYPES + t] += 1.0;
                    for &l in &self.at[day * n + t] {
                        if self.qualified[s][l] {
                            self.on_line[l] += 1;
                        }
                    }
                }
            }
            // A price at 0 is not lowered further.
            for (g, &p) in g.iter_mut().zip(p) {
                if *g < 0.0 && p <= 0.0 {
                    *g = 0.0;
                }
            }
        }
        for (l, c) in model.cover.iter().enumerate() {
            let g = f64::from(c.requirement) - f64::from(self.on_line[l]);
            let p = prices.line[l];
            let (low, high) = (-f64::from(c.over_weight), f64::from(c.under_weight));
            self.line_grad[l] = if (g > 0.0 && p >= high) || (g < 0.0 && p <= low) {
                0.0
            } else {
                g
            };
        }
        Some(value)
    }

    /// `prices` moved by `size` along `direction`, kept in their ranges.
    pub fn step(&self, prices: &mut Prices, size: f64, direction: &Prices) {
        for ((p, g), c) in prices
            .line
            .iter_mut()
            .zip(&direction.line)
            .zip(&self.rules.model.cover)
        {
            *p = (*p + size * g).clamp(-f64::from(c.over_weight), f64::from(c.under_weight));
        }
        for (p, g) in prices.person.iter_mut().zip(&direction.person) {
            for (p, g) in p.iter_mut().zip(g) {
                *p = (*p + size * g).max(0.0);
            }
        }
    }
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
