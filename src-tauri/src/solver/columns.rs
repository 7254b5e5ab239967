//! A second way to look for a roster, for when the landscape the annealing
//! walks has valleys it cannot leave: the linear relaxation of choosing one
//! whole row per person, grown by column generation and rounded by diving.
//!
//! Each column is one feasible row for one person, priced at its requests.
//! The master picks a mix of columns per person (summing to one) and pays
//! the cover lines' shortfall and excess. Its duals price every cell, and
//! the re-plan's labelling ([`super::replan::Planner::price`]) finds each
//! person's cheapest row under those prices: a column that would lower the
//! relaxation. When none is left, the dive fixes the person whose mix is
//! nearest one row to that row, generates again, and repeats until everyone
//! is fixed. Cover is soft, so every fix leaves the master feasible.
//! (Measured on Instance 2, whose optimum differs from the annealing's best
//! in 11 of 14 rows: the move it lacked is a change to most of the roster at
//! once, which is what a relaxation over whole rows sees.)

use super::model::{Model, Roster};
use super::replan::Planner;
use super::row::Rules;
use super::state::{cover_lines, State};
use clarabel::algebra::CscMatrix;
use clarabel::solver::{
    DefaultSettingsBuilder, DefaultSolver, IPSolver, NonnegativeConeT, SolverStatus, ZeroConeT,
};
use std::collections::HashSet;
use std::time::Instant;

/// Duals are priced in thousandths of a cost unit for the integer labelling.
const SCALE: f64 = 1000.0;
/// A column enters only if it lowers the relaxation by more than this.
const ENTER: f64 = 1e-6;
/// Labels per key when pricing: wider than the annealing's re-plan, since
/// a missed column here is a missed row for the whole dive.
const PRICING_LABELS: usize = 64;
/// A person whose mix is this near one row is on that row. (The interior
/// point method spreads a tie between rows evenly, so this is seldom met
/// before the dive's last steps.)
const WHOLE: f64 = 0.999;

/// One row of one person, with what it costs and which cover it counts for.
struct Column {
    staff: usize,
    row: Vec<Option<usize>>,
    cost: f64,
    /// Cover lines this row counts towards.
    hits: Vec<usize>,
}

/// The relaxation's columns so far and the dive's fixes.
pub(super) struct Master<'m> {
    model: &'m Model,
    columns: Vec<Column>,
    seen: HashSet<(usize, Vec<Option<usize>>)>,
    /// The column each person is fixed to, once the dive has fixed them.
    fixed: Vec<Option<usize>>,
    /// Cover lines of each (day, shift).
    cover_at: Vec<Vec<usize>>,
}

/// The solved relaxation: each column's share, and the duals of the
/// people's rows and the cover lines.
pub(super) struct Relaxed {
    pub share: Vec<f64>,
    person: Vec<f64>,
    line: Vec<f64>,
}

impl<'m> Master<'m> {
    pub fn new(model: &'m Model) -> Master<'m> {
        Master {
            model,
            columns: Vec::new(),
            seen: HashSet::new(),
            fixed: vec![None; model.staff.len()],
            cover_at: cover_lines(model),
        }
    }

    /// Adds `row` as a column of `staff` unless it is one already; returns
    /// whether it was new. `requests` prices the row's requests.
    pub fn add(&mut self, requests: &State, staff: usize, row: Vec<Option<usize>>) -> bool {
        if !self.seen.insert((staff, row.clone())) {
            return false;
        }
        let model = self.model;
        let shifts = model.shifts.len();
        let mut hits = Vec::new();
        let mut cost = 0;
        for (day, &cell) in row.iter().enumerate() {
            cost += requests.request(staff, day, cell);
            if let Some(shift) = cell {
                hits.extend(
                    self.cover_at[day * shifts + shift]
                        .iter()
                        .copied()
                        .filter(|&c| model.qualifies(staff, &model.cover[c])),
                );
            }
        }
        self.columns.push(Column {
            staff,
            row,
            cost: cost as f64,
            hits,
        });
        true
    }

    /// Whether column `j` may take part: its person is unfixed, or fixed to it.
    fn live(&self, j: usize) -> bool {
        self.fixed[self.columns[j].staff].is_none_or(|f| f == j)
    }

    /// The relaxation over the live columns; None if it could not be
    /// solved by `deadline`.
    pub fn solve(&self, deadline: Instant) -> Option<Relaxed> {
        let people = self.model.staff.len();
        let lines = self.model.cover.len();
        let live: Vec<usize> = (0..self.columns.len()).filter(|&j| self.live(j)).collect();
        let n = live.len() + 2 * lines;
        let equalities = people + lines;
        let m = equalities + n;
        let (mut colptr, mut rowval, mut nzval) = (vec![0], Vec::new(), Vec::new());
        let mut q = Vec::with_capacity(n);
        let mut push = |entries: &mut dyn Iterator<Item = (usize, f64)>| {
            for (r, v) in entries {
                rowval.push(r);
                nzval.push(v);
            }
            colptr.push(rowval.len());
        };
        for (k, &j) in live.iter().enumerate() {
            let c = &self.columns[j];
            let mut rows: Vec<usize> = std::iter::once(c.staff)
                .chain(c.hits.iter().map(|&l| people + l))
                .collect();
            rows.sort_unstable();
            let mut entries = rows
                .into_iter()
                .map(|r| (r, 1.0))
                .chain(std::iter::once((equalities + k, -1.0)));
            push(&mut entries);
            q.push(c.cost);
        }
        for (l, cover) in self.model.cover.iter().enumerate() {
            let slack = equalities + live.len() + l;
            push(&mut [(people + l, 1.0), (slack, -1.0)].into_iter());
            q.push(f64::from(cover.under_weight));
        }
        for (l, cover) in self.model.cover.iter().enumerate() {
            let slack = equalities + live.len() + lines + l;
            push(&mut [(people + l, -1.0), (slack, -1.0)].into_iter());
            q.push(f64::from(cover.over_weight));
        }
        let a = CscMatrix::new(m, n, colptr, rowval, nzval);
        let p = CscMatrix::zeros((n, n));
        let mut b = vec![1.0; people];
        b.extend(self.model.cover.iter().map(|c| f64::from(c.requirement)));
        b.resize(m, 0.0);
        let cones = [ZeroConeT(equalities), NonnegativeConeT(n)];
        let settings = DefaultSettingsBuilder::default()
            .verbose(false)
            .time_limit(
                deadline
                    .saturating_duration_since(Instant::now())
                    .as_secs_f64(),
            )
            .build()
            .ok()?;
        let mut solver = DefaultSolver::new(&p, &q, &a, &b, &cones, settings).ok()?;
        solver.solve();
        let s = &solver.solution;
        if !matches!(s.status, SolverStatus::Solved | SolverStatus::AlmostSolved) {
            return None;
        }
        let mut share = vec![0.0; self.columns.len()];
        for (k, &j) in live.iter().enumerate() {
            share[j] = s.x[k];
        }
        Some(Relaxed {
            share,
            person: s.z[..people].to_vec(),
            line: s.z[people..equalities].to_vec(),
        })
    }

    /// The relaxation's cost at `relaxed`: the columns' requests plus each
    /// cover line's (fractional) shortfall and excess at its weights.
    #[cfg(test)]
    pub fn objective(&self, relaxed: &Relaxed) -> f64 {
        let mut count = vec![0.0; self.model.cover.len()];
        let mut total = 0.0;
        for (c, share) in self.columns.iter().zip(&relaxed.share) {
            total += c.cost * share;
            c.hits.iter().for_each(|&l| count[l] += share);
        }
        for (cover, n) in self.model.cover.iter().zip(count) {
            let need = f64::from(cover.requirement);
            total += (need - n).max(0.0) * f64::from(cover.under_weight)
                + (n - need).max(0.0) * f64::from(cover.over_weight);
        }
        total
    }

    /// Adds each unfixed person's cheapest row under `relaxed`'s prices if
    /// it would lower the relaxation, until `deadline`; returns how many
    /// were added.
    fn price(
        &mut self,
        rules: &mut Rules,
        planner: &mut Planner,
        requests: &State,
        relaxed: &Relaxed,
        deadline: Instant,
    ) -> usize {
        let model = self.model;
        let shifts = model.shifts.len();
        let values = shifts + 1;
        let mut costs = vec![0i64; model.days * values];
        let mut added = 0;
        for staff in 0..model.staff.len() {
            // A large model's round can take a while: stop at the deadline.
            if Instant::now() >= deadline {
                break;
            }
            if self.fixed[staff].is_some() {
                continue;
            }
            for day in 0..model.days {
                for value in 0..values {
                    let cell = value.checked_sub(1);
                    let mut price = requests.request(staff, day, cell) as f64;
                    if let Some(shift) = cell {
                        price += self.cover_at[day * shifts + shift]
                            .iter()
                            .filter(|&&c| model.qualifies(staff, &model.cover[c]))
                            .map(|&c| relaxed.line[c])
                            .sum::<f64>();
                    }
                    costs[day * values + value] = (price * SCALE).round() as i64;
                }
            }
            let bound = (-(relaxed.person[staff] + ENTER) * SCALE).floor() as i64;
            if let Some((row, _)) = planner.price(rules, staff, &costs, bound) {
                if rules.feasible(staff, &row) && self.add(requests, staff, row) {
                    added += 1;
                }
            }
        }
        added
    }
}

/// A dive on the row relaxation: its columns, the pricing's scratch space,
/// and the requests' costs per cell.
pub(super) struct Diver<'m> {
    master: Master<'m>,
    planner: Planner,
    requests: State<'m>,
}

impl<'m> Diver<'m> {
    /// A diver whose first columns are the rows of `seeds`.
    pub fn new(model: &'m Model, seeds: &[&Roster]) -> Diver<'m> {
        let requests = State::new(model, Roster::empty(model));
        let mut master = Master::new(model);
        for roster in seeds {
            for (staff, row) in roster.cells.iter().enumerate() {
                master.add(&requests, staff, row.clone());
            }
        }
        Diver {
            master,
            planner: Planner::new(PRICING_LABELS),
            requests,
        }
    }

    /// A roster found by one dive. None if `deadline` would pass first
    /// (the dive gives up as soon as its pace says it cannot finish), if
    /// `keep_going` says stop, or if the relaxation fails.
    pub fn dive(
        &mut self,
        rules: &mut Rules,
        deadline: Instant,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Option<Roster> {
        let master = &mut self.master;
        let model = master.model;
        let people = model.staff.len();
        if people == 0 {
            return Some(Roster::empty(model));
        }
        master.fixed.iter_mut().for_each(|f| *f = None);
        let mut root_done: Option<Instant> = None;
        let mut steps = 0usize;
        let mut last_step: Option<Instant> = None;
        loop {
            // Generate columns until none prices out.
            let relaxed = loop {
                if Instant::now() >= deadline || !keep_going() {
                    return None;
                }
                let relaxed = master.solve(deadline)?;
                let added =
                    master.price(rules, &mut self.planner, &self.requests, &relaxed, deadline);
                if added == 0 && Instant::now() < deadline {
                    break relaxed;
                }
            };
            let root_done = *root_done.get_or_insert_with(Instant::now);
            let mut candidates = Vec::new();
            for staff in (0..people).filter(|&s| master.fixed[s].is_none()) {
                let (j, share) = (0..master.columns.len())
                    .filter(|&j| master.columns[j].staff == staff)
                    .map(|j| (j, relaxed.share.get(j).copied().unwrap_or(0.0)))
                    .max_by(|a, b| a.1.total_cmp(&b.1))?;
                candidates.push((staff, j, share));
            }
            candidates.sort_by(|a, b| b.2.total_cmp(&a.2));
            // Fix everyone already on one row; if nobody is, the one
            // nearest to it (fixing several at once did worse on Instance 8).
            let whole = candidates.iter().filter(|c| c.2 > WHOLE).count();
            for &(staff, j, _) in &candidates[..whole.max(1)] {
                master.fixed[staff] = Some(j);
            }
            let fixed = master.fixed.iter().filter(|f| f.is_some()).count();
            if fixed == people {
                break;
            }
            // Give up when, at the pace so far, the rest would not be fixed
            // in time: the annealing can use the time better. The pace is
            // the slower of the average step and the last one, since steps
            // slow down as the dive goes on.
            let now = Instant::now();
            steps += 1;
            let average = (now - root_done).div_f64(steps as f64);
            let pace = last_step.map_or(average, |last| average.max(now - last));
            last_step = Some(now);
            if now + pace.mul_f64((people - fixed) as f64) > deadline {
                return None;
            }
        }
        let mut roster = Roster::empty(model);
        for (staff, fixed) in master.fixed.iter().enumerate() {
            roster.cells[staff].clone_from(&master.columns[fixed.expect("all fixed")].row);
        }
        Some(roster)
    }
}
