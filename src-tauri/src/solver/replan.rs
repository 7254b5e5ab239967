//! The search's strongest move: re-plan one person's whole row as well as
//! possible given everyone else's. With the others fixed, each value of each
//! cell has its own cost (its requests, plus what it does to that day's
//! cover), so the best row is a shortest path over the days, constrained by
//! the person's contract: runs of work and rest, successions, total minutes
//! and shifts, weekends and per-type maxima.
//!
//! It is solved by labelling: a label is a partial row up to a day, keyed by
//! what its future depends on (the last value, the length of the current
//! run), carrying its cost and resources (minutes, shifts, weekends, counts
//! of the types whose maximum can bind). A label is dropped when another with
//! the same key is no more costly and no worse in every resource, when even
//! the cheapest completion ignoring resources cannot beat the person's
//! current row, or when its resources can no longer end within the contract.
//! Only the cheapest few labels per key are kept (16 in the search; the
//! pricing keeps them per key and class of resources, see [`Classes`]), so
//! the result is the best found, not always the proven best; rules the
//! labels do not track (windows, two-day successions, more than eight
//! binding type maxima) are left to the caller's full check of the row.

use super::rng::Rng;
use super::row::Rules;
use super::state::State;
use std::time::Instant;

/// Type maxima tracked per label, a byte each in a `u64`.
const TRACKED_TYPES: usize = 8;
pub(super) const UNREACHABLE: i64 = i64::MAX / 4;

#[derive(Clone, Copy)]
pub(super) struct Label {
    pub cost: i64,
    pub minutes: u32,
    pub worked: u16,
    pub weekends: u16,
    pub counts: u64,
    pub key: u32,
    /// Index of the label it extends in the previous day's layer.
    pub parent: u32,
}

impl Label {
    /// Before the first day: nothing worked, nothing costs yet.
    pub fn start() -> Label {
        Label {
            cost: 0,
            minutes: 0,
            worked: 0,
            weekends: 0,
            counts: 0,
            key: u32::MAX,
            parent: u32::MAX,
        }
    }
}

/// How a resource orders labels: ignored (its limits cannot bind), fewer is
/// better (only its maximum binds), or equal only (both bounds bind).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    Ignore,
    Fewer,
    Equal,
}

impl Order {
    fn of(min: u64, max: u64, most: u64) -> Order {
        match (min > 0, max < most) {
            (false, false) => Order::Ignore,
            (false, true) => Order::Fewer,
            // Only a minimum binds: a label with more is no worse, but
            // "equal" is simpler and still exact.
            (true, _) => Order::Equal,
        }
    }

    fn no_worse(self, a: u32, b: u32) -> bool {
        match self {
            Order::Ignore => true,
            Order::Fewer => a <= b,
            Order::Equal => a == b,
        }
    }
}

/// Per-call tables the labels read.
#[derive(Default)]
pub(super) struct Tables {
    /// Scaled cost of each value of each cell; UNREACHABLE if not allowed.
    pub scaled: Vec<i64>,
    /// Cheapest completion after a day given its value, ignoring resources.
    pub rest: Vec<i64>,
    /// Most minutes and shifts still possible after each day.
    pub minutes_after: Vec<u32>,
    pub shifts_after: Vec<u32>,
}

/// Scratch space reused between calls, so a move allocates nothing.
pub(crate) struct Planner {
    costs: Vec<i64>,
    tables: Tables,
    layers: Vec<Vec<Label>>,
    buckets: Vec<Vec<Label>>,
    /// Buckets holding labels on the day being labelled.
    touched: Vec<u32>,
    /// Whether labels are kept per key and class of resources (see
    /// [`Classes`]) rather than per key: wider, and slower.
    pub split: bool,
    /// Labels kept per key and day: the breadth of the search.
    pub labels_per_key: usize,
    /// The search's deadline: a labelling still running then stops and
    /// finds nothing (a year of many shift types can take seconds).
    pub deadline: Option<Instant>,
    /// Labellings the deadline stopped.
    pub cut_short: u64,
}

/// Labels extended between two looks at the clock: a re-plan of the
/// benchmark's size never looks, a year-long pricing looks often.
pub(super) const CLOCK_EVERY: usize = 4096;

/// Counts work and says when `deadline` has passed, looking at the clock
/// once per [`CLOCK_EVERY`] labels.
pub(super) struct Clock {
    deadline: Option<Instant>,
    work: usize,
}

impl Clock {
    pub fn new(deadline: Option<Instant>) -> Clock {
        Clock { deadline, work: 0 }
    }

    /// Adds `labels` of work; true once the deadline has passed.
    pub fn over(&mut self, labels: usize) -> bool {
        self.work += labels;
        if self.work < CLOCK_EVERY {
            return false;
        }
        self.work = 0;
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// The contract's limits as the labels see them.
pub(super) struct Limits {
    pub values: usize,
    pub longest_run: usize,
    min_work: usize,
    cap_off: usize,
    pub runs: usize,
    pub min_minutes: u32,
    max_minutes: u32,
    pub min_shifts: u32,
    max_shifts: u32,
    max_weekends: u32,
    pub minutes: Order,
    pub shifts: Order,
    /// Tracked slot of each shift type, if its maximum can bind.
    slot: Vec<Option<usize>>,
    max_of_type: Vec<u32>,
    pub shift_minutes: Vec<u32>,
}

impl Planner {
    pub fn new(labels_per_key: usize) -> Planner {
        Planner {
            costs: Vec::new(),
            tables: Tables::default(),
            layers: Vec::new(),
            buckets: Vec::new(),
            touched: Vec::new(),
            split: false,
            labels_per_key,
            deadline: None,
            cut_short: 0,
        }
    }

    /// A feasible-looking row for `staff` (see the module note) no costlier
    /// than theirs now, the cheapest found, ties broken at random. None when
    /// nothing at least as good was found.
    pub fn plan(
        &mut self,
        state: &State,
        rules: &Rules,
        staff: usize,
        rng: &mut Rng,
    ) -> Option<Vec<Option<usize>>> {
        let model = state.model;
        let days = model.days;
        if days == 0 {
            return None;
        }
        let lim = limits(rules, staff);
        let values = lim.values;
        state.cell_costs(staff, &mut self.costs);
        // Costs are scaled so that a little noise per cell breaks ties
        // between rows of equal cost at random without reordering the rest:
        // the noise of a whole row stays below one unit of cost.
        let scale = 64 * days as i64;
        let tables = &mut self.tables;
        tables.scaled.clear();
        for day in 0..days {
            for value in 0..values {
                let cost = if rules.allowed_cell(staff, day, value.checked_sub(1)) {
                    self.costs[day * values + value] * scale + rng.below(64) as i64
                } else {
                    UNREACHABLE
                };
                tables.scaled.push(cost);
            }
        }
        let current: i64 = state.roster.cells[staff]
            .iter()
            .enumerate()
            .map(|(day, cell)| tables.scaled[day * values + cell.map_or(0, |s| s + 1)])
            .sum();
        let bound = current.min(UNREACHABLE) + 1;
        if !self.label(rules, staff, &lim, bound) {
            return None;
        }
        self.ends(&lim, 1).into_iter().next().map(|(row, _)| row)
    }

    /// The `most` cheapest rows found for `staff` under `costs` (per day
    /// and value, value 0 for a day off, as [`State::cell_costs`] orders
    /// them) that cost less than `bound`, cheapest first, with their costs:
    /// pricing for [`super::columns`], where the costs carry the cover's
    /// prices rather than the roster's.
    pub fn price(
        &mut self,
        rules: &Rules,
        staff: usize,
        costs: &[i64],
        bound: i64,
        most: usize,
    ) -> Vec<(Vec<Option<usize>>, i64)> {
        if rules.model.days == 0 {
            return Vec::new();
        }
        let lim = limits(rules, staff);
        let values = lim.values;
        let tables = &mut self.tables;
        tables.scaled.clear();
        for day in 0..rules.model.days {
            for value in 0..values {
                tables
                    .scaled
                    .push(if rules.allowed_cell(staff, day, value.checked_sub(1)) {
                        costs[day * values + value]
                    } else {
                        UNREACHABLE
                    });
            }
        }
        if !self.label(rules, staff, &lim, bound) {
            return Vec::new();
        }
        self.ends(&lim, most)
    }

    /// The labelling itself over `self.tables.scaled`, for at least one day;
    /// false when the deadline stopped it (counted in `cut_short`).
    fn label(&mut self, rules: &Rules, staff: usize, lim: &Limits, bound: i64) -> bool {
        let days = rules.model.days;
        self.tables.completions(rules, staff, lim, days);
        let tables = &self.tables;

        self.layers.resize_with(days, Vec::new);
        let keys = lim.values * (lim.runs + 1) * 2;
        let classes = if self.split {
            Classes::of(lim, keys)
        } else {
            Classes::none()
        };
        self.buckets.resize_with(keys * classes.count(), Vec::new);
        let mut clock = Clock::new(self.deadline);
        for day in 0..days {
            let (before, after) = self.layers.split_at_mut(day);
            let start = Label::start();
            let previous: &[Label] = match day {
                0 => std::slice::from_ref(&start),
                _ => &before[day - 1],
            };
            for (index, prev) in previous.iter().enumerate() {
                if clock.over(lim.values) {
                    for &b in &self.touched {
                        self.buckets[b as usize].clear();
                    }
                    self.touched.clear();
                    self.cut_short += 1;
                    return false;
                }
                for value in 0..lim.values {
                    let Some(mut label) = tables.extend(rules, staff, lim, prev, day, value, bound)
                    else {
                        continue;
                    };
                    label.parent = index as u32;
                    let b = classes.bucket(&label);
                    if self.buckets[b].is_empty() {
                        self.touched.push(b as u32);
                    }
                    insert(&mut self.buckets[b], label, lim, self.labels_per_key);
                }
            }
            // The day's layer is its buckets' labels, none of them dominated.
            let layer = &mut after[0];
            layer.clear();
            for &b in &self.touched {
                layer.append(&mut self.buckets[b as usize]);
            }
            self.touched.clear();
            // Extended cheapest first, the next day's labels mostly arrive
            // in order of cost, so a full bucket turns most away at once.
            layer.sort_unstable_by_key(|l| l.cost);
        }
        true
    }

    /// The `most` cheapest complete rows of the last labelling, cheapest
    /// first, with their costs.
    fn ends(&self, lim: &Limits, most: usize) -> Vec<(Vec<Option<usize>>, i64)> {
        let days = self.layers.len();
        let last = &self.layers[days - 1];
        let mut ends: Vec<(usize, i64)> = last
            .iter()
            .enumerate()
            .filter(|(_, l)| l.minutes >= lim.min_minutes || lim.minutes == Order::Ignore)
            .filter(|(_, l)| u32::from(l.worked) >= lim.min_shifts || lim.shifts == Order::Ignore)
            .map(|(i, l)| (i, l.cost))
            .collect();
        ends.sort_by_key(|&(_, cost)| cost);
        ends.truncate(most);
        ends.into_iter()
            .map(|(mut index, cost)| {
                let mut row = vec![None; days];
                for day in (0..days).rev() {
                    let label = self.layers[day][index];
                    row[day] = (label.key as usize / ((lim.runs + 1) * 2)).checked_sub(1);
                    index = label.parent as usize;
                }
                (row, cost)
            })
            .collect()
    }
}

impl Tables {
    /// The cheapest completion after each day given its value (successions
    /// only), and the most minutes and shifts the remaining days could hold.
    fn completions(&mut self, rules: &Rules, staff: usize, lim: &Limits, days: usize) {
        let values = lim.values;
        self.rest.clear();
        self.rest.resize(days * values, 0);
        for day in (0..days - 1).rev() {
            for value in 0..values {
                let mut best = UNREACHABLE;
                for next in 0..values {
                    let follows = value == 0
                        || next == 0
                        || rules.may_follow(staff, day + 1, value - 1, next - 1);
                    let i = (day + 1) * values + next;
                    if follows && self.scaled[i] < UNREACHABLE {
                        best = best.min(self.scaled[i] + self.rest[i]);
                    }
                }
                self.rest[day * values + value] = best;
            }
        }
        self.minutes_after.clear();
        self.minutes_after.resize(days + 1, 0);
        self.shifts_after.clear();
        self.shifts_after.resize(days + 1, 0);
        let longest = lim.shift_minutes.iter().copied().max().unwrap_or(0);
        for day in (0..days).rev() {
            let most = (1..values)
                .filter(|&v| self.scaled[day * values + v] < UNREACHABLE)
                .map(|v| lim.shift_minutes[v - 1])
                .max();
            self.minutes_after[day] = self.minutes_after[day + 1] + most.unwrap_or(0);
            self.shifts_after[day] = self.shifts_after[day + 1] + u32::from(most.is_some());
        }
        // One day off in every `longest_run + 1` bounds the work too.
        for day in 0..days {
            let left = (days - day) as u32;
            let work = left - left / (lim.longest_run as u32 + 1);
            self.shifts_after[day] = self.shifts_after[day].min(work);
            self.minutes_after[day] = self.minutes_after[day].min(work * longest);
        }
    }

    /// `prev` extended by `value` on `day`, if the contract still allows it
    /// and it may still beat `bound`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn extend(
        &self,
        rules: &Rules,
        staff: usize,
        lim: &Limits,
        prev: &Label,
        day: usize,
        value: usize,
        bound: i64,
    ) -> Option<Label> {
        let i = day * lim.values + value;
        if self.scaled[i] >= UNREACHABLE {
            return None;
        }
        let cost = prev.cost + self.scaled[i];
        if cost + self.rest[i] >= bound {
            return None;
        }
        let mut label = Label { cost, ..*prev };
        // The previous value, run length and whether that run began on day 0.
        let runs = lim.runs + 1;
        let (pv, pr, pe) = if day == 0 {
            (None, 0, false)
        } else {
            let k = prev.key as usize;
            (Some(k / (runs * 2)), (k / 2) % runs, k % 2 == 1)
        };
        let (run, edge) = if value == 0 {
            match pv {
                None => (lim.cap_off, false),
                Some(0) => ((pr + 1).min(lim.cap_off), false),
                Some(_) if !pe && pr < lim.min_work => return None,
                Some(_) => (1, false),
            }
        } else {
            let shift = value - 1;
            let (run, edge) = match pv {
                None => (1, true),
                Some(0) if pr < lim.cap_off => return None,
                Some(0) => (1, false),
                Some(p) if !rules.may_follow(staff, day, p - 1, shift) => return None,
                Some(_) => (pr + 1, pe),
            };
            if run > lim.longest_run {
                return None;
            }
            label.minutes += lim.shift_minutes[shift];
            label.worked += 1;
            if label.minutes > lim.max_minutes || u32::from(label.worked) > lim.max_shifts {
                return None;
            }
            if let Some(slot) = lim.slot[shift] {
                let count = ((label.counts >> (8 * slot)) & 0xFF) as u32 + 1;
                if count > lim.max_of_type[shift] {
                    return None;
                }
                label.counts += 1 << (8 * slot);
            }
            let sunday_after_rest = day % 7 == 6 && pv.is_none_or(|p| p == 0);
            if lim.max_weekends < u32::MAX && (day % 7 == 5 || sunday_after_rest) {
                label.weekends += 1;
                if u32::from(label.weekends) > lim.max_weekends {
                    return None;
                }
            }
            (run, edge)
        };
        if label.minutes + self.minutes_after[day + 1] < lim.min_minutes
            || u32::from(label.worked) + self.shifts_after[day + 1] < lim.min_shifts
        {
            return None;
        }
        label.key = (((value * runs) + run) * 2 + usize::from(edge)) as u32;
        Some(label)
    }
}

pub(super) fn limits(rules: &Rules, staff: usize) -> Limits {
    let model = rules.model;
    let c = &model.staff[staff].contract;
    let days = model.days;
    let longest_run = (c.max_consecutive_work as usize).min(days);
    let cap_off = (c.min_consecutive_off as usize).clamp(1, days.max(1));
    let shift_minutes: Vec<u32> = model.shifts.iter().map(|s| s.minutes).collect();
    let longest = u64::from(shift_minutes.iter().copied().max().unwrap_or(0));
    let weekends = (0..days).filter(|d| d % 7 == 5).count() as u32;
    let mut slot = vec![None; model.shifts.len()];
    let mut tracked = 0;
    for (shift, &max) in c.max_per_shift.iter().enumerate() {
        if max > 0 && (max as usize) < days && max < 128 && tracked < TRACKED_TYPES {
            slot[shift] = Some(tracked);
            tracked += 1;
        }
    }
    Limits {
        values: model.shifts.len() + 1,
        longest_run,
        min_work: c.min_consecutive_work as usize,
        cap_off,
        runs: longest_run.max(cap_off),
        min_minutes: c.min_minutes,
        max_minutes: c.max_minutes,
        min_shifts: c.min_shifts,
        max_shifts: c.max_shifts,
        max_weekends: if c.max_weekends < weekends {
            c.max_weekends
        } else {
            u32::MAX
        },
        minutes: Order::of(
            u64::from(c.min_minutes),
            u64::from(c.max_minutes),
            longest * days as u64,
        ),
        shifts: Order::of(
            u64::from(c.min_shifts),
            u64::from(c.max_shifts),
            days as u64,
        ),
        slot,
        max_of_type: c.max_per_shift.clone(),
        shift_minutes,
    }
}

/// Classes of labels that each keep their own cheapest few, so that a
/// cheap label cannot crowd out one whose resources another row needs:
/// minutes when both their bounds bind (labels of other minutes are never
/// compared then anyway), and weekends when their maximum binds. Measured
/// on Instance 8's root relaxation: 1330.8 keeping 64 per key, 1299.9 (its
/// optimum is 1300) keeping 32 per key and class, in less time.
struct Classes {
    minute_unit: u32,
    minute_classes: usize,
    weekend_classes: usize,
}

/// At most this many buckets: minute classes beyond it share buckets.
const MOST_BUCKETS: usize = 1 << 16;

impl Classes {
    fn none() -> Classes {
        Classes {
            minute_unit: 1,
            minute_classes: 1,
            weekend_classes: 1,
        }
    }

    fn of(lim: &Limits, keys: usize) -> Classes {
        let weekend_classes = if lim.max_weekends < u32::MAX {
            lim.max_weekends as usize + 1
        } else {
            1
        };
        let (minute_unit, minute_classes) = if lim.minutes == Order::Equal {
            let unit = lim.shift_minutes.iter().fold(0, |g, &m| gcd(g, m)).max(1);
            let room = (MOST_BUCKETS / (keys * weekend_classes)).max(1);
            (
                unit,
                (lim.max_minutes.min(u32::MAX - 1) / unit + 1).min(room as u32) as usize,
            )
        } else {
            (1, 1)
        };
        Classes {
            minute_unit,
            minute_classes,
            weekend_classes,
        }
    }

    fn count(&self) -> usize {
        self.minute_classes * self.weekend_classes
    }

    fn bucket(&self, label: &Label) -> usize {
        let minutes = (label.minutes / self.minute_unit) as usize % self.minute_classes;
        let weekends = label.weekends as usize % self.weekend_classes;
        (label.key as usize * self.weekend_classes + weekends) * self.minute_classes + minutes
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Adds `label` to its `bucket` unless a label there dominates it; removes
/// the ones it dominates; keeps the `keep` cheapest. A full bucket none of
/// whose labels costs more turns it away before any dominance test.
fn insert(bucket: &mut Vec<Label>, label: Label, lim: &Limits, keep: usize) {
    if bucket.len() >= keep && bucket.iter().all(|l| l.cost <= label.cost) {
        return;
    }
    let mut i = 0;
    while i < bucket.len() {
        let other = &bucket[i];
        if dominates(other, &label, lim) {
            return;
        }
        if dominates(&label, other, lim) {
            bucket.swap_remove(i);
        } else {
            i += 1;
        }
    }
    if bucket.len() >= keep {
        let (worst, cost) = bucket
            .iter()
            .enumerate()
            .map(|(i, l)| (i, l.cost))
            .max_by_key(|&(_, cost)| cost)
            .expect("keep is at least one");
        if cost <= label.cost {
            return;
        }
        bucket.swap_remove(worst);
    }
    bucket.push(label);
}

/// Whether every byte of `a` is at most the same byte of `b`, all below
/// 128: setting each byte's top bit in `b` before subtracting keeps the
/// bytes from borrowing from one another, and the bit survives exactly
/// where `b`'s byte is no smaller.
pub(super) fn fewer_of_each(a: u64, b: u64) -> bool {
    const TOP: u64 = 0x8080_8080_8080_8080;
    ((b | TOP) - a) & TOP == TOP
}

pub(super) fn dominates(a: &Label, b: &Label, lim: &Limits) -> bool {
    a.cost <= b.cost
        && a.weekends <= b.weekends
        && lim.minutes.no_worse(a.minutes, b.minutes)
        && lim
            .shifts
            .no_worse(u32::from(a.worked), u32::from(b.worked))
        && fewer_of_each(a.counts, b.counts)
}
