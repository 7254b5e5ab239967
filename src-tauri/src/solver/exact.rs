//! An exact search for one person's row (issue #23): depth first over the
//! days, pruned by the table of what the rest of the row can still hold
//! ([`Reach`], which may leave a limit out when it would not fit in
//! memory) and by the totals what is left of each type's maximum can make
//! in the shifts the row still has room for ([`Sums`]), and complete: it backtracks as far as it must (restarting in
//! another order with twice the nodes when an attempt runs long), and
//! remembers every state whose whole subtree it has found empty, so that
//! it never searches one twice. The state is everything
//! the rest of the row depends on: the day, the last cell, the length of
//! its run and whether the run began on the first day, and the resources
//! whose limits bind (minutes, shifts, weekends, the count of each type
//! with a binding maximum, the minutes and the weekends in each window still open, the cell
//! before the last when two-day successions exist). So a row is found
//! whenever one exists, and "none" is a proof, never a guess. Only the
//! clock stops it short, and then it says so rather than "impossible".

use super::most::Most;
use super::reach::Reach;
use super::rng::Rng;
use super::row::Rules;
use super::sums::Sums;
use std::collections::HashSet;
use std::time::Instant;

/// Why no row was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unbuilt {
    /// Proven: no row keeps the contract.
    Impossible,
    /// The deadline passed before a row was found or ruled out.
    OutOfTime,
}

/// States remembered as empty, at most (about 100 bytes each): past it the
/// search goes on without remembering more, slower but still exact.
const MAX_REMEMBERED: usize = 1 << 20;
/// Nodes of the first attempt (each next one doubles it).
const FIRST_BUDGET: u64 = 20_000;
/// Nodes between two looks at the clock.
const CLOCK_EVERY: u64 = 1024;

/// What the prefix has used so far.
#[derive(Clone, Copy)]
struct Used {
    minutes: u32,
    worked: u32,
    weekends: u32,
    /// The length of the last run (of work or of days off), uncapped.
    run: usize,
    /// Whether that run began on day 0.
    edge: bool,
}

pub(crate) struct Exact<'r, 'a> {
    rules: &'r Rules<'a>,
    staff: usize,
    reach: &'r Reach,
    deadline: Option<Instant>,
    row: Vec<Option<usize>>,
    counts: Vec<u32>,
    failed: HashSet<Box<[u32]>>,
    nodes: u64,
    /// Nodes this attempt may visit before it restarts.
    budget: u64,
    /// Whether this attempt ran out of nodes (what it left is not proven empty).
    cut: bool,
    out_of_time: bool,
    /// Run lengths past this one are all alike to the rules.
    runs: usize,
    track_minutes: bool,
    track_worked: bool,
    track_weekends: bool,
    /// Types whose maximum binds: their counts are part of the state.
    counted: Vec<usize>,
    /// Whether the rules look two days back.
    two_days: bool,
    /// Workable days left from each day on (for the fewest-shifts bound).
    open_after: Vec<u32>,
    /// How much the cells' appeal counts against the noise.
    heed: f64,
    /// Workable types, longest first (for the most minutes still possible).
    longest_first: Vec<usize>,
    /// The most minutes the rest can add, by weekends still allowed.
    most: Option<Most>,
    /// The totals what is left of each type's maximum can still make.
    sums: Sums,
    /// Scratch: what is left of each type's maximum.
    left: Vec<u32>,
}

impl<'r, 'a> Exact<'r, 'a> {
    pub fn new(
        rules: &'r Rules<'a>,
        staff: usize,
        reach: &'r Reach,
        deadline: Option<Instant>,
    ) -> Exact<'r, 'a> {
        let model = rules.model;
        let days = model.days;
        let c = &model.staff[staff].contract;
        let n = model.shifts.len();
        let longest = (0..n)
            .filter(|&s| c.max_per_shift[s] > 0)
            .map(|s| model.shifts[s].minutes)
            .max()
            .unwrap_or(0);
        let max_work = c.max_consecutive_work as usize;
        let runs = if max_work < days { max_work } else { 0 }
            .max(c.min_consecutive_work as usize)
            .max(c.min_consecutive_off as usize)
            .max(1);
        let saturdays = (5..days).step_by(7).count() as u32;
        let counted = (0..n)
            .filter(|&s| {
                let open = (0..days).filter(|&d| rules.allowed(staff, d, s)).count();
                c.max_per_shift[s] > 0 && (c.max_per_shift[s] as usize) < open
            })
            .collect();
        let mut open_after = vec![0u32; days + 1];
        for day in (0..days).rev() {
            let workable = (0..n).any(|s| rules.allowed(staff, day, s));
            open_after[day] = open_after[day + 1] + u32::from(workable);
        }
        Exact {
            rules,
            staff,
            reach,
            deadline,
            row: Vec::with_capacity(days),
            counts: vec![0; n],
            failed: HashSet::new(),
            nodes: 0,
            budget: u64::MAX,
            cut: false,
            out_of_time: false,
            runs,
            track_minutes: c.min_minutes > 0
                || u64::from(c.max_minutes) < days as u64 * u64::from(longest),
            track_worked: c.min_shifts > 0 || (c.max_shifts as usize) < days,
            track_weekends: c.max_weekends < saturdays,
            counted,
            two_days: model
                .shifts
                .iter()
                .any(|s| !s.forbidden_after_gap.is_empty()),
            open_after,
            heed: 0.5,
            most: Most::new(rules, staff),
            sums: Sums::new(
                &model.shifts.iter().map(|s| s.minutes).collect::<Vec<_>>(),
                &c.max_per_shift,
            ),
            left: vec![0; n],
            longest_first: {
                let mut types: Vec<usize> = (0..n).filter(|&s| c.max_per_shift[s] > 0).collect();
                types.sort_by_key(|&s| std::cmp::Reverse(model.shifts[s].minutes));
                types
            },
        }
    }

    /// A row keeping every hard rule, preferring cells of high
    /// `appeal(day, cell)`; or why there is none.
    pub fn row(
        mut self,
        rng: &mut Rng,
        appeal: &dyn Fn(usize, Option<usize>) -> f64,
    ) -> Result<Vec<Option<usize>>, Unbuilt> {
        let start = Used {
            minutes: 0,
            worked: 0,
            weekends: 0,
            run: 0,
            edge: true,
        };
        if self.rules.model.days == 0 {
            return Err(Unbuilt::Impossible);
        }
        // Restarts with a growing budget of nodes, each in another random
        // order and heeding the appeal less: a first choice that leads into
        // a huge empty subtree is left for another order. What an attempt
        // proved empty stays remembered, so each one searches less, and the
        // one that finishes within its budget decides.
        for attempt in 0u32.. {
            self.row.clear();
            self.counts.iter_mut().for_each(|n| *n = 0);
            (self.nodes, self.cut) = (0, false);
            self.budget = FIRST_BUDGET.checked_shl(attempt).unwrap_or(u64::MAX);
            self.heed = 0.5 / f64::from(1 + attempt);
            if self.extend(start, rng, appeal) {
                return Ok(self.row);
            }
            if self.out_of_time {
                return Err(Unbuilt::OutOfTime);
            }
            if !self.cut {
                return Err(Unbuilt::Impossible);
            }
        }
        unreachable!("the budget grows until an attempt finishes")
    }

    fn extend(
        &mut self,
        used: Used,
        rng: &mut Rng,
        appeal: &dyn Fn(usize, Option<usize>) -> f64,
    ) -> bool {
        let model = self.rules.model;
        let day = self.row.len();
        if day == model.days {
            return self.complete(used);
        }
        self.nodes += 1;
        if self.nodes.is_multiple_of(CLOCK_EVERY)
            && self.deadline.is_some_and(|d| Instant::now() >= d)
        {
            self.out_of_time = true;
        }
        if self.nodes > self.budget {
            self.cut = true;
        }
        if self.out_of_time || self.cut {
            return false;
        }
        let key = (day > 0).then(|| self.key(used));
        if key.as_ref().is_some_and(|k| self.failed.contains(k)) {
            return false;
        }
        let mut options: Vec<(f64, Option<usize>)> = std::iter::once(None)
            .chain((0..model.shifts.len()).map(Some))
            .filter(|&cell| self.rules.allowed_cell(self.staff, day, cell))
            .map(|cell| (appeal(day, cell) * self.heed + rng.unit() * 2.0, cell))
            .collect();
        options.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, cell) in options {
            let Some(next) = self.place(used, cell) else {
                continue;
            };
            if self.open(next) && self.extend(next, rng, appeal) {
                return true;
            }
            self.unplace();
            if self.out_of_time || self.cut {
                return false;
            }
        }
        if let Some(key) = key {
            if self.failed.len() < MAX_REMEMBERED {
                self.failed.insert(key);
            }
        }
        false
    }

    /// Puts `cell` on the next day if the rules that look back allow it,
    /// returning what the row then uses.
    fn place(&mut self, used: Used, cell: Option<usize>) -> Option<Used> {
        let model = self.rules.model;
        let c = &model.staff[self.staff].contract;
        let day = self.row.len();
        let before = day.checked_sub(1).map(|d| self.row[d]);
        let mut next = used;
        match cell {
            Some(s) => {
                if self.counts[s] >= c.max_per_shift[s] {
                    return None;
                }
                next.minutes += model.shifts[s].minutes;
                next.worked += 1;
                let sunday_alone = day % 7 == 6 && before.is_none_or(|b| b.is_none());
                if day % 7 == 5 || sunday_alone {
                    next.weekends += 1;
                }
                match before {
                    Some(Some(_)) => next.run += 1,
                    Some(None) => {
                        if !used.edge && used.run < c.min_consecutive_off as usize {
                            return None;
                        }
                        (next.run, next.edge) = (1, false);
                    }
                    None => (next.run, next.edge) = (1, true),
                }
                if next.run > c.max_consecutive_work as usize {
                    return None;
                }
            }
            None => match before {
                Some(Some(_)) => {
                    if !used.edge && used.run < c.min_consecutive_work as usize {
                        return None;
                    }
                    (next.run, next.edge) = (1, false);
                }
                Some(None) => next.run += 1,
                None => (next.run, next.edge) = (1, true),
            },
        }
        if next.minutes > c.max_minutes
            || next.worked > c.max_shifts
            || next.weekends > c.max_weekends
        {
            return None;
        }
        self.row.push(cell);
        if !self.rules.succession_ok(self.staff, &self.row, day)
            || (!c.windows.is_empty() && !self.rules.windows_ok(self.staff, &self.row))
            || !c.weekend_windows_ok(&self.row)
        {
            self.row.pop();
            return None;
        }
        if let Some(s) = cell {
            self.counts[s] += 1;
        }
        Some(next)
    }

    fn unplace(&mut self) {
        if let Some(Some(s)) = self.row.pop() {
            self.counts[s] -= 1;
        }
    }

    /// Whether the row so far may still be completed, as far as the table
    /// and the fewest shifts can tell.
    fn open(&mut self, used: Used) -> bool {
        let c = &self.rules.model.staff[self.staff].contract;
        if used.worked + self.open_after[self.row.len()] < c.min_shifts {
            return false;
        }
        let mut shifts_left = u32::MAX;
        if let Some(most) = &self.most {
            let day = self.row.len() - 1;
            let cell = self.row[day].map_or(0, |s| s + 1);
            let left = c.max_weekends - used.weekends;
            match most.after(day, cell, used.run, used.edge, left) {
                Some((minutes, shifts)) if used.minutes + minutes >= c.min_minutes => {
                    shifts_left = shifts;
                }
                _ => return false,
            }
        }
        let room = self.room(shifts_left, used.worked);
        if used.minutes + self.most_minutes(room) < c.min_minutes
            || !self.reach.open(&self.row, used.minutes, used.weekends)
        {
            return false;
        }
        // The totals the types' maxima leave, in as many shifts as the
        // row has room for (what the table may leave out).
        for ((left, &max), &count) in self.left.iter_mut().zip(&c.max_per_shift).zip(&self.counts) {
            *left = max - count;
        }
        self.sums.reachable(
            &self.left,
            c.min_minutes.saturating_sub(used.minutes),
            c.max_minutes - used.minutes,
            room,
        )
    }

    /// The most shifts the rest of the row could hold: its workable days,
    /// one in every `max_consecutive_work + 1` off, no more than
    /// `shifts_left` (the most the runs allow) nor the contract's most
    /// shifts less the `worked` ones.
    fn room(&self, shifts_left: u32, worked: u32) -> u32 {
        let model = self.rules.model;
        let c = &model.staff[self.staff].contract;
        let day = self.row.len();
        let days_left = model.days - day;
        let spaced = days_left - days_left / (c.max_consecutive_work as usize + 1);
        let open = (self.open_after[day] as usize).min(spaced) as u32;
        open.min(shifts_left)
            .min(c.max_shifts.saturating_sub(worked))
    }

    /// The most minutes `room` more shifts could add, filled with the
    /// longest types first up to what is left of each type's maximum. The
    /// table may leave those maxima out; this keeps them, loosely.
    fn most_minutes(&self, room: u32) -> u32 {
        let model = self.rules.model;
        let c = &model.staff[self.staff].contract;
        let mut left = room;
        let mut most = 0;
        for &s in &self.longest_first {
            let take = (c.max_per_shift[s] - self.counts[s]).min(left);
            most += take * model.shifts[s].minutes;
            left -= take;
            if left == 0 {
                break;
            }
        }
        most
    }

    /// The limits checked only once the row is whole (the last run touches
    /// the end, so no minimum holds it).
    fn complete(&self, used: Used) -> bool {
        let c = &self.rules.model.staff[self.staff].contract;
        used.minutes >= c.min_minutes && used.worked >= c.min_shifts
    }

    /// Everything the rest of the row depends on, after the prefix.
    fn key(&self, used: Used) -> Box<[u32]> {
        let day = self.row.len();
        let cell = |d: usize| self.row[d].map_or(0, |s| s as u32 + 1);
        let mut key = vec![
            day as u32,
            cell(day - 1),
            used.run.min(self.runs) as u32 * 2 + u32::from(used.edge),
        ];
        if self.track_minutes {
            key.push(used.minutes);
        }
        if self.track_worked {
            key.push(used.worked);
        }
        if self.track_weekends {
            key.push(used.weekends);
        }
        key.extend(self.counted.iter().map(|&s| self.counts[s]));
        if self.two_days {
            key.push(if day >= 2 { cell(day - 2) } else { u32::MAX });
        }
        let model = self.rules.model;
        for w in &model.staff[self.staff].contract.windows {
            if w.first < day && day < w.first + w.days {
                let minutes: u32 = self.row[w.first..day]
                    .iter()
                    .flatten()
                    .map(|&s| model.shifts[s].minutes)
                    .sum();
                key.push(minutes);
            }
        }
        for w in &model.staff[self.staff].contract.weekend_windows {
            if w.open_at(day) {
                key.push(w.worked(&self.row));
            }
        }
        key.into_boxed_slice()
    }
}
