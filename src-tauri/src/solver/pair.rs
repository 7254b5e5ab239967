//! A move for two people at once: trade any set of days between their rows,
//! the best set the contracts of both allow. On each day the two cells either
//! stay or change places, so the pair's contribution to every day's cover is
//! the same after as before (exactly, when both hold the same skills): what
//! it changes is whose requests are met. That is what the search lacks once
//! cover is as good as it gets: an unmet request can only be granted if
//! someone takes over the shift, and then their row must give up another,
//! which the first person takes, and so on, through both contracts. A random
//! swap of a few days rarely threads that; a re-plan of one row cannot, as
//! every cell it drops leaves cover short.
//!
//! The best set is a shortest path over the days with two choices a day,
//! labelled as in [`super::replan`] but with a label per person: each half
//! is the same single-person label (key, minutes, shifts, weekends, type
//! counts) extended by the same code, over a table that allows only the two
//! cells of that day. Per pair of keys the cheapest few labels are kept.

use super::replan::{dominates, limits, Clock, Label, Limits, Order, Tables, UNREACHABLE};
use super::rng::Rng;
use super::row::Rules;
use super::state::State;
use std::time::Instant;

/// Most labels kept per day.
const MAX_LABELS_PER_DAY: usize = 1024;

#[derive(Clone, Copy)]
struct PairLabel {
    cost: i64,
    a: Label,
    b: Label,
    parent: u32,
    swapped: bool,
}

/// Scratch space reused between calls.
pub(crate) struct PairPlanner {
    tables: [Tables; 2],
    /// Scaled cost (with tie-breaking noise) of keeping and of swapping
    /// each day's cells; `None` where the cells are equal.
    keep: Vec<i64>,
    swap: Vec<Option<i64>>,
    /// The real change in cost of swapping each day alone.
    delta: Vec<i64>,
    /// Cheapest scaled cost of the days after each day.
    rest: Vec<i64>,
    layers: Vec<Vec<PairLabel>>,
    candidates: Vec<(u64, PairLabel)>,
    /// Labels kept per pair of keys and day: the breadth of the search.
    pub labels_per_key: usize,
    /// As the re-plan's ([`super::replan::Planner::deadline`]).
    pub deadline: Option<Instant>,
    /// Trades the deadline stopped.
    pub cut_short: u64,
}

impl PairPlanner {
    pub fn new(labels_per_key: usize) -> PairPlanner {
        PairPlanner {
            tables: [Tables::default(), Tables::default()],
            keep: Vec::new(),
            swap: Vec::new(),
            delta: Vec::new(),
            rest: Vec::new(),
            layers: Vec::new(),
            candidates: Vec::new(),
            labels_per_key,
            deadline: None,
            cut_short: 0,
        }
    }

    /// The days on which `a` and `b` should trade cells: the cheapest set
    /// found, ties broken at random, if it is no costlier than trading none
    /// and not empty. Both rows must still pass the full check afterwards
    /// (rules the labels do not track). `state` is left as it was.
    pub fn plan(
        &mut self,
        state: &mut State,
        rules: &Rules,
        a: usize,
        b: usize,
        rng: &mut Rng,
    ) -> Option<Vec<usize>> {
        let model = state.model;
        let days = model.days;
        if days == 0 || a == b {
            return None;
        }
        // Each day's swap priced alone: cover lines belong to one day and
        // requests to one cell, so the cost of a set of swaps is the sum.
        let scale = 64 * days as i64;
        self.keep.clear();
        self.swap.clear();
        self.delta.clear();
        for day in 0..days {
            let (x, y) = (state.roster.cells[a][day], state.roster.cells[b][day]);
            self.keep.push(rng.below(64) as i64);
            if x == y {
                self.swap.push(None);
                self.delta.push(0);
                continue;
            }
            let delta = state.set(a, day, y) + state.set(b, day, x);
            state.set(a, day, x);
            state.set(b, day, y);
            self.swap.push(Some(delta * scale + rng.below(64) as i64));
            self.delta.push(delta);
        }
        if self.swap.iter().all(Option::is_none) {
            return None;
        }
        self.rest.clear();
        self.rest.resize(days + 1, 0);
        for day in (0..days).rev() {
            let cheapest = self.swap[day].map_or(self.keep[day], |s| s.min(self.keep[day]));
            self.rest[day] = self.rest[day + 1] + cheapest;
        }
        let bound: i64 = self.keep.iter().sum::<i64>() + 1;
        let rows = [&state.roster.cells[a], &state.roster.cells[b]];
        let lims = [limits(rules, a), limits(rules, b)];
        for (i, (&staff, &own)) in [a, b].iter().zip(&rows).enumerate() {
            let other = rows[1 - i];
            allow_two(&mut self.tables[i], rules, staff, &lims[i], own, other);
        }

        let pairs = [a, b];
        self.layers.resize_with(days, Vec::new);
        let mut clock = Clock::new(self.deadline);
        for day in 0..days {
            self.candidates.clear();
            let (before, after) = self.layers.split_at_mut(day);
            let start = PairLabel {
                cost: 0,
                a: Label::start(),
                b: Label::start(),
                parent: u32::MAX,
                swapped: false,
            };
            let previous: &[PairLabel] = match day {
                0 => std::slice::from_ref(&start),
                _ => &before[day - 1],
            };
            let value = |cell: Option<usize>| cell.map_or(0, |s| s + 1);
            let (x, y) = (value(rows[0][day]), value(rows[1][day]));
            for (index, prev) in previous.iter().enumerate() {
                if clock.over(2) {
                    self.cut_short += 1;
                    return None;
                }
                for swapped in [false, true] {
                    let step = match (swapped, self.swap[day]) {
                        (false, _) => self.keep[day],
                        (true, Some(s)) => s,
                        (true, None) => continue,
                    };
                    let cost = prev.cost + step;
                    if cost + self.rest[day + 1] >= bound {
                        continue;
                    }
                    let (va, vb) = if swapped { (y, x) } else { (x, y) };
                    let far = i64::MAX / 2;
                    let t = &self.tables;
                    let Some(la) = t[0].extend(rules, pairs[0], &lims[0], &prev.a, day, va, far)
                    else {
                        continue;
                    };
                    let Some(lb) = t[1].extend(rules, pairs[1], &lims[1], &prev.b, day, vb, far)
                    else {
                        continue;
                    };
                    let label = PairLabel {
                        cost,
                        a: la,
                        b: lb,
                        parent: index as u32,
                        swapped,
                    };
                    let key = (u64::from(la.key) << 32) | u64::from(lb.key);
                    self.candidates.push((key, label));
                }
            }
            self.candidates
                .sort_unstable_by_key(|(key, label)| (*key, label.cost));
            let layer = &mut after[0];
            layer.clear();
            let keep = self.labels_per_key;
            let mut group = 0;
            for (i, &(key, label)) in self.candidates.iter().enumerate() {
                if i == 0 || self.candidates[i - 1].0 != key {
                    group = layer.len();
                }
                let kept = &layer[group..];
                if kept.len() >= keep
                    || kept.iter().any(|k| {
                        dominates(&k.a, &label.a, &lims[0]) && dominates(&k.b, &label.b, &lims[1])
                    })
                {
                    continue;
                }
                layer.push(label);
            }
            // A cap on the breadth, so that long horizons with many shift
            // types stay within time and memory: the cheapest survive.
            if layer.len() > MAX_LABELS_PER_DAY {
                layer.select_nth_unstable_by_key(MAX_LABELS_PER_DAY, |l| l.cost);
                layer.truncate(MAX_LABELS_PER_DAY);
            }
        }
        let ends = |l: &Label, lim: &Limits| {
            (l.minutes >= lim.min_minutes || lim.minutes == Order::Ignore)
                && (u32::from(l.worked) >= lim.min_shifts || lim.shifts == Order::Ignore)
        };
        let (mut index, _) = self.layers[days - 1]
            .iter()
            .enumerate()
            .filter(|(_, l)| ends(&l.a, &lims[0]) && ends(&l.b, &lims[1]))
            .min_by_key(|(_, l)| l.cost)?;
        let mut swaps = Vec::new();
        for day in (0..days).rev() {
            let label = self.layers[day][index];
            if label.swapped {
                swaps.push(day);
            }
            index = label.parent as usize;
        }
        (!swaps.is_empty()).then_some(swaps)
    }
}

/// Fills `tables` so that `staff`'s labels may take, on each day, only their
/// own cell or the other person's (if their contract allows it there), at no
/// cost: the pair's cost is kept in the pair label.
fn allow_two(
    tables: &mut Tables,
    rules: &Rules,
    staff: usize,
    lim: &Limits,
    own: &[Option<usize>],
    other: &[Option<usize>],
) {
    let values = lim.values;
    let days = own.len();
    tables.scaled.clear();
    tables.scaled.resize(days * values, UNREACHABLE);
    tables.rest.clear();
    tables.rest.resize(days * values, 0);
    tables.minutes_after.clear();
    tables.minutes_after.resize(days + 1, 0);
    tables.shifts_after.clear();
    tables.shifts_after.resize(days + 1, 0);
    for day in (0..days).rev() {
        let mut most: Option<u32> = None;
        for cell in [own[day], other[day]] {
            if rules.allowed_cell(staff, day, cell) {
                tables.scaled[day * values + cell.map_or(0, |s| s + 1)] = 0;
                if let Some(s) = cell {
                    most = Some(most.unwrap_or(0).max(lim.shift_minutes[s]));
                }
            }
        }
        tables.minutes_after[day] = tables.minutes_after[day + 1] + most.unwrap_or(0);
        tables.shifts_after[day] = tables.shifts_after[day + 1] + u32::from(most.is_some());
    }
}
