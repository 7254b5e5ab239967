//! One person's cheapest row under prices per cell, keeping only the part
//! of the contract a run-by-run table can hold exactly: the cells the
//! person may take (days off, given and unavailable cells, types they may
//! not work), the shift types that may not follow one another, and the
//! longest and shortest runs of work and of days off (by the benchmark's
//! rules at the horizon's edges). Totals (minutes, shifts, weekends, each
//! type's maximum) are left to prices the caller adds ([`super::lagrange`]),
//! two-day successions and minute windows are left out: every row that
//! keeps the whole contract is among the rows searched, so the cheapest
//! found is never above the cheapest row that keeps it all — what a lower
//! bound needs.

use super::row::Rules;

/// No state: a cell the person may not take, a state not reached.
const NONE: u32 = u32::MAX;

/// Scratch space for [`Cheapest::row`], reused person after person.
#[derive(Default)]
pub(crate) struct Cheapest {
    /// `from[day * states + state]`: the state the day before.
    from: Vec<u32>,
    now: Vec<f64>,
    next: Vec<f64>,
}

/// The totals a table tracks. Minutes in units of some length: each type's
/// length in units, the most units (`levels − 1`) and the fewest a whole
/// row must reach; one level and every length 0 when minutes are priced
/// instead. Weekends worked, up to `weekends` if tracked (else priced).
#[derive(Clone)]
pub(crate) struct Minutes {
    pub units: Vec<usize>,
    pub levels: usize,
    pub fewest: usize,
    pub weekends: Option<usize>,
}

impl Minutes {
    /// Minutes left to prices.
    pub fn untracked(shifts: usize) -> Minutes {
        Minutes {
            units: vec![0; shifts],
            levels: 1,
            fewest: 0,
            weekends: None,
        }
    }
}

/// The states of one person's table: the minutes so far, the last cell (0
/// a day off, `t + 1` shift `t`), the length of its run up to `cap`, and
/// whether the run began on the first day.
struct Shape {
    cells: usize,
    cap: usize,
    /// Runs of work longer than this break the contract (none: no limit
    /// within the horizon).
    max_work: Option<usize>,
    min_work: usize,
    min_off: usize,
    off_cap: usize,
    work_cap: usize,
}

impl Shape {
    fn per_level(&self) -> usize {
        self.cells * self.cap * 2
    }

    fn index(&self, level: usize, cell: usize, run: usize, edge: bool) -> usize {
        level * self.per_level() + (cell * self.cap + run - 1) * 2 + usize::from(edge)
    }
}

impl Cheapest {
    /// The states of `staff`'s table with `levels` levels of totals.
    pub fn states(rules: &Rules, staff: usize, levels: usize) -> usize {
        Self::shape(rules, staff).per_level() * levels
    }

    fn shape(rules: &Rules, staff: usize) -> Shape {
        let model = rules.model;
        let c = &model.staff[staff].contract;
        let max_work = (c.max_consecutive_work as usize) < model.days;
        let min_work = c.min_consecutive_work as usize;
        let min_off = c.min_consecutive_off as usize;
        let work_cap = if max_work {
            c.max_consecutive_work as usize
        } else {
            0
        }
        .max(min_work)
        .max(1);
        let off_cap = min_off.max(1);
        Shape {
            cells: model.shifts.len() + 1,
            cap: work_cap.max(off_cap),
            max_work: max_work.then_some(c.max_consecutive_work as usize),
            min_work,
            min_off,
            off_cap,
            work_cap,
        }
    }

    /// The cheapest row of `staff` under `cost[day * (shifts + 1) + cell]`
    /// (cell 0 a day off; infinite where barred), with `weekend` added for
    /// each weekend worked and its minutes kept within `minutes`, written
    /// into `row`; None when no row keeps even this part of the contract.
    pub fn row(
        &mut self,
        rules: &Rules,
        staff: usize,
        cost: &[f64],
        weekend: f64,
        minutes: &Minutes,
        row: &mut Vec<Option<usize>>,
    ) -> Option<f64> {
        let days = rules.model.days;
        let n = rules.model.shifts.len();
        let shape = Self::shape(rules, staff);
        let wl = minutes.weekends.map_or(1, |most| most + 1);
        let levels = minutes.levels;
        let states = shape.per_level() * levels * wl;
        row.clear();
        if days == 0 {
            return Some(0.0);
        }
        self.from.clear();
        self.from.resize(days * states, NONE);
        self.now.clear();
        self.now.resize(states, f64::INFINITY);
        for (cell, &price) in cost[..=n].iter().enumerate() {
            let level = cell.checked_sub(1).map_or(0, |t| minutes.units[t]);
            if price.is_finite() && level < levels {
                self.now[shape.index(level * wl, cell, 1, true)] = price;
            }
        }
        let mut best_of = vec![(f64::INFINITY, NONE); shape.cap * 2];
        for day in 1..days {
            self.next.clear();
            self.next.resize(states, f64::INFINITY);
            let from = &mut self.from[day * states..(day + 1) * states];
            let now = &self.now;
            let next = &mut self.next;
            let mut relax = |to: usize, value: f64, source: usize| {
                if value < next[to] {
                    next[to] = value;
                    from[to] = source as u32;
                }
            };
            let prices = &cost[day * (n + 1)..(day + 1) * (n + 1)];
            let saturday = day % 7 == 5;
            let sunday = day % 7 == 6;
            for level in 0..levels * wl {
                let (m, worked) = (level / wl, level % wl);
                // The cheapest work state that may end (to a day off) and
                // off state that may end (to work).
                let (mut end_work, mut end_work_at) = (f64::INFINITY, 0);
                let (mut end_off, mut end_off_at) = (f64::INFINITY, 0);
                for run in 1..=shape.cap {
                    for edge in [false, true] {
                        let i = shape.index(level, 0, run, edge);
                        if run <= shape.off_cap
                            && (edge || run >= shape.min_off)
                            && now[i] < end_off
                        {
                            (end_off, end_off_at) = (now[i], i);
                        }
                        if run <= shape.work_cap && (edge || run >= shape.min_work) {
                            for cell in 1..=n {
                                let i = shape.index(level, cell, run, edge);
                                if now[i] < end_work {
                                    (end_work, end_work_at) = (now[i], i);
                                }
                            }
                        }
                    }
                }
                // A day off.
                if prices[0].is_finite() {
                    for run in 1..=shape.off_cap {
                        for edge in [false, true] {
                            let i = shape.index(level, 0, run, edge);
                            if now[i].is_finite() {
                                let to = shape.index(level, 0, (run + 1).min(shape.off_cap), edge);
                                relax(to, now[i] + prices[0], i);
                            }
                        }
                    }
                    if end_work.is_finite() {
                        relax(
                            shape.index(level, 0, 1, false),
                            end_work + prices[0],
                            end_work_at,
                        );
                    }
                }
                // Work after a day off, or after work.
                let mut any = false;
                for (slot, best) in best_of.iter_mut().enumerate() {
                    let (run, edge) = (slot / 2 + 1, slot % 2 == 1);
                    *best = (f64::INFINITY, NONE);
                    if run > shape.work_cap {
                        continue;
                    }
                    for cell in 1..=n {
                        let v = now[shape.index(level, cell, run, edge)];
                        if v < best.0 {
                            *best = (v, cell as u32);
                        }
                    }
                    any |= best.0.is_finite();
                }
                if !any && !end_off.is_finite() {
                    continue;
                }
                for (cell, &price) in prices.iter().enumerate().skip(1) {
                    let after = m + minutes.units[cell - 1];
                    if !price.is_finite() || after >= levels {
                        continue;
                    }
                    // A weekend begins on a Saturday worked, or on a Sunday
                    // worked after a Saturday off.
                    let counted = |begins: bool| {
                        let more = usize::from(begins && minutes.weekends.is_some());
                        (worked + more < wl).then_some(after * wl + worked + more)
                    };
                    if let (true, Some(to)) = (end_off.is_finite(), counted(saturday || sunday)) {
                        let w = if saturday || sunday { weekend } else { 0.0 };
                        relax(
                            shape.index(to, cell, 1, false),
                            end_off + price + w,
                            end_off_at,
                        );
                    }
                    let Some(after) = counted(saturday) else {
                        continue;
                    };
                    let w = if saturday { weekend } else { 0.0 };
                    let shift = cell - 1;
                    for (slot, &(value, first)) in best_of.iter().enumerate() {
                        if !value.is_finite() {
                            continue;
                        }
                        let (run, edge) = (slot / 2 + 1, slot % 2 == 1);
                        if shape.max_work.is_some_and(|m| run + 1 > m) {
                            continue;
                        }
                        let to = shape.index(after, cell, (run + 1).min(shape.work_cap), edge);
                        let before = first as usize;
                        if rules.may_follow(staff, day, before - 1, shift) {
                            relax(to, value + price + w, shape.index(level, before, run, edge));
                            continue;
                        }
                        // The cheapest may not be followed by this shift:
                        // try every other.
                        for other in 1..=n {
                            let i = shape.index(level, other, run, edge);
                            if now[i].is_finite() && rules.may_follow(staff, day, other - 1, shift)
                            {
                                relax(to, now[i] + price + w, i);
                            }
                        }
                    }
                }
            }
            std::mem::swap(&mut self.now, &mut self.next);
        }
        let per_level = shape.per_level();
        let (best, mut state) = self
            .now
            .iter()
            .enumerate()
            .filter(|&(i, v)| v.is_finite() && i / per_level / wl >= minutes.fewest)
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, &v)| (v, i))?;
        row.resize(days, None);
        for day in (0..days).rev() {
            let cell = state % per_level / 2 / shape.cap;
            row[day] = cell.checked_sub(1);
            state = self.from[day * states + state] as usize;
        }
        Some(best)
    }
}
