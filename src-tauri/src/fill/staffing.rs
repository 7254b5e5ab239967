//! What a fill's staffing choices cost and left open, for the review: the
//! shifts staffed above each day's minimum and their pay ("Staffing above
//! minimum: 84 shifts, $49,942"), the shifts left open because everyone
//! who could work them is at their FTE hours plus the extra the Fill
//! allows, and, with "keep existing", how many existing shifts it changed.

use super::summary::{changes, proposed_assignments};
use crate::fill::department::{shift_pay_cents, target_minutes, FillOptions, Mapped, StaffTo};
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::{format, Requirement};
use crate::solver::{Outcome, Roster};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FillStaffing {
    /// What the Fill staffed to (an option of the dialog).
    pub staff_to: StaffTo,
    /// Role shifts beyond each day's minimum in the proposal, and the pay
    /// of the dearest of those on each (the ones a manager would drop).
    pub above_minimum_shifts: u32,
    pub above_minimum_cents: i64,
    /// One line per role of gaps below the minimum left because every
    /// qualified person free that day is at their FTE hours plus the extra
    /// hours (or at another limit): "3 RN shifts left open: …"; then one
    /// line per need of the shifts left under target, each cause with its
    /// count, adding up to the review's figure ([`super::under`]).
    pub left_open: Vec<String>,
    /// With "keep existing": how many shifts already on the schedule the
    /// proposal moves, changes or takes off (none otherwise).
    pub existing_changed: Option<u32>,
}

pub fn staffing(
    loaded: &Loaded,
    mapped: &Mapped,
    outcome: &Outcome,
    options: &FillOptions,
) -> FillStaffing {
    let ctx = &loaded.ctx;
    let (shifts, cents) = above_minimum(loaded, mapped, &outcome.roster);
    let existing_changed = options.keep_existing.then(|| {
        let proposed = proposed_assignments(ctx, mapped, &outcome.roster);
        changes(ctx, &proposed)
            .iter()
            .filter(|c| c.from.is_some())
            .count() as u32
    });
    FillStaffing {
        staff_to: options.staff_to,
        above_minimum_shifts: shifts,
        above_minimum_cents: cents,
        left_open: left_open(loaded, mapped, outcome, options.extra_hours),
        existing_changed,
    }
}

/// Role shifts beyond each day's minimum, and the pay of the dearest
/// people on each beyond it: `(shifts, cents)`. Skill lines (a charge
/// nurse) are within a role's head count and not counted again.
pub fn above_minimum(loaded: &Loaded, mapped: &Mapped, roster: &Roster) -> (u32, i64) {
    let ctx = &loaded.ctx;
    let model = &mapped.model;
    let (mut shifts, mut cents) = (0, 0);
    for (c, meaning) in model.cover.iter().zip(&mapped.covers) {
        if !meaning.minimum || !matches!(meaning.requirement, Requirement::Role(_)) {
            continue;
        }
        let Some(shift_type) = ctx.shift_type(meaning.shift_type_id) else {
            continue;
        };
        let mut pay: Vec<i64> = (0..model.staff.len())
            .filter(|&s| roster.cells[s][c.day] == Some(c.shift) && model.qualifies(s, c))
            .map(|s| shift_pay_cents(ctx, &ctx.staff[s], shift_type, meaning.date))
            .collect();
        let extra = pay.len().saturating_sub(c.requirement as usize);
        pay.sort_unstable_by(|a, b| b.cmp(a));
        shifts += extra as u32;
        cents += pay.iter().take(extra).sum::<i64>();
    }
    (shifts, cents)
}

/// The gaps left because everyone qualified and free that day is at a
/// limit, at least one of them at their FTE hours plus the extra hours:
/// one line per role (or skill) and kind of gap.
fn left_open(loaded: &Loaded, mapped: &Mapped, outcome: &Outcome, extra_hours: u32) -> Vec<String> {
    let ctx = &loaded.ctx;
    let model = &mapped.model;
    let roster = &outcome.roster;
    // Each person's limit over the period: target plus extra (raised to
    // what their kept shifts hold); none for per diem and agency staff.
    let worked = |s: usize| -> u32 {
        mapped
            .period()
            .filter_map(|d| roster.cells[s][d])
            .map(|sh| model.shifts[sh].minutes)
            .sum()
    };
    let capped = |s: usize, shift: usize| -> bool {
        let person = &model.staff[s];
        target_minutes(ctx, mapped, &ctx.staff[s], &person.fixed)
            .is_some_and(|t| worked(s) + model.shifts[shift].minutes > t + extra_hours * 60)
    };
    let mut groups: BTreeMap<(bool, String), u32> = BTreeMap::new();
    for s in &outcome.shortfalls {
        if s.available > 0 || !mapped.covers[s.cover].minimum {
            continue;
        }
        let c = &model.cover[s.cover];
        let free: Vec<usize> = (0..model.staff.len())
            .filter(|&p| model.qualifies(p, c) && roster.cells[p][c.day].is_none())
            .filter(|&p| {
                let person = &model.staff[p];
                person.contract.max_per_shift[c.shift] > 0
                    && !person.days_off.contains(&c.day)
                    && !person.unavailable.contains(&(c.day, c.shift))
            })
            .collect();
        if free.iter().any(|&p| capped(p, c.shift)) {
            let meaning = &mapped.covers[s.cover];
            let who = match meaning.requirement {
                Requirement::Role(role) => role.code().to_string(),
                Requirement::Skill(id) => format!("person with {}", ctx.skill_name(id)),
            };
            *groups.entry((!meaning.minimum, who)).or_default() += s.missing;
        }
    }
    let extra = if extra_hours == 0 {
        "their FTE hours (no extra hours allowed)".to_string()
    } else {
        format!(
            "their FTE hours plus {} extra",
            format::duration(i64::from(extra_hours) * 60)
        )
    };
    let under = super::under::cells(ctx, mapped, outcome);
    groups
        .into_iter()
        .map(|((target, who), n)| {
            let shifts = if n == 1 { "shift" } else { "shifts" };
            let left = if target {
                "left under target"
            } else {
                "left open"
            };
            let them = if n == 1 { "it" } else { "them" };
            format!(
                "{n} {who} {shifts} {left}: every qualified {who} free that day is at {extra} or at another limit. More extra hours in the Fill's options could staff {them}."
            )
        })
        .chain(super::under::headline(ctx, mapped, &under))
        .collect()
}
