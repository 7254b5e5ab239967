//! The most minutes the rest of a person's row can add, by state and by
//! weekends still allowed (issue #23): a small table, built backwards from
//! the last day, that the exact search ([`super::exact`]) prunes with when
//! the table of every reachable total ([`super::reach`]) had to leave the
//! weekend limit out to fit in memory. A year of long days needs most of
//! the year's weekends; with a weekend limit and long minimum rests, a row
//! that spent its weekends early cannot reach its minimum minutes, and this
//! says so on the day it happens, not months of backtracking later.

use super::row::Rules;

/// No valid remainder.
const NONE: u32 = u32::MAX;
/// The most entries the table may hold (64 MB of `u32`).
const MAX_ENTRIES: usize = 16 << 20;

pub(crate) struct Most {
    days: usize,
    cells: usize,
    runs: usize,
    /// Weekends tracked: 0..=`weekends` still allowed (0 when not tracked).
    weekends: usize,
    /// `most[((day * states + state) * (weekends + 1)) + left]`.
    most: Vec<u32>,
    /// The same for the most shifts (not minutes).
    shifts: Vec<u32>,
}

impl Most {
    /// The table for `staff`, none when it would not fit.
    pub fn new(rules: &Rules, staff: usize) -> Option<Most> {
        let model = rules.model;
        let c = &model.staff[staff].contract;
        let days = model.days;
        let cells = model.shifts.len() + 1;
        let max_work = c.max_consecutive_work as usize;
        let runs = if max_work < days { max_work } else { 0 }
            .max(c.min_consecutive_work as usize)
            .max(c.min_consecutive_off as usize)
            .max(1);
        let saturdays = (5..days).step_by(7).count();
        let weekends = if (c.max_weekends as usize) < saturdays {
            c.max_weekends as usize
        } else {
            0
        };
        let states = cells * runs * 2;
        let size = days * states * (weekends + 1);
        if days == 0 || size > MAX_ENTRIES {
            return None;
        }
        let mut table = Most {
            days,
            cells,
            runs,
            weekends,
            most: vec![NONE; size],
            shifts: vec![NONE; size],
        };
        let width = weekends + 1;
        let last = days - 1;
        for state in 0..states {
            for left in 0..width {
                table.most[(last * states + state) * width + left] = 0;
                table.shifts[(last * states + state) * width + left] = 0;
            }
        }
        for day in (0..last).rev() {
            for state in 0..states {
                let (before, run, edge) = table.unpack(state);
                for left in 0..width {
                    let (mut best, mut most_shifts) = (NONE, NONE);
                    for cell in 0..cells {
                        let Some((to, weekend)) =
                            table.step(rules, staff, Some((before, run, edge)), day + 1, cell)
                        else {
                            continue;
                        };
                        let weekend = usize::from(weekend && table.weekends > 0);
                        if weekend > left {
                            continue;
                        }
                        let at = ((day + 1) * states + to) * width + left - weekend;
                        let rest = table.most[at];
                        if rest == NONE {
                            continue;
                        }
                        let shifts = table.shifts[at] + u32::from(cell > 0);
                        if most_shifts == NONE || shifts > most_shifts {
                            most_shifts = shifts;
                        }
                        let minutes = cell.checked_sub(1).map_or(0, |s| model.shifts[s].minutes);
                        let total = rest + minutes;
                        if best == NONE || total > best {
                            best = total;
                        }
                    }
                    table.most[(day * states + state) * width + left] = best;
                    table.shifts[(day * states + state) * width + left] = most_shifts;
                }
            }
        }
        Some(table)
    }

    fn state(&self, cell: usize, run: usize, edge: bool) -> usize {
        (cell * self.runs + run.min(self.runs) - 1) * 2 + usize::from(edge)
    }

    fn unpack(&self, state: usize) -> (usize, usize, bool) {
        let rest = state / 2;
        (rest / self.runs, rest % self.runs + 1, state % 2 == 1)
    }

    /// The state after `cell` on `day` following `from` (none on day 0),
    /// and whether it starts a weekend worked; none if the rules forbid it.
    fn step(
        &self,
        rules: &Rules,
        staff: usize,
        from: Option<(usize, usize, bool)>,
        day: usize,
        cell: usize,
    ) -> Option<(usize, bool)> {
        if !rules.allowed_cell(staff, day, cell.checked_sub(1)) {
            return None;
        }
        let c = &rules.model.staff[staff].contract;
        let weekend = cell > 0
            && match day % 7 {
                5 => true,
                6 => from.is_none_or(|f| f.0 == 0),
                _ => false,
            };
        let Some((before, run, edge)) = from else {
            if cell > 0 && c.max_consecutive_work == 0 {
                return None;
            }
            return Some((self.state(cell, 1, true), weekend));
        };
        let (was_working, working) = (before > 0, cell > 0);
        let to = if was_working && working {
            if !rules.may_follow(staff, day, before - 1, cell - 1)
                || run + 1 > c.max_consecutive_work as usize
            {
                return None;
            }
            self.state(cell, run + 1, edge)
        } else if was_working != working {
            let least = if was_working {
                c.min_consecutive_work
            } else {
                c.min_consecutive_off
            } as usize;
            if !edge && run < least {
                return None;
            }
            if working && c.max_consecutive_work == 0 {
                return None;
            }
            self.state(cell, 1, false)
        } else {
            self.state(cell, run + 1, edge)
        };
        Some((to, weekend))
    }

    /// The most minutes a valid remainder can add after `day`, which ended
    /// with `cell` (0 for a day off) in a run `run` long (begun on day 0 if
    /// `edge`), with `left` more weekends allowed; none if no remainder is
    /// valid.
    /// And the most shifts it can hold.
    pub fn after(
        &self,
        day: usize,
        cell: usize,
        run: usize,
        edge: bool,
        left: u32,
    ) -> Option<(u32, u32)> {
        let states = self.cells * self.runs * 2;
        let width = self.weekends + 1;
        let left = (left as usize).min(self.weekends);
        let at = (day * states + self.state(cell, run, edge)) * width + left;
        (self.most[at] != NONE && day < self.days).then_some((self.most[at], self.shifts[at]))
    }
}
