//! Filling a call-out: when a person drops out of a shift on the day, who
//! else could take it, best first, and why.
//!
//! Only people of the same role are considered. Anyone a blocking rule
//! refuses (approved time off, a Block credential, a clash) or who already
//! works that day is excluded, with the reason. The rest are ranked in
//! tiers: first those who break no rule and go into no overtime, then those
//! who would only go into overtime, then those a warning rule objects to
//! (short rest, a day after a night, hours limits, a lapsed credential, a
//! missing skill the shift needs), each with that rule's reason. Within a
//! tier the department's own staff come before per diem, per diem before
//! agency; among own staff, those the shift keeps within their FTE's hours
//! come before those it takes past them; then the cheapest. An agency
//! nurse's reason says whether the department's own staff rank before or
//! after them. Someone whose previous shift ends as this one starts is not
//! offered at all: that is a double shift, not short rest.

use super::cost::{overtime_of, shift_cost};
use super::rules::{check_assignment, RuleCode, ScheduleContext, Timeline};
use super::time::{self, Span};
use super::{format, Assignment, Requirement, StaffFacts};
use crate::staff::EmploymentType;
use crate::units::{Cents, Fte};
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Candidate {
    pub staff_id: i64,
    /// As in every list of people: "Lopez, Maria".
    pub name: String,
    pub employment_type: EmploymentType,
    /// Rest since their previous shift ended; none when there is none before.
    pub rest_minutes: Option<i64>,
    pub rested: bool,
    /// Paid minutes already scheduled in that work week, and their FTE share of it.
    pub week_minutes: i64,
    pub week_fte_minutes: i64,
    pub overtime_minutes: i64,
    /// How far this shift takes them past their FTE's share of the week
    /// (a part-timer asked for more than they signed up for); 0 for per
    /// diem and agency, who have no FTE hours.
    pub over_fte_minutes: i64,
    /// What this shift would cost with them on it, overtime premium included.
    pub cost_cents: i64,
    pub hourly_cents: i64,
    pub lacks_skill: Option<String>,
    /// A credential of theirs has lapsed (one that only warns, or they
    /// would be excluded): its warning ranks them with the others a rule
    /// objects to.
    pub lapsed_credential: bool,
    /// "Full-time · 14 h rest · 24 h of 36 h this week · no overtime ·
    /// $48.50/h"; "Per diem · … · 23 h this week · …"; "Agency, after the
    /// department's own staff · …".
    pub reasons: String,
    /// Other warnings the assignment would raise.
    #[ts(type = "Array<string>")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Excluded {
    pub staff_id: i64,
    /// "Lopez, Maria".
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct CallOut {
    pub ranked: Vec<Candidate>,
    pub excluded: Vec<Excluded>,
}

/// The candidates for the shift `staff_id` was assigned on `date`. Nothing
/// when there is no such assignment.
pub fn call_out_candidates(ctx: &ScheduleContext, staff_id: i64, date: NaiveDate) -> CallOut {
    let Some(out) = ctx
        .assignments
        .iter()
        .find(|a| a.staff_id == staff_id && a.date == date)
    else {
        return CallOut::default();
    };
    let (Some(absent), Some(shift)) = (ctx.staff(staff_id), ctx.shift_type(out.shift_type_id))
    else {
        return CallOut::default();
    };
    let mut without = ctx.clone();
    without
        .assignments
        .retain(|a| !(a.staff_id == staff_id && a.date == date));
    let needed = missing_skills(&without, out);
    let span = time::span(ctx.tz, date, shift);
    let paid = time::paid_minutes(&span, shift);

    let mut result = CallOut::default();
    for person in ctx
        .staff
        .iter()
        .filter(|p| p.id != staff_id && p.role == absent.role)
    {
        let excluded = |reason: String| Excluded {
            staff_id: person.id,
            name: person.list_name.clone(),
            reason,
        };
        // Someone on a leave of absence cannot be called in.
        if person.on_leave_on(date) {
            result.excluded.push(excluded(
                match person
                    .leave_since
                    .as_deref()
                    .and_then(|d| crate::input::date(d).ok())
                {
                    Some(since) => format!("On leave since {}.", format::day(since)),
                    None => "On leave.".to_string(),
                },
            ));
            continue;
        }
        // Only this person's shifts matter for their own rules; coverage is
        // the same whoever fills the gap.
        let mut theirs = without.clone();
        theirs.assignments.retain(|a| a.staff_id == person.id);
        theirs.coverage.clear();
        if let Some(a) = theirs.assignments.iter().find(|a| a.date == date) {
            let name = ctx
                .shift_type(a.shift_type_id)
                .map_or("a shift", |s| s.name.as_str());
            result.excluded.push(excluded(format!(
                "Already works {name} on {}.",
                format::day(date)
            )));
            continue;
        }
        let proposal = Assignment {
            staff_id: person.id,
            ..out.clone()
        };
        let warnings = match check_assignment(&theirs, &proposal) {
            Ok(w) => w,
            Err(refusal) => {
                result.excluded.push(excluded(refusal.message));
                continue;
            }
        };
        let lapsed_credential = warnings.iter().any(|w| w.rule == RuleCode::Credential);
        let rested = !warnings
            .iter()
            .any(|w| matches!(w.rule, RuleCode::Rest | RuleCode::DayAfterNight));
        let (week_minutes, overtime_minutes, cost_cents) =
            hours_and_cost(&theirs, person, &proposal, paid);
        // Per diem and agency staff have no FTE hours, whatever their record
        // holds (an agency nurse entered at 0.90).
        let week_fte_minutes =
            if super::period_hours::hourly(person.employment_type, person.fte_hundredths) {
                0
            } else {
                Fte(person.fte_hundredths)
                    .weekly_limit_minutes(ctx.rules.weekly_hours_limit_minutes)
            };
        let lacks_skill = needed
            .iter()
            .find(|s| !person.skills.contains(s))
            .map(|s| ctx.skill_name(*s));
        let hourly_cents = Cents(cost_cents).per_hour(paid).0;
        let rest_minutes = rest_before(&theirs, person.id, &span);
        // Straight on from another shift is no rest at all: a second shift
        // back to back, which no manager would ask of a nurse on the day.
        if rest_minutes == Some(0) {
            result.excluded.push(excluded(format!(
                "Would work straight on from their previous shift, with no rest before {} on {}.",
                shift.name,
                format::day(date)
            )));
            continue;
        }
        let over_fte_minutes = if week_fte_minutes > 0 {
            (week_minutes + paid - week_fte_minutes).max(0)
        } else {
            0
        };
        let mut parts = Vec::new();
        if let Some(skill) = &lacks_skill {
            parts.push(format!("No {skill}"));
        }
        // Said in the reason too, since it ranks them after everyone whose papers are in order.
        let lapsed: Vec<&str> = person
            .credentials
            .iter()
            .filter(|c| c.lapsed_on(date))
            .map(|c| c.name.as_str())
            .collect();
        if !lapsed.is_empty() {
            parts.push(format!("{} lapsed", lapsed.join(", ")));
        }
        // A plain fact: whether it is too short is the rest rule's warning.
        parts.push(match rest_minutes {
            Some(m) => format!("{} rest", format::duration(m)),
            None => "no earlier shift".to_string(),
        });
        // Per diem and agency staff have no FTE hours to be measured against.
        // "0 h of 36 h", not "0 min of 36 h".
        let worked = match week_minutes {
            0 => "0 h".to_string(),
            m => format::duration(m),
        };
        parts.push(if week_fte_minutes > 0 {
            format!(
                "{worked} of {} this week",
                format::duration(week_fte_minutes)
            )
        } else if week_minutes > 0 {
            format!("{} this week", format::duration(week_minutes))
        } else {
            "no hours yet this week".to_string()
        });
        // Past their FTE but not (as far) into overtime: said, since it ranks
        // them after own staff with room; overtime says itself.
        if over_fte_minutes > overtime_minutes {
            parts.push(format!(
                "{} over their hours with this shift",
                format::duration(over_fte_minutes)
            ));
        }
        parts.push(match overtime_minutes {
            0 => "no overtime".to_string(),
            m => format!("{} overtime", format::duration(m)),
        });
        parts.push(Cents(hourly_cents).rate());
        result.ranked.push(Candidate {
            staff_id: person.id,
            name: person.list_name.clone(),
            employment_type: person.employment_type,
            rest_minutes,
            rested,
            week_minutes,
            week_fte_minutes,
            overtime_minutes,
            over_fte_minutes,
            cost_cents,
            hourly_cents,
            lacks_skill,
            lapsed_credential,
            reasons: parts.join(" · "),
            // Every rule they would break, in its own words; they are not
            // on this shift yet, so a credential "would be scheduled on" it.
            warnings: warnings
                .into_iter()
                .map(|w| match w.message.split_once("; scheduled on ") {
                    Some((what, _)) => {
                        format!("{what}; would be scheduled on {}.", format::day(date))
                    }
                    None => w.message,
                })
                .collect(),
        });
    }
    result.ranked.sort_by_key(|c| {
        (
            tier(c),
            // Among those a rule objects to, a nurse short of rest (a safety
            // matter) comes last, then fewer rules broken first.
            !c.rested,
            c.warnings.len() + usize::from(c.lacks_skill.is_some()),
            employment_rank(c.employment_type),
            // Own staff with hours to give before those it takes past their FTE.
            c.over_fte_minutes > 0,
            c.cost_cents,
            c.name.clone(),
        )
    });
    for i in 0..result.ranked.len() {
        let c = &result.ranked[i];
        let own = |c: &Candidate| c.employment_type != EmploymentType::Agency;
        let kind = match c.employment_type {
            EmploymentType::Agency if result.ranked[i..].iter().any(own) => {
                "Agency, ahead of own staff who would go into overtime or break a rule".to_string()
            }
            EmploymentType::Agency if result.ranked[..i].iter().any(own) => {
                "Agency, after the department's own staff".to_string()
            }
            EmploymentType::Agency => {
                "Agency: none of the department's own staff can take it".to_string()
            }
            other => other.label().to_string(),
        };
        let c = &mut result.ranked[i];
        c.reasons = format!("{kind} · {}", c.reasons);
    }
    result
}

/// 0: breaks nothing, no overtime; 1: overtime only; 2: a warning rule
/// objects (a missing skill counts: the shift would still lack it).
/// Blocking rules never reach the list: those people are excluded.
fn tier(c: &Candidate) -> u8 {
    if !c.warnings.is_empty() || c.lacks_skill.is_some() {
        2
    } else if c.overtime_minutes > 0 {
        1
    } else {
        0
    }
}

/// The department's own staff first, then per diem, agency last.
fn employment_rank(kind: EmploymentType) -> u8 {
    match kind {
        EmploymentType::PerDiem => 1,
        EmploymentType::Agency => 2,
        _ => 0,
    }
}

/// Skills the shift's coverage needs that nobody left on it has.
fn missing_skills(ctx: &ScheduleContext, vacancy: &Assignment) -> Vec<i64> {
    let on: Vec<&StaffFacts> = ctx
        .assignments
        .iter()
        .filter(|a| a.date == vacancy.date && a.shift_type_id == vacancy.shift_type_id)
        .filter_map(|a| ctx.staff(a.staff_id))
        .collect();
    ctx.coverage
        .iter()
        .filter(|n| n.shift_type_id == vacancy.shift_type_id && n.weekday == vacancy.date.weekday())
        .filter_map(|n| match n.requirement {
            Requirement::Skill(s) if n.minimum > 0 && !on.iter().any(|p| p.skills.contains(&s)) => {
                Some(s)
            }
            _ => None,
        })
        .collect()
}

/// Their paid minutes already in the work week, the overtime this shift
/// would add, and what the shift would cost with them on it.
fn hours_and_cost(
    ctx: &ScheduleContext,
    person: &StaffFacts,
    proposal: &Assignment,
    paid: i64,
) -> (i64, i64, i64) {
    let week = time::week_start(ctx.rules.pay_period_anchor, proposal.date);
    let before = Timeline::new(ctx);
    let week_minutes = before.people.first().map_or(0, |p| {
        p.shifts
            .iter()
            .filter(|w| w.date() >= week && w.date() < week + Duration::days(7))
            .map(|w| w.paid_minutes)
            .sum()
    });
    let ot_before: i64 = before
        .people
        .first()
        .map_or(0, |p| overtime_of(&ctx.rules, &p.shifts).iter().sum());
    let mut with = ctx.clone();
    with.assignments.push(proposal.clone());
    let after = Timeline::new(&with);
    let shifts = &after.people[0].shifts;
    let ot_after: i64 = overtime_of(&ctx.rules, shifts).iter().sum();
    let added = ot_after - ot_before;
    let shift = ctx
        .shift_type(proposal.shift_type_id)
        .expect("checked by the caller");
    let line = shift_cost(&ctx.rules, person, shift, proposal.date, paid, added);
    (week_minutes, added, line.total_cents)
}

/// Real minutes from the end of their last shift before `span` to its start.
fn rest_before(ctx: &ScheduleContext, staff_id: i64, span: &Span) -> Option<i64> {
    ctx.assignments
        .iter()
        .filter(|a| a.staff_id == staff_id)
        .filter_map(|a| Some(time::span(ctx.tz, a.date, ctx.shift_type(a.shift_type_id)?)))
        .filter(|s| s.end <= span.start)
        .map(|s| (span.start - s.end).num_minutes())
        .min()
}

#[cfg(test)]
#[path = "candidates_tests.rs"]
mod tests;
