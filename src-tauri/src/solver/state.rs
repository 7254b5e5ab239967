//! The search's working roster with its soft cost kept up to date cell by
//! cell: cover counts per cover line, and request costs per cell value.

use super::model::{Model, RequestKind, Roster};

/// The cover lines of each (day, shift): `out[day * shifts + shift]`.
pub(super) fn cover_lines(model: &Model) -> Vec<Vec<usize>> {
    let shifts = model.shifts.len();
    let mut cover_at = vec![Vec::new(); model.days * shifts];
    for (i, c) in model.cover.iter().enumerate() {
        cover_at[c.day * shifts + c.shift].push(i);
    }
    cover_at
}

pub(crate) struct State<'a> {
    pub model: &'a Model,
    pub roster: Roster,
    pub cost: i64,
    /// People counted per cover line.
    count: Vec<u32>,
    /// Cover lines of each (day, shift): `cover_at[day * shifts + shift]`.
    cover_at: Vec<Vec<usize>>,
    /// Unmet-request cost of each value of each cell:
    /// `request_cost[(staff * days + day) * (shifts + 1) + value]`, value 0
    /// for a day off, `1 + shift` otherwise.
    request_cost: Vec<u32>,
    /// Minutes each person works on their target's days (0 without one).
    minutes: Vec<u32>,
    /// Shifts each person works on each week's weekend on their target's
    /// days (`weekend_cells[staff * weeks + week]`), and the weekends so
    /// worked (see [`super::model::Target::weekends`]).
    weekend_cells: Vec<u8>,
    weekends: Vec<u32>,
}

impl<'a> State<'a> {
    pub fn new(model: &'a Model, roster: Roster) -> State<'a> {
        let shifts = model.shifts.len();
        let cover_at = cover_lines(model);
        let mut request_cost = vec![0; model.staff.len() * model.days * (shifts + 1)];
        for r in &model.requests {
            let base = (r.staff * model.days + r.day) * (shifts + 1);
            match r.kind {
                // Every value but the wished shift leaves it unmet.
                RequestKind::On => {
                    for v in 0..=shifts {
                        if v != r.shift + 1 {
                            request_cost[base + v] += r.weight;
                        }
                    }
                }
                RequestKind::Off => request_cost[base + r.shift + 1] += r.weight,
                RequestKind::Work => request_cost[base] += r.weight,
            }
        }
        let mut state = State {
            model,
            roster: Roster::empty(model),
            cost: 0,
            count: vec![0; model.cover.len()],
            cover_at,
            request_cost,
            minutes: vec![0; model.staff.len()],
            weekend_cells: vec![0; model.staff.len() * model.days.div_ceil(7)],
            weekends: vec![0; model.staff.len()],
        };
        state.cost = state.full_cost();
        state.load(&roster);
        state
    }

    fn full_cost(&self) -> i64 {
        let cover: i64 = (0..self.model.cover.len())
            .map(|c| self.cover_cost(c, self.count[c]))
            .sum();
        let requests: i64 = (0..self.model.staff.len())
            .flat_map(|s| (0..self.model.days).map(move |d| (s, d)))
            .map(|(s, d)| self.request(s, d, self.roster.cells[s][d]))
            .sum();
        let targets: i64 = (0..self.model.staff.len())
            .map(|s| self.target_cost(s, self.minutes[s]) + self.weekend_cost(s, self.weekends[s]))
            .sum();
        cover + requests + targets
    }

    /// What `staff` working `minutes` on their target's days costs.
    fn target_cost(&self, staff: usize, minutes: u32) -> i64 {
        self.model.staff[staff]
            .target
            .as_ref()
            .map_or(0, |t| t.penalty(minutes))
    }

    /// What `staff` working `weekends` weekends on their target's days costs.
    fn weekend_cost(&self, staff: usize, weekends: u32) -> i64 {
        self.model.staff[staff]
            .target
            .as_ref()
            .map_or(0, |t| t.weekend_penalty(weekends))
    }

    /// The change in `staff`'s weekends worked if `day` held `cell` instead
    /// of `old`: -1, 0 or 1.
    fn weekend_step(
        &self,
        staff: usize,
        day: usize,
        old: Option<usize>,
        cell: Option<usize>,
    ) -> i64 {
        match &self.model.staff[staff].target {
            Some(t) if t.weekend_weight > 0 && t.covers(day) && Model::is_weekend(day) => {
                let weeks = self.model.days.div_ceil(7);
                let now = i64::from(self.weekend_cells[staff * weeks + day / 7]);
                let next = now + i64::from(cell.is_some()) - i64::from(old.is_some());
                i64::from(next > 0) - i64::from(now > 0)
            }
            _ => 0,
        }
    }

    /// The cost of `staff`'s weekends when they move by `step`.
    fn weekend_delta(&self, staff: usize, step: i64) -> i64 {
        if step == 0 {
            return 0;
        }
        let now = self.weekends[staff];
        let next = (i64::from(now) + step).max(0) as u32;
        self.weekend_cost(staff, next) - self.weekend_cost(staff, now)
    }

    /// The change in `staff`'s target minutes if `day` held `cell` instead
    /// of `old`.
    fn target_step(
        &self,
        staff: usize,
        day: usize,
        old: Option<usize>,
        cell: Option<usize>,
    ) -> i64 {
        match &self.model.staff[staff].target {
            Some(t) if t.covers(day) => {
                let m = |c: Option<usize>| c.map_or(0, |s| i64::from(self.model.shifts[s].minutes));
                m(cell) - m(old)
            }
            _ => 0,
        }
    }

    /// The cost of `staff`'s target when their minutes move by `step`.
    fn target_delta(&self, staff: usize, step: i64) -> i64 {
        if step == 0 {
            return 0;
        }
        let now = self.minutes[staff];
        let next = (i64::from(now) + step).max(0) as u32;
        self.target_cost(staff, next) - self.target_cost(staff, now)
    }

    /// Replaces every cell by `roster`'s.
    pub fn load(&mut self, roster: &Roster) {
        for (s, row) in roster.cells.iter().enumerate() {
            for (d, &cell) in row.iter().enumerate() {
                self.set(s, d, cell);
            }
        }
    }

    fn cover_cost(&self, cover: usize, count: u32) -> i64 {
        let c = &self.model.cover[cover];
        let (n, need) = (i64::from(count), i64::from(c.requirement));
        (need - n).max(0) * i64::from(c.under_weight) + (n - need).max(0) * i64::from(c.over_weight)
    }

    pub fn request(&self, staff: usize, day: usize, cell: Option<usize>) -> i64 {
        let shifts = self.model.shifts.len();
        let value = cell.map_or(0, |s| s + 1);
        i64::from(self.request_cost[(staff * self.model.days + day) * (shifts + 1) + value])
    }

    /// What putting `cell` on `staff`'s `day` would change, not applying it.
    pub fn delta(&self, staff: usize, day: usize, cell: Option<usize>) -> i64 {
        let old = self.roster.cells[staff][day];
        if old == cell {
            return 0;
        }
        let mut delta = self.request(staff, day, cell) - self.request(staff, day, old)
            + self.target_delta(staff, self.target_step(staff, day, old, cell))
            + self.weekend_delta(staff, self.weekend_step(staff, day, old, cell));
        let shifts = self.model.shifts.len();
        for (shift, step) in [(old, -1i64), (cell, 1)] {
            let Some(shift) = shift else { continue };
            for &c in &self.cover_at[day * shifts + shift] {
                if self.model.qualifies(staff, &self.model.cover[c]) {
                    let n = self.count[c];
                    let next = (i64::from(n) + step) as u32;
                    delta += self.cover_cost(c, next) - self.cover_cost(c, n);
                }
            }
        }
        delta
    }

    /// Puts `cell` on `staff`'s `day`; returns the change in cost.
    pub fn set(&mut self, staff: usize, day: usize, cell: Option<usize>) -> i64 {
        let delta = self.delta(staff, day, cell);
        let old = self.roster.cells[staff][day];
        if old == cell {
            return 0;
        }
        let shifts = self.model.shifts.len();
        for (shift, up) in [(old, false), (cell, true)] {
            let Some(shift) = shift else { continue };
            for &c in &self.cover_at[day * shifts + shift] {
                if self.model.qualifies(staff, &self.model.cover[c]) {
                    if up {
                        self.count[c] += 1;
                    } else {
                        self.count[c] -= 1;
                    }
                }
            }
        }
        let step = self.target_step(staff, day, old, cell);
        self.minutes[staff] = (i64::from(self.minutes[staff]) + step) as u32;
        let weekend = self.weekend_step(staff, day, old, cell);
        self.weekends[staff] = (i64::from(self.weekends[staff]) + weekend) as u32;
        if self.model.staff[staff]
            .target
            .as_ref()
            .is_some_and(|t| t.weekend_weight > 0 && t.covers(day))
            && Model::is_weekend(day)
        {
            let at = staff * self.model.days.div_ceil(7) + day / 7;
            let next = i64::from(self.weekend_cells[at]) + i64::from(cell.is_some())
                - i64::from(old.is_some());
            self.weekend_cells[at] = next as u8;
        }
        self.roster.cells[staff][day] = cell;
        self.cost += delta;
        delta
    }

    /// The cost each value of each of `staff`'s cells would add, everyone
    /// else as they are: `out[day * (shifts + 1) + value]`, value 0 for a day
    /// off. With the others fixed the roster's cost is a constant plus the
    /// sum of these over the row, which is what lets a row be re-planned
    /// exactly by dynamic programming. A target's cost is not a sum over
    /// cells: it is priced at the margin of the row as it stands (each
    /// cell's value changed alone), which the caller's true delta corrects.
    pub fn cell_costs(&self, staff: usize, out: &mut Vec<i64>) {
        let model = self.model;
        let shifts = model.shifts.len();
        out.clear();
        for day in 0..model.days {
            let current = self.roster.cells[staff][day];
            for value in 0..=shifts {
                let cell = value.checked_sub(1);
                let mut cost = self.request(staff, day, cell)
                    + self.target_delta(staff, self.target_step(staff, day, current, cell))
                    - self.target_delta(staff, self.target_step(staff, day, current, None))
                    + self.weekend_delta(staff, self.weekend_step(staff, day, current, cell))
                    - self.weekend_delta(staff, self.weekend_step(staff, day, current, None));
                if let Some(shift) = cell {
                    for &c in &self.cover_at[day * shifts + shift] {
                        if model.qualifies(staff, &model.cover[c]) {
                            let others = self.count[c] - u32::from(current == Some(shift));
                            cost += self.cover_cost(c, others + 1) - self.cover_cost(c, others);
                        }
                    }
                }
                out.push(cost);
            }
        }
    }

    /// Shortfall per cover line (people missing).
    pub fn shortfall(&self, cover: usize) -> u32 {
        self.model.cover[cover]
            .requirement
            .saturating_sub(self.count[cover])
    }
}
