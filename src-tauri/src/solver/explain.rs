//! Why a cover line is short: for each person not on it that day, the first
//! reason that applies — a fixed day off, not able to work that shift, already
//! on another shift, or any assignment there would break their contract.

use super::model::{Model, Roster};
use super::row::Rules;
use super::score::{row_violations, Rule};
use super::state::State;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    /// Index into [`Model::cover`].
    pub cover: usize,
    pub missing: u32,
    /// People on a fixed day off.
    pub day_off: u32,
    /// People who cannot work this shift type (or lack the skill).
    pub unqualified: u32,
    /// People already on another shift that day.
    pub elsewhere: u32,
    /// People free that day who cannot take this cell (the model's
    /// unavailable cells: in the app, a lapsed credential).
    pub unavailable: u32,
    /// People free that day whom this shift would take past a contract limit.
    pub at_limit: u32,
    /// People who could take it without breaking a rule: the search judged
    /// the cost (their requests, other cover) higher than the shortfall.
    pub available: u32,
    /// Who those are (indices into [`Model::staff`]).
    pub free: Vec<usize>,
}

impl Shortfall {
    pub fn describe(&self, model: &Model) -> String {
        let c = &model.cover[self.cover];
        format!(
            "day {} shift {} short by {}: {} on a day off, {} not qualified, {} on another shift, \
             {} unavailable, {} at a contract limit, {} available but costlier elsewhere",
            c.day,
            model.shifts[c.shift].id,
            self.missing,
            self.day_off,
            self.unqualified,
            self.elsewhere,
            self.unavailable,
            self.at_limit,
            self.available
        )
    }
}

pub(crate) fn shortfalls(state: &State, rules: &mut Rules) -> Vec<Shortfall> {
    let model = state.model;
    let mut out = Vec::new();
    let mut row = Vec::with_capacity(model.days);
    for (i, cover) in model.cover.iter().enumerate() {
        let missing = state.shortfall(i);
        if missing == 0 {
            continue;
        }
        let mut s = Shortfall {
            cover: i,
            missing,
            day_off: 0,
            unqualified: 0,
            elsewhere: 0,
            unavailable: 0,
            at_limit: 0,
            available: 0,
            free: Vec::new(),
        };
        for staff in 0..model.staff.len() {
            let cell = state.roster.cells[staff][cover.day];
            if cell == Some(cover.shift) {
                continue;
            }
            if rules.day_off[staff][cover.day] {
                s.day_off += 1;
            } else if !model.qualifies(staff, cover)
                || model.staff[staff].contract.max_per_shift[cover.shift] == 0
            {
                s.unqualified += 1;
            } else if cell.is_some() {
                s.elsewhere += 1;
            } else if !rules.allowed(staff, cover.day, cover.shift) {
                s.unavailable += 1;
            } else {
                row.clone_from(&state.roster.cells[staff]);
                row[cover.day] = Some(cover.shift);
                if rules.feasible(staff, &row) {
                    s.available += 1;
                    s.free.push(staff);
                } else {
                    s.at_limit += 1;
                }
            }
        }
        out.push(s);
    }
    out
}

/// Whether a person could take one more shift on `days`, everyone else as
/// they are: why someone ends short of their target hours. Judged on the
/// shifts `wanted` asks for (those still short), so that what it says holds
/// for the shifts the manager sees short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Room {
    /// No free day holds a shift they may work (days off, a credential
    /// lapsed, nothing they qualify for).
    NoCell,
    /// They may work some shift on a free day, but none `wanted` asks for:
    /// each is already staffed to its target.
    Full,
    /// Each shift `wanted` asks for that they may work would break a limit
    /// of theirs (`every`: so would any other shift on a free day); the
    /// rules broken, most often first, with how many shifts break each.
    AtLimit {
        limits: Vec<(Rule, u32)>,
        every: bool,
    },
    /// A shift `wanted` asks for would keep every rule.
    Free,
}

pub fn room(
    model: &Model,
    roster: &Roster,
    staff: usize,
    days: Range<usize>,
    wanted: &dyn Fn(usize, usize) -> bool,
) -> Room {
    let rules = Rules::new(model);
    let mut trial = roster.clone();
    // The limits broken by the wanted shifts, and by every shift.
    let (mut short, mut all) = (Vec::<(Rule, u32)>::new(), Vec::<(Rule, u32)>::new());
    let (mut any, mut any_fits, mut any_wanted) = (false, false, false);
    for day in days {
        if roster.cells[staff][day].is_some() {
            continue;
        }
        for shift in 0..model.shifts.len() {
            // A type they do not work (only kept cells of it) is not room.
            let held = roster.cells[staff]
                .iter()
                .filter(|&&c| c == Some(shift))
                .count();
            let most = model.staff[staff].contract.max_per_shift[shift] as usize;
            if !rules.allowed(staff, day, shift) || held >= most {
                continue;
            }
            any = true;
            let asked = wanted(day, shift);
            any_wanted |= asked;
            trial.cells[staff][day] = Some(shift);
            let broken = row_violations(model, &trial, staff);
            trial.cells[staff][day] = None;
            if broken.is_empty() {
                if asked {
                    return Room::Free;
                }
                any_fits = true;
                continue;
            }
            let mut seen = Vec::new();
            for v in broken {
                if seen.contains(&v.rule) {
                    continue;
                }
                seen.push(v.rule);
                count(&mut all, v.rule);
                if asked {
                    count(&mut short, v.rule);
                }
            }
        }
    }
    let sorted = |mut limits: Vec<(Rule, u32)>| {
        limits.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        limits
    };
    if any && !any_fits {
        Room::AtLimit {
            limits: sorted(all),
            every: true,
        }
    } else if any_wanted {
        Room::AtLimit {
            limits: sorted(short),
            every: false,
        }
    } else if any {
        Room::Full
    } else {
        Room::NoCell
    }
}

fn count(limits: &mut Vec<(Rule, u32)>, rule: Rule) {
    match limits.iter_mut().find(|(r, _)| *r == rule) {
        Some((_, n)) => *n += 1,
        None => limits.push((rule, 1)),
    }
}
