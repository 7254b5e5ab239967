//! The search's small moves. Each changes a few cells in place, recording
//! the old values in `undo`, and returns the change in cost and the people
//! whose rows must be checked before it is kept.

use super::rng::Rng;
use super::row::Rules;
use super::state::State;

pub(crate) type Undo = Vec<(usize, usize, Option<usize>)>;

pub(crate) type Touched = [Option<usize>; 2];

/// Gives one person new values on 1–3 consecutive days: all one value, or
/// each its own. Fixed days off stay off.
pub(crate) fn change_block(
    state: &mut State,
    rules: &Rules,
    rng: &mut Rng,
    undo: &mut Undo,
) -> (i64, Touched) {
    let model = state.model;
    let staff = rng.below(model.staff.len());
    let length = (1 + rng.below(3)).min(model.days);
    let first = rng.below(model.days - length + 1);
    let values = model.shifts.len() + 1;
    let same = rng.below(2) == 0;
    let mut value = rng.below(values);
    let mut delta = 0;
    for day in first..first + length {
        if !same {
            value = rng.below(values);
        }
        let cell = value.checked_sub(1);
        if cell.is_some_and(|s| !rules.allowed(staff, day, s)) {
            continue;
        }
        let old = state.roster.cells[staff][day];
        if old != cell {
            undo.push((staff, day, old));
            delta += state.set(staff, day, cell);
        }
    }
    (delta, [Some(staff), None])
}

/// Swaps two of one person's days up to a week apart: a shift moves to a day
/// off (keeping their totals), or two shift types trade places.
pub(crate) fn move_within_row(
    state: &mut State,
    rules: &Rules,
    rng: &mut Rng,
    undo: &mut Undo,
) -> (i64, Touched) {
    let model = state.model;
    let staff = rng.below(model.staff.len());
    let d = rng.below(model.days);
    let e = (d + 1 + rng.below(7)).min(model.days - 1);
    let (x, y) = (state.roster.cells[staff][d], state.roster.cells[staff][e]);
    let fits = |day, cell: Option<usize>| cell.is_none_or(|s| rules.allowed(staff, day, s));
    if x == y || !fits(d, y) || !fits(e, x) {
        return (0, [None, None]);
    }
    undo.push((staff, d, x));
    undo.push((staff, e, y));
    let delta = state.set(staff, d, y) + state.set(staff, e, x);
    (delta, [Some(staff), None])
}

/// Swaps two separate days between two people, so that each keeps as many
/// shifts as before.
pub(crate) fn swap_two_days(state: &mut State, rng: &mut Rng, undo: &mut Undo) -> (i64, Touched) {
    let model = state.model;
    let a = rng.below(model.staff.len());
    let b = (a + 1 + rng.below(model.staff.len() - 1)) % model.staff.len();
    let d = rng.below(model.days);
    let e = rng.below(model.days);
    let mut delta = 0;
    for day in [d, e].into_iter().take(if d == e { 1 } else { 2 }) {
        let (x, y) = (state.roster.cells[a][day], state.roster.cells[b][day]);
        if x != y {
            undo.push((a, day, x));
            undo.push((b, day, y));
            delta += state.set(a, day, y);
            delta += state.set(b, day, x);
        }
    }
    (delta, [Some(a), Some(b)])
}

/// Swaps 1–7 consecutive days between two people.
pub(crate) fn swap_block(state: &mut State, rng: &mut Rng, undo: &mut Undo) -> (i64, Touched) {
    let model = state.model;
    let a = rng.below(model.staff.len());
    let b = (a + 1 + rng.below(model.staff.len() - 1)) % model.staff.len();
    let length = (1 + rng.below(7)).min(model.days);
    let first = rng.below(model.days - length + 1);
    let mut delta = 0;
    for day in first..first + length {
        let (x, y) = (state.roster.cells[a][day], state.roster.cells[b][day]);
        if x != y {
            undo.push((a, day, x));
            undo.push((b, day, y));
            delta += state.set(a, day, y);
            delta += state.set(b, day, x);
        }
    }
    (delta, [Some(a), Some(b)])
}
