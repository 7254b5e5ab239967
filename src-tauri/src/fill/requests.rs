//! The staff requests a fill leaves unmet, each with the plainest reason
//! that can be found: "Ana Ruiz asked for 24 Dec off (strong): the Night
//! needed every RN on it to reach its minimum of 3."

use super::hours::limit_words;
use crate::fill::department::Mapped;
use crate::fill::staff_requests::{place, shift};
use crate::requests::{RequestKind, StaffRequest};
use crate::schedule::format;
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::Requirement;
use crate::solver::{room, Room, Roster};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct FillRequests {
    /// Requests on the period's days for people in the fill.
    pub total: u32,
    pub met: u32,
    /// One line per request not met, by day then person.
    pub not_met: Vec<String>,
}

pub fn requests(loaded: &Loaded, mapped: &Mapped, roster: &Roster) -> FillRequests {
    let mut out = FillRequests::default();
    let mut lines = Vec::new();
    for r in &loaded.requests {
        let Some((s, day)) = place(mapped, r) else {
            continue;
        };
        out.total += 1;
        let cell = roster.cells[s][day];
        let wanted = shift(mapped, r);
        let met = match (r.kind, wanted) {
            (RequestKind::Off, _) => cell.is_none(),
            (RequestKind::Work, Some(k)) => cell == Some(k),
            (RequestKind::Work, None) => cell.is_some(),
        };
        if met {
            out.met += 1;
            continue;
        }
        let key = (mapped.dates[day], loaded.ctx.staff[s].list_name.clone());
        let line = format!(
            "{}: {}.",
            head(loaded, r, s),
            why(loaded, mapped, roster, r, s, day)
        );
        lines.push((key, line));
    }
    lines.sort();
    out.not_met = lines.into_iter().map(|(_, l)| l).collect();
    out
}

fn shift_name(loaded: &Loaded, mapped: &Mapped, shift: usize) -> String {
    loaded
        .ctx
        .shift_type(mapped.shift_ids[shift])
        .map_or_else(|| "shift".to_string(), |t| t.name.clone())
}

/// "Ana Ruiz asked for 24 Dec off (strong)".
fn head(loaded: &Loaded, r: &StaffRequest, s: usize) -> String {
    let name = &loaded.ctx.staff[s].name;
    let day = r.day().map(format::day).unwrap_or_default();
    let priority = r.priority.label().to_lowercase();
    match (
        r.kind,
        r.shift_type_id.and_then(|id| loaded.ctx.shift_type(id)),
    ) {
        (RequestKind::Off, _) => format!("{name} asked for {day} off ({priority})"),
        (RequestKind::Work, Some(t)) => {
            format!("{name} asked to work the {} on {day} ({priority})", t.name)
        }
        (RequestKind::Work, None) => format!("{name} asked to work on {day} ({priority})"),
    }
}

fn why(
    loaded: &Loaded,
    mapped: &Mapped,
    roster: &Roster,
    r: &StaffRequest,
    s: usize,
    day: usize,
) -> String {
    let model = &mapped.model;
    let person = &model.staff[s];
    let date = mapped.dates[day];
    match roster.cells[s][day] {
        Some(on) if r.kind == RequestKind::Off || shift(mapped, r).is_some() => {
            let name = shift_name(loaded, mapped, on);
            if person.fixed.contains(&(day, on)) {
                return if loaded.locked.contains(&(r.staff_id, date)) {
                    format!("the cell is locked with a {name}")
                } else {
                    format!("the {name} already on the schedule was kept (Keep existing shifts)")
                };
            }
            let lead = if r.kind == RequestKind::Off {
                format!("the {name}")
            } else {
                format!("they were put on the {name} instead, which")
            };
            match needed(loaded, mapped, roster, s, day, on) {
                Some(need) => format!("{lead} needed every {need}"),
                None => format!(
                    "{lead} was weighed against cover and hours and kept them (a higher requests weight favours requests)"
                ),
            }
        }
        _ => {
            if person.days_off.contains(&day) {
                return "they are on time off, on leave or not employed that day".to_string();
            }
            let wanted = shift(mapped, r);
            let wants = move |_: usize, k: usize| wanted.is_none_or(|w| w == k);
            match room(model, roster, s, day..day + 1, &wants) {
                Room::AtLimit { limits, .. } => match limits.first() {
                    Some(&(rule, _)) => format!("it would break {}", limit_words(&loaded.ctx, rule)),
                    None => "it would break one of their limits".to_string(),
                },
                Room::NoCell => {
                    "that shift is not open to them that day (no need for their role or skills on it, or a credential that blocks)"
                        .to_string()
                }
                Room::Full => "the shift was already staffed to its target".to_string(),
                Room::Free => "the Fill judged them better off that day for cover and hours, or ran out of time; run it longer or raise the requests weight".to_string(),
            }
        }
    }
}

/// "RN on it to reach its minimum of 3": the tightest cover line of the
/// shift that the person counts for and that would fall short without
/// them.
fn needed(
    loaded: &Loaded,
    mapped: &Mapped,
    roster: &Roster,
    s: usize,
    day: usize,
    shift: usize,
) -> Option<String> {
    let model = &mapped.model;
    let mut best: Option<(bool, String)> = None;
    for (c, meaning) in model.cover.iter().zip(&mapped.covers) {
        if c.day != day || c.shift != shift || !model.qualifies(s, c) {
            continue;
        }
        let on = (0..model.staff.len())
            .filter(|&o| roster.cells[o][day] == Some(shift) && model.qualifies(o, c))
            .count() as u32;
        if on > c.requirement {
            continue;
        }
        let who = match meaning.requirement {
            Requirement::Role(role) => role.code().to_string(),
            Requirement::Skill(id) => format!("person with {}", loaded.ctx.skill_name(id)),
        };
        let what = if meaning.minimum { "minimum" } else { "target" };
        let text = format!("{who} on it to reach its {what} of {}", c.requirement);
        if best
            .as_ref()
            .is_none_or(|(minimum, _)| meaning.minimum && !minimum)
        {
            best = Some((meaning.minimum, text));
        }
    }
    best.map(|(_, t)| t)
}
