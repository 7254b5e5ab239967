//! Shifts left under target, counted and worded once for the review's
//! figure, its headline lines and its details (issue #21: a banner said 15
//! RN shifts, the grid showed 81, the details gave a third cause). A shift
//! is under target as the grid shows it amber: the people on it who count
//! for a need meet its minimum but not its target. Each such cell has one
//! cause, the first that applies, so the causes add up to the figure.

use super::department::{target_minutes, Mapped};
use crate::schedule::rules::ScheduleContext;
use crate::schedule::{format, Requirement};
use crate::solver::{Outcome, Roster, Shortfall};
use std::collections::BTreeMap;

/// Why a cell is left under its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cause {
    /// A compliant agency nurse booked on it who counts for the need was
    /// taken off by the Fill: agency staff at agency rates staff only a
    /// minimum (`weights::AGENCY_PER_SHIFT`).
    AgencyTakenOff,
    /// Every qualified person free that day is at a limit, one of them at
    /// their FTE hours plus the extra the Fill allows.
    AtHours,
    /// Every qualified person free that day is at another limit.
    AtLimit,
    /// Nobody who qualifies is free that day.
    NoneFree,
    /// Those qualified who could have taken it within every rule are all
    /// agency staff: the Fill uses them only to reach a minimum
    /// (`weights::AGENCY_PER_SHIFT`).
    OnlyAgency,
    /// Someone qualified could have taken it within every rule.
    Free,
    /// The Fill was set to staff to the minimum: it had no target here.
    Minimum,
}

/// One cell under target: the index of its minimum line in
/// `mapped.covers`, its shortfall against the target (if the Fill had a
/// target line) and its cause.
#[derive(Debug, Clone)]
pub struct Under<'o> {
    pub cover: usize,
    /// People short of the target.
    pub missing: u32,
    pub shortfall: Option<&'o Shortfall>,
    pub cause: Cause,
}

/// Every cell of `outcome.roster` under its target, in cover order.
pub fn cells<'o>(ctx: &ScheduleContext, mapped: &Mapped, outcome: &'o Outcome) -> Vec<Under<'o>> {
    let model = &mapped.model;
    let roster = &outcome.roster;
    let mut out = Vec::new();
    for (i, (c, meaning)) in model.cover.iter().zip(&mapped.covers).enumerate() {
        if !meaning.minimum {
            continue;
        }
        let on = (0..model.staff.len())
            .filter(|&s| roster.cells[s][c.day] == Some(c.shift) && model.qualifies(s, c))
            .count() as u32;
        if on < c.requirement || on >= meaning.target {
            continue;
        }
        // The target line of the same need comes just after its minimum
        // line (see `department::cover`).
        let target_line = Some(i + 1).filter(|&t| {
            mapped.covers.get(t).is_some_and(|m| {
                !m.minimum
                    && m.date == meaning.date
                    && m.shift_type_id == meaning.shift_type_id
                    && m.requirement == meaning.requirement
            })
        });
        let shortfall = target_line.and_then(|t| outcome.shortfalls.iter().find(|s| s.cover == t));
        let taken_off = (0..model.staff.len()).any(|p| {
            mapped.agency[p]
                && mapped.current.cells[p][c.day] == Some(c.shift)
                && roster.cells[p][c.day] != Some(c.shift)
                && model.qualifies(p, c)
        });
        let cause = match (target_line, shortfall) {
            _ if taken_off => Cause::AgencyTakenOff,
            (None, _) => Cause::Minimum,
            (Some(_), Some(s)) => cause(ctx, mapped, roster, s),
            // A shortfall the search did not list: judged as if free.
            (Some(_), None) => Cause::Free,
        };
        out.push(Under {
            cover: i,
            missing: meaning.target - on,
            shortfall,
            cause,
        });
    }
    out
}

fn cause(ctx: &ScheduleContext, mapped: &Mapped, roster: &Roster, s: &Shortfall) -> Cause {
    if s.available > 0 {
        let agency = |p: usize| mapped.agency.get(p).copied().unwrap_or(false);
        return if s.free.iter().all(|&p| agency(p)) {
            Cause::OnlyAgency
        } else {
            Cause::Free
        };
    }
    if s.at_limit == 0 {
        return Cause::NoneFree;
    }
    let model = &mapped.model;
    let c = &model.cover[s.cover];
    let worked = |p: usize| -> u32 {
        mapped
            .period()
            .filter_map(|d| roster.cells[p][d])
            .map(|sh| model.shifts[sh].minutes)
            .sum()
    };
    let capped = (0..model.staff.len())
        .filter(|&p| model.qualifies(p, c) && roster.cells[p][c.day].is_none())
        .filter(|&p| {
            let person = &model.staff[p];
            person.contract.max_per_shift[c.shift] > 0
                && !person.days_off.contains(&c.day)
                && !person.unavailable.contains(&(c.day, c.shift))
        })
        .any(|p| {
            target_minutes(ctx, mapped, &ctx.staff[p], &model.staff[p].fixed).is_some_and(|t| {
                worked(p) + model.shifts[c.shift].minutes > t + mapped.extra_minutes
            })
        });
    if capped {
        Cause::AtHours
    } else {
        Cause::AtLimit
    }
}

/// "RN", "person with Charge".
pub fn who(ctx: &ScheduleContext, requirement: Requirement) -> String {
    match requirement {
        Requirement::Role(role) => role.code().to_string(),
        Requirement::Skill(id) => format!("person with {}", ctx.skill_name(id)),
    }
}

/// The cause in words, the same in the headline and in each detail line.
pub fn words(ctx: &ScheduleContext, mapped: &Mapped, who: &str, cause: Cause) -> String {
    match cause {
        Cause::AgencyTakenOff => format!(
            "a booked agency {who} was taken off to save cost (the Fill uses agency staff only to reach a minimum)"
        ),
        Cause::AtHours => {
            let extra = if mapped.extra_minutes == 0 {
                "their FTE hours (no extra hours allowed)".to_string()
            } else {
                format!(
                    "their FTE hours plus {} extra",
                    format::duration(i64::from(mapped.extra_minutes))
                )
            };
            format!("every qualified {who} free that day is at {extra} or at another limit (more extra hours in the Fill's options could staff it)")
        }
        Cause::AtLimit => format!(
            "every qualified {who} free that day is at a limit (days in a row, rest, weekly hours or weekends)"
        ),
        Cause::NoneFree => format!(
            "no qualified {who} is free that day (time off, another shift or a credential that blocks)"
        ),
        Cause::OnlyAgency => format!(
            "every qualified {who} free that day is agency staff, and the Fill uses agency only to reach a minimum"
        ),
        Cause::Free => format!(
            "a qualified {who} was free, but the Fill judged it dearer than the target (hours over their target, a request, their share of weekends, per diem or agency pay) or ran out of time"
        ),
        Cause::Minimum => {
            let _ = ctx;
            "the Fill was set to staff to the minimum".to_string()
        }
    }
}

/// One line per need: "81 RN shifts under target: 60 because every
/// qualified RN free that day is at …; 15 because …". The figures add up
/// to the line's count, and the lines' counts to the review's figure.
pub fn headline(ctx: &ScheduleContext, mapped: &Mapped, cells: &[Under]) -> Vec<String> {
    let mut by: BTreeMap<String, BTreeMap<Cause, u32>> = BTreeMap::new();
    for u in cells {
        let who = who(ctx, mapped.covers[u.cover].requirement);
        *by.entry(who).or_default().entry(u.cause).or_default() += 1;
    }
    by.into_iter()
        .map(|(who, causes)| {
            let total: u32 = causes.values().sum();
            let shifts = if total == 1 { "shift" } else { "shifts" };
            let parts: Vec<String> = causes
                .into_iter()
                .map(|(cause, n)| format!("{n} because {}", words(ctx, mapped, &who, cause)))
                .collect();
            let head = match who.strip_prefix("person with ") {
                Some(skill) => format!("{total} {shifts} under target for {skill}"),
                None => format!("{total} {who} {shifts} under target"),
            };
            format!("{head}: {}.", parts.join("; "))
        })
        .collect()
}

/// "Night 12 Jan under target by 1 RN: every qualified RN free that day is
/// at a limit (…)." for one cell, its cause worded as in the headline.
pub fn detail(ctx: &ScheduleContext, mapped: &Mapped, u: &Under) -> String {
    let meaning = &mapped.covers[u.cover];
    let shift = ctx
        .shift_type(meaning.shift_type_id)
        .map_or_else(|| "A shift".to_string(), |t| t.name.clone());
    let who = who(ctx, meaning.requirement);
    let short = match (meaning.requirement, u.missing) {
        (_, 1) => format!("1 {who}"),
        (Requirement::Role(role), n) => format!("{n} {}s", role.code()),
        (Requirement::Skill(id), n) => format!("{n} people with {}", ctx.skill_name(id)),
    };
    format!(
        "{shift} {} under target by {short}: {}.",
        format::day(meaning.date),
        words(ctx, mapped, &who, u.cause)
    )
}
