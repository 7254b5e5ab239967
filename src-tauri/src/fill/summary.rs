//! A fill's result as the manager sees it: the cells it would change, how
//! the gaps compare, and why the gaps that remain could not be closed. The
//! proposal is only a proposal: nothing is saved until it is accepted.

use super::hours::{hours, FillHours};
use super::requests::{requests, FillRequests};
use super::warned::warned;
use crate::fill::department::{blocked, gaps, hourly, Mapped};
use crate::schedule::rules::ScheduleContext;
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::{check_all, format, Assignment, Requirement, RuleCode};
use crate::solver::{Outcome, Roster, Shortfall};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One cell the fill would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FillChange {
    pub staff_id: i64,
    /// "Maria Lopez".
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Shift codes before and after; none is an empty cell.
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FillSummary {
    /// The changes fall in exactly one of four kinds, so that `added +
    /// changed + removed + 2 × moved` is the number of `changes` (each a
    /// marked cell on the grid). Shifts given to an empty cell, not part of
    /// a move.
    pub added: u32,
    /// A shift changed to another type in the same cell.
    pub changed: u32,
    /// Shifts taken off, not part of a move.
    pub removed: u32,
    /// Of those removed, shifts that broke a blocking rule (approved time
    /// off, a lapsed credential that blocks): they had to come off, which
    /// is why a gap can open where the period looked covered.
    pub removed_blocked: u32,
    /// Of those removed (and not for a blocking rule), kept shifts of
    /// people two weekends or more from their share, opened so the Fill
    /// could share weekends more evenly (see `weekend_release`).
    pub weekend_trades: u32,
    /// Per diem and agency shifts moved to the department's own staff
    /// short of their hours: the same day and shift taken off a per diem or
    /// agency row (struck out) and given to someone with an FTE whose cell
    /// was empty. Each move is two changed cells, counted here only.
    pub moved: u32,
    /// People short of the days' minimums, before and with the proposal.
    pub short_before: u32,
    pub short_after: u32,
    /// People short of the targets above the minimums, before and after.
    pub under_target_before: u32,
    pub under_target_after: u32,
    /// Stopped by the manager before the time limit.
    pub stopped: bool,
    /// Why each remaining gap below a minimum was left, one line each.
    pub unmet: Vec<String>,
    /// Why each shift left under its target was, one line each ("Night
    /// 12 Jan under target by 1 RN: …"), one for each of
    /// `under_target_after`, each cause worded as in the headline (see
    /// [`super::under`]); gaps below a minimum are in `unmet` instead.
    pub under_target: Vec<String>,
    /// Each break of the rest rules (too little rest, a day shift after a
    /// night, an overlap) the proposal still holds, with why the Fill kept
    /// it: a locked shift, or one already worked before the period.
    pub rest_kept: Vec<String>,
    /// Everyone's hours before and after against their target, with the
    /// reason for those left far from it.
    pub hours: Vec<FillHours>,
    /// The staff requests met, and why each one not met was not.
    pub requests: FillRequests,
    /// People scheduled while a credential that only warns has lapsed,
    /// with their shifts ("Ben Ortiz: ACLS expired 3 Dec (warning only) —
    /// 6 shifts"): a warning keeps nobody off, so the manager chases it.
    pub warned: Vec<String>,
    /// People with an FTE whose weekends are far from their share (the
    /// proposal's weekends in proportion to FTE), with the reason.
    pub weekends: Vec<String>,
    pub changes: Vec<FillChange>,
}

/// The period's assignments with `roster`'s cells in place of its own.
pub fn proposed_assignments(
    ctx: &ScheduleContext,
    mapped: &Mapped,
    roster: &Roster,
) -> Vec<Assignment> {
    let mut out: Vec<Assignment> = ctx
        .assignments
        .iter()
        .filter(|a| !ctx.in_period(a.date))
        .cloned()
        .collect();
    for (s, row) in roster.cells.iter().enumerate() {
        for day in mapped.period() {
            if let Some(shift) = row[day] {
                out.push(Assignment {
                    staff_id: mapped.staff_ids[s],
                    date: mapped.dates[day],
                    shift_type_id: mapped.shift_ids[shift],
                    published_change: false,
                });
            }
        }
    }
    out
}

/// The cells that differ between the period's assignments and `proposed`,
/// by person (in `ctx.staff` order) and date.
pub fn changes(ctx: &ScheduleContext, proposed: &[Assignment]) -> Vec<FillChange> {
    let in_period = |list: &[Assignment]| -> HashMap<(i64, NaiveDate), i64> {
        list.iter()
            .filter(|a| ctx.in_period(a.date))
            .map(|a| ((a.staff_id, a.date), a.shift_type_id))
            .collect()
    };
    let (before, after) = (in_period(&ctx.assignments), in_period(proposed));
    let code = |id: Option<&i64>| {
        id.and_then(|&id| ctx.shift_type(id))
            .map(|t| t.code.clone())
    };
    let mut out = Vec::new();
    for person in &ctx.staff {
        for date in ctx.days() {
            let key = (person.id, date);
            let (from, to) = (before.get(&key), after.get(&key));
            if from != to {
                out.push(FillChange {
                    staff_id: person.id,
                    name: person.name.clone(),
                    date,
                    from: code(from),
                    to: code(to),
                });
            }
        }
    }
    out
}

pub fn summary(
    loaded: &Loaded,
    mapped: &Mapped,
    outcome: &Outcome,
    stopped: bool,
    fairness: u32,
) -> FillSummary {
    let ctx = &loaded.ctx;
    let proposed = proposed_assignments(ctx, mapped, &outcome.roster);
    let changes = changes(ctx, &proposed);
    let moved = moved_to_staff_with_a_target(ctx, &changes);
    let count = |f: &dyn Fn(&FillChange) -> bool| {
        changes
            .iter()
            .enumerate()
            .filter(|(i, c)| !moved.contains(i) && f(c))
            .count() as u32
    };
    let before = current_roster(ctx, mapped);
    let (short_before, under_target_before) = gaps(mapped, &before);
    let (short_after, under_target_after) = gaps(mapped, &outcome.roster);
    FillSummary {
        added: count(&|c| c.from.is_none()),
        changed: count(&|c| c.from.is_some() && c.to.is_some()),
        removed: count(&|c| c.to.is_none()),
        removed_blocked: count(&|c| {
            c.to.is_none()
                && ctx
                    .staff
                    .iter()
                    .find(|f| f.id == c.staff_id)
                    .is_some_and(|f| blocked(ctx, f, c.date))
        }),
        // Those that broke a blocking rule are counted there, once.
        weekend_trades: count(&|c| {
            c.from.is_some()
                && c.to.is_none()
                && mapped.released.contains(&(c.staff_id, c.date))
                && !ctx
                    .staff
                    .iter()
                    .find(|f| f.id == c.staff_id)
                    .is_some_and(|f| blocked(ctx, f, c.date))
        }),
        moved: (moved.len() / 2) as u32,
        short_before,
        short_after,
        under_target_before,
        under_target_after,
        stopped,
        unmet: outcome
            .shortfalls
            .iter()
            .filter(|s| mapped.covers[s.cover].minimum)
            .map(|s| explain(ctx, mapped, s))
            .collect(),
        under_target: super::under::cells(ctx, mapped, outcome)
            .iter()
            .map(|u| super::under::detail(ctx, mapped, u))
            .collect(),
        rest_kept: rest_kept(ctx, mapped, &proposed),
        hours: hours(
            loaded,
            mapped,
            (&before, &outcome.roster),
            &proposed,
            fairness,
        ),
        requests: requests(loaded, mapped, &outcome.roster),
        warned: warned(ctx, &proposed),
        weekends: super::weekends::far(ctx, mapped, &outcome.roster),
        changes,
    }
}

/// The rest-rule breaks left in `proposed`, each with why it stays: the
/// Fill opens every other shift that breaks one, so only a locked shift or
/// one before the period can hold it.
fn rest_kept(ctx: &ScheduleContext, mapped: &Mapped, proposed: &[Assignment]) -> Vec<String> {
    let mut after = ctx.clone();
    after.assignments = proposed.to_vec();
    let index: HashMap<i64, usize> = mapped
        .staff_ids
        .iter()
        .enumerate()
        .map(|(i, &id)| (id, i))
        .collect();
    check_all(&after)
        .into_iter()
        .filter(|v| {
            matches!(
                v.rule,
                RuleCode::Rest | RuleCode::DayAfterNight | RuleCode::DoubleBooking
            )
        })
        .map(|v| {
            let why: Vec<String> = v
                .cells
                .iter()
                .map(|c| {
                    let fixed = index
                        .get(&c.staff_id)
                        .zip(mapped.day_of(c.date))
                        .is_some_and(|(&s, day)| {
                            mapped.model.staff[s].fixed.iter().any(|&(d, _)| d == day)
                        });
                    let on = format::day(c.date);
                    if !ctx.in_period(c.date) {
                        format!("the shift on {on} is outside the period")
                    } else if fixed {
                        format!("the shift on {on} is locked")
                    } else {
                        format!("the shift on {on} has no other place")
                    }
                })
                .collect();
            format!("{} Kept: {}.", v.message, why.join(" and "))
        })
        .collect()
}

/// The changes that are moves: a per diem or agency shift taken off (not
/// for breaking a rule) paired with the same day and shift given to a
/// person with a target whose cell was empty (a changed shift is not a
/// move). Indices into `changes`, both cells of each pair.
pub(crate) fn moved_to_staff_with_a_target(
    ctx: &ScheduleContext,
    changes: &[FillChange],
) -> std::collections::HashSet<usize> {
    let facts = |id: i64| ctx.staff.iter().find(|f| f.id == id);
    let is_hourly =
        |id: i64| facts(id).is_some_and(|f| hourly(f.employment_type, f.fte_hundredths));
    let mut taken: HashMap<(NaiveDate, &str), Vec<usize>> = HashMap::new();
    for (i, c) in changes.iter().enumerate() {
        if c.from.is_some() || is_hourly(c.staff_id) {
            continue;
        }
        if let Some(to) = c.to.as_deref() {
            taken.entry((c.date, to)).or_default().push(i);
        }
    }
    let mut moved = std::collections::HashSet::new();
    for (i, c) in changes.iter().enumerate() {
        if c.to.is_some() || !is_hourly(c.staff_id) {
            continue;
        }
        let Some(from) = c.from.as_deref() else {
            continue;
        };
        if facts(c.staff_id).is_some_and(|f| blocked(ctx, f, c.date)) {
            continue;
        }
        if let Some(taker) = taken.get_mut(&(c.date, from)).and_then(|t| t.pop()) {
            moved.insert(i);
            moved.insert(taker);
        }
    }
    moved
}

/// The period as it stands, in the model's terms (one definition, the solver's).
pub use crate::fill::department::current_roster;

/// "Night on 12 Dec is 1 RN short of the minimum: every qualified RN
/// free that day is at a limit (hours, days in a row, rest or weekends)",
/// or for a target line "Night 12 Dec under target by 1 RN: …".
pub fn explain(ctx: &ScheduleContext, mapped: &Mapped, s: &Shortfall) -> String {
    let meaning = &mapped.covers[s.cover];
    let shift = ctx
        .shift_type(meaning.shift_type_id)
        .map_or_else(|| "A shift".to_string(), |t| t.name.clone());
    let who = match meaning.requirement {
        Requirement::Role(role) => role.code().to_string(),
        Requirement::Skill(id) => format!("person with {}", ctx.skill_name(id)),
    };
    let short = match (meaning.requirement, s.missing) {
        (_, 1) => format!("1 {who}"),
        (Requirement::Role(role), n) => format!("{n} {}s", role.code()),
        (Requirement::Skill(id), n) => format!("{n} people with {}", ctx.skill_name(id)),
    };
    let head = if meaning.minimum {
        format!(
            "{shift} on {} is {short} short of the minimum",
            format::day(meaning.date)
        )
    } else {
        format!(
            "{shift} {} under target by {short}",
            format::day(meaning.date)
        )
    };
    let qualified = s.day_off + s.elsewhere + s.unavailable + s.at_limit + s.available;
    if qualified == 0 {
        let on = mapped.model.cover[s.cover].requirement - s.missing;
        return if on == 0 {
            format!("{head}: nobody on staff qualifies ({who}).")
        } else {
            format!("{head}: every qualified {who} on staff is already on it.")
        };
    }
    let mut parts = Vec::new();
    for (n, what) in [
        (
            s.day_off,
            "on time off, not employed or not offering that day",
        ),
        (s.elsewhere, "on another shift"),
        (s.unavailable, "with a credential expired by then"),
        (
            s.at_limit,
            "at a limit (hours, days in a row, rest or weekends)",
        ),
        (
            s.available,
            "still free but the search ran out of time or judged them needed elsewhere",
        ),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if s.at_limit > 0 && s.available == 0 && s.unavailable == 0 {
        let others = parts[..parts.len() - 1].join(", ");
        return format!(
            "{head}: every qualified {who} free that day is at a limit (hours, days in a row, rest or weekends){}.",
            if others.is_empty() { String::new() } else { format!("; {others}") }
        );
    }
    format!("{head}: of {qualified} qualified, {}.", parts.join(", "))
}
