//! One person's row: a fast yes/no check of every hard rule (the search's
//! own, kept apart from [`super::score`]), and a randomised depth-first
//! construction of a row that satisfies them. Every hard rule in the model
//! concerns one person, so a roster is feasible exactly when each row is.

use super::exact::{Exact, Unbuilt};
use super::model::Model;
use super::reach::Reach;
use super::rng::Rng;
use std::time::Instant;

/// Precomputed per-model facts the checks need.
pub(crate) struct Rules<'a> {
    pub model: &'a Model,
    /// `day_off[staff][day]`.
    pub day_off: Vec<Vec<bool>>,
    /// `forbidden[a * shifts + b]`: shift `b` may not follow shift `a`.
    forbidden: Vec<bool>,
    /// `after_gap[a * shifts + b]`: shift `b` may not start two days after `a`.
    after_gap: Vec<bool>,
    /// `fixed[staff][day]`: the shift given in advance, if any.
    pub fixed: Vec<Vec<Option<usize>>>,
    /// `blocked[(staff * days + day) * shifts + shift]`: an unavailable cell.
    blocked: Vec<bool>,
    /// Whether the model uses fixed or unavailable cells or two-day
    /// successions at all (the benchmark does not): if not, the checks
    /// skip them, so the benchmark's search pays nothing for them.
    extras: bool,
    /// Scratch counts per shift type.
    counts: Vec<u32>,
}

impl<'a> Rules<'a> {
    pub fn new(model: &'a Model) -> Rules<'a> {
        let n = model.shifts.len();
        let mut forbidden = vec![false; n * n];
        let mut after_gap = vec![false; n * n];
        for (a, shift) in model.shifts.iter().enumerate() {
            for &b in &shift.forbidden_next {
                forbidden[a * n + b] = true;
            }
            for &b in &shift.forbidden_after_gap {
                after_gap[a * n + b] = true;
            }
        }
        let mut fixed = vec![vec![None; model.days]; model.staff.len()];
        let mut blocked = vec![false; model.staff.len() * model.days * n];
        for (i, s) in model.staff.iter().enumerate() {
            for &(day, shift) in &s.fixed {
                fixed[i][day] = Some(shift);
            }
            for &(day, shift) in &s.unavailable {
                blocked[(i * model.days + day) * n + shift] = true;
            }
        }
        let day_off = model
            .staff
            .iter()
            .map(|s| {
                let mut off = vec![false; model.days];
                s.days_off.iter().for_each(|&d| off[d] = true);
                off
            })
            .collect();
        let extras = after_gap.iter().any(|&b| b)
            || model
                .staff
                .iter()
                .any(|s| !s.fixed.is_empty() || !s.unavailable.is_empty());
        Rules {
            model,
            day_off,
            forbidden,
            after_gap,
            fixed,
            blocked,
            extras,
            counts: vec![0; n],
        }
    }

    /// Whether `staff` may ever work `shift` on `day` (ignoring neighbours).
    /// A fixed cell allows its own shift only.
    pub fn allowed(&self, staff: usize, day: usize, shift: usize) -> bool {
        if !self.extras {
            return !self.day_off[staff][day]
                && self.model.staff[staff].contract.max_per_shift[shift] > 0;
        }
        match self.fixed[staff][day] {
            Some(f) => f == shift,
            None => {
                !self.day_off[staff][day]
                    && self.model.staff[staff].contract.max_per_shift[shift] > 0
                    && !self.blocked
                        [(staff * self.model.days + day) * self.model.shifts.len() + shift]
            }
        }
    }

    /// Whether `cell` may stand on `day`, a day off included.
    pub fn allowed_cell(&self, staff: usize, day: usize, cell: Option<usize>) -> bool {
        match cell {
            Some(shift) => self.allowed(staff, day, shift),
            None => !self.extras || self.fixed[staff][day].is_none(),
        }
    }

    /// Whether shift `b` may start the day after shift `a` for `staff`
    /// (`day` is `b`'s): a pair of fixed cells is exempt, as below.
    pub fn may_follow(&self, staff: usize, day: usize, a: usize, b: usize) -> bool {
        let n = self.model.shifts.len();
        !self.forbidden[a * n + b]
            || (self.extras
                && self.fixed[staff][day - 1].is_some()
                && self.fixed[staff][day].is_some())
    }

    /// Whether the shift on `day` may follow those one and two days before
    /// it. A pair of fixed cells is exempt: it was given, not chosen.
    pub(super) fn succession_ok(&self, staff: usize, row: &[Option<usize>], day: usize) -> bool {
        let Some(s) = row[day] else { return true };
        let n = self.model.shifts.len();
        if !self.extras {
            return day == 0 || row[day - 1].is_none_or(|p| !self.forbidden[p * n + s]);
        }
        let fixed = &self.fixed[staff];
        let exempt = |before: usize| fixed[before].is_some() && fixed[day].is_some();
        if let Some(Some(p)) = day.checked_sub(1).map(|d| row[d]) {
            if self.forbidden[p * n + s] && !exempt(day - 1) {
                return false;
            }
        }
        if let Some(Some(p)) = day.checked_sub(2).map(|d| row[d]) {
            if self.after_gap[p * n + s] && !exempt(day - 2) {
                return false;
            }
        }
        true
    }

    /// Whether the minutes of `row` (a whole row or a prefix) stay within
    /// each of the contract's windows.
    pub(super) fn windows_ok(&self, staff: usize, row: &[Option<usize>]) -> bool {
        let shifts = &self.model.shifts;
        self.model.staff[staff].contract.windows.iter().all(|w| {
            let end = (w.first + w.days).min(row.len());
            let minutes: u32 = row[w.first.min(end)..end]
                .iter()
                .flatten()
                .map(|&s| shifts[s].minutes)
                .sum();
            minutes <= w.max_minutes
        })
    }

    /// Every hard rule for one person's row.
    pub fn feasible(&mut self, staff: usize, row: &[Option<usize>]) -> bool {
        let c = &self.model.staff[staff].contract;
        let days = row.len();
        self.counts.iter_mut().for_each(|n| *n = 0);
        let (mut minutes, mut worked, mut weekends) = (0u32, 0u32, 0u32);
        let mut run_start = 0;
        for day in 0..days {
            let cell = row[day];
            if !self.allowed_cell(staff, day, cell) {
                return false;
            }
            if let Some(s) = cell {
                self.counts[s] += 1;
                minutes += self.model.shifts[s].minutes;
                worked += 1;
                if day % 7 == 5 || (day % 7 == 6 && row[day - 1].is_none()) {
                    weekends += 1;
                }
                if !self.succession_ok(staff, row, day) {
                    return false;
                }
            }
            let ends = day + 1 == days || row[day + 1].is_some() != cell.is_some();
            if ends {
                let length = (day + 1 - run_start) as u32;
                let inside = run_start > 0 && day + 1 < days;
                if cell.is_some() {
                    if length > c.max_consecutive_work
                        || (inside && length < c.min_consecutive_work)
                    {
                        return false;
                    }
                } else if inside && length < c.min_consecutive_off {
                    return false;
                }
                run_start = day + 1;
            }
        }
        minutes >= c.min_minutes
            && minutes <= c.max_minutes
            && worked >= c.min_shifts
            && worked <= c.max_shifts
            && weekends <= c.max_weekends
            && self
                .counts
                .iter()
                .zip(&c.max_per_shift)
                .all(|(n, m)| n <= m)
            && self.windows_ok(staff, row)
            && c.weekend_windows_ok(row)
    }

    /// Builds a feasible row for `staff` into `roster`, preferring cells with
    /// a high `appeal(day, cell)` (plus noise). None only when no row keeps
    /// the contract (proven, see [`Exact`]).
    #[cfg(test)]
    pub fn construct(
        &mut self,
        staff: usize,
        rng: &mut Rng,
        appeal: &dyn Fn(usize, Option<usize>) -> f64,
    ) -> Option<Vec<Option<usize>>> {
        self.construct_by(staff, rng, appeal, None).ok()
    }

    /// As [`Rules::construct`], giving up at `deadline` (and saying so).
    pub(crate) fn construct_by(
        &mut self,
        staff: usize,
        rng: &mut Rng,
        appeal: &dyn Fn(usize, Option<usize>) -> f64,
        deadline: Option<Instant>,
    ) -> Result<Vec<Option<usize>>, Unbuilt> {
        // The first few attempts go without the table of what the rest of
        // the row can hold: most contracts need none, and building it
        // costs more than they do. Later ones heed the cost less, in case
        // the cheap cells lead into dead ends.
        for attempt in 0..PLAIN_ATTEMPTS {
            let mut dfs = Dfs {
                rules: self,
                staff,
                row: Vec::with_capacity(self.model.days),
                nodes: 0,
                budget: NODE_BUDGET,
                heed: 1.0 / f64::from(1 + attempt),
            };
            if dfs.extend(rng, appeal) {
                return Ok(dfs.row);
            }
        }
        let table = Reach::new(self, staff, deadline).ok_or(Unbuilt::OutOfTime)?;
        if !table.possible() {
            // Proven: no row keeps the runs, days off and minutes.
            return Err(Unbuilt::Impossible);
        }
        let row = Exact::new(self, staff, &table, deadline).row(rng, appeal)?;
        debug_assert!(
            self.feasible(staff, &row),
            "the exact search keeps every rule"
        );
        Ok(row)
    }
}

struct Dfs<'r, 'a> {
    rules: &'r Rules<'a>,
    staff: usize,
    row: Vec<Option<usize>>,
    nodes: u32,
    budget: u32,
    /// How much the cells' appeal counts against the noise.
    heed: f64,
}

const NODE_BUDGET: u32 = 5_000;
/// Attempts before the planner builds the [`Reach`] table.
const PLAIN_ATTEMPTS: u32 = 4;

impl Dfs<'_, '_> {
    fn extend(&mut self, rng: &mut Rng, appeal: &dyn Fn(usize, Option<usize>) -> f64) -> bool {
        let model = self.rules.model;
        let day = self.row.len();
        if day == model.days {
            return self.prefix_ok(true);
        }
        self.nodes += 1;
        if self.nodes > self.budget {
            return false;
        }
        let mut options: Vec<(f64, Option<usize>)> = std::iter::once(None)
            .chain((0..model.shifts.len()).map(Some))
            .filter(|&cell| self.rules.allowed_cell(self.staff, day, cell))
            .map(|cell| (appeal(day, cell) * self.heed + rng.unit() * 2.0, cell))
            .collect();
        options.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, cell) in options {
            self.row.push(cell);
            if self.prefix_ok(false) && self.extend(rng, appeal) {
                return true;
            }
            self.row.pop();
            if self.nodes > self.budget {
                return false;
            }
        }
        false
    }

    /// Whether the row so far can still become feasible. Runs still open at
    /// the end of the prefix are only held to their maximum.
    fn prefix_ok(&self, complete: bool) -> bool {
        let model = self.rules.model;
        let c = &model.staff[self.staff].contract;
        let row = &self.row;
        let day = row.len() - 1;
        let cell = row[day];
        if !self.rules.succession_ok(self.staff, row, day)
            || !self.rules.windows_ok(self.staff, row)
            || !c.weekend_windows_ok(row)
        {
            return false;
        }
        // A run closes at `day - 1` when the kind changes at `day`.
        let closed = !complete && day > 0 && row[day - 1].is_some() != cell.is_some();
        let run = |end: usize| {
            let kind = row[end].is_some();
            let mut start = end;
            while start > 0 && row[start - 1].is_some() == kind {
                start -= 1;
            }
            (start, (end - start + 1) as u32, kind)
        };
        let (_, current_length, working) = run(day);
        if working && current_length > c.max_consecutive_work {
            return false;
        }
        if closed {
            let (start, length, working) = run(day - 1);
            let limit = if working {
                c.min_consecutive_work
            } else {
                c.min_consecutive_off
            };
            if start > 0 && length < limit {
                return false;
            }
        }
        let mut minutes = 0;
        let mut worked = 0;
        let mut weekends = 0;
        for (d, cell) in row.iter().enumerate() {
            if let Some(s) = *cell {
                minutes += model.shifts[s].minutes;
                worked += 1;
                if d % 7 == 5 || (d % 7 == 6 && row[d - 1].is_none()) {
                    weekends += 1;
                }
            }
        }
        if let Some(s) = cell {
            if row.iter().filter(|&&x| x == Some(s)).count() as u32 > c.max_per_shift[s] {
                return false;
            }
        }
        // At most this many more shifts: not on fixed days off, and one day
        // off in every `max_consecutive_work + 1`.
        let days_left = model.days - row.len();
        let open = (row.len()..model.days)
            .filter(|&d| !self.rules.day_off[self.staff][d])
            .count();
        let left = open.min(days_left - days_left / (c.max_consecutive_work as usize + 1)) as u32;
        let longest = (0..model.shifts.len())
            .filter(|&s| c.max_per_shift[s] > 0)
            .map(|s| model.shifts[s].minutes)
            .max()
            .unwrap_or(0);
        minutes <= c.max_minutes
            && worked <= c.max_shifts
            && weekends <= c.max_weekends
            && minutes + left * longest >= c.min_minutes
            && worked + left >= c.min_shifts
    }
}
