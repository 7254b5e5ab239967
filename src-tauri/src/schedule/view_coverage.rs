//! The grid's coverage rows: for each shift × need, per day, how many are
//! scheduled against the minimum and target. A role need counts everyone of
//! that role on the shift; a skill need everyone with the skill.

use super::rules::ScheduleContext;
use super::view::{CoverageCount, CoverageRow, CoverageStatus};
use super::{Requirement, StaffFacts};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// A line: its shift and requirement.
type Key = (i64, Requirement);
/// Per weekday (Monday first) the (minimum, target), if any.
type PerWeekday = [Option<(i64, i64)>; 7];

/// Rows in the order the needs were entered.
pub fn rows(ctx: &ScheduleContext, dates: &[NaiveDate]) -> Vec<CoverageRow> {
    // (shift, requirement) → per weekday (Mon = 0) its (minimum, target).
    let mut lines: Vec<(Key, PerWeekday)> = Vec::new();
    for need in &ctx.coverage {
        let key = (need.shift_type_id, need.requirement);
        let index = match lines.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                lines.push((key, [None; 7]));
                lines.len() - 1
            }
        };
        let day = need.weekday.num_days_from_monday() as usize;
        lines[index].1[day] = Some((i64::from(need.minimum), i64::from(need.target)));
    }
    let facts: HashMap<i64, &StaffFacts> = ctx.staff.iter().map(|s| (s.id, s)).collect();
    let mut on: HashMap<(NaiveDate, i64), Vec<&StaffFacts>> = HashMap::new();
    for a in ctx.assignments.iter().filter(|a| ctx.in_period(a.date)) {
        if let Some(f) = facts.get(&a.staff_id) {
            on.entry((a.date, a.shift_type_id)).or_default().push(f);
        }
    }
    lines
        .into_iter()
        .filter_map(|((shift_id, requirement), per_day)| {
            let shift = ctx.shift_type(shift_id)?;
            let who = match requirement {
                Requirement::Role(role) => role.code().to_string(),
                Requirement::Skill(id) => ctx.skill_name(id),
            };
            let days = dates
                .iter()
                .map(|d| {
                    let (minimum, target) =
                        per_day[d.weekday().num_days_from_monday() as usize].unwrap_or((0, 0));
                    let scheduled = on
                        .get(&(*d, shift_id))
                        .map_or(0, |v| v.iter().filter(|f| f.meets(requirement)).count())
                        as i64;
                    CoverageCount {
                        scheduled,
                        minimum,
                        target,
                        status: status(scheduled, minimum, target),
                    }
                })
                .collect();
            Some(CoverageRow {
                shift_type_id: shift_id,
                shift_code: shift.code.clone(),
                requirement,
                label: format!("{} · {who}", shift.name),
                days,
            })
        })
        .collect()
}

pub fn status(scheduled: i64, minimum: i64, target: i64) -> CoverageStatus {
    if minimum == 0 && target == 0 {
        CoverageStatus::None
    } else if scheduled < minimum {
        CoverageStatus::Short
    } else if scheduled < target {
        CoverageStatus::UnderTarget
    } else {
        CoverageStatus::Ok
    }
}
