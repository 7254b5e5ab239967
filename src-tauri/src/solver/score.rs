//! The independent scorer: the benchmark's published rules, written plainly
//! and separately from the search (which keeps its own incremental checks),
//! so that each checks the other.
//!
//! Hard rules are counted as violations, one per broken instance (a run too
//! long, a succession, a day off worked…); the penalty is the soft cost:
//! requests not granted (their weights), cover under/over (weight per
//! person) and hours away from a person's target (weight per hour; the app's
//! model only). Runs follow schedulingbenchmarks.org at the horizon's edges: the
//! minimum run lengths (work and off) do not apply to a run touching the
//! first or last day, which may continue outside the horizon; the maximum
//! counts the days inside. A weekend is worked when Saturday or Sunday is.

use super::model::{Model, RequestKind, Roster};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The roster's shape or a shift index does not fit the model.
    Shape,
    FixedDayOff,
    ForbiddenSuccession,
    MaxShiftsOfType,
    MinShifts,
    MaxShifts,
    MinMinutes,
    MaxMinutes,
    MaxConsecutiveWork,
    MinConsecutiveWork,
    MinConsecutiveOff,
    MaxWeekends,
    /// A cell given in advance was changed.
    Fixed,
    /// A cell the person cannot take was taken.
    Unavailable,
    /// Over the minutes allowed in a window (a week, a pay period).
    MaxMinutesInWindow,
    /// Over the weekends allowed in a run of weeks (any 4 weeks).
    MaxWeekendsInWindow,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub rule: Rule,
    pub staff: usize,
    /// The day it happens on, or the first day of the run.
    pub day: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub violations: Vec<Violation>,
    pub request_penalty: u64,
    pub cover_penalty: u64,
    pub target_penalty: u64,
}

impl Score {
    pub fn penalty(&self) -> u64 {
        self.request_penalty + self.cover_penalty + self.target_penalty
    }

    pub fn is_feasible(&self) -> bool {
        self.violations.is_empty()
    }
}

pub fn score(model: &Model, roster: &Roster) -> Score {
    let mut score = Score::default();
    let well_formed = roster.cells.len() == model.staff.len()
        && roster.cells.iter().all(|row| {
            row.len() == model.days && row.iter().flatten().all(|&s| s < model.shifts.len())
        });
    if !well_formed {
        score.violations.push(Violation {
            rule: Rule::Shape,
            staff: 0,
            day: None,
        });
        return score;
    }
    for staff in 0..model.staff.len() {
        check_row(model, roster, staff, &mut score.violations);
    }
    for request in &model.requests {
        let cell = roster.cells[request.staff][request.day];
        let granted = match request.kind {
            RequestKind::On => cell == Some(request.shift),
            RequestKind::Off => cell != Some(request.shift),
            RequestKind::Work => cell.is_some(),
        };
        if !granted {
            score.request_penalty += u64::from(request.weight);
        }
    }
    for (staff, person) in model.staff.iter().enumerate() {
        if let Some(target) = &person.target {
            score.target_penalty += target.row_penalty(model, &roster.cells[staff]) as u64;
        }
    }
    for cover in &model.cover {
        let count = (0..model.staff.len())
            .filter(|&s| roster.cells[s][cover.day] == Some(cover.shift))
            .filter(|&s| model.qualifies(s, cover))
            .count() as u64;
        let need = u64::from(cover.requirement);
        score.cover_penalty += need.saturating_sub(count) * u64::from(cover.under_weight)
            + count.saturating_sub(need) * u64::from(cover.over_weight);
    }
    score
}

/// The hard rules one person's row breaks (the roster must be well formed).
pub fn row_violations(model: &Model, roster: &Roster, staff: usize) -> Vec<Violation> {
    let mut out = Vec::new();
    check_row(model, roster, staff, &mut out);
    out
}

fn check_row(model: &Model, roster: &Roster, staff: usize, out: &mut Vec<Violation>) {
    let row = &roster.cells[staff];
    let contract = &model.staff[staff].contract;
    let mut push = |rule, day| out.push(Violation { rule, staff, day });

    for &day in &model.staff[staff].days_off {
        if row[day].is_some() {
            push(Rule::FixedDayOff, Some(day));
        }
    }
    let person = &model.staff[staff];
    let fixed = |day: usize| person.fixed.iter().any(|&(d, _)| d == day);
    for &(day, shift) in &person.fixed {
        if row[day] != Some(shift) {
            push(Rule::Fixed, Some(day));
        }
    }
    for &(day, shift) in &person.unavailable {
        if row[day] == Some(shift) && !fixed(day) {
            push(Rule::Unavailable, Some(day));
        }
    }
    // Successions one and two days apart; a pair of given cells is exempt.
    for day in 1..model.days {
        for gap in [1, 2] {
            let Some(before) = day.checked_sub(gap) else {
                continue;
            };
            if let (Some(a), Some(b)) = (row[before], row[day]) {
                let banned = if gap == 1 {
                    &model.shifts[a].forbidden_next
                } else {
                    &model.shifts[a].forbidden_after_gap
                };
                if banned.contains(&b) && !(fixed(before) && fixed(day)) {
                    push(Rule::ForbiddenSuccession, Some(day));
                }
            }
        }
    }
    for window in &contract.windows {
        let end = (window.first + window.days).min(model.days);
        let minutes: u32 = (window.first.min(end)..end)
            .filter_map(|d| row[d])
            .map(|s| model.shifts[s].minutes)
            .sum();
        if minutes > window.max_minutes {
            push(Rule::MaxMinutesInWindow, Some(window.first));
        }
    }
    for (shift, &max) in contract.max_per_shift.iter().enumerate() {
        if row.iter().filter(|&&c| c == Some(shift)).count() as u32 > max {
            push(Rule::MaxShiftsOfType, None);
        }
    }
    let worked = row.iter().flatten().count() as u32;
    if worked < contract.min_shifts {
        push(Rule::MinShifts, None);
    }
    if worked > contract.max_shifts {
        push(Rule::MaxShifts, None);
    }
    let minutes: u32 = row.iter().flatten().map(|&s| model.shifts[s].minutes).sum();
    if minutes < contract.min_minutes {
        push(Rule::MinMinutes, None);
    }
    if minutes > contract.max_minutes {
        push(Rule::MaxMinutes, None);
    }

    // Maximal runs of working days and of days off.
    let mut start = 0;
    while start < model.days {
        let working = row[start].is_some();
        let mut end = start;
        while end + 1 < model.days && row[end + 1].is_some() == working {
            end += 1;
        }
        let length = (end - start + 1) as u32;
        let inside = start > 0 && end + 1 < model.days;
        if working && length > contract.max_consecutive_work {
            push(Rule::MaxConsecutiveWork, Some(start));
        }
        if working && inside && length < contract.min_consecutive_work {
            push(Rule::MinConsecutiveWork, Some(start));
        }
        if !working && inside && length < contract.min_consecutive_off {
            push(Rule::MinConsecutiveOff, Some(start));
        }
        start = end + 1;
    }

    let weekends = (0..model.days)
        .step_by(7)
        .map(|monday| monday + 5)
        .filter(|&saturday| saturday < model.days)
        .filter(|&saturday| {
            row[saturday].is_some() || (saturday + 1 < model.days && row[saturday + 1].is_some())
        })
        .count() as u32;
    if weekends > contract.max_weekends {
        push(Rule::MaxWeekends, None);
    }
    for window in &contract.weekend_windows {
        if window.worked(row) > window.max {
            // The window's last weekend day worked: what a repair takes off.
            let last = (window.first_week * 7..(window.first_week + window.weeks) * 7)
                .rev()
                .find(|&d| Model::is_weekend(d) && row.get(d).is_some_and(Option::is_some));
            push(Rule::MaxWeekendsInWindow, last);
        }
    }
}
