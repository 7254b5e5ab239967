//! A fill's hours per person against their FTE target, before and with the
//! proposal, and in plain words why someone ends far from it: what a
//! manager checks before publishing ("Aisha Zhang: BLS expired 15 Dec —
//! cannot be scheduled").

use super::store::context::Loaded;
use super::{format, time, Assignment, StaffFacts, TimeOffStatus};
use crate::credentials::ExpiredAction;
use crate::solver::department::{target_minutes, Mapped};
use crate::solver::{room, Room, Roster};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// A person this far from their target (either way) is named in the
/// summary with the reason: one 8-hour shift.
pub const FAR_MINUTES: i64 = 8 * 60;

/// One person's hours in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FillHours {
    pub staff_id: i64,
    pub name: String,
    /// Paid minutes in the period before the fill and with its proposal.
    pub before_minutes: i64,
    pub after_minutes: i64,
    /// Their FTE's share of the period; none for per diem and agency staff.
    pub target_minutes: Option<i64>,
    /// Why they end at least [`FAR_MINUTES`] from their target; none when
    /// they are close to it (or have none).
    pub reason: Option<String>,
}

/// Everyone's hours, in `ctx.staff` order. `roster` is the proposal in the
/// model's terms, `proposed` the same as the period's assignments.
pub fn hours(
    loaded: &Loaded,
    mapped: &Mapped,
    roster: &Roster,
    proposed: &[Assignment],
    fairness: u32,
) -> Vec<FillHours> {
    let ctx = &loaded.ctx;
    let paid = |list: &[Assignment]| -> HashMap<i64, i64> {
        let mut out = HashMap::new();
        for a in list.iter().filter(|a| ctx.in_period(a.date)) {
            if let Some(t) = ctx.shift_type(a.shift_type_id) {
                *out.entry(a.staff_id).or_default() +=
                    time::paid_minutes(&time::span(ctx.tz, a.date, t), t);
            }
        }
        out
    };
    let (before, after) = (paid(&ctx.assignments), paid(proposed));
    ctx.staff
        .iter()
        .enumerate()
        .map(|(index, facts)| {
            let after_minutes = after.get(&facts.id).copied().unwrap_or(0);
            let target_minutes = target(mapped, facts);
            let reason = target_minutes
                .filter(|t| (after_minutes - t).abs() >= FAR_MINUTES)
                .map(|t| {
                    let why = if after_minutes < t {
                        why_short(loaded, mapped, roster, index, fairness)
                    } else {
                        why_over(mapped, roster, index)
                    };
                    format!(
                        "{}, {} of {}: {why}",
                        facts.name,
                        hours_text(after_minutes),
                        hours_text(t)
                    )
                });
            FillHours {
                staff_id: facts.id,
                name: facts.name.clone(),
                before_minutes: before.get(&facts.id).copied().unwrap_or(0),
                after_minutes,
                target_minutes,
                reason,
            }
        })
        .collect()
}

/// The FTE's share of the period, as the fill aims for it.
fn target(mapped: &Mapped, facts: &StaffFacts) -> Option<i64> {
    target_minutes(mapped, facts).map(i64::from)
}

/// The first reason that explains a shortfall: a credential that blocks,
/// days away, nothing they qualify for, their limits, or the search.
fn why_short(
    loaded: &Loaded,
    mapped: &Mapped,
    roster: &Roster,
    index: usize,
    fairness: u32,
) -> String {
    let ctx = &loaded.ctx;
    let facts = &ctx.staff[index];
    let (start, end) = (ctx.period_start, ctx.period_end);
    let blocking = facts
        .credentials
        .iter()
        .filter(|c| c.when_expired == ExpiredAction::Block && c.lapsed_on(end))
        .min_by_key(|c| c.expires_on);
    if let Some(c) = blocking {
        return match c.expires_on {
            None => format!("no {} on file — cannot be scheduled", c.name),
            Some(e) if e < start => {
                format!(
                    "{} expired {} — cannot be scheduled",
                    c.name,
                    format::day(e)
                )
            }
            Some(e) => format!(
                "{} expires {} — cannot be scheduled after it",
                c.name,
                format::day(e)
            ),
        };
    }
    let person = &mapped.model.staff[index];
    let mut parts = Vec::new();
    let away = |pred: &dyn Fn(chrono::NaiveDate) -> bool| {
        mapped
            .period()
            .filter(|&d| person.days_off.contains(&d) && pred(mapped.dates[d]))
            .count()
    };
    let employed = loaded.people.iter().find(|p| p.id == facts.id);
    let not_employed = away(&|date| !employed.is_some_and(|p| p.employed_on(date)));
    let off = away(&|date| {
        ctx.time_off.iter().any(|t| {
            t.staff_id == facts.id && t.status == TimeOffStatus::Approved && t.covers(date)
        })
    });
    if not_employed > 0 {
        parts.push(format!("not employed on {not_employed} days of the period"));
    }
    if off > 0 {
        parts.push(format!("approved time off on {off} days"));
    }
    let qualified = person.contract.max_per_shift.iter().any(|&m| m > 0);
    let rest = if !qualified {
        format!("no shift in this period needs a {}", facts.role.code())
    } else {
        let wanted = |day: usize, shift: usize| under_target(mapped, roster, index, day, shift);
        match room(&mapped.model, roster, index, mapped.period(), &wanted) {
            Room::NoCell => "no other day they can work".to_string(),
            Room::AtLimit => "every other shift would break one of their limits (hours per week or pay period, days in a row, rest or weekends)".to_string(),
            Room::Full => {
                "every shift they could still work is already at its target".to_string()
            }
            Room::Free if fairness == 0 => {
                "could work more; Fairness is 0, so the Fill did not aim for their hours".to_string()
            }
            Room::Free => {
                "could still take a shift that is short, but the Fill ran out of time to place them; run it longer".to_string()
            }
        }
    };
    parts.push(rest);
    parts.join("; ")
}

/// Whether `staff` on `shift` on `day` would close a gap without taking
/// any line of that shift past its target: some line they count for is
/// short, and none that charges for extra people is full.
fn under_target(mapped: &Mapped, roster: &Roster, staff: usize, day: usize, shift: usize) -> bool {
    let model = &mapped.model;
    let mut short = false;
    for c in model
        .cover
        .iter()
        .filter(|c| c.day == day && c.shift == shift && model.qualifies(staff, c))
    {
        let on = (0..model.staff.len())
            .filter(|&s| roster.cells[s][day] == Some(shift) && model.qualifies(s, c))
            .count() as u32;
        if on < c.requirement {
            short = true;
        } else if c.over_weight > 0 {
            return false;
        }
    }
    short
}

/// Why someone ends beyond their target: shifts kept from before, or cover
/// nobody else could give.
fn why_over(mapped: &Mapped, roster: &Roster, index: usize) -> String {
    let person = &mapped.model.staff[index];
    let kept: u32 = person
        .fixed
        .iter()
        .filter(|&&(d, _)| mapped.period().contains(&d))
        .map(|&(_, s)| mapped.model.shifts[s].minutes)
        .sum();
    let worked: u32 = mapped
        .period()
        .filter_map(|d| roster.cells[index][d])
        .map(|s| mapped.model.shifts[s].minutes)
        .sum();
    if kept >= worked {
        "the shifts kept from before already come to this".to_string()
    } else {
        "needed for shifts nobody else could take".to_string()
    }
}

/// "0 h", "144 h", "7 h 30 min".
fn hours_text(minutes: i64) -> String {
    if minutes == 0 {
        "0 h".to_string()
    } else {
        format::duration(minutes)
    }
}
