//! After the search: a shift held by someone without a target (per diem,
//! agency) or beyond it goes to a person short of theirs, or to anyone else it costs
//! less with (an agency shift to a per diem nurse, a part-timer's one extra
//! shift), when they may take it under every rule and the roster costs less
//! so (cover included: a trade that loses the shift's charge nurse costs
//! more than it brings).
//! The search finds most such trades; this makes sure of the rest, which a
//! manager would otherwise find by hand ("why is the per diem nurse on a
//! night my full-time nurse could work?").

use super::explain::shortfalls;
use super::model::Model;
use super::row::Rules;
use super::score::row_violations;
use super::search::Outcome;
use super::state::State;

/// Gives `outcome`'s per diem and agency shifts, and the shifts of people
/// beyond their target, to whoever it is cheaper with, people short of
/// their target first, keeping every rule: a part-timer far past their FTE
/// does not keep a shift a full-timer short of theirs could work.
/// `agency[s]` marks agency staff: their shifts go to anyone else who
/// counts for every need the shift meets and may take it under every rule
/// (their hours limits included), cheaper or not — agency is used only
/// where nobody else within their limits qualifies.
pub(crate) fn hand_over(model: &Model, outcome: &mut Outcome, agency: &[bool]) {
    let mut state = State::new(model, outcome.roster.clone());
    let short = |state: &State, s: usize| {
        model.staff[s].target.as_ref().map_or(0, |t| {
            i64::from(t.minutes) - i64::from(t.worked(model, &state.roster.cells[s]))
        })
    };
    let mut changed = false;
    // A pass per round of trades; each trade lowers the cost or the agency
    // shifts (which nobody is given), so it ends.
    loop {
        let mut traded = false;
        let mut takers: Vec<usize> = (0..model.staff.len()).collect();
        takers.sort_by_key(|&p| std::cmp::Reverse(short(&state, p)));
        let givers: Vec<usize> = (0..model.staff.len())
            .filter(|&q| model.staff[q].target.is_none() || short(&state, q) < 0)
            .collect();
        for q in givers {
            for day in 0..model.days {
                let Some(shift) = state.roster.cells[q][day] else {
                    continue;
                };
                if model.staff[q].fixed.contains(&(day, shift)) {
                    continue;
                }
                let is_agency = agency.get(q).copied().unwrap_or(false);
                // An agency shift goes to the taker it costs least with.
                let mut best: Option<(i64, usize)> = None;
                for &p in &takers {
                    if p == q
                        || state.roster.cells[p][day].is_some()
                        || model.staff[p].contract.max_per_shift[shift] == 0
                        || agency.get(p).copied().unwrap_or(false)
                    {
                        continue;
                    }
                    let delta = state.set(p, day, Some(shift)) + state.set(q, day, None);
                    let fits = row_violations(model, &state.roster, p).is_empty()
                        && row_violations(model, &state.roster, q).is_empty();
                    state.set(q, day, Some(shift));
                    state.set(p, day, None);
                    if !fits {
                        continue;
                    }
                    if !is_agency && delta < 0 {
                        state.set(p, day, Some(shift));
                        state.set(q, day, None);
                        traded = true;
                        break;
                    }
                    if is_agency
                        && counts_for_all(model, q, p, day, shift)
                        && best.is_none_or(|(d, _)| delta < d)
                    {
                        best = Some((delta, p));
                    }
                }
                if let Some((_, p)) = best {
                    state.set(p, day, Some(shift));
                    state.set(q, day, None);
                    traded = true;
                }
            }
        }
        changed |= traded;
        if !traded {
            break;
        }
    }
    if changed {
        outcome.penalty = state.cost as u64;
        outcome.shortfalls = shortfalls(&state, &mut Rules::new(model));
        outcome.roster = state.roster;
    }
}

/// Whether `p` counts for every cover line of `shift` on `day` that `q`
/// counts for: giving them `q`'s shift leaves every need as met as it was.
fn counts_for_all(model: &Model, q: usize, p: usize, day: usize, shift: usize) -> bool {
    model
        .cover
        .iter()
        .filter(|c| c.day == day && c.shift == shift && model.qualifies(q, c))
        .all(|c| model.qualifies(p, c))
}

/// Moves one of a person's shifts to a shift still short of a need they
/// meet, when that lowers the cost under every rule: a part-timer's extra
/// shift on a night already above its minimum goes to a night below it
/// (a search cut short leaves such moves, which a manager finds by hand).
/// Returns whether a move was made.
fn move_into_short(model: &Model, state: &mut State) -> bool {
    for c in 0..model.cover.len() {
        if state.shortfall(c) == 0 {
            continue;
        }
        let line = &model.cover[c];
        let (to, shift) = (line.day, line.shift);
        for p in 0..model.staff.len() {
            let person = &model.staff[p];
            if !model.qualifies(p, line)
                || state.roster.cells[p][to].is_some()
                || person.contract.max_per_shift[shift] == 0
                || person.days_off.contains(&to)
                || person.fixed.iter().any(|&(d, _)| d == to)
            {
                continue;
            }
            for from in 0..model.days {
                let Some(was) = state.roster.cells[p][from] else {
                    continue;
                };
                if from == to || person.fixed.iter().any(|&(d, _)| d == from) {
                    continue;
                }
                let delta = state.set(p, from, None) + state.set(p, to, Some(shift));
                if delta < 0 && row_violations(model, &state.roster, p).is_empty() {
                    return true;
                }
                state.set(p, to, None);
                state.set(p, from, Some(was));
            }
        }
    }
    false
}

/// After the search: any single shift added or taken off that lowers the
/// cost under every rule is made, then any shift moved into a shift still
/// short ([`move_into_short`]), until none is left (agency staff only
/// lose shifts or move). A search cut short by its time leaves such shifts (a
/// person short of their hours, a target line one short), and a Fill run
/// again on the accepted result would otherwise find them then.
pub(crate) fn polish(model: &Model, outcome: &mut Outcome, agency: &[bool]) {
    let mut state = State::new(model, outcome.roster.clone());
    let mut changed = false;
    loop {
        let mut improved = false;
        for p in 0..model.staff.len() {
            let person = &model.staff[p];
            for day in 0..model.days {
                if person.fixed.iter().any(|&(d, _)| d == day) || person.days_off.contains(&day) {
                    continue;
                }
                let was = state.roster.cells[p][day];
                let mut choices: Vec<Option<usize>> = vec![None];
                if !agency.get(p).copied().unwrap_or(false) {
                    choices.extend(
                        (0..model.shifts.len())
                            .filter(|&s| person.contract.max_per_shift[s] > 0)
                            .map(Some),
                    );
                }
                for cell in choices.into_iter().filter(|&c| c != was) {
                    let delta = state.set(p, day, cell);
                    if delta < 0 && row_violations(model, &state.roster, p).is_empty() {
                        improved = true;
                        break;
                    }
                    state.set(p, day, was);
                }
            }
        }
        if !improved {
            improved = move_into_short(model, &mut state);
        }
        changed |= improved;
        if !improved {
            break;
        }
    }
    if changed {
        outcome.penalty = state.cost as u64;
        outcome.shortfalls = shortfalls(&state, &mut Rules::new(model));
        outcome.roster = state.roster;
    }
}

#[cfg(test)]
#[path = "handover_tests.rs"]
mod tests;
