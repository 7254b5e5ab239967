//! What the rules look at: the period's facts as the store loaded them
//! (`ScheduleContext`), and the same assignments placed in real time, per
//! person, in order (`Timeline`) — built once and shared by every rule.

use super::Cell;
use crate::schedule::time::{self, Span};
use crate::schedule::{Assignment, CoverageNeed, Rules, ShiftType, StaffFacts, TimeOff};
use crate::staff::Skill;
use chrono::NaiveDate;
use chrono_tz::Tz;
use std::collections::HashMap;

/// Everything the rules need about one period; no database required.
#[derive(Debug, Clone)]
pub struct ScheduleContext {
    /// The department's time zone.
    pub tz: Tz,
    pub rules: Rules,
    pub period_start: NaiveDate,
    /// Inclusive.
    pub period_end: NaiveDate,
    pub shift_types: Vec<ShiftType>,
    pub staff: Vec<StaffFacts>,
    /// Names for the skills coverage needs ask for.
    pub skills: Vec<Skill>,
    /// The period's assignments plus any around it (the previous period's
    /// last weeks, for rest, days in a row, weekends and hours).
    pub assignments: Vec<Assignment>,
    pub time_off: Vec<TimeOff>,
    /// The paid minutes of the scheduled shifts that approved, paid time
    /// off replaced (taken off the schedule), by person and day: the day
    /// pays them (`cost::time_off_day_minutes`).
    pub replaced_shifts: HashMap<(i64, NaiveDate), i64>,
    pub coverage: Vec<CoverageNeed>,
}

impl ScheduleContext {
    pub fn in_period(&self, date: NaiveDate) -> bool {
        self.period_start <= date && date <= self.period_end
    }

    pub fn shift_type(&self, id: i64) -> Option<&ShiftType> {
        self.shift_types.iter().find(|s| s.id == id)
    }

    pub fn staff(&self, id: i64) -> Option<&StaffFacts> {
        self.staff.iter().find(|s| s.id == id)
    }

    pub fn skill_name(&self, id: i64) -> String {
        self.skills
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("skill #{id}"), |s| s.name.clone())
    }

    /// The days of the period, first to last.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.period_start
            .iter_days()
            .take_while(move |d| *d <= self.period_end)
    }
}

/// One assignment placed in real time.
#[derive(Debug, Clone)]
pub struct Worked<'a> {
    pub assignment: &'a Assignment,
    pub shift: &'a ShiftType,
    pub span: Span,
    pub paid_minutes: i64,
    pub in_period: bool,
}

impl Worked<'_> {
    pub fn date(&self) -> NaiveDate {
        self.assignment.date
    }

    pub fn cell(&self) -> Cell {
        Cell {
            staff_id: self.assignment.staff_id,
            date: self.assignment.date,
        }
    }
}

/// One person's shifts, ordered by their real start.
#[derive(Debug, Clone)]
pub struct Person<'a> {
    pub id: i64,
    pub name: String,
    pub facts: Option<&'a StaffFacts>,
    pub shifts: Vec<Worked<'a>>,
}

/// The cells of these shifts that lie inside the period.
pub fn cells<'w, 'a: 'w>(shifts: impl IntoIterator<Item = &'w Worked<'a>>) -> Vec<Cell> {
    let mut cells: Vec<Cell> = shifts
        .into_iter()
        .filter(|w| w.in_period)
        .map(Worked::cell)
        .collect();
    cells.dedup();
    cells
}

/// Who works each shift (by date and shift type id): staff id and facts.
pub type OnShift<'a> = HashMap<(NaiveDate, i64), Vec<(i64, Option<&'a StaffFacts>)>>;

/// The schedule as the rules see it. Assignments of an unknown shift type
/// are left out: the store's foreign keys keep them from existing.
pub struct Timeline<'a> {
    pub ctx: &'a ScheduleContext,
    /// Ordered by staff id, so violations come out in a stable order.
    pub people: Vec<Person<'a>>,
    /// Who works each shift on each day of the period.
    pub on_shift: OnShift<'a>,
}

impl<'a> Timeline<'a> {
    pub fn new(ctx: &'a ScheduleContext) -> Self {
        let shift_types: HashMap<i64, &ShiftType> =
            ctx.shift_types.iter().map(|s| (s.id, s)).collect();
        let facts: HashMap<i64, &StaffFacts> = ctx.staff.iter().map(|s| (s.id, s)).collect();
        let mut by_person: HashMap<i64, Vec<Worked<'a>>> = HashMap::new();
        let mut on_shift: OnShift<'a> = HashMap::new();
        for a in &ctx.assignments {
            let Some(shift) = shift_types.get(&a.shift_type_id).copied() else {
                continue;
            };
            let span = time::span(ctx.tz, a.date, shift);
            let in_period = ctx.in_period(a.date);
            if in_period {
                on_shift
                    .entry((a.date, a.shift_type_id))
                    .or_default()
                    .push((a.staff_id, facts.get(&a.staff_id).copied()));
            }
            by_person.entry(a.staff_id).or_default().push(Worked {
                assignment: a,
                shift,
                paid_minutes: time::paid_minutes(&span, shift),
                span,
                in_period,
            });
        }
        let mut people: Vec<Person<'a>> = by_person
            .into_iter()
            .map(|(id, mut shifts)| {
                shifts.sort_by_key(|w| (w.span.start, w.date()));
                let facts = facts.get(&id).copied();
                Person {
                    id,
                    name: facts.map_or_else(|| format!("Staff #{id}"), |f| f.name.clone()),
                    facts,
                    shifts,
                }
            })
            .collect();
        people.sort_by_key(|p| p.id);
        Timeline {
            ctx,
            people,
            on_shift,
        }
    }
}
