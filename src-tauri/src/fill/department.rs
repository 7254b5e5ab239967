//! The department's draft period as a solver [`Model`]: who may work which
//! cells, their limits, what each day needs, and what each cell costs.
//!
//! Every rule the schedule checker treats as blocking is hard here — approved
//! time off (a day off), an expired credential (the cell is unavailable), two
//! shifts that overlap (a forbidden succession) — and so are the rules it
//! warns about, so that a fill adds no warning either: rest between shifts,
//! no day shift after a night, days in a row, hours per week and per pay
//! period, and weekends. Hours against the person's FTE are soft: a target
//! (see [`Target`]) the fill comes close to, weighted by the fairness.
//!
//! The horizon starts on a Monday at least a week before the period (the
//! model counts weekends from day 0, a Monday); those days hold the shifts
//! already worked, fixed, so rest, days in a row and weekly hours are right
//! across the boundary. Only the period's own cells can change.

use super::limits;
/// Whether an existing shift breaks a blocking rule, for the fill's summary.
pub use super::limits::blocked;
/// The pay of one shift (straight time and differentials), in cents.
pub use super::limits::shift_pay_cents;
/// A person's target minutes of shifts for the period, from their FTE.
pub use super::limits::target_minutes;
use super::weights::{
    hourly_weights, over_weight, AGENCY_BOOKING_MOVE_WEIGHT, AGENCY_PER_SHIFT, MINIMUM_WEIGHT,
    MOVE_WEIGHT, OVER_NEAR_MINUTES, REBUILD_MOVE_WEIGHT, TARGET_WEIGHT, UNDER_PER_HOUR,
    WARN_LAPSED_PER_SHIFT, WEEKEND_PER_FAIRNESS,
};
use crate::credentials::ExpiredAction;
use crate::schedule::period_hours::counted_by_coverage;
/// Whether a person is paid by the hours they work rather than an FTE.
pub use crate::schedule::period_hours::hourly;
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::{time, Requirement, ScheduleContext, ShiftType, StaffFacts, TimeOffStatus};
use crate::solver::model::{Cover, Model, Request, RequestKind, Roster, Shift, Staff, Target};
use crate::staff::EmploymentType;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// What the manager chose in the Fill dialog. Weights run 0–10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FillOptions {
    /// Keep the cells the manager locked as they are (a shift, or a day off).
    pub keep_locked: bool,
    /// Keep the shifts already in the period (those that break a blocking
    /// rule are let go, and per diem and agency shifts are open to staff
    /// short of their target unless locked, each move of one costing
    /// [`MOVE_WEIGHT`]). Approved time off is always kept.
    pub keep_existing: bool,
    /// How much pending time-off requests count.
    pub requests: u32,
    /// How much each person's hours should keep to their FTE's share of
    /// the period (0: not at all; per diem and agency staff have none).
    pub fairness: u32,
    /// How much the pay of each shift counts.
    pub cost: u32,
    /// Time limit for the search.
    pub seconds: u32,
    /// Hours a person with an FTE may work beyond their target for the
    /// period, a hard limit (0–48; 12 = one long shift). What cannot be
    /// staffed within it goes to per diem or agency staff or stays open.
    pub extra_hours: u32,
    /// Staff each shift to its target (above the minimum), or to the
    /// minimum only.
    pub staff_to: StaffTo,
}

/// How far the Fill staffs each shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StaffTo {
    Target,
    Minimum,
}

impl Default for FillOptions {
    fn default() -> Self {
        FillOptions {
            keep_locked: true,
            keep_existing: true,
            requests: 5,
            fairness: 3,
            cost: 3,
            seconds: 20,
            extra_hours: 12,
            staff_to: StaffTo::Target,
        }
    }
}

/// The most extra hours beyond their FTE the Fill may give a person.
pub const MAX_EXTRA_HOURS: u32 = 48;

/// Days after the period in the horizon.
pub const AFTER_DAYS: i64 = 2;

/// What a cover line of the model stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverMeaning {
    pub date: NaiveDate,
    pub shift_type_id: i64,
    pub requirement: Requirement,
    /// The minimum line (else the target line above it).
    pub minimum: bool,
    /// The need's target as the grid's coverage row reads it (a cell
    /// under it, its minimum met, is amber), even when the Fill staffs to
    /// the minimum only and so has no target line for it.
    pub target: u32,
}

/// The model with the way back to the department's ids and dates.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub model: Model,
    /// Model staff index → staff id (as `ctx.staff`).
    pub staff_ids: Vec<i64>,
    /// Model day → date; the period's days are `period()`, the days before
    /// it history and the two after it the next period's start.
    pub dates: Vec<NaiveDate>,
    pub first_period_day: usize,
    pub period_days: usize,
    /// Model shift → shift type id.
    pub shift_ids: Vec<i64>,
    /// Requirement of each model skill index.
    pub skills: Vec<Requirement>,
    pub covers: Vec<CoverMeaning>,
    /// Model staff index → whether they are agency staff (used last).
    pub agency: Vec<bool>,
    /// Model staff index, then day → whether a credential that only warns
    /// has lapsed by then: between people otherwise equal the one whose
    /// credentials are in order comes first (see [`WARN_LAPSED_PER_SHIFT`]).
    pub warned: Vec<Vec<bool>>,
    /// With "keep existing", the kept shifts (staff id, date) opened to
    /// share weekends more evenly (see `weekend_release`).
    pub released: HashSet<(i64, NaiveDate)>,
    /// The horizon as it stands, in the model's terms: the Fill keeps it
    /// when it finds nothing better (see [`super::run`]).
    pub current: Roster,
    /// Minutes the Fill may give beyond a person's target (its option).
    pub extra_minutes: u32,
    /// Model staff index → days of the period they are employed (hired by
    /// then and not yet left): their share of the weekends is scaled to it.
    pub employed_days: Vec<u32>,
}

impl Mapped {
    pub fn day_of(&self, date: NaiveDate) -> Option<usize> {
        let day = (date - self.dates[0]).num_days();
        usize::try_from(day).ok().filter(|&d| d < self.dates.len())
    }

    /// The model days of the period itself.
    pub fn period(&self) -> std::ops::Range<usize> {
        self.first_period_day..self.first_period_day + self.period_days
    }

    pub fn shift_of(&self, shift_type_id: i64) -> Option<usize> {
        self.shift_ids.iter().position(|&id| id == shift_type_id)
    }
}

pub fn map(loaded: &Loaded, options: &FillOptions) -> Mapped {
    let mapped = map_releasing(loaded, options, &HashSet::new());
    if !options.keep_existing {
        return mapped;
    }
    // Kept weekends far over a person's share are open to the Fill (see
    // `weekend_release`): mapped again with them released.
    let released = super::weekend_release::released(&mapped);
    if released.is_empty() {
        mapped
    } else {
        let mut mapped = map_releasing(loaded, options, &released);
        mapped.released = released;
        mapped
    }
}

/// [`map`] with the kept shifts of `released` (staff id, date) open to
/// the Fill as a kept per diem shift is (moving one costs [`MOVE_WEIGHT`]).
fn map_releasing(
    loaded: &Loaded,
    options: &FillOptions,
    released: &HashSet<(i64, NaiveDate)>,
) -> Mapped {
    let ctx = &loaded.ctx;
    // A Monday at least 7 days before the period: enough history for rest,
    // the day after a night and the days-in-a-row limit.
    let back = ctx.period_start - Duration::days(7);
    let first = back - Duration::days(i64::from(back.weekday().num_days_from_monday()));
    // Two days past the end: shifts already there (a next period) fixed,
    // so that a night on the last day cannot run into them.
    let dates: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| *d <= ctx.period_end + Duration::days(AFTER_DAYS))
        .collect();
    let first_period_day = (ctx.period_start - first).num_days() as usize;
    let period_days = ctx.days().count();
    let shifts = shifts(loaded, &dates);
    let shift_ids: Vec<i64> = ctx.shift_types.iter().map(|s| s.id).collect();

    let mut skills: Vec<Requirement> = Vec::new();
    for need in &ctx.coverage {
        if !skills.contains(&need.requirement) {
            skills.push(need.requirement);
        }
    }
    let mut mapped = Mapped {
        model: Model {
            days: dates.len(),
            shifts,
            staff: Vec::new(),
            requests: Vec::new(),
            cover: Vec::new(),
        },
        staff_ids: ctx.staff.iter().map(|s| s.id).collect(),
        dates,
        first_period_day,
        period_days,
        shift_ids,
        skills,
        covers: Vec::new(),
        agency: ctx
            .staff
            .iter()
            .map(|f| f.employment_type == EmploymentType::Agency)
            .collect(),
        warned: Vec::new(),
        released: HashSet::new(),
        current: Roster { cells: Vec::new() },
        extra_minutes: options.extra_hours * 60,
        employed_days: Vec::new(),
    };
    mapped.employed_days = ctx
        .staff
        .iter()
        .map(|f| {
            let employed = loaded.people.iter().find(|p| p.id == f.id);
            mapped
                .period()
                .filter(|&d| employed.is_some_and(|p| p.employed_on(mapped.dates[d])))
                .count() as u32
        })
        .collect();
    mapped.warned = ctx
        .staff
        .iter()
        .map(|f| {
            mapped
                .dates
                .iter()
                .map(|&date| {
                    f.credentials
                        .iter()
                        .any(|c| c.when_expired == ExpiredAction::Warn && c.lapsed_on(date))
                })
                .collect()
        })
        .collect();
    cover(loaded, &mut mapped, over_weight(options), options.staff_to);
    for (index, facts) in ctx.staff.iter().enumerate() {
        let person = staff(loaded, &mapped, facts, options, released);
        mapped.model.staff.push(person);
        requests(loaded, &mut mapped, index, options);
    }
    super::staff_requests::apply(loaded, &mut mapped, options);
    mapped.current = current_roster(ctx, &mapped);
    mapped
}

/// The horizon's cells as they stand, in the model's terms.
pub fn current_roster(ctx: &ScheduleContext, mapped: &Mapped) -> Roster {
    let mut roster = Roster::empty(&mapped.model);
    let index: HashMap<i64, usize> = mapped
        .staff_ids
        .iter()
        .enumerate()
        .map(|(i, &id)| (id, i))
        .collect();
    for a in &ctx.assignments {
        if let (Some(&s), Some(day), Some(shift)) = (
            index.get(&a.staff_id),
            mapped.day_of(a.date),
            mapped.shift_of(a.shift_type_id),
        ) {
            roster.cells[s][day] = Some(shift);
        }
    }
    roster
}

/// Shift types with their longest paid length in the horizon (a night is
/// an hour longer when the clocks go back), and the successions that break
/// the minimum rest, overlap, or put a day shift within a day of a night.
fn shifts(loaded: &Loaded, dates: &[NaiveDate]) -> Vec<Shift> {
    let ctx = &loaded.ctx;
    let types = &ctx.shift_types;
    let minutes = |t: &ShiftType| {
        dates
            .iter()
            .map(|&d| time::paid_minutes(&time::span(ctx.tz, d, t), t))
            .max()
            .unwrap_or(0)
            .clamp(0, i64::from(u32::MAX)) as u32
    };
    types
        .iter()
        .map(|a| {
            let banned = |gap: i64| {
                (0..types.len())
                    .filter(|&b| {
                        dates
                            .iter()
                            .any(|&d| limits::clash(ctx, a, d, &types[b], d + Duration::days(gap)))
                    })
                    .collect()
            };
            Shift {
                id: a.code.clone(),
                minutes: minutes(a),
                forbidden_next: banned(1),
                forbidden_after_gap: banned(2),
            }
        })
        .collect()
}

/// Two cover lines per day × need: the minimum (heavy) and the target
/// above it (lighter); people beyond a role's target cost more than any
/// hours they would make up; beyond a skill's, nothing.
fn cover(loaded: &Loaded, mapped: &mut Mapped, over_weight: u32, staff_to: StaffTo) {
    let ctx = &loaded.ctx;
    for day in mapped.period() {
        let date = mapped.dates[day];
        for need in ctx.coverage.iter().filter(|n| n.weekday == date.weekday()) {
            let Some(shift) = mapped.shift_of(need.shift_type_id) else {
                continue;
            };
            let skill = mapped.skills.iter().position(|r| *r == need.requirement);
            let need_target = need.target;
            let mut line = |requirement: u32, under_weight: u32, over_weight: u32, minimum| {
                mapped.model.cover.push(Cover {
                    day,
                    shift,
                    skill,
                    requirement,
                    under_weight,
                    over_weight,
                });
                mapped.covers.push(CoverMeaning {
                    date,
                    shift_type_id: need.shift_type_id,
                    requirement: need.requirement,
                    minimum,
                    target: need_target,
                });
            };
            let target = match staff_to {
                StaffTo::Target => need.target.max(need.minimum),
                StaffTo::Minimum => need.minimum,
            };
            // Only a head count is overstaffed by one more: a second charge
            // nurse on a shift is one more RN, which the RN line counts.
            // Charging for it kept staff with the skill off shifts that
            // already had one, short of their hours, and gave those shifts
            // to per diem nurses without it.
            let extra = match need.requirement {
                Requirement::Role(_) => over_weight,
                Requirement::Skill(_) => 0,
            };
            let over = if target > need.minimum { 0 } else { extra };
            line(need.minimum, MINIMUM_WEIGHT, over, true);
            if target > need.minimum {
                line(target, TARGET_WEIGHT, extra, false);
            }
        }
    }
}

/// One person: the cells they may take and their limits. Shifts before
/// the period are fixed; so are the period's own when kept, unless they
/// break a blocking rule (then the fill takes them off).
fn staff(
    loaded: &Loaded,
    mapped: &Mapped,
    facts: &StaffFacts,
    options: &FillOptions,
    released: &HashSet<(i64, NaiveDate)>,
) -> Staff {
    let ctx = &loaded.ctx;
    let model = &mapped.model;
    let employed = loaded.people.iter().find(|p| p.id == facts.id);
    let planned = counted_by_coverage(ctx, facts);
    let mut fixed = Vec::new();
    for a in ctx.assignments.iter().filter(|a| a.staff_id == facts.id) {
        let (Some(day), Some(shift)) = (mapped.day_of(a.date), mapped.shift_of(a.shift_type_id))
        else {
            continue;
        };
        let history = !mapped.period().contains(&day);
        let locked = options.keep_locked && loaded.locked.contains(&(facts.id, a.date));
        // A per diem or agency shift is kept only if locked: left open, the
        // fill gives it to someone short of their target who may take it
        // (an hour short costs more than a per diem hour) and keeps it
        // where nobody can.
        // One too close to another shift of theirs (a night then a day the
        // next morning) is open too: the fill moves or removes it rather
        // than keep a rest-rule break it could mend.
        // The Fill plans only for people some coverage need asks for: the
        // shifts of anyone else (an LPN with no LPN coverage set) stay as
        // they are, kept or not, unless they break a blocking rule.
        let kept = !limits::blocked(ctx, facts, a.date)
            && (!planned
                || (options.keep_existing
                    && !released.contains(&(facts.id, a.date))
                    && !limits::breaks_rest(ctx, a)
                    && !hourly(facts.employment_type, facts.fte_hundredths)));
        if history || locked || kept {
            fixed.push((day, shift));
        }
    }
    let is_fixed = |day: usize| fixed.iter().any(|&(d, _)| d == day);
    let mut days_off = Vec::new();
    let mut unavailable = Vec::new();
    for (day, &date) in mapped.dates.iter().enumerate() {
        if is_fixed(day) {
            continue;
        }
        let history = !mapped.period().contains(&day);
        let approved_off = ctx.time_off.iter().any(|t| {
            t.staff_id == facts.id && t.status == TimeOffStatus::Approved && t.covers(date)
        });
        // A locked cell with no shift stays a day off.
        let locked_off = options.keep_locked && loaded.locked.contains(&(facts.id, date));
        // On leave: employed, but not to be scheduled.
        let on_leave = facts.on_leave_on(date);
        if history
            || approved_off
            || locked_off
            || on_leave
            || !employed.is_some_and(|p| p.employed_on(date))
        {
            days_off.push(day);
        } else if facts
            .credentials
            .iter()
            .any(|c| c.when_expired == ExpiredAction::Block && c.lapsed_on(date))
        {
            // Only a credential that blocks keeps a person off, and only from
            // the day after it expires; one that warns is the manager's to
            // chase, as it is when they schedule by hand.
            unavailable.extend((0..model.shifts.len()).map(|s| (day, s)));
        } else {
            // A shift nobody is needed on that day is no place to make up
            // hours: the target would otherwise fill it for nothing. (Types
            // the person never counts for are closed by their contract.)
            unavailable.extend(
                ctx.shift_types
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| limits::eligible(ctx, facts, t.id))
                    .filter(|(_, t)| !needed(ctx, facts, t.id, date))
                    .map(|(s, _)| (day, s)),
            );
        }
    }
    let skills = mapped
        .skills
        .iter()
        .enumerate()
        .filter(|(_, r)| facts.meets(**r))
        .map(|(i, _)| i)
        .collect();
    let contract = limits::contract(loaded, mapped, facts, &fixed, options.extra_hours * 60);
    // A lapsed Warn credential leaves the target whole (issue #21: a
    // warning never keeps a person off the schedule, nor short of hours).
    let target = (options.fairness > 0)
        .then(|| target_minutes(ctx, mapped, facts, &fixed))
        .flatten()
        .map(|minutes| Target {
            first: mapped.first_period_day,
            days: mapped.period_days,
            minutes,
            under_per_hour: UNDER_PER_HOUR * options.fairness,
            over_per_hour: hourly_weights(options.fairness).0,
            over_near_minutes: OVER_NEAR_MINUTES,
            over_far_per_hour: hourly_weights(options.fairness).2,
            weekend_weight: WEEKEND_PER_FAIRNESS * options.fairness,
            fte_hundredths: facts.fte_hundredths.clamp(1, 200) as u32,
        });
    Staff {
        id: facts.name.clone(),
        contract,
        skills,
        days_off,
        fixed,
        unavailable,
        target,
    }
}

/// Whether some coverage need of `date`'s weekday asks for the shift type
/// and for someone like the person.
fn needed(ctx: &ScheduleContext, facts: &StaffFacts, shift_type_id: i64, date: NaiveDate) -> bool {
    ctx.coverage.iter().any(|n| {
        n.shift_type_id == shift_type_id
            && n.weekday == date.weekday()
            && n.target.max(n.minimum) > 0
            && facts.meets(n.requirement)
    })
}

/// Soft wishes as requests on each open cell: pending time off (asked, not
/// yet approved), the pay of the shift, a credential lapsed that only warns
/// ([`WARN_LAPSED_PER_SHIFT`]), and for per diem and agency staff the hours
/// themselves, so that they come after everyone with a target.
fn requests(loaded: &Loaded, mapped: &mut Mapped, index: usize, options: &FillOptions) {
    let ctx = &loaded.ctx;
    let facts = &ctx.staff[index];
    let person = &mapped.model.staff[index];
    let (_, per_diem, _, agency) = hourly_weights(options.fairness);
    let per_diem_per_hour = match facts.employment_type {
        _ if !hourly(facts.employment_type, facts.fte_hundredths) => 0,
        EmploymentType::Agency => agency,
        _ => per_diem,
    };
    let mut out = Vec::new();
    for day in mapped.period() {
        if person.days_off.contains(&day) || person.fixed.iter().any(|&(d, _)| d == day) {
            continue;
        }
        let date = mapped.dates[day];
        let asked_off = ctx.time_off.iter().any(|t| {
            t.staff_id == facts.id && t.status == TimeOffStatus::Requested && t.covers(date)
        });
        let warned = facts
            .credentials
            .iter()
            .any(|c| c.when_expired == ExpiredAction::Warn && c.lapsed_on(date));
        for (shift, t) in ctx.shift_types.iter().enumerate() {
            if person.contract.max_per_shift[shift] == 0 {
                continue;
            }
            let pay = limits::shift_pay_cents(ctx, facts, t, date);
            let weight = options.cost * (pay / 10_000) as u32
                + per_diem_per_hour * mapped.model.shifts[shift].minutes / 60
                + if asked_off { options.requests * 30 } else { 0 }
                + if warned { WARN_LAPSED_PER_SHIFT } else { 0 }
                + if facts.employment_type == EmploymentType::Agency {
                    AGENCY_PER_SHIFT
                } else {
                    0
                };
            if weight > 0 {
                out.push(Request {
                    staff: index,
                    day,
                    shift,
                    kind: RequestKind::Off,
                    weight,
                });
            }
        }
    }
    mapped.model.requests.extend(out);
    keep_requests(loaded, mapped, index, options.keep_existing);
}

/// With "keep existing", a kept shift left open to the Fill (a per diem or
/// agency shift, one too close to another) costs [`MOVE_WEIGHT`] to move
/// or take off, so that a Fill run again on its own result changes nothing
/// for small savings. Without it, each existing shift still costs
/// [`REBUILD_MOVE_WEIGHT`] to change, so that a rebuild keeps what it
/// cannot better (a rebuild run again had swapped 306 shifts for $70).
fn keep_requests(loaded: &Loaded, mapped: &mut Mapped, index: usize, keep_existing: bool) {
    let ctx = &loaded.ctx;
    let id = ctx.staff[index].id;
    let person = &mapped.model.staff[index];
    let mut out = Vec::new();
    for a in ctx.assignments.iter().filter(|a| a.staff_id == id) {
        let (Some(day), Some(shift)) = (mapped.day_of(a.date), mapped.shift_of(a.shift_type_id))
        else {
            continue;
        };
        let open = mapped.period().contains(&day)
            && !person.fixed.iter().any(|&(d, _)| d == day)
            && !person.days_off.contains(&day)
            && !person.unavailable.contains(&(day, shift));
        if open {
            out.push(Request {
                staff: index,
                day,
                shift,
                kind: RequestKind::On,
                weight: if !keep_existing {
                    REBUILD_MOVE_WEIGHT
                } else if ctx.staff[index].employment_type == EmploymentType::Agency {
                    AGENCY_BOOKING_MOVE_WEIGHT
                } else {
                    MOVE_WEIGHT
                },
            });
        }
    }
    mapped.model.requests.extend(out);
}

/// The period's coverage cells (a shift × need × day, as the coverage
/// rows under the grid show them) below their minimum (red) and, minimum
/// met, under their target (amber): `(below minimum, under target)`. One
/// definition for the progress bar, the review and the grid (see
/// `schedule::view_coverage::status`).
pub fn gaps(mapped: &Mapped, roster: &crate::solver::model::Roster) -> (u32, u32) {
    let model = &mapped.model;
    let mut count: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (s, row) in roster.cells.iter().enumerate() {
        for (day, cell) in row.iter().enumerate() {
            if let Some(shift) = cell {
                count.entry((day, *shift)).or_default().push(s);
            }
        }
    }
    let (mut minimum, mut target) = (0, 0);
    for (c, meaning) in model.cover.iter().zip(&mapped.covers) {
        if !meaning.minimum {
            continue;
        }
        let on = count.get(&(c.day, c.shift)).map_or(0, |people| {
            people.iter().filter(|&&s| model.qualifies(s, c)).count() as u32
        });
        if on < c.requirement {
            minimum += 1;
        } else if on < meaning.target {
            target += 1;
        }
    }
    (minimum, target)
}
