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
//! Later dives reuse every column so far, fix one of the few people nearest
//! to one row to a row drawn by its share, and stop as soon as the
//! relaxation rises to the best roster found: on Instances 5 and 7 (60 s,
//! 3 seeds) they reached the optimum on most seeds, where the one greedy
//! dive ended 3–6 above it. (Backing up a step instead of starting again
//! from the root, and stopping on the Lagrangian bound before the columns
//! run out, did no better.)
//! (Measured on Instance 2, whose optimum differs from the annealing's best
//! in 11 of 14 rows: the move it lacked is a change to most of the roster at
//! once, which is what a relaxation over whole rows sees.)

use super::model::{Model, Roster};
use super::replan::Planner;
use super::rng::Rng;
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
/// Labels per key and class of resources when pricing: wider than the
/// annealing's re-plan, since a missed column here is a missed row for the
/// whole dive.
const PRICING_LABELS: usize = 32;
/// Rows a person's pricing adds at most, cheapest first: Instance 8's root
/// took 34 rounds with 3 where it took 49 with 1.
const ROWS_PRICED: usize = 3;
/// A person whose mix is this near one row is on that row. (The interior
/// point method spreads a tie between rows evenly, so this is seldom met
/// before the dive's last steps.)
const WHOLE: f64 = 0.999;
/// A shaken dive picks among the this many people nearest to one row,
/// counting only those whose largest share is at least `NEAR` of the top's.
const SHAKE_AMONG: usize = 3;
const NEAR: f64 = 0.8;
/// Slack on the relaxation's value before a dive is abandoned: the interior
/// point method's value is only this near the true one.
const PRUNE: f64 = 1e-3;

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
    /// The relaxation's cost.
    pub value: f64,
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
        if let Some(target) = &model.staff[staff].target {
            cost += target.row_penalty(model, &row);
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
            value: s.obj_val,
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
                        price += target_price(model, staff, day, shift);
                        price += self.cover_at[day * shifts + shift]
                            .iter()
                            .filter(|&&c| model.qualifies(staff, &model.cover[c]))
                            .map(|&c| relaxed.line[c])
                            .sum::<f64>();
                    }
                    costs[day * values + value] = (price * SCALE).round() as i64;
                }
            }
            // The target's cost with nothing worked is the same for every
            // row, so the pricing leaves it out of the cells and the bound.
            let idle = model.staff[staff]
                .target
                .as_ref()
                .map_or(0.0, |t| t.penalty(0) as f64);
            let bound = (-(relaxed.person[staff] + idle + ENTER) * SCALE).floor() as i64;
            for (row, _) in planner.price(rules, staff, &costs, bound, ROWS_PRICED) {
                if rules.feasible(staff, &row) && self.add(requests, staff, row) {
                    added += 1;
                }
            }
        }
        added
    }
}

impl Master<'_> {
    /// Whom a dive fixes next, to which column: everyone already on one
    /// row; if nobody is, the person nearest to one row (fixing several at
    /// once did worse on Instance 8) on their largest share, or when shaken
    /// one of the few nearest on a column drawn by share. Empty if someone
    /// unfixed has no column.
    fn choose(&self, relaxed: &Relaxed, steer: &mut Steer) -> Vec<(usize, usize)> {
        let people = self.model.staff.len();
        let mut columns: Vec<Vec<usize>> = vec![Vec::new(); people];
        for (j, c) in self.columns.iter().enumerate() {
            if self.fixed[c.staff].is_none() {
                columns[c.staff].push(j);
            }
        }
        let share = |j: usize| relaxed.share.get(j).copied().unwrap_or(0.0);
        let mut candidates = Vec::new();
        for staff in (0..people).filter(|&s| self.fixed[s].is_none()) {
            let Some(&j) = columns[staff]
                .iter()
                .max_by(|&&a, &&b| share(a).total_cmp(&share(b)))
            else {
                return Vec::new();
            };
            candidates.push((staff, j, share(j)));
        }
        candidates.sort_by(|a, b| b.2.total_cmp(&a.2));
        let whole = candidates.iter().filter(|c| c.2 > WHOLE).count();
        if whole > 0 {
            return candidates[..whole].iter().map(|c| (c.0, c.1)).collect();
        }
        let Steer::Shaken { rng, .. } = steer else {
            return vec![(candidates[0].0, candidates[0].1)];
        };
        let near = candidates
            .iter()
            .take_while(|c| c.2 >= candidates[0].2 * NEAR)
            .count();
        let staff = candidates[rng.below(near.min(SHAKE_AMONG))].0;
        let total: f64 = columns[staff].iter().map(|&j| share(j)).sum();
        let mut pick = rng.unit() * total;
        for &j in &columns[staff] {
            pick -= share(j);
            if pick <= 0.0 {
                return vec![(staff, j)];
            }
        }
        vec![(staff, *columns[staff].last().expect("a column"))]
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
        let mut planner = Planner::new(PRICING_LABELS);
        planner.split = true;
        Diver {
            master,
            planner,
            requests,
        }
    }

    /// A roster found by one dive, fixing at each step the person nearest
    /// to one row (the first of [`Self::dives`]). None if `deadline` would
    /// pass first (the dive gives up as soon as its pace says it cannot
    /// finish), if `keep_going` says stop, or if the relaxation fails.
    #[cfg(test)]
    pub fn dive(
        &mut self,
        rules: &mut Rules,
        deadline: Instant,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Option<Roster> {
        match self.dive_once(rules, deadline, keep_going, &mut Steer::Greedy, i64::MAX) {
            Dived::Roster(roster) => Some(roster),
            Dived::Pruned | Dived::Bounded | Dived::Ended => None,
        }
    }

    /// Pricings the deadline stopped.
    pub fn cut_short(&self) -> u64 {
        self.planner.cut_short
    }

    /// Dives until `deadline`: first as [`Self::dive`], then again and
    /// again with the choice of whom to fix next shaken by `rng`, each dive
    /// abandoned as soon as its relaxation says it cannot beat the best
    /// roster so far (`incumbent` to begin with). Returns the cheapest
    /// roster found that beats `incumbent`, with its cost.
    pub fn dives(
        &mut self,
        rules: &mut Rules,
        deadline: Instant,
        keep_going: &mut dyn FnMut() -> bool,
        rng: &mut Rng,
        incumbent: i64,
    ) -> Option<(Roster, i64)> {
        let mut best: Option<(Roster, i64)> = None;
        let mut steer = Steer::Greedy;
        let mut pricer = State::new(self.master.model, Roster::empty(self.master.model));
        loop {
            // Between dives too: a stop must not wait for the next one.
            if Instant::now() >= deadline || !keep_going() {
                return best;
            }
            let beat = best.as_ref().map_or(incumbent, |b| b.1);
            match self.dive_once(rules, deadline, keep_going, &mut steer, beat) {
                Dived::Roster(roster) => {
                    pricer.load(&roster);
                    if pricer.cost < beat {
                        best = Some((roster, pricer.cost));
                    }
                }
                Dived::Pruned => {}
                Dived::Bounded | Dived::Ended => return best,
            }
            // A dive over nobody is the same every time.
            if self.master.model.staff.is_empty() {
                return best;
            }
            if let Steer::Greedy = steer {
                steer = Steer::Shaken {
                    rng: Rng::new(rng.next_u64()),
                };
            }
        }
    }

    /// One dive from the root; a shaken one is abandoned once it cannot
    /// end below `beat`.
    fn dive_once(
        &mut self,
        rules: &mut Rules,
        deadline: Instant,
        keep_going: &mut dyn FnMut() -> bool,
        steer: &mut Steer,
        beat: i64,
    ) -> Dived {
        self.planner.deadline = Some(deadline);
        let master = &mut self.master;
        let model = master.model;
        let people = model.staff.len();
        if people == 0 {
            return Dived::Roster(Roster::empty(model));
        }
        master.fixed.iter_mut().for_each(|f| *f = None);
        let mut steps = 0;
        let mut root_done: Option<Instant> = None;
        loop {
            // Generate columns until none prices out.
            let relaxed = loop {
                if Instant::now() >= deadline || !keep_going() {
                    return Dived::Ended;
                }
                let Some(relaxed) = master.solve(deadline) else {
                    return Dived::Ended;
                };
                let added =
                    master.price(rules, &mut self.planner, &self.requests, &relaxed, deadline);
                if added == 0 && Instant::now() < deadline {
                    break relaxed;
                }
            };
            // Costs are whole numbers: a dive whose relaxation is above one
            // less than the mark cannot end below it. (Fixing only raises
            // the relaxation, as far as the pricing finds every column.)
            if matches!(steer, Steer::Shaken { .. }) && relaxed.value > (beat - 1) as f64 + PRUNE {
                return if steps == 0 {
                    Dived::Bounded
                } else {
                    Dived::Pruned
                };
            }
            let root_done = *root_done.get_or_insert_with(Instant::now);
            let chosen = master.choose(&relaxed, steer);
            if chosen.is_empty() {
                return Dived::Ended;
            }
            for &(staff, j) in &chosen {
                master.fixed[staff] = Some(j);
            }
            steps += 1;
            let fixed = master.fixed.iter().filter(|f| f.is_some()).count();
            if fixed == people {
                break;
            }
            // The greedy dive gives up when, at its average pace so far,
            // the rest would not be fixed in time: the annealing can use
            // the time better. (Steps vary by a factor of five on Instance
            // 8 without slowing down, so one slow step is no sign. Fixing
            // more a step to keep to time instead ended 8% above the
            // optimum there.)
            let now = Instant::now();
            if let Steer::Greedy = steer {
                let average = (now - root_done).div_f64(steps as f64);
                if now + average.mul_f64((people - fixed) as f64) > deadline {
                    return Dived::Ended;
                }
            }
        }
        let mut roster = Roster::empty(model);
        for (staff, fixed) in master.fixed.iter().enumerate() {
            roster.cells[staff].clone_from(&master.columns[fixed.expect("all fixed")].row);
        }
        Dived::Roster(roster)
    }
}

/// How a dive picks whom to fix next.
enum Steer {
    /// Always the person nearest to one row.
    Greedy,
    /// One of the few nearest, at random; and give up once the relaxation
    /// shows the dive cannot beat the best so far.
    Shaken { rng: Rng },
}

/// How a dive ended: with a roster; abandoned as unable to beat the best;
/// abandoned at the root, so that every later dive would be too (the root
/// is the same each time once no column prices out); or out of time (or
/// told to stop, or the relaxation failed).
enum Dived {
    Roster(Roster),
    Pruned,
    Bounded,
    Ended,
}

/// A shift's share of its person's target in the pricing, which costs
/// cells one by one: each hour is worth what an hour short costs (the
/// column's own cost, counted whole, corrects a row that goes past it).
fn target_price(model: &Model, staff: usize, day: usize, shift: usize) -> f64 {
    match &model.staff[staff].target {
        Some(t) if t.covers(day) => {
            -f64::from(model.shifts[shift].minutes) * f64::from(t.under_per_hour) / 60.0
        }
        _ => 0.0,
    }
}
